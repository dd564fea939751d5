#pragma once
// Inside request/: tables too wide to read, refused before cmark-gfm reads them.
#include <string_view>

#include "base/diagnostic.hpp"

namespace zapros::request {

// More columns than any page holds (each needs a letter, its padding and a rule: some 40 fit).
inline constexpr std::size_t max_table_columns = 100;
// cmark-gfm tries each delimiter row of a paragraph with the line before as a header, reading
// every line before it again: a paragraph of "x" and "|-|-|" lines costs the square of its size
// (64 KB took 62 s). A paragraph past this many tries that started no table is refused.
inline constexpr int max_delimiter_tries = 10;

// cmark-gfm (0.29.0.gfm.6) appends each cell of a table row to a list by walking the list to its
// end, so a row of n cells costs n² (43,000 cells took 55 s). Reports the first line of more
// than max_table_columns cells that cmark would read as a row: a table's header, delimiter and
// body rows, the line that ends a table, and the lines of a paragraph before a delimiter row
// ("|---|:-:|"), each of which cmark reads while it looks for the header. Lines in code, HTML
// blocks and paragraphs without a delimiter row are text. text: the body, from line first_line of
// the file. False when it reported one.
bool table_rows_fit(std::string_view text, int first_line, Diagnostics& diags);

}  // namespace zapros::request
