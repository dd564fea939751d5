#pragma once
// Inside cli/: the parsed command line.
#include <string>
#include <vector>

namespace zapros::cli {

struct Options {
    std::string command;  // render, check, new, init, help, version
    std::vector<std::string> inputs;
    std::string output;                   // -o
    std::string dir;                      // -d (render), --dir (new)
    std::string depfile;                  // --depfile FILE
    bool depfiles = false;                // -MD: OUT.d beside each output
    bool trace = false;                   // --trace
    bool json = false;                    // --diagnostics-format=json
    std::vector<std::string> allow_dirs;  // --allow-dir
    int jobs = 1;                         // -j N
    std::string lang = "ru";              // new, init --lang
    bool help = false;
};

struct Usage {
    std::string message;
};

Options parse_args(int argc, char** argv);  // throws Usage

int run_render(const Options& o);  // render and check
int run_new(const Options& o);
int run_init(const Options& o);

}  // namespace zapros::cli
