#pragma once
// Inside request/: the CommonMark body (cmark-gfm with footnotes, tables, autolinks and
// strikethrough) converted into request's own blocks and notes.
#include <filesystem>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/request.hpp"
#include "request/source.hpp"

namespace zapros::request {

struct Body {
    std::vector<Block> blocks;
    std::vector<Note> notes;
};

// Limits that keep hostile input linear and the stack bounded.
inline constexpr int max_nesting = 32;

// text: the body as it stands in src from line first_line on; dir: the request's directory,
// against which image paths are checked.
Body read_body(std::string_view text, int first_line, const Source& src,
               const std::filesystem::path& dir, Diagnostics& diags);

}  // namespace zapros::request
