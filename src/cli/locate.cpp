#include "cli/locate.hpp"

#include <sys/auxv.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

namespace zapros::cli {

namespace fs = std::filesystem;

std::vector<fs::path> data_candidates(const std::optional<fs::path>& exe, const fs::path& compiled_in) {
    std::vector<fs::path> out;
    if (exe) {
        const fs::path prefix = exe->parent_path().parent_path();
        out.push_back(prefix / "share" / "zapros");  // PREFIX/bin/zapros: an installation, a tarball
        out.push_back(prefix);                       // build/zapros in the source tree
    }
    if (!compiled_in.empty() && std::find(out.begin(), out.end(), compiled_in) == out.end()) out.push_back(compiled_in);
    return out;
}

DataSearch search_data(const std::optional<fs::path>& exe, const fs::path& compiled_in,
                       const std::function<bool(const fs::path&)>& holds) {
    DataSearch s;
    s.exe_known = exe.has_value();
    s.looked = data_candidates(exe, compiled_in);
    for (const fs::path& dir : s.looked)
        if (holds(dir)) {
            s.found = dir;
            break;
        }
    return s;
}

std::string data_not_found(const DataSearch& s) {
    std::string text = "cannot find zapros's fonts; looked in:";
    for (const fs::path& dir : s.looked) text += "\n  " + (dir / "fonts").string();
    if (!s.exe_known)
        text += "\n(the binary's own location is unknown: no /proc/self/exe, AT_EXECFN or argv[0] on PATH;"
                " share/zapros beside it was not searched)";
    return text + "\n(set ZAPROS_DATA_DIR to the directory holding fonts/, hyph/ and icc/)";
}

std::optional<fs::path> resolve_program(const std::string& argv0, const std::string& path_env, const fs::path& cwd,
                                        const std::function<bool(const fs::path&)>& is_executable) {
    if (argv0.empty()) return std::nullopt;
    if (argv0.find('/') != std::string::npos) return (cwd / argv0).lexically_normal();
    for (std::size_t at = 0; at <= path_env.size();) {
        std::size_t end = path_env.find(':', at);
        if (end == std::string::npos) end = path_env.size();
        const std::string entry = path_env.substr(at, end - at);
        const fs::path dir = entry.empty() ? cwd : cwd / entry;  // an empty entry is the current directory
        if (is_executable(dir / argv0)) return (dir / argv0).lexically_normal();
        at = end + 1;
    }
    return std::nullopt;
}

namespace {

struct Start {
    std::string argv0;
    fs::path cwd;
};

Start& start() {
    static Start s;
    return s;
}

// Follows symbolic links (a /usr/local/bin link to an unpacked tarball's bin/zapros) without /proc:
// realpath(3) reads each link itself.
std::optional<fs::path> real(const fs::path& p) {
    std::error_code ec;
    fs::path r = fs::canonical(p, ec);
    if (ec) return std::nullopt;
    return r;
}

}  // namespace

void remember_program(const char* argv0) {
    start().argv0 = argv0 ? argv0 : "";
    std::error_code ec;
    start().cwd = fs::current_path(ec);
}

std::optional<fs::path> own_executable() {
    std::error_code ec;
    if (fs::path exe = fs::read_symlink("/proc/self/exe", ec); !ec) return exe;
    fs::path cwd = start().cwd;
    if (cwd.empty()) cwd = fs::current_path(ec);
    // The path the kernel was given to execve, kept in the auxiliary vector: no /proc needed.
    if (const auto* fn = reinterpret_cast<const char*>(getauxval(AT_EXECFN)); fn && *fn)
        if (auto r = real(cwd / fn)) return r;
    const char* path = std::getenv("PATH");
    const auto found = resolve_program(start().argv0, path ? path : "", cwd,
                                       [](const fs::path& p) { return ::access(p.c_str(), X_OK) == 0 && fs::is_regular_file(p); });
    if (found) return real(*found);
    return std::nullopt;
}

}  // namespace zapros::cli
