#pragma once
// Questions about a typeset document, for tests: where marks and notes are, which lines hold what.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "cli/pipeline.hpp"
#include "compose/document.hpp"
#include "page/page.hpp"
#include "para/typeset.hpp"

namespace zapros::test {

// Typesets a request with the repository's fonts and dictionaries.
std::optional<cli::Typeset> typeset_file(const std::filesystem::path& md, Diagnostics& diags);
std::optional<cli::Typeset> typeset_text(const std::string& md, Diagnostics& diags);
cli::Pipeline& pipeline();
// A paragraph of one span of 12 pt PT Serif on 15 pt, positioned at 3:1.
compose::Paragraph paragraph_of(const std::string& text, compose::Align align = compose::Align::justify);
// The repository's fonts and dictionaries, for setting paragraphs by hand.
const para::Resources& resources();
// A paragraph's items as text: the boxes' text, " " for a space, "|" where a break inside a word
// adds nothing, "=" where it adds a hyphen, "/" where it brings a ragged end (URLs, U+200B) and
// "!" for a last resort.
std::string pieces(const para::ItemList& l);

// Pages are numbered from 1; 0 when not found.
int mark_page(const page::Pages& p, int note);
int note_page(const page::Pages& p, int note);
// "note n: mark on page a, note on page b" for every note whose first mark and start differ.
std::vector<std::string> footnote_invariant_violations(const page::Pages& p);

// The body lines of a page (above the notes' rule), top to bottom.
std::vector<const page::Placed*> body_lines(const page::Page& p);
int note_lines(const page::Page& p);  // lines below the rule
std::vector<const page::Placed*> lines_containing(const page::Pages& p, const std::string& word);
int count_text(const page::Pages& p, const std::string& run_text);
Sp x_of(const page::Pages& p, const std::string& run_text);  // absolute x of the first such run
Sp line_left(const page::Placed& pl);                        // absolute x of its first run

// A run's advance: its glyphs' widths and kerns, scaled as the PDF draws them (a trailing
// space drawn for copying, and spaces ending a code line, not counted).
Sp run_width(const para::Run& r);
// "page 2: 'word' ends at 560.3 pt, past 552.8" for every run outside the text area (the page
// numbers' margin aside), and for every two runs of a line that overlap.
std::vector<std::string> zone_violations(const page::Pages& p, const compose::Style& style = {});
// The text of every run on the pages, in order, joined without spaces: what a reader sees.
std::string all_text(const page::Pages& p);

}  // namespace zapros::test
