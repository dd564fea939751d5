// The flow measures a paragraph's width (a table column's, a signature name's) as the breaker
// measures a line, so that a column as wide as its text holds it on one line.
#include <catch2/catch.hpp>

#include "flow/frames.hpp"
#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("a paragraph set in a column as wide as the flow measured it stays on one line", "[flow]") {
    const compose::Style style;
    const para::Params params;
    Diagnostics diags("t.md");
    const flow::Frames frames{style, test::resources(), params, diags};
    const std::string texts[] = {"Главный редактор С. В. Лавров", "«Ту-154», AVATAR, WAVE, Tokyo",
                                 "информационно-телекоммуникационных сетей", "αβγδ → λόγος ≤ 10\u202F000",
                                 "Frankfurt-am-Main is well-known"};
    for (const std::string& text : texts) {
        for (const compose::Align align : {compose::Align::justify, compose::Align::left, compose::Align::right}) {
            INFO(text);
            const compose::Paragraph p = test::paragraph_of(text, align);
            const Sp width = frames.extent(p).line;
            // On a line of its own, the breaker's width is the flow's.
            const para::ItemList items = para::build(p, pt(10000), test::resources(), params);
            const para::LineBreaks one = para::break_lines(items.items, para::Measure{{pt(10000)}}, params.linebreak);
            REQUIRE(one.lines.size() == 1);
            CHECK(one.lines[0].width == width);
            CHECK(para::typeset(p, width, test::resources(), params, diags).size() == 1);
        }
    }
}

TEST_CASE("the flow measures a word wider than 2^40 sp as one piece, as a line of its own holds it", "[flow][table]") {
    const compose::Style style;
    const para::Params params;
    Diagnostics diags("t.md");
    const flow::Frames frames{style, test::resources(), params, diags};
    // 200 Ws at 100,000 pt and a sixty-thousandth (a size no letter's width divides evenly):
    // cut into letters, each rounded on its own, the sum came out otherwise.
    compose::Paragraph p = test::paragraph_of(std::string(200, 'W'));
    p.size = p.spans[0].size = pt(100000) + 1;
    const para::ItemList one = para::build(p, para::unbounded, test::resources(), params);
    REQUIRE(one.fragments.size() == 1);
    CHECK(frames.extent(p).line == one.fragments[0].width);
}
