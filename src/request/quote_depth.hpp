#pragma once
// Inside request/: block quotes nested too deep to read, refused before cmark-gfm reads them.
#include <string_view>

#include "base/diagnostic.hpp"

namespace zapros::request {

// cmark-gfm builds a node per '>' of a line before the body's nesting limit (max_nesting) is
// checked: 16 MiB of '>' took 3.9 GB. A line that opens with max_nesting + 2 block quote markers
// nests quotes deeper than the body allows (it refuses max_nesting + 1 already); reported here,
// where the body reports it (at marker max_nesting + 1), in its wording. Only where no line can be code or HTML (the body has
// no "```", "~~~" or '<'): there a '>' at a line's start, after at most three blanks, always opens
// a quote (it interrupts a paragraph, ends a table). Markers are counted up to a tab or four
// blanks (indented code): fewer, never more. text: the body, from line first_line of the file.
// False when it reported one.
bool quotes_fit(std::string_view text, int first_line, Diagnostics& diags);

}  // namespace zapros::request
