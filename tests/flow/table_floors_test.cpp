// A table column's floor (its widest letter: narrower, nothing can be set) and the columns that
// must keep theirs when the measure is short.
#include <catch2/catch.hpp>

#include "flow/frames.hpp"
#include "layout_support.hpp"

using namespace zapros;

namespace {

struct Setting {
    compose::Style style;
    para::Params params;
    Diagnostics diags{"t.md"};
    flow::Frames frames{style, test::resources(), params, diags};

    Sp letter(const std::string& text) const { return frames.extent(test::paragraph_of(text)).letter; }
};

}  // namespace

TEST_CASE("a letter before a hyphen break is as wide as a line ending there: the letter and its hyphen", "[flow][table]") {
    Setting s;
    // A soft hyphen between the two: a break there prints a hyphen after the first.
    CHECK(s.letter("Ш\u00ADШ") == s.letter("Ш") + s.letter("-"));
}

TEST_CASE("a letter is as wide as a line starting with it: without the kern it had after the letter before", "[flow][table]") {
    Setting s;
    // A and V kern together; each as a line's first letter has its own width only, whichever
    // stands first in the word.
    const Sp widest = std::max(s.letter("A"), s.letter("V"));
    CHECK(s.letter("AVAV") == widest);
    CHECK(s.letter("VAVA") == widest);
}

TEST_CASE("a column given its longest word leaves every other column at least its widest letter", "[flow][table]") {
    // Two columns: "ii", whose longest word is narrower than the letter of the other's "ШШШШШШ".
    // In a measure short enough, giving "ii" its word whole would leave the other column less
    // than its "Ш": the first column keeps its floor instead, and words break between letters.
    Setting s;
    const compose::Paragraph narrow = test::paragraph_of("ii"), wide = test::paragraph_of("ШШШШШШ");
    const Sp pad = s.style.table_padding, rule = s.style.table_rule;
    const Sp least0 = s.frames.extent(narrow).word + 2 * pad;
    const Sp floor0 = s.frames.extent(narrow).letter + 2 * pad + rule, floor1 = s.frames.extent(wide).letter + 2 * pad + rule;
    const Sp available = (std::max(2 * least0, floor0 + floor1) + least0 + floor1) / 2;
    // The case: both floors fit, the first word fits a fair half, but not beside the other's floor.
    REQUIRE(floor0 + floor1 <= available);
    REQUIRE(2 * least0 <= available);
    REQUIRE(available < least0 + floor1);
    compose::Table t;
    t.padding = pad;
    t.rule = rule;
    t.right = s.style.measure() - available;
    t.rows = {{narrow, wide}};
    const auto rows = s.frames.table(t);
    CHECK_FALSE(s.diags.has_errors());
    REQUIRE(rows.size() == 1);
    const para::Line& band = rows.front().front();
    REQUIRE(band.rules.size() >= 3);  // the left edges of the two columns, the right edge
    const Sp second = band.rules[2].x + rule - band.rules[1].x;
    CHECK(second >= floor1);
    CHECK(band.rules[1].x - band.rules[0].x >= floor0);
}
