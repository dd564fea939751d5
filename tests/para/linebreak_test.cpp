// The Knuth–Plass breaker on synthetic items with widths in whole points, expected breaks
// derived by hand in the comments.
#include <catch2/catch.hpp>

#include "para/linebreak.hpp"

#include <array>
#include <cmath>

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

namespace {

// Knuth & Plass 1981's example paragraph (Grimm, "The Frog King").
const char* const frog_king =
    "In olden times when wishing still helped one, there lived a king whose daughters were all "
    "beautiful; and the youngest was so beautiful that the sun itself, which has seen so much, was "
    "astonished whenever it shone in her face. Close by the king's castle lay a great dark forest, and "
    "under an old lime-tree in the forest was a well, and when the day was very warm, the king's child "
    "went out into the forest and sat down by the side of the cool fountain; and when she was bored she "
    "took a golden ball, and threw it up on high and caught it; and this ball was her favorite plaything.";

// A monospaced fake face: every character 6 pt, a space 6 pt stretching 3 and shrinking 2; an
// explicit hyphen ("lime-tree") is a flagged break that adds nothing.
std::vector<Item> monospaced(const std::string& text) {
    std::vector<Item> items;
    std::size_t word = 0;
    for (char c : text) {
        if (c == ' ') {
            items.push_back(Item::box(pt(6) * static_cast<Sp>(word)));
            items.push_back(Item::glue(pt(6), pt(3), pt(2)));
            word = 0;
        } else if (c == '-') {
            items.push_back(Item::box(pt(6) * static_cast<Sp>(word + 1)));
            items.push_back(Item::penalty_item(50, 0, true));
            word = 0;
        } else {
            ++word;
        }
    }
    items.push_back(Item::box(pt(6) * static_cast<Sp>(word)));
    finish(items);
    return items;
}

// The reference: every pair of breakpoints tried, the cheapest total demerits by dynamic
// programming over (breakpoint, fitness of the line ending there). No active list, no pruning,
// the same cost formulas (TeX §859). Returns the breaks of the optimum.
Breaks exhaustive(const std::vector<Item>& items, Sp width, const para::LinebreakParams& p, int threshold) {
    std::vector<std::size_t> bp{0};  // 0 stands for the paragraph's start
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if ((it.type == Item::Type::glue && i > 0 && items[i - 1].type == Item::Type::box) ||
            (it.type == Item::Type::penalty && it.penalty < para::infinite_penalty))
            bp.push_back(i);
    }
    const double inf = 1e300;
    std::vector<std::array<double, 4>> best(bp.size(), {inf, inf, inf, inf});
    std::vector<std::array<std::pair<int, int>, 4>> from(bp.size());
    best[0][2] = 0;  // the start is "decent"
    for (std::size_t b = 1; b < bp.size(); ++b) {
        const Item& brk = items[bp[b]];
        const int pen = brk.type == Item::Type::penalty ? brk.penalty : 0;
        const bool flagged = brk.type == Item::Type::penalty && brk.flagged;
        for (std::size_t a = 0; a < b; ++a) {
            // The line from after break a to break b: glue after a discarded up to a box.
            std::size_t s = a == 0 ? 0 : bp[a] + 1;
            while (a != 0 && s < bp[b] && items[s].type != Item::Type::box) ++s;
            // A forced break between a and b cannot be crossed.
            bool crosses = false;
            Sp nat = 0, st = 0, sh = 0, fil = 0;
            for (std::size_t i = s; i < bp[b]; ++i) {
                const Item& it = items[i];
                if (it.type == Item::Type::penalty && it.penalty <= -para::infinite_penalty) crosses = true;
                if (it.type == Item::Type::box) nat += it.width;
                if (it.type == Item::Type::glue) nat += it.width, st += it.stretch, sh += it.shrink, fil += it.fil;
            }
            if (crosses) continue;
            if (brk.type == Item::Type::penalty) nat += brk.width;
            int bad = 0, fit = 2;
            if (nat < width) {
                if (fil == 0) {
                    bad = para::badness(width - nat, st);
                    fit = bad > 99 ? 0 : bad > 12 ? 1 : 2;
                }
            } else if (nat > width) {
                if (nat - width > sh) continue;
                bad = para::badness(nat - width, sh);
                fit = bad > 12 ? 3 : 2;
            }
            if (bad > threshold) continue;
            const bool a_flagged = a != 0 && items[bp[a]].type == Item::Type::penalty && items[bp[a]].flagged;
            for (int fa = 0; fa < 4; ++fa) {
                if (best[a][fa] == inf) continue;
                double d = std::pow(p.line_penalty + bad, 2);
                if (pen > 0) d += static_cast<double>(pen) * pen;
                else if (pen > -para::infinite_penalty) d -= static_cast<double>(pen) * pen;
                if (flagged && a_flagged) d += p.double_hyphen_demerits;
                if (pen <= -para::infinite_penalty && a_flagged) d += p.final_hyphen_demerits;
                if (std::abs(fit - fa) > 1) d += p.adj_demerits;
                if (best[a][fa] + d < best[b][fit]) {
                    best[b][fit] = best[a][fa] + d;
                    from[b][fit] = {static_cast<int>(a), fa};
                }
            }
        }
    }
    int f = 0;
    for (int k = 0; k < 4; ++k)
        if (best.back()[k] < best.back()[f]) f = k;
    if (best.back()[f] == inf) return {};  // no feasible set of lines
    Breaks out;
    for (int b = static_cast<int>(bp.size()) - 1; b > 0;) {
        out.insert(out.begin(), bp[static_cast<std::size_t>(b)]);
        const auto [a, fa] = from[static_cast<std::size_t>(b)][f];
        b = a;
        f = fa;
    }
    return out;
}

}  // namespace

TEST_CASE("the Frog King: total fit finds the exhaustive optimum at every measure", "[linebreak]") {
    // With the pretolerance pass off, Knuth–Plass (active nodes, fitness classes, TeX's pruning)
    // must choose exactly the breaks an exhaustive search of all break sequences finds, at every
    // measure where a feasible set of lines exists.
    const std::vector<Item> items = monospaced(frog_king);
    para::LinebreakParams p;
    p.pretolerance = -1;
    p.tolerance = 1000;
    int compared = 0;
    for (int chars = 30; chars <= 80; ++chars) {
        const Sp width = pt(6) * chars;
        const Breaks best = exhaustive(items, width, p, p.tolerance);
        if (best.empty()) continue;
        ++compared;
        INFO("measure: " << chars << " characters");
        CHECK(para::linebreak(items, para::Measure{{width}}, p) == best);
    }
    CHECK(compared >= 40);
}

TEST_CASE("the Frog King's first line at 37 characters, derived by hand", "[linebreak]") {
    // At 37 characters (222 pt), "In olden times when wishing still" is 33 characters: 24 pt
    // short with 5 spaces of 3 pt stretch, r = 1.6, badness 410 (feasible at tolerance 1000).
    // With "helped" it is 40 characters: 18 pt too long with 6 spaces of 2 pt shrink: overfull.
    // So the first line ends at the glue after the sixth word: item 11 (words are box, glue).
    const std::vector<Item> items = monospaced(frog_king);
    para::LinebreakParams p;
    p.pretolerance = -1;
    p.tolerance = 1000;
    const Breaks b = para::linebreak(items, para::Measure{{pt(6) * 37}}, p);
    REQUIRE_FALSE(b.empty());
    CHECK(b.front() == 11);
}
