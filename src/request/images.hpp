#pragma once
// Inside request/: images in the body. They are not drawn yet, but a missing file is an error (a
// request must not go out without the scan it names), an existing one a warning; either way the
// alt text stands in the image's place. Files are looked up as FileAccess allows.
#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/file_access.hpp"
#include "request/request.hpp"

namespace zapros::request {

// The alt text of image node n, at `at`, as a text inline; a file it looked at goes to reads.
Inline image_alt_text(cmark_node* n, Pos at, const FileAccess& access, std::vector<std::string>& reads,
                      Diagnostics& diags);

}  // namespace zapros::request
