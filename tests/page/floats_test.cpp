// The floating rule (page/floats.hpp), on documents made by hand in the made-up monospaced face
// (hand_layout.hpp): four words a line, lines of 15 pt (10.5 above the baseline, 4.5 below), a
// page of 10 lines. A figure of k slots is an image 15k − 4.5 pt tall without space around it:
// its top meets the line above's foot, and the line below's baseline stands 15 pt under its foot,
// so it takes exactly k lines' room.
#include <catch2/catch.hpp>

#include "hand_layout.hpp"
#include "layout_support.hpp"
#include "page/paginate.hpp"
#include "support.hpp"

using namespace zapros;
using test::hand_lines;
using test::hand_text;
using test::numbered;
using test::operator+;
using Lines = std::vector<std::string>;

namespace {

compose::Figure figure_of(int slots, int image) {
    compose::Figure f;
    f.image = image;
    f.width = pt(50);
    f.height = slots * test::hand_line - pt(4.5);
    return f;
}

// Each body line of the page: "figure N" for a figure (and its caption's words), else its words.
Lines page_lines(const page::Pages& p, int page) {
    const page::Page& pg = p.pages.at(static_cast<std::size_t>(page - 1));
    Lines out;
    for (std::size_t i = 0; i < pg.body_lines; ++i) {
        const para::Line& l = pg.lines[i].line;
        std::string s = test::line_text(l);
        if (!l.images.empty()) s = "figure " + std::to_string(l.images[0].image) + (s.empty() ? "" : " " + s);
        out.push_back(s);
    }
    return out;
}

page::Pages pages_of(std::vector<compose::Block> blocks, Diagnostics& d, std::vector<compose::Note> notes = {}) {
    return test::hand_pages(test::hand_document(10, std::move(blocks), std::move(notes)), d);
}

}  // namespace

TEST_CASE("a figure that fits stays in its place in the text", "[page][figure]") {
    // 3 + 3 + 3 lines on a page of 10.
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 3), figure_of(3, 1), hand_lines(4, 3)}, d);
    REQUIRE(pages.pages.size() == 1);
    CHECK(page_lines(pages, 1) == numbered(1, 3) + Lines{"figure 1"} + numbered(4, 3));
}

TEST_CASE("a figure at a page boundary moves to the next page's top while the text after it fills the page", "[page][figure]") {
    // Lines 1–6 leave 4 lines' room; the figure takes 5, so it waits for page 2, and lines 7–10
    // of the next paragraph (6 lines, broken after its fourth) fill page 1. The figure's top is
    // page 2's top margin.
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 6), figure_of(5, 1), hand_lines(7, 6)}, d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 10));
    CHECK(page_lines(pages, 2) == Lines{"figure 1"} + numbered(11, 2));
    const page::Placed& fig = pages.pages[1].lines[0];
    CHECK(fig.y - fig.line.height == test::hand_style(10).margin_top);
    // Line 7 follows line 6 as if the figure had never stood between them: 15 pt apart.
    CHECK(pages.pages[0].lines[6].y - pages.pages[0].lines[5].y == test::hand_line);
}

TEST_CASE("a later figure never overtakes an earlier one that waits for the next page", "[page][figure]") {
    // Figure 2 (one line) would fit after line 6, but figure 1 waits: both go to page 2, in order.
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 6), figure_of(5, 1), figure_of(1, 2), hand_lines(7, 6)}, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 10));
    CHECK(page_lines(pages, 2) == Lines{"figure 1", "figure 2"} + numbered(11, 2));
}

TEST_CASE("a figure moves to the next page with its caption", "[page][figure]") {
    // The caption, one 10 pt line on 12 pt, 6 pt under an image of 10.5 pt: the figure, 28.5 pt
    // tall, does not fit the last line's room after lines 1–9 and waits with its caption, while
    // the one-line paragraph 10 fills page 1.
    compose::Figure f = figure_of(1, 1);
    compose::Paragraph caption = test::hand_paragraph({compose::Span{.text = "Подпись", .face = Face::serif, .size = pt(10)}});
    caption.align = compose::Align::center;
    caption.size = pt(10);
    caption.leading = pt(12);
    f.caption.push_back(caption);
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 9), f, hand_lines(10, 1), hand_lines(11, 3)}, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 10));
    CHECK(page_lines(pages, 2) == Lines{"figure 1 Подпись"} + numbered(11, 3));
}

TEST_CASE("a note marked after a waiting figure starts on its mark's page", "[page][figure]") {
    // Lines 1–6, the figure (5) waits; line 8 marks a note of one line, which takes 2 lines'
    // room: 6 + 2 + 2 = 10, page 1 ends after line 8, with the note under it.
    const auto after = test::hand_paragraph(
        {test::hand_span(hand_text(7, 2)), test::hand_mark(1), test::hand_span(" " + hand_text(9, 4))});
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 6), figure_of(5, 1), after}, d, {test::hand_note(1, 1)});
    CHECK_FALSE(d.has_errors());
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 7) + Lines{"008a 008b 008c 008d1"});
    CHECK(test::note_text(pages, 1) == Lines{"n11a n11b n11c n11d"});
    CHECK(page_lines(pages, 2) == Lines{"figure 1"} + numbered(9, 4));
    CHECK(test::footnote_invariant_violations(pages).empty());
}

TEST_CASE("a figure kept with the heading before it moves with the heading, not away from it", "[page][figure]") {
    // Lines 1–8 and the heading fill 9 lines; the figure (3) does not fit. Were it to wait, the
    // one-line paragraph after it would stand under the heading; the heading goes with it instead.
    compose::Paragraph heading = test::hand_paragraph({test::hand_span("Глава")});
    heading.align = compose::Align::left;
    heading.keep_with_next = true;
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 8), heading, figure_of(3, 1), hand_lines(9, 1), hand_lines(10, 1)}, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 8));
    CHECK(page_lines(pages, 2) == Lines{"Глава", "figure 1"} + numbered(9, 2));
}

TEST_CASE("a figure with no line after it fitting either starts the next page as a page break before it would", "[page][figure]") {
    // Lines 1–9, the figure (3) waits, line 10 fits but opens a paragraph of 4 that may not break
    // after its first line: the page breaks before the figure, and on page 2 line 10 stands a
    // baseline under the figure's foot, as the flow set it (no float's space added).
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 9), figure_of(3, 1), hand_lines(10, 4)}, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 9));
    CHECK(page_lines(pages, 2) == Lines{"figure 1"} + numbered(10, 4));
    CHECK(pages.pages[1].lines[1].y - pages.pages[1].lines[0].y == test::hand_line);
}

TEST_CASE("a figure waiting for the next page is not overtaken by the closing: the signatures follow the evidence", "[page][figure]") {
    // Lines 1–6, then a figure of 5 that does not fit the 4 lines left, then two lines and the
    // closing (one line, the date). The text after the figure may not carry the closing past it:
    // page 1 ends after line 6, and page 2 holds the figure, lines 7–8 and the closing.
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 6), figure_of(5, 1), hand_lines(7, 2), test::hand_closing()}, d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 6));
    const Lines second = page_lines(pages, 2);
    REQUIRE(second.size() == 4);
    CHECK(second[0] == "figure 1");
    CHECK(Lines(second.begin() + 1, second.begin() + 3) == numbered(7, 2));
}

TEST_CASE("without a closing after it, the text after a waiting figure still fills the page", "[page][figure]") {
    // The same without the closing: lines 7–8 stay on page 1, the figure alone on page 2.
    Diagnostics d("t.md");
    const auto pages = pages_of({hand_lines(1, 6), figure_of(5, 1), hand_lines(7, 2)}, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(page_lines(pages, 1) == numbered(1, 8));
    CHECK(page_lines(pages, 2) == Lines{"figure 1"});
}
