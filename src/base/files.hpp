#pragma once
// File input and atomic output. Failures throw IoError; the CLI maps it to exit status 3.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zapros {

struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The whole file. Throws IoError naming the file and the system's reason.
std::string read_file(const std::filesystem::path& path);

// A file's bytes, mapped read-only when it is a regular file, or else owned as a string. A
// mapping copies nothing and touches only the pages read, the kernel mapping their neighbours
// from its cache along with them: for the fonts, of which a letter reads a few tables, a fault
// per several pages read instead of one per page of the whole file, and no copy. Like every
// mapping (a linker's, a grep's), it assumes the file is not truncated while it is held.
class FileBytes {
public:
    FileBytes() = default;
    explicit FileBytes(std::string owned) : owned_(std::move(owned)) {}
    // The file mapped (read when it is not a regular file or is empty). Throws IoError.
    static FileBytes map(const std::filesystem::path& path);
    FileBytes(FileBytes&& other) noexcept;
    FileBytes& operator=(FileBytes&& other) noexcept;
    FileBytes(const FileBytes&) = delete;
    FileBytes& operator=(const FileBytes&) = delete;
    ~FileBytes();

    std::string_view view() const { return mapped_ ? std::string_view(mapped_, size_) : std::string_view(owned_); }

private:
    std::string owned_;
    const char* mapped_ = nullptr;
    std::size_t size_ = 0;
};

// An output path that leads through a symbolic link outside every directory zapros may write
// into (a link committed to a repository as requests/x.pdf → ~/.bashrc, or as build → /etc).
// Nothing was written.
struct LinkRefused : IoError {
    // roots: the directories it may write under here, named in the message.
    LinkRefused(const std::filesystem::path& given, const std::filesystem::path& link, const std::filesystem::path& target,
                const std::vector<std::filesystem::path>& roots);
    std::filesystem::path link, target;
};

// The directories a symbolic link in an output path may lead under, each with its links resolved.
class WriteRoots {
public:
    // A directory as the command line or a default names it (the output's). One reached through
    // a link of its own is no root: the link may be a repository's (build → /home/…), and the
    // directory it reaches is not one the user named.
    void add_named(const std::filesystem::path& dir);
    // A directory the user allowed outright (--allow-dir), wherever its links lead.
    void add_allowed(const std::filesystem::path& dir);
    bool contains(const std::filesystem::path& resolved) const;
    const std::vector<std::filesystem::path>& dirs() const { return dirs_; }

private:
    std::vector<std::filesystem::path> dirs_;
};

// Where a write to `given` lands: given itself when no part of it is a symbolic link; else the
// file its links lead to (the last one followed even when it leads nowhere yet), which must lie
// under one of roots. Throws LinkRefused, or IoError for a loop of links. Asked for every output
// of an input before any is written, so that a refused one leaves the others untouched too.
std::filesystem::path write_target(const std::filesystem::path& given, const WriteRoots& roots);

// Writes bytes to a temporary file created fresh beside path (O_CREAT|O_EXCL|O_NOFOLLOW, a name
// drawn at random that no one can plant in advance) and renames it over path, so that path is
// either the old file or the complete new one; a link put at path meanwhile is replaced, never
// followed. On any failure the temporary file is removed and IoError thrown, naming `shown`
// (the path as the user gave it; path by default). No fsync: like a compiler's output, a PDF can
// always be rebuilt from its source. An existing path that is not a regular file (/dev/null, a
// FIFO, a terminal) is written into directly, never replaced.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes, const std::string& shown = {});

// The descriptor a path names when it is the process's own standard output or error, or one of
// its open descriptors (/dev/stdout, /dev/fd/N, /proc/self/fd/N): written as it is, no path opened.
std::optional<int> own_descriptor(const std::filesystem::path& path);

// Writes all bytes to an open descriptor (standard output for "-o -"). Throws IoError naming what.
void write_descriptor(int fd, std::string_view bytes, const std::string& what);

}  // namespace zapros
