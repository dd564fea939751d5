#pragma once
// Helpers shared by the tests: parse a request from a string, read diagnostics as text, run the
// zapros binary.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/request.hpp"

namespace zapros::test {

struct Parsed {
    std::optional<request::Request> req;
    Diagnostics diags{"t.md"};
};

Parsed parse(const std::string& text, const std::string& file = "t.md");

// A request with the given front matter lines (without the fences) and body.
std::string request_text(const std::string& yaml, const std::string& body = "Текст.\n");
// A minimal valid front matter: title and to.
inline const std::string minimal_yaml = "title: Запрос\nto: Министерство\n";

// "LINE:COL: error: message" per diagnostic, sorted by position (the file name left out).
std::vector<std::string> messages(const Diagnostics& d);

std::filesystem::path source_dir();
std::filesystem::path binary();
// The sRGB profile zapros ships (icc/sRGB.icc), which a standard's PDF carries: for tests that
// call output::write_pdf with a standard.
const std::string& srgb_profile();
// A fresh empty directory for one test.
std::filesystem::path temp_dir(const std::string& name);

struct Run {
    int status = -1;       // the exit status; 128 + the signal's number when killed by one
    bool signaled = false;
    bool timed_out = false;
    long max_rss_kb = 0;   // the child's peak resident memory
    double seconds = 0;
    std::string out, err;
};
// Runs a program (found on PATH) with its arguments, no shell, in cwd when given; kills it after
// timeout seconds (0: no limit).
Run run(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {}, double timeout = 0);
// Runs the zapros binary with args.
Run run_zapros(const std::vector<std::string>& args, const std::filesystem::path& cwd = {});

void write(const std::filesystem::path& p, const std::string& text);
// The temporary files (names ending ".tmp") left anywhere under dir: a failed or finished write
// must leave none.
std::vector<std::string> temporaries(const std::filesystem::path& dir);
std::string read_u32(const std::u32string& s);  // as UTF-8, for messages
std::string read(const std::filesystem::path& p);
// How many times needle occurs in hay, overlapping occurrences included.
std::size_t occurrences(const std::string& hay, const std::string& needle);

}  // namespace zapros::test
