// The vertical list's penalties: widow and club lines, headings kept with what follows, the
// closing kept with the text's last two lines. Documents are made by hand and set in the
// made-up monospaced face (hand_layout.hpp): every paragraph of hand_text(first, n) has n lines.
#include <catch2/catch.hpp>

#include <map>

#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "hand_layout.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

flow::Flow hand(std::vector<compose::Block> blocks, std::vector<compose::Note> notes = {}) {
    Diagnostics d("t.md");
    const auto doc = test::hand_document(40, std::move(blocks), std::move(notes));
    auto f = test::hand_flow(doc, d);
    CHECK_FALSE(d.has_errors());
    return f;
}

// A request, composed in the made-up face: for what only the request gives (positions, tables).
flow::Flow flow_of(const std::string& body) {
    Diagnostics d("t.md");
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\n" + body, d);
    REQUIRE(req);
    const auto doc = compose::letter(*req, test::fake_fonts(), d);
    return flow::flow(doc, test::fake_resources(), para::Params{}, d);
}

// The penalties between consecutive lines, in order (glue skipped).
std::vector<int> penalties(const flow::VList& v) {
    std::vector<int> out;
    for (const auto& it : v)
        if (it.kind == flow::VItem::Kind::penalty) out.push_back(it.penalty);
    return out;
}

std::vector<std::string> lines(const flow::VList& v) {
    std::vector<std::string> out;
    for (const auto& it : v)
        if (it.kind == flow::VItem::Kind::line) out.push_back(test::line_text(it.line));
    return out;
}

compose::Paragraph para_of(int first, int n) { return test::hand_paragraph({test::hand_span(test::hand_text(first, n))}); }

}  // namespace

TEST_CASE("the made-up face sets four words of four letters on each line of a hand-made paragraph", "[flow]") {
    // 4 · 24 pt + 3 · 6 pt = 114 pt, the measure: the premise of every count below.
    CHECK(lines(hand({para_of(1, 3)}).body) ==
          std::vector<std::string>{"001a 001b 001c 001d", "002a 002b 002c 002d", "003a 003b 003c 003d"});
}

TEST_CASE("a paragraph of three lines or more never leaves its first or last line alone", "[flow]") {
    // Four lines: club after line 1 (10000), free after line 2 (0), widow before line 4 (10000);
    // between the paragraphs a free break (0); a two-line paragraph only discourages its one
    // break (3000).
    CHECK(penalties(hand({para_of(1, 4), para_of(5, 2)}).body) == std::vector<int>{10000, 0, 10000, 0, 3000});
}

TEST_CASE("a heading stays with the lines that follow it", "[flow]") {
    compose::Paragraph heading = para_of(1, 1);
    heading.keep_with_next = true;
    // heading | 4 lines: the break after the heading is forbidden, then club, free, widow.
    CHECK(penalties(hand({heading, para_of(2, 4)}).body) == std::vector<int>{10000, 10000, 0, 10000});
}

TEST_CASE("the closing never starts a page: the last two text lines come with it", "[flow]") {
    // 4 lines | 1 line | date. Between the paragraphs the break would be free (0), but it is
    // the break before the text's last two lines; the date keeps to the last line.
    const auto f = hand({para_of(1, 4), para_of(5, 1), test::hand_closing()});
    CHECK(lines(f.body).back() == "дата");
    CHECK(penalties(f.body) == std::vector<int>{10000, 0, 10000, 10000, 10000});
}

TEST_CASE("a note's first line is the anchor its mark links to", "[flow]") {
    const auto f = hand({test::hand_paragraph({test::hand_span("001a"), test::hand_mark(1)})}, {test::hand_note(1, 2)});
    REQUIRE(f.notes.size() == 1);
    CHECK(lines(f.notes[0]) == std::vector<std::string>{"n11a n11b n11c n11d", "n12a n12b n12c n12d"});
    REQUIRE(f.notes[0].front().kind == flow::VItem::Kind::line);
    CHECK(f.notes[0].front().line.anchor == 1);
    CHECK(f.notes[0].back().line.anchor == 0);
}

TEST_CASE("each note keeps where it is defined, for errors about it", "[flow]") {
    const auto f = flow_of("Текст[^b] и[^a].\n\n[^a]: Первая.\n\n[^b]: Вторая.\n");
    REQUIRE(f.note_pos.size() == 2);
    CHECK(f.note_pos[0].line == 9);  // note 1 is [^b], marked first
    CHECK(f.note_pos[1].line == 7);
}

TEST_CASE("a table's header row stays with its first row; later rows may start a page", "[flow]") {
    const auto f = flow_of("| Вопрос | Ответ |\n|---|---|\n| Первый | да |\n| Второй | нет |\n| Третий | да |\n\nТекст.\n\nЕщё текст.\n");
    std::map<int, int> before;  // row → the penalty before its first band
    int last = 0;
    for (const auto& it : f.body) {
        if (it.kind == flow::VItem::Kind::penalty) last = it.penalty;
        if (it.kind == flow::VItem::Kind::line && it.line.row > 0 && !before.count(it.line.row)) before[it.line.row] = last;
        if (it.kind == flow::VItem::Kind::line) last = 0;
    }
    REQUIRE(before.size() == 4);
    CHECK(before[2] == 10000);  // header → first row
    CHECK(before[3] < 10000);   // first row → second
}
