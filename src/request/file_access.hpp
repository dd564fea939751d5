#pragma once
// Inside request/: which files a request may read (images), by canonical path.
#include <filesystem>
#include <vector>

namespace zapros::request {

// Where a request may read files: its own directory and the allowed ones, by canonical path.
class FileAccess {
public:
    FileAccess(const std::filesystem::path& request_dir, const std::vector<std::filesystem::path>& allowed);
    enum class Verdict { ok, missing, outside };
    // p is relative to the request's directory (or absolute).
    Verdict check(const std::filesystem::path& p) const;
    const std::filesystem::path& dir() const { return dir_; }

private:
    std::filesystem::path dir_;
    std::vector<std::filesystem::path> roots_;
};

}  // namespace zapros::request
