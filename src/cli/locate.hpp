#pragma once
// Where zapros's data lives (fonts/, hyph/, schema/): found from the binary's own place, so an
// unpacked tarball and an installed .deb both work, with the compiled-in PREFIX/share/zapros last.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace zapros::cli {

// The places to look for the data, in order: EXE_DIR/../share/zapros (PREFIX/bin/zapros), EXE_DIR/..
// (build/zapros in the source tree), then compiled_in. Without a known binary only compiled_in.
std::vector<std::filesystem::path> data_candidates(const std::optional<std::filesystem::path>& exe,
                                                   const std::filesystem::path& compiled_in);

struct DataSearch {
    std::optional<std::filesystem::path> found;      // the first candidate that holds the data
    std::vector<std::filesystem::path> looked;       // every candidate, in order
    bool exe_known = false;
};
// holds(dir): whether dir holds zapros's data (the check touches the file system; tests inject it).
DataSearch search_data(const std::optional<std::filesystem::path>& exe, const std::filesystem::path& compiled_in,
                       const std::function<bool(const std::filesystem::path&)>& holds);

// The installation error's text: every place looked in (its fonts/), and, when the binary's own
// location was unknown, that share/zapros beside it could not be searched.
std::string data_not_found(const DataSearch& s);

// The running binary's path: /proc/self/exe; else the auxiliary vector's AT_EXECFN resolved against
// the starting directory; else argv[0] (remember_program) as given with a slash, or searched in PATH.
// Nothing when none answers.
std::optional<std::filesystem::path> own_executable();
// Called once at start (cli::main) with argv[0], before anything changes the working directory.
void remember_program(const char* argv0);

// The pure part of own_executable's last step: argv0 with a '/' resolved against cwd; without one,
// the first PATH entry where is_executable(entry/argv0) holds.
std::optional<std::filesystem::path> resolve_program(const std::string& argv0, const std::string& path_env,
                                                     const std::filesystem::path& cwd,
                                                     const std::function<bool(const std::filesystem::path&)>& is_executable);

}  // namespace zapros::cli
