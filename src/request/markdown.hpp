#pragma once
// Inside request/: cmark-gfm's parser and tree, each C handle owned once (STYLE 5), and a parse
// with the extensions a request's body uses (footnotes, tables, autolinks, strikethrough).
#include <cmark-gfm.h>

#include <memory>
#include <string>
#include <string_view>

namespace zapros::request {

struct MarkdownNodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using MarkdownTree = std::unique_ptr<cmark_node, MarkdownNodeDeleter>;

// The document node of text parsed as GitHub Flavored Markdown, with source positions. Without
// tables, the blocks only, in time linear in the text (request/table_rows.cpp reads them).
MarkdownTree parse_markdown(std::string_view text, bool tables = true);

// A node's literal text (text, code, HTML); empty for nodes without one.
std::string literal(cmark_node* n);

}  // namespace zapros::request
