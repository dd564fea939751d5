#pragma once
// Inside request/: the CommonMark body (cmark-gfm with footnotes, tables, autolinks and
// strikethrough) converted into request's own blocks and notes.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/file_access.hpp"
#include "request/request.hpp"
#include "request/source.hpp"

namespace zapros::request {

struct Body {
    std::vector<Block> blocks;
    std::vector<Note> notes;
    std::vector<std::string> reads;  // files looked at (images)
};

// Limits that keep hostile input linear and the stack bounded.
inline constexpr int max_nesting = 32;
inline constexpr std::size_t max_notes = 10000;
// A link's URL, in bytes: twice what RFC 9110 asks every recipient to support (8,000 octets),
// and small enough that even percent-encoded (each byte at most three) it stays under libharu's
// 65,535-byte string limit. A longer URL is printed as text without a link.
inline constexpr std::size_t max_url_bytes = 16384;

// The error for `what` ("blocks", "inline markup") nested past max_nesting.
inline std::string nests_too_deep(std::string_view what) {
    return std::string(what) + " nest deeper than " + std::to_string(max_nesting) + " levels";
}

// text: the body as it stands in src from line first_line on; access: where image paths are
// looked up and what they may reach.
Body read_body(std::string_view text, int first_line, const Source& src, const FileAccess& access,
               Diagnostics& diags);

}  // namespace zapros::request
