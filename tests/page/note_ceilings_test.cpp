// A note's ceiling (the first of its lines that must wait for the next page: it holds the mark of
// a note that cannot start on this one) bounds what the note area gives that note, and what it
// keeps for it. Notes made by hand: every line 12 pt, no glue between a note's lines; the area
// costs 9 pt of skip above the rule and 2 pt between notes.
#include <catch2/catch.hpp>

#include "page/notes.hpp"

using namespace zapros;

namespace {

// A flow holding only notes, of `lengths` lines each, any of them a place to split.
flow::Flow twelve_point_notes(const std::vector<int>& lengths) {
    flow::Flow f;
    for (int length : lengths) {
        flow::VList& note = f.notes.emplace_back();
        para::Line l;
        l.height = pt(9);
        l.depth = pt(3);
        for (int k = 0; k < length; ++k) {
            if (k > 0) note.insert(note.end(), {flow::VItem::of_penalty(0), flow::VItem::of_glue(0)});
            note.push_back(flow::VItem::of_line(l));
        }
    }
    return f;
}

std::string chunks(const std::vector<page::Chunk>& cs) {
    std::string s;
    for (const page::Chunk& c : cs) s += (s.empty() ? "" : " ") + std::to_string(c.note) + ":" + std::to_string(c.from) + "-" + std::to_string(c.to);
    return s;
}

// The body's height that leaves the note area `notes` tall.
Sp body_leaving(Sp notes) { return compose::Style{}.text_height() - notes; }

}  // namespace

TEST_CASE("the room kept for a later note whose mark must wait counts no line past its ceiling", "[notes]") {
    // Note 2 has three lines, too few to split, so its least is all of them; but its second line
    // waits (ceiling 1), so only its first is kept for it. 263 pt: the skip, 20 lines of note 1,
    // a gap and note 2's first line. Keeping room for all three lines would cut note 1 at 18.
    flow::Flow flow = twelve_point_notes({100, 3});
    const compose::Style style;
    const page::PageParams pp;
    const page::Notes notes(flow, style, pp);
    page::NoteArea a;
    a.marked = {1, 2};
    a.ceilings = {{2, 1}};
    REQUIRE(notes.arrange(a, body_leaving(pt(263)), false));
    CHECK(chunks(a.chunks) == "1:0-20 2:0-1");
    CHECK(chunks(a.spill) == "1:20-100 2:1-3");
}

TEST_CASE("a marked note prints no line past its ceiling, not even to reach its least", "[notes]") {
    // Note 1 may print its first line only (ceiling 1), though a split note's least is two
    // lines. 40 pt hold neither note's least beside the other's: the line must move, and what
    // the area would print stops at note 1's ceiling all the same.
    flow::Flow flow = twelve_point_notes({30, 30});
    const compose::Style style;
    const page::PageParams pp;
    const page::Notes notes(flow, style, pp);
    page::NoteArea a;
    a.marked = {1, 2};
    a.ceilings = {{1, 1}};
    CHECK_FALSE(notes.arrange(a, body_leaving(pt(40)), false));
    CHECK(chunks(a.chunks) == "1:0-1 2:0-2");
}
