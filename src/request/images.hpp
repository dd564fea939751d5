#pragma once
// Inside request/: images in the body. An image standing alone among a paragraph's top-level
// inlines becomes a figure (body.cpp splits the paragraph around it); elsewhere (in a link or
// emphasis, a heading, a table cell, a note) it cannot stand, and its alt text is printed with a
// warning that says why. Either way a missing file is an error (a request must not go out
// without the scan it names). Files are looked up as FileAccess allows.
#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/file_access.hpp"
#include "request/request.hpp"

namespace zapros::request {

// Whether image node n names a remote URL (nothing is fetched: its alt text is printed).
bool is_remote_image(cmark_node* n);

// The figure image node n at `at` becomes: its file checked (missing or outside: an error, and
// nothing), an ok one added to reads.
std::optional<Block> image_figure(cmark_node* n, Pos at, const FileAccess& access, std::vector<std::string>& reads,
                                  Diagnostics& diags);

// The alt text of image node n, at `at`, as a text inline, for an image that is not drawn: a
// remote one, or one standing `where` no figure can ("in a heading"); its file is checked all the
// same, and one it looked at goes to reads.
Inline image_alt_text(cmark_node* n, Pos at, std::string_view where, const FileAccess& access,
                      std::vector<std::string>& reads, Diagnostics& diags);

// A piece of a paragraph split at a figure, without the blanks and line breaks that stood
// between it and the figure; empty when nothing else was there.
void trim_around_figure(std::vector<Inline>& in);

}  // namespace zapros::request
