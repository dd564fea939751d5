#pragma once
// Inside request/: an image file the request names, in the body or in the front matter, checked
// one way wherever it stands, so a logo cannot reach what a body image may not.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/file_access.hpp"
#include "request/request.hpp"

namespace zapros::request {

// "scheme:" at the start of a URL (RFC 3986): remote, not a file next to the request.
bool is_remote(std::string_view url);

// The image `written` names at its position, read as `file` (relative to the request's
// directory): a missing file is an error naming where it was looked for, one outside the allowed
// directories an error with the --allow-dir hint. An accepted file goes to reads (a depfile lists
// it, so changing it rebuilds the PDF).
std::optional<ImageRef> image_file(const Text& written, const std::filesystem::path& file, const FileAccess& access,
                                   std::vector<std::string>& reads, Diagnostics& diags);

}  // namespace zapros::request
