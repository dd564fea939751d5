#include "support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <csignal>
#include <fstream>
#include <thread>
#include <sstream>

#include "base/files.hpp"
#include "base/utf8.hpp"
#include "request/parse.hpp"

extern char** environ;

namespace zapros::test {

Parsed parse(const std::string& text, const std::string& file) {
    Parsed p;
    p.diags = Diagnostics(file);
    p.req = request::parse(file, text, p.diags);
    return p;
}

std::string request_text(const std::string& yaml, const std::string& body) {
    return "---\n" + yaml + "---\n" + body;
}

std::vector<std::string> messages(const Diagnostics& d) {
    std::vector<std::string> out;
    for (const Diagnostic& x : d.sorted())
        out.push_back(std::to_string(x.pos.line) + ":" + std::to_string(x.pos.col) +
                      (x.severity == Severity::error ? ": error: " : ": warning: ") + x.message);
    return out;
}

std::filesystem::path source_dir() { return ZAPROS_SOURCE_DIR; }
std::filesystem::path binary() { return ZAPROS_BINARY; }
const std::string& srgb_profile() {
    static const std::string profile = read(source_dir() / "icc" / "sRGB.icc");
    return profile;
}

namespace {

// A test process's files, all under one directory that goes when the process ends (a suite run
// left 90 MB in the temporary directory each time); ZAPROS_KEEP_TEST_FILES=1 keeps them to look at.
struct TestRoot {
    std::filesystem::path path = std::filesystem::temp_directory_path() / ("zapros-test-" + std::to_string(::getpid()));
    ~TestRoot() {
        if (const char* keep = std::getenv("ZAPROS_KEEP_TEST_FILES"); keep && *keep && std::string(keep) != "0") return;
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

const std::filesystem::path& test_root() {
    static const TestRoot root;
    return root.path;
}

}  // namespace

std::filesystem::path temp_dir(const std::string& name) {
    const auto dir = test_root() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void write(const std::filesystem::path& p, const std::string& text) {
    std::ofstream f(p, std::ios::binary);
    f << text;
}

std::string read(const std::filesystem::path& p) { return read_file(p); }

std::vector<std::string> temporaries(const std::filesystem::path& dir) {
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
        if (e.path().extension() == ".tmp") found.push_back(e.path().lexically_relative(dir).string());
    return found;
}

std::string read_u32(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) utf8::append(out, c);
    return out;
}

Run run_zapros(const std::vector<std::string>& args, const std::filesystem::path& cwd) {
    std::vector<std::string> argv{binary().string()};  // GITHUB_ACTIONS left out by tests/main.cpp
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, cwd);
}

Run run(const std::vector<std::string>& argv_in, const std::filesystem::path& cwd, double timeout) {
    const auto dir = temp_dir("run");
    const auto out = dir / "out", err = dir / "err";
    std::vector<std::string> argv_s = argv_in;
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());
    pid_t pid = 0;
    Run r;
    const auto start = std::chrono::steady_clock::now();
    if (posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ) == 0) {
        int st = 0;
        rusage usage{};
        for (;;) {
            const pid_t done = wait4(pid, &st, timeout > 0 ? WNOHANG : 0, &usage);
            if (done == pid) break;
            const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (timeout > 0 && elapsed > timeout && !r.timed_out) {
                r.timed_out = true;
                kill(pid, SIGKILL);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        r.signaled = WIFSIGNALED(st);
        r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        r.max_rss_kb = usage.ru_maxrss;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    posix_spawn_file_actions_destroy(&fa);
    r.out = read(out);
    r.err = read(err);
    return r;
}

std::size_t occurrences(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace zapros::test
