// Finding the requests repository a new request belongs to (zapros new).
#include <system_error>

#include "cli/starter.hpp"

namespace zapros::cli {

namespace {

// dir absolute and lexically normal, without a trailing separator.
std::filesystem::path normal(const std::filesystem::path& dir) {
    std::filesystem::path d = std::filesystem::absolute(dir).lexically_normal();
    if (!d.has_filename() && d.has_parent_path() && d != d.root_path()) d = d.parent_path();
    return d;
}

}  // namespace

std::optional<std::filesystem::path> find_repository(const std::filesystem::path& dir) {
    std::error_code ec;
    for (std::filesystem::path d = normal(dir);; d = d.parent_path()) {
        if (std::filesystem::exists(d / repository_marker, ec) || std::filesystem::is_regular_file(d / repository_schema, ec))
            return d;
        if (std::filesystem::exists(d / ".git", ec)) return std::nullopt;  // the work tree's top
        if (d == d.root_path() || !d.has_parent_path()) return std::nullopt;
    }
}

std::string schema_reference(const std::filesystem::path& dir, const std::filesystem::path& root) {
    return (normal(root) / repository_schema).lexically_relative(normal(dir)).generic_string();
}

}  // namespace zapros::cli
