// zapros init [DIR]: starts a requests repository, all of it or nothing.
#include <iostream>
#include <system_error>

#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/pipeline.hpp"
#include "cli/starter.hpp"

namespace zapros::cli {

namespace {

namespace fs = std::filesystem;

// Creates dir and the directories above it that are missing, recording each in made.
void make_directories(const fs::path& dir, std::vector<fs::path>& made) {
    std::vector<fs::path> missing;
    std::error_code ec;
    for (fs::path d = dir; !d.empty() && !fs::exists(d, ec); d = d.parent_path()) missing.push_back(d);
    for (auto it = missing.rbegin(); it != missing.rend(); ++it) {
        if (!fs::create_directory(*it, ec) && ec) throw IoError("cannot create directory " + it->string() + ": " + ec.message());
        made.push_back(*it);
    }
}

std::string shown(const fs::path& root, const std::string& path) {
    return root == "." ? path : (root / path).string();
}

}  // namespace

int run_init(const Options& o) {
    const fs::path root = o.inputs.empty() ? fs::path(".") : fs::path(o.inputs.front());
    std::vector<StarterFile> files = starter_files(o.lang, ZAPROS_REPOSITORY, ZAPROS_VERSION);
    files.insert(files.begin() + 1, StarterFile{std::string(repository_schema), read_file(find_installation().schema)});

    // Every file is new or none is written: a repository's own Makefile or workflow is never
    // replaced, and a half-started repository is never left.
    if (std::error_code ec; fs::exists(root, ec) && !fs::is_directory(root, ec))
        throw IoError("cannot start a requests repository in " + root.string() + ": it is not a directory");
    std::vector<std::string> clashes;
    for (const StarterFile& f : files) {
        std::error_code ec;  // anything there, a dangling link too, or a file where a directory goes
        if (fs::symlink_status(root / f.path, ec).type() != fs::file_type::not_found) clashes.push_back(shown(root, f.path));
    }
    if (!clashes.empty()) {
        std::cerr << "zapros: error: init writes nothing: these files exist already\n";
        for (const std::string& c : clashes) std::cerr << "  " << c << '\n';
        return exit_input;
    }

    // The rule for every output (README "Command line"): a link already in DIR (a cloned
    // repository's requests → ~/.ssh) is followed only when it stays under DIR, wherever DIR is.
    WriteRoots roots;
    roots.add_allowed(root);
    std::vector<fs::path> targets;
    for (const StarterFile& f : files) targets.push_back(write_target(root / f.path, roots));

    std::vector<fs::path> made;  // in the order made, removed in reverse when a write fails
    try {
        for (std::size_t i = 0; i < files.size(); ++i) {
            make_directories(targets[i].parent_path(), made);
            write_file_atomic(targets[i], files[i].text, shown(root, files[i].path));
            made.push_back(targets[i]);
        }
    } catch (...) {
        std::error_code ec;
        for (auto it = made.rbegin(); it != made.rend(); ++it) fs::remove(*it, ec);
        throw;
    }

    std::cout << "zapros: started a requests repository" << (root == "." ? std::string() : " in " + root.string()) << ":\n";
    for (const StarterFile& f : files) std::cout << "  " << shown(root, f.path) << '\n';
    std::cout << "Next:\n";
    if (root != ".") std::cout << "  cd " << root.string() << '\n';
    std::cout << "  make                     renders " << starter_request << " to build/pdf/\n"
              << "  zapros new NAME          starts another request\n"
              << "  git init; git add -A; git commit -m 'Requests'\n";
    return exit_ok;
}

}  // namespace zapros::cli
