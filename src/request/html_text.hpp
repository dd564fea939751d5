#pragma once
// Inside request/: the text a browser shows of raw HTML, which zapros prints without
// interpreting the markup: tags left out, character references decoded, blanks collapsed as in
// normal flow (kept in <pre>), block-level elements set apart as paragraphs or lines, table cells
// apart by a space, comments and the contents of <script> and <style> never shown.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "request/entities.hpp"

namespace zapros::request {

struct HtmlRun {
    enum class Kind {
        text,          // shown text, blanks collapsed to single spaces
        preformatted,  // a line of <pre>, blanks as written
        soft_break,    // blanks that held a line end: a space
        hard_break,    // <br>, the end of a line of its own, a line end in <pre>
    };
    Kind kind = Kind::text;
    std::string text;
    std::size_t offset = 0;  // where its first character stands in the HTML
};

// A paragraph's runs: no break at either end, no two breaks in a row.
using HtmlParagraph = std::vector<HtmlRun>;

// The text an HTML block shows, in paragraphs; none when it shows nothing (a comment). Named
// references are looked up in `named`, which want_entity_names has filled and decoded.
std::vector<HtmlParagraph> html_text(std::string_view html, const NamedEntities& named);

// Asks `named` for every name of a "&name;" in the text html shows.
void want_entity_names(std::string_view html, NamedEntities& named);

}  // namespace zapros::request
