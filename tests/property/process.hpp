#pragma once
// Running zapros and mutool: a child with its standard output in a file, its standard error
// captured, and a time limit (a hang is a failure to report, not a test that never ends).
#include <string>
#include <vector>

namespace zapros::property {

struct Outcome {
    int status = -1;  // the exit status; 128 + the signal when killed by one
    bool timed_out = false;
    std::string err;
};

Outcome run_program(const std::vector<std::string>& argv, const std::string& stdout_path, double timeout_seconds);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);

}  // namespace zapros::property
