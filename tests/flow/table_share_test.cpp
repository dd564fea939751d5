// A table's columns share the measure without overflowing 64 bits: a cell of 800 KB is
// 5·10^6 pt wide on one line, and (room above the longest words) × (its width beyond its longest
// word) in scaled points passed 2^63, wrapped, and gave its column a negative width: "cannot be
// set in its -170.9 pt wide space", and the rest laid out past 2,000 pages. On the installed
// fonts, through the whole pipeline: zone_violations() measures each run as the PDF draws it.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("a table cell of 800 KB gets a column of positive width, its words inside it", "[flow][table]") {
    std::string cell;
    for (int i = 0; i < 80000; ++i) cell += (i ? " " : "") + std::string(9, 'W');
    Diagnostics d("r.md");
    const auto t = test::typeset_text("---\ntitle: Запрос\nto: Министерство\n---\n\n| a | b |\n|---|---|\n| " + cell + " | x |\n", d);
    INFO(Catch::Detail::stringify(test::messages(d)));
    CHECK_FALSE(d.has_errors());
    REQUIRE(t);
    CHECK(t->pages.pages.size() < 400);  // about 80,000 words at some 300 a page
    CHECK(test::zone_violations(t->pages) == std::vector<std::string>{});
}
