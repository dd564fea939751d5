// The Knuth–Plass breaker on synthetic items with widths in whole points, expected breaks
// derived by hand in the comments.
#include <catch2/catch.hpp>

#include "para/linebreak.hpp"

using namespace zapros;
using para::Item;
using Breaks = std::vector<std::size_t>;

namespace {

Item box(double w) { return Item::box(pt(w)); }
Item space() { return Item::glue(pt(2), pt(2), pt(1)); }
Item hyphen(int penalty = 50) {
    Item it = Item::penalty_item(penalty, pt(1), true);
    it.pattern = true;
    return it;
}
void finish(std::vector<Item>& items) {
    items.push_back(Item::penalty_item(para::infinite_penalty));
    items.push_back(Item::glue(0, 0, 0, pt(1)));
    items.push_back(Item::penalty_item(-para::infinite_penalty));
}

}  // namespace

TEST_CASE("badness follows TeX: 100 r cubed, capped at 10000", "[linebreak]") {
    CHECK(para::badness(0, pt(1)) == 0);
    CHECK(para::badness(pt(1), pt(2)) == 13);   // r = 0.5: 12.5 rounds to 13
    CHECK(para::badness(pt(2), pt(2)) == 100);  // r = 1
    CHECK(para::badness(pt(5), pt(1)) == 10000);
    CHECK(para::badness(pt(1), 0) == 10000);
}

TEST_CASE("two words that fill the line exactly end it at the glue between the second and third", "[linebreak]") {
    // box 10, space 2, box 10 = 22 = the measure: badness 0. The third word makes the last line.
    std::vector<Item> items{box(10), space(), box(10), space(), box(10)};
    finish(items);
    CHECK(para::linebreak(items, para::Measure{{pt(22)}}, {}) == Breaks{3, 7});
}

TEST_CASE("a forced break ends a line wherever it stands", "[linebreak]") {
    // "10 \\ 10 10": the first line holds one word, the forced break ends it.
    std::vector<Item> items{box(10), Item::penalty_item(para::infinite_penalty), Item::glue(0, 0, 0, pt(1)),
                            Item::penalty_item(-para::infinite_penalty), box(10), space(), box(10)};
    finish(items);
    CHECK(para::linebreak(items, para::Measure{{pt(100)}}, {}) == Breaks{3, 9});
}

TEST_CASE("lines that fit without hyphens never take one (the pretolerance pass)", "[linebreak]") {
    // 10 10 | 10 10 fits at measure 22 with badness 0; the hyphen inside the second word is
    // never needed.
    std::vector<Item> items{box(10), space(), box(5), hyphen(), box(5), space(), box(10), space(), box(10)};
    finish(items);
    CHECK(para::linebreak(items, para::Measure{{pt(22)}}, {}) == Breaks{5, 11});
}

TEST_CASE("a hyphen is taken when only it makes the lines feasible", "[linebreak]") {
    // Measure 18: "10 5-" = 10 + 2 + 5 + 1 (hyphen) = 18 exactly; without the hyphen the first
    // line is "10" alone (shortfall 8 with no stretch: infeasible) or "10 10" (22, shrink 1:
    // overfull).
    std::vector<Item> items{box(10), space(), box(5), hyphen(), box(5), space(), box(3)};
    finish(items);
    CHECK(para::linebreak(items, para::Measure{{pt(18)}}, {}) == Breaks{3, 9});
}

TEST_CASE("the first line may have its own width", "[linebreak]") {
    // First line 12 wide: one word; then 22: two words.
    std::vector<Item> items{box(10), space(), box(10), space(), box(10)};
    finish(items);
    para::LinebreakParams p;
    p.tolerance = 10000;  // the first line's 2 pt shortfall over 2 pt of stretch: badness 100
    CHECK(para::linebreak(items, para::Measure{{pt(12), pt(22)}}, p) == Breaks{1, 7});
}

TEST_CASE("when nothing fits, the last pass still returns lines (overfull) rather than fail", "[linebreak]") {
    std::vector<Item> items{box(50), space(), box(10)};
    finish(items);
    const Breaks b = para::linebreak(items, para::Measure{{pt(20)}}, {});
    REQUIRE_FALSE(b.empty());
    CHECK(b.back() == items.size() - 1);
}
