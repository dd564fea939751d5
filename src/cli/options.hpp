#pragma once
// Inside cli/: the parsed command line.
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace zapros::cli {

struct Options {
    std::string command;  // render, check, new, init, help, version
    std::vector<std::string> inputs;
    std::string output;                   // -o
    std::string dir;                      // -d (render), --dir (new)
    std::string depfile;                  // --depfile FILE
    bool depfiles = false;                // -MD: OUT.d beside each output
    bool trace = false;                   // --trace
    bool per_addressee = false;           // --per-addressee: a copy per addressee too (as split: true)
    DiagnosticFormat format = DiagnosticFormat::gcc;  // --diagnostics-format, or github under GITHUB_ACTIONS
    std::string summary;                  // --summary FILE: a Markdown section appended
    std::string summary_link;             // --summary-link URL: each row's link
    std::string code_quality;             // --code-quality FILE: GitLab's Code Quality JSON
    std::string outputs_file;             // --outputs-file FILE: the PDFs written, one a line
    std::vector<std::string> allow_dirs;  // --allow-dir
    int jobs = 1;                         // -j N
    std::string lang = "ru";              // new, init --lang
    bool help = false;
};

struct Usage {
    std::string message;
};

Options parse_args(int argc, char** argv);  // throws Usage

// The format when none is given: github inside GitHub Actions (github_actions is the value of
// GITHUB_ACTIONS, null when unset), so that its diagnostics become annotations with no problem
// matcher, in container jobs too; gcc elsewhere.
DiagnosticFormat default_format(const char* github_actions);

int run_render(const Options& o);  // render and check
int run_new(const Options& o);
int run_init(const Options& o);

}  // namespace zapros::cli
