#pragma once
// File input and atomic output. Failures throw IoError; the CLI maps it to exit status 3.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

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

// Writes bytes to PATH.tmp and renames it over path, so that path is either the old file or the
// complete new one. On any failure the temporary file is removed and IoError thrown. No fsync:
// like a compiler's output, a PDF can always be rebuilt from its source. A symbolic link is
// followed (its target is replaced, the link kept); an existing path that is not a regular
// file (/dev/null, a FIFO, a terminal) is written into directly, never replaced.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace zapros
