#pragma once
// File input and atomic output. Failures throw IoError; the CLI maps it to exit status 3.
#include <filesystem>
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

// An output path that is a symbolic link leading outside every directory zapros may write into
// (a link committed to a repository as requests/x.pdf → ~/.bashrc). Nothing was written.
struct LinkRefused : IoError {
    LinkRefused(const std::filesystem::path& link, const std::filesystem::path& target);
    std::filesystem::path link, target;
};

// Writes bytes to a temporary file created fresh beside the target (O_CREAT|O_EXCL|O_NOFOLLOW,
// a name no one can plant in advance) and renames it over the target, so that the target is
// either the old file or the complete new one. On any failure the temporary file is removed and
// IoError thrown. No fsync: like a compiler's output, a PDF can always be rebuilt from its
// source.
//
// When path is a symbolic link, the target it resolves to is written (the link kept) only when
// that target lies under one of link_roots; otherwise LinkRefused is thrown before anything is
// opened. An existing path that is not a regular file (/dev/null, a FIFO, a terminal) is written
// into directly, never replaced.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes,
                       const std::vector<std::filesystem::path>& link_roots = {});

// Writes all bytes to an open descriptor (standard output for "-o -"). Throws IoError naming what.
void write_descriptor(int fd, std::string_view bytes, const std::string& what);

}  // namespace zapros
