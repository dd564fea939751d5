#pragma once
// Inside cli/: the parsed command line.
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace zapros::cli {

struct Options {
    std::string command;  // render, check, watch, list, new, init, help, version
    std::vector<std::string> inputs;
    std::string output;                   // -o
    std::string dir;                      // -d (render), --dir (new)
    std::string depfile;                  // --depfile FILE
    bool depfiles = false;                // -MD: OUT.d beside each output
    bool trace = false;                   // --trace
    bool eml = false;                     // --eml: OUT.eml, the e-mail draft, beside each PDF
    bool pdf = true;                      // --format pdf (the default): the pages (PDF, or the trace)
    bool txt = false;                     // --format txt, or -o X.txt: the text twin, X.txt
    std::size_t max_chars = 0;            // --max-chars N: warn when the twin is longer; 0: no limit
    std::string pdf_standard;             // --pdf-standard a-2u|a-2b|none (over the front matter); empty: not given
    bool per_addressee = false;           // --per-addressee: a copy per addressee too (as split: true)
    DiagnosticFormat format = DiagnosticFormat::gcc;  // --diagnostics-format, or github under GITHUB_ACTIONS
    std::string summary;                  // --summary FILE: a Markdown section appended
    std::string summary_link;             // --summary-link URL: each row's link
    std::string code_quality;             // --code-quality FILE: GitLab's Code Quality JSON
    std::string outputs_file;             // --outputs-file FILE: the PDFs written, one a line
    std::vector<std::string> allow_dirs;  // --allow-dir
    int jobs = 1;                         // -j N
    std::string lang = "ru";              // new, init --lang
    std::string register_format = "table";  // list --format: table, json or csv
    std::string today;                    // list, render, check --today YYYY-MM-DD (default: the local date)
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
int run_watch(const Options& o);   // watch.cpp
int run_new(const Options& o);
int run_list(const Options& o);  // cli/list.cpp
int run_init(const Options& o);

}  // namespace zapros::cli
