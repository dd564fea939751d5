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

// Notes 1 and 2 marked on a page whose body leaves `room` for notes; `note`'s lines from
// `ceiling` on wait for the next page.
struct Page {
    Page(const std::vector<int>& lengths, int note, std::size_t ceiling) : flow(twelve_point_notes(lengths)), notes(flow, style, pp) {
        area.marked = {1, 2};
        area.ceilings = {{note, ceiling}};
    }
    bool arrange(Sp room) { return notes.arrange(area, style.text_height() - room, false); }

    compose::Style style;
    page::PageParams pp;
    flow::Flow flow;
    page::Notes notes;
    page::NoteArea area;
};

}  // namespace

TEST_CASE("the room kept for a later note whose mark must wait counts no line past its ceiling", "[notes]") {
    // Note 2 has three lines, too few to split, so its least is all of them; but its second line
    // waits (ceiling 1), so only its first is kept for it. 263 pt: the skip, 20 lines of note 1,
    // a gap and note 2's first line. Keeping room for all three lines would cut note 1 at 18.
    Page p({100, 3}, 2, 1);
    REQUIRE(p.arrange(pt(263)));
    CHECK(chunks(p.area.chunks) == "1:0-20 2:0-1");
    CHECK(chunks(p.area.spill) == "1:20-100 2:1-3");
}

TEST_CASE("a marked note prints no line past its ceiling, not even to reach its least", "[notes]") {
    // Note 1 may print its first line only (ceiling 1), though a split note's least is two
    // lines. 40 pt hold neither note's least beside the other's: the line must move, and what
    // the area would print stops at note 1's ceiling all the same.
    Page p({30, 30}, 1, 1);
    CHECK_FALSE(p.arrange(pt(40)));
    CHECK(chunks(p.area.chunks) == "1:0-1 2:0-2");
}
