#pragma once
// Inside request/: raw HTML in a request's body. zapros does not interpret it, but prints the
// text a browser would show (html_text.hpp): an HTML block becomes paragraphs, and inline HTML
// becomes the breaks its tags make.
#include <cmark-gfm.h>

#include <optional>
#include <vector>

#include "request/entities.hpp"
#include "request/request.hpp"
#include "request/source.hpp"

namespace zapros::request {

// The named character references of the body's HTML blocks, decoded (NamedEntities::decode).
NamedEntities html_block_entities(cmark_node* doc);

// An HTML block node's text as paragraphs, each piece of text at its own position; none when it
// shows nothing (a comment). line_shift: the file line before the body's first.
std::vector<Block> html_block_paragraphs(cmark_node* n, int line_shift, ColumnCounter& columns, const NamedEntities& named);

// Inline HTML nodes, one paragraph level's in turn: the tags make the breaks a browser shows,
// and what they enclose is ordinary Markdown and stays.
class InlineHtmlReader {
public:
    // What the inline HTML node n at `at` becomes after the inlines `before` it: nothing, text (a
    // tag GFM's tag filter escapes), or a break, which never opens a paragraph nor follows another
    // (a <br> on a line of its own takes the place of the line end before it). Moves n past the
    // siblings a <script> or <style> hides, up to its end tag.
    std::optional<Inline> read(cmark_node*& n, Pos at, std::vector<Inline>& before);

private:
    // Whether a search for </script> or </style> among the later siblings found none: then no
    // later one can, and searching stays linear.
    bool no_script_end_ = false, no_style_end_ = false;
};

}  // namespace zapros::request
