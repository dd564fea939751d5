#pragma once
// The letter as plain UTF-8 text (the text twin), for web forms that take no PDF: written from the
// composed Document, not from pages, so that its words are the PDF's words (quotes, dashes and
// no-break spaces, which stay U+00A0) without the line breaks, hyphens and page furniture.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "compose/document.hpp"

namespace zapros::output {

struct TextSettings {
    int list_indent = 3;              // spaces per list level (the width of "1) ")
    std::string_view quote = "> ";    // before each line, once per quote level
    std::string_view rule = "* * *";  // a thematic break's line
    std::string_view cell_gap = " | ";
    std::string_view header_gap = "-+-";  // the cell gap in the line under a table's header
    std::size_t excerpt = 40;         // characters of the overflow quoted by the length warning
};

// Bytes [begin, end) of the text were set from the request at pos: a span's text (its position
// is where it starts in the source; what typography changed inside it has no finer one).
struct TextSource {
    std::size_t begin = 0, end = 0;
    Pos pos;
};

struct TextTwin {
    std::string text;
    std::vector<TextSource> sources;  // in text order, not overlapping
};

// The letterhead, the sender block with the registration lines, each addressee block, the
// title, the opening; the body's paragraphs unwrapped, one per line, a blank line between them
// (a tight list's items and a code block's lines run on); headings as paragraphs; list markers
// (nested lists indented); quotes with "> " per level; tables as rows of cells; figures as
// "[alt] caption"; note marks as "[1]"; the enclosures, the closing (the courtesy line, each
// signature row: the role, the line to sign on and the name), the date and place line, the
// executor; the notes last ("[1] text"). A link whose text is not its URL is followed by the URL
// in parentheses. Pictures that are no figure (the logo, scans, the seal) are left out.
TextTwin text_twin(const compose::Document& doc, const TextSettings& settings = {});
std::string write_text(const compose::Document& doc);

// A web form's limit: when the twin has more than max_chars characters (code points, line ends
// included), a warning at the source position of the span holding character max_chars + 1, with
// the count, the overflow and its first characters.
void check_length(const TextTwin& twin, std::size_t max_chars, Diagnostics& diags, const TextSettings& settings = {});

}  // namespace zapros::output
