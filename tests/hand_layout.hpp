#pragma once
// Layout on a made-up monospaced face, so that a flow or page test can derive its breaks and
// pages by hand. Every character is 500/1000 em with no kerning: at 12 pt a letter and a space
// are 6 pt each. hand_style() sets the body in a measure of 114 pt, which holds four words of
// four letters and their three spaces (4·24 + 3·6) exactly: a fifth word does not fit even at
// full shrink (144 − 4·2 = 136 pt) and three would stretch their two spaces ten times over, so
// every line of hand_text() holds four words. Lines are 15 pt apart (10.5 above the baseline,
// 4.5 below) with no glue between them, so a page holds exactly its text height / 15 pt lines.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compose/document.hpp"
#include "flow/flow.hpp"
#include "page/paginate.hpp"
#include "para/typeset.hpp"
#include "text/fonts.hpp"

namespace zapros::test {

// The made-up face for every font of the catalogue, covering the characters in `covers`.
std::unique_ptr<text::FontSource> monospaced(std::vector<std::pair<char32_t, char32_t>> covers = {{0, 0x10FFFF}});
const text::Fonts& fake_fonts();          // covering every character
const para::Resources& fake_resources();  // fake_fonts(), no hyphenation

constexpr Sp hand_line = pt(15);
// A4's margins, a measure of 114 pt, a text height of `lines` lines; notes under a skip of one
// line and no gap between them, so that a note of k lines takes k + 1 lines of the page.
compose::Style hand_style(int lines);

// Lines first, first + 1, … of four words each: "001a 001b 001c 001d 002a …", so that a line is
// known by its number.
std::string hand_text(int first, int lines);
std::string hand_word(int line, char which);  // "007c"
// Lines first … first + n − 1 as one hand_paragraph().
compose::Paragraph hand_lines(int first, int n);
// Lines first … first + n − 1, one string each, as body_text() reads them back.
std::vector<std::string> numbered(int first, int n);
std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b);
// A justified paragraph of 12 pt on 15 pt, with no indent and no space around it; a span each.
compose::Paragraph hand_paragraph(std::vector<compose::Span> spans);
compose::Span hand_span(std::string text);
compose::Span hand_mark(int note);  // the note's number, small and raised, as compose sets it
compose::Note hand_note(int number, int lines);  // note 3's line 2: "n32a n32b n32c n32d"; 12 on 15 pt
// The closing without signatures: the date and place, one line, right after the text.
compose::Closing hand_closing();

compose::Document hand_document(int lines_per_page, std::vector<compose::Block> blocks, std::vector<compose::Note> notes = {});
flow::Flow hand_flow(const compose::Document& doc, Diagnostics& d);
page::Pages hand_pages(const compose::Document& doc, Diagnostics& d, const page::PageParams& pp = {});

// "001a 001b 001c 001d" for each body line of page `page` (1-based), top to bottom; a run
// followed by a space is followed by " ", a note's mark sticks to its word ("005d1").
std::vector<std::string> body_text(const page::Pages& p, int page);
std::vector<std::string> note_text(const page::Pages& p, int page);  // the same below the rule
std::string line_text(const para::Line& l);

}  // namespace zapros::test
