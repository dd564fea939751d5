// A page's note area, arranged on notes made by hand: every line 12 pt (9 above the baseline,
// 3 below), no glue between a note's lines, so heights can be counted on fingers. The page's
// text area is 728.5 pt (A4 less 20 mm top and bottom); the area costs 9 pt of skip above the
// rule and 2 pt between notes; held-over notes may take 60 % of the page, 437.1 pt.
#include <catch2/catch.hpp>

#include "page/notes.hpp"

using namespace zapros;
using page::Chunk;

namespace {

constexpr Sp line = pt(12);

// Notes of the given numbers of lines; `glued`: lines of note 1 a split may not fall before.
flow::Flow notes_of(const std::vector<int>& lengths, std::vector<std::size_t> glued = {}) {
    flow::Flow f;
    for (std::size_t n = 0; n < lengths.size(); ++n) {
        flow::VList& v = f.notes.emplace_back();
        for (int k = 0; k < lengths[n]; ++k) {
            if (k > 0) {
                const bool keep = n == 0 && std::find(glued.begin(), glued.end(), static_cast<std::size_t>(k)) != glued.end();
                v.push_back(flow::VItem::of_penalty(keep ? para::infinite_penalty : 0));
                v.push_back(flow::VItem::of_glue(0));
            }
            para::Line l;
            l.height = pt(9);
            l.depth = pt(3);
            v.push_back(flow::VItem::of_line(l));
        }
    }
    return f;
}

struct Fixture {
    explicit Fixture(const std::vector<int>& lengths, std::vector<std::size_t> glued = {})
        : flow(notes_of(lengths, std::move(glued))), notes(flow, style, pp) {}
    compose::Style style;
    page::PageParams pp;
    flow::Flow flow;
    page::Notes notes;
};

std::string shown(const std::vector<Chunk>& chunks) {
    std::string s;
    for (const Chunk& c : chunks)
        s += (s.empty() ? "" : " ") + std::to_string(c.note) + ":" + std::to_string(c.from) + "-" + std::to_string(c.to);
    return s;
}

const Sp room = mm(297 - 40);

}  // namespace

TEST_CASE("a page opens with held-over notes up to the notes' share of it", "[notes]") {
    Fixture f({100, 5});
    // 437.1 pt less the 9 pt skip: 35 lines of note 1; note 2 waits behind it.
    const page::NoteArea a = f.notes.open({{1, 10, 100}, {2, 0, 5}});
    CHECK(shown(a.held) == "1:10-45");
    CHECK(shown(a.waiting) == "1:45-100 2:0-5");
    CHECK(shown(a.chunks) == "1:10-45");
}

TEST_CASE("marked notes are added whole when they fit beside the held-over ones", "[notes]") {
    Fixture f({100, 3});
    page::NoteArea a = f.notes.open({{1, 10, 100}});
    a.marked = {2};
    // 35 held lines (420 pt + 9 skip) and 3 more (+ 2 gap + 36): 467 pt of notes.
    REQUIRE(f.notes.arrange(a, room - pt(467), false));
    CHECK(shown(a.chunks) == "1:10-45 2:0-3");
    CHECK(shown(a.spill) == "1:45-100");
}

TEST_CASE("held-over notes give way, from their end, so that a marked note starts on its mark's page", "[notes]") {
    Fixture f({100, 3});
    page::NoteArea a = f.notes.open({{1, 10, 100}});
    a.marked = {2};
    // 10 pt less room than that: the continuation loses one line, note 2 stays whole.
    REQUIRE(f.notes.arrange(a, room - pt(457), false));
    CHECK(shown(a.chunks) == "1:10-44 2:0-3");
    CHECK(shown(a.spill) == "1:44-100");
}

TEST_CASE("held-over notes yield only at places a split is allowed", "[notes]") {
    Fixture f({100, 3}, {44});  // no split before line 44 of note 1
    page::NoteArea a = f.notes.open({{1, 10, 100}});
    a.marked = {2};
    REQUIRE(f.notes.arrange(a, room - pt(457), false));
    CHECK(shown(a.chunks) == "1:10-43 2:0-3");
}

TEST_CASE("when even that is not enough, held-over notes wait and a long marked note splits", "[notes]") {
    Fixture f({100, 30});
    page::NoteArea a = f.notes.open({{1, 10, 100}});
    a.marked = {2};
    // 200 pt for notes: note 2 takes what fits (15 lines, 180 + 9), note 1 waits.
    REQUIRE(f.notes.arrange(a, room - pt(200), false));
    CHECK(shown(a.chunks) == "2:0-15");
    CHECK(shown(a.spill) == "1:10-100 2:15-30");
}

TEST_CASE("a short marked note that does not fit whole moves its line on", "[notes]") {
    Fixture f({3});
    page::NoteArea a;
    a.marked = {1};
    CHECK_FALSE(f.notes.arrange(a, room - pt(40), false));  // 45 pt needed
    CHECK(f.notes.arrange(a, room - pt(45), false));
}

TEST_CASE("a long marked note splits only leaving at least two lines on its mark's page", "[notes]") {
    Fixture f({30});
    page::NoteArea a;
    a.marked = {1};
    CHECK_FALSE(f.notes.arrange(a, room - pt(32), false));  // one line and a half
    REQUIRE(f.notes.arrange(a, room - pt(33), false));       // two: 9 + 24
    CHECK(shown(a.chunks) == "1:0-2");
}

TEST_CASE("a page's first line starts its notes with a line each, whatever is held over", "[notes]") {
    Fixture f({100, 3, 3});
    page::NoteArea a = f.notes.open({{1, 10, 100}});
    a.marked = {2, 3};
    // 40 pt: too little for either whole; forced, each gets its first line (9 + 12 + 2 + 12).
    CHECK(f.notes.arrange(a, room - pt(40), true));
    CHECK(shown(a.chunks) == "2:0-1 3:0-1");
    CHECK(shown(a.spill) == "1:10-100 2:1-3 3:1-3");
    // Less than that cannot be: the area overflows and says so.
    CHECK_FALSE(f.notes.arrange(a, room - pt(30), true));
}

TEST_CASE("a split marked note's least is counted to a place a split is allowed", "[notes]") {
    Fixture f({30}, {2});  // no split before line 2: the note starts with three lines or none
    page::NoteArea a;
    a.marked = {1};
    CHECK_FALSE(f.notes.arrange(a, room - pt(44), false));
    REQUIRE(f.notes.arrange(a, room - pt(45), false));
    CHECK(shown(a.chunks) == "1:0-3");
}

TEST_CASE("a split marked note takes at most the notes' share of the page, so that the text goes on", "[notes]") {
    Fixture f({100});
    page::NoteArea a;
    a.marked = {1};
    REQUIRE(f.notes.arrange(a, pt(50), false));  // room for 56 lines, the share for 35
    CHECK(shown(a.chunks) == "1:0-35");
    CHECK(shown(a.spill) == "1:35-100");
}
