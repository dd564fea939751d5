// zapros new NAME: a request started from a template that shows every front matter key, its
// schema line relative to the repository it is written in.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <regex>
#include <string>

#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/starter.hpp"

namespace zapros::cli {

int run_new(const Options& o) {
    std::string name = o.inputs.front();
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".md") == 0) name.resize(name.size() - 3);
    static const std::regex simple(R"([A-Za-z0-9][A-Za-z0-9._-]*)");
    if (!std::regex_match(name, simple))
        throw Usage{"NAME is a file name of letters, digits, '.', '_' and '-' (no directories): '" + o.inputs.front() + "'"};
    const std::filesystem::path dir = o.dir.empty() ? "requests" : o.dir;
    const std::filesystem::path path = dir / (name + ".md");

    // The schema line points into the repository the request belongs to, which every clone has,
    // never into the zapros installation, which only this machine has. Outside a repository
    // there is nothing it could point at, and the line is left out.
    const auto root = find_repository(dir);
    const std::string text = request_template(o.lang, root ? schema_reference(dir, *root) : std::string());

    // The rule for every output (README "Command line"), judged before any directory is made: a
    // link in the path (a cloned repository's requests → ~/.ssh, requests/x.md → ~/.bashrc) is
    // followed only when it leads under the repository or DIR, each as named, not reached
    // through a link of its own.
    WriteRoots roots;
    roots.add_named(dir);
    if (root) roots.add_named(dir.is_absolute() ? *root : root->lexically_relative(std::filesystem::current_path()));
    const std::filesystem::path target = write_target(path, roots);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (ec) throw IoError("cannot create directory " + target.parent_path().string() + ": " + ec.message());

    // O_EXCL: never overwrite, not even a file that appears meanwhile; O_NOFOLLOW: nor a link.
    const int fd = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST) {
            std::cerr << "zapros: " << path.string() << " already exists; it is left as it is\n";
            return exit_input;
        }
        throw IoError("cannot create " + path.string() + ": " + std::strerror(errno));
    }
    try {
        write_descriptor(fd, text, path.string());  // every byte, a short write and EINTR retried
    } catch (...) {
        ::close(fd);
        ::unlink(target.c_str());
        throw;
    }
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(target.c_str());
        throw IoError("cannot write " + path.string() + ": " + std::strerror(err));
    }
    std::cout << path.string() << '\n';
    if (!root)
        std::cerr << "zapros: note: no requests repository holds " << dir.string() << " (no " << repository_marker
                  << " or " << repository_schema << " in it or above it), so " << path.string()
                  << " has no $schema line for editors; 'zapros init' starts a repository\n";
    return exit_ok;
}

}  // namespace zapros::cli
