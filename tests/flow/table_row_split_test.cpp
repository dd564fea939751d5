// Where a table row may split between pages: a row that fits a page splits between any two of
// its lines at a small cost (rather on the next page, unless that leaves a page half blank), a
// row taller than a page as a paragraph would, never leaving its first or last line alone.
#include <catch2/catch.hpp>

#include "flow/flow.hpp"
#include "layout_support.hpp"

using namespace zapros;

namespace {

// A cell of `lines` lines, each a word ended by a hard break.
compose::Paragraph cell_of(int lines) {
    compose::Paragraph p = test::paragraph_of("строка");
    for (int k = 1; k < lines; ++k) {
        p.spans.push_back(compose::Span{.face = Face::serif, .size = pt(12), .line_break = true});
        p.spans.push_back(compose::Span{.text = "строка", .face = Face::serif, .size = pt(12)});
    }
    return p;
}

// The penalties between the bands of a table of a one-line header row and a row of `lines`.
std::vector<int> table_penalties(int lines) {
    compose::Document doc;
    compose::Table t;
    t.padding = doc.style.table_padding;
    t.rule = doc.style.table_rule;
    t.rows = {{cell_of(1), cell_of(1)}, {cell_of(lines), cell_of(1)}};
    doc.blocks.emplace_back(t);
    Diagnostics d("t.md");
    const flow::Flow f = flow::flow(doc, test::resources(), para::Params{}, d);
    std::vector<int> out;
    for (const flow::VItem& it : f.body)
        if (it.kind == flow::VItem::Kind::penalty) out.push_back(it.penalty);
    return out;
}

}  // namespace

TEST_CASE("a table row that fits a page may split between any two of its lines at the row-split cost", "[flow][table]") {
    const flow::FlowParams fp;
    // Header → row: kept together; then between the row's three lines.
    CHECK(table_penalties(3) == std::vector<int>{para::infinite_penalty, fp.row_split_penalty, fp.row_split_penalty});
}

TEST_CASE("a table row taller than a page splits as a paragraph does, never leaving a line alone", "[flow][table]") {
    // 60 lines of 15 pt: more than the page's 728.5 pt. No break after its first line or before
    // its last; between the others, nothing to pay.
    const std::vector<int> p = table_penalties(60);
    REQUIRE(p.size() == 60);
    CHECK(p[0] == para::infinite_penalty);
    CHECK(p[1] == para::infinite_penalty);
    CHECK(p[2] == 0);
    CHECK(p[58] == 0);
    CHECK(p[59] == para::infinite_penalty);
}
