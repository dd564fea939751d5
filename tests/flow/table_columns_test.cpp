// How columns share the measure when their words fit whole but not all on one line each: each
// gets its longest word, and the rest of the measure in proportion to what it wants beyond it
// (HTML's automatic table layout), and together they close at the right margin.
#include <catch2/catch.hpp>

#include "flow/frames.hpp"
#include "layout_support.hpp"

using namespace zapros;

namespace {

struct Columns {
    Sp least[2], natural[2], width[2], right_edge = 0, available = 0;
};

// Two columns: a long word and a short one; many short words.
Columns two_columns() {
    const compose::Style style;
    const para::Params params;
    Diagnostics diags("t.md");
    const flow::Frames frames{style, test::resources(), params, diags};
    std::string many;
    for (int i = 0; i < 40; ++i) many += "дом ";
    const compose::Paragraph cells[2] = {test::paragraph_of("Достопримечательности края"), test::paragraph_of(many)};
    compose::Table t;
    t.padding = style.table_padding;
    t.rule = style.table_rule;
    t.rows = {{cells[0], cells[1]}};
    Columns c;
    c.available = style.measure();
    for (int k = 0; k < 2; ++k) {
        c.least[k] = frames.extent(cells[k]).word + 2 * t.padding;
        c.natural[k] = frames.extent(cells[k]).line + 2 * t.padding;
    }
    const auto rows = frames.table(t);
    REQUIRE_FALSE(diags.has_errors());
    const para::Line& band = rows.at(0).at(0);
    REQUIRE(band.rules.size() >= 3);  // the left edges of the two columns, the right edge
    c.width[0] = band.rules[1].x - band.rules[0].x;
    c.width[1] = band.rules[2].x + t.rule - band.rules[1].x;
    c.right_edge = band.rules[2].x + t.rule;
    return c;
}

}  // namespace

TEST_CASE("above their longest words, table columns share the measure in proportion to what each wants beyond it", "[flow][table]") {
    const Columns c = two_columns();
    // The case: the longest words fit side by side, the whole texts do not.
    REQUIRE(c.least[0] + c.least[1] <= c.available);
    REQUIRE(c.natural[0] + c.natural[1] > c.available);
    const double beyond0 = static_cast<double>(c.natural[0] - c.least[0]), beyond1 = static_cast<double>(c.natural[1] - c.least[1]);
    const double share0 = static_cast<double>(c.available - c.least[0] - c.least[1]) * beyond0 / (beyond0 + beyond1);
    CHECK(static_cast<double>(c.width[0] - c.least[0]) == Approx(share0).margin(2));
    CHECK(c.width[0] + c.width[1] == c.available);
}

TEST_CASE("a table's columns add up to the measure exactly, so that its grid closes at the right margin", "[flow][table]") {
    const Columns c = two_columns();
    CHECK(c.right_edge == c.available);
}
