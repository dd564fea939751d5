#pragma once
// File input and atomic output. Failures throw IoError; the CLI maps it to exit status 3.
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>

namespace zapros {

struct IoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The whole file. Throws IoError naming the file and the system's reason.
std::string read_file(const std::filesystem::path& path);

// Writes bytes to PATH.tmp and renames it over path, so that path is either the old file or the
// complete new one. On any failure the temporary file is removed and IoError thrown. No fsync:
// like a compiler's output, a PDF can always be rebuilt from its source. A symbolic link is
// followed (its target is replaced, the link kept); an existing path that is not a regular
// file (/dev/null, a FIFO, a terminal) is written into directly, never replaced.
void write_file_atomic(const std::filesystem::path& path, std::string_view bytes);

}  // namespace zapros
