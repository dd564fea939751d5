// The flow's early page limit: once the body's lines alone could not fit in max_pages pages, it
// stops setting and reports the page builder's error at the block that passed the limit; it
// never refuses what the page builder would fit. Hand-made documents in the made-up face
// (hand_layout.hpp): lines of 15 pt, pages of N lines.
#include <algorithm>

#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "hand_layout.hpp"
#include "page/paginate.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

// One paragraph of one line per block, its position line k.
std::vector<compose::Block> one_line_paragraphs(int n) {
    std::vector<compose::Block> blocks;
    for (int k = 1; k <= n; ++k) {
        compose::Paragraph p = test::hand_paragraph({test::hand_span(test::hand_text(k, 1))});
        p.pos = {k, 1};
        blocks.emplace_back(std::move(p));
    }
    return blocks;
}

std::size_t line_count(const flow::VList& v) {
    return static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](const flow::VItem& it) { return it.kind == flow::VItem::Kind::line; }));
}

}  // namespace

TEST_CASE("the flow stops at the first paragraph whose lines pass max_pages pages' height", "[flow]") {
    // 100 one-line paragraphs, pages of 10 lines, at most 2 pages: the lines' heights and depths
    // pass 20 lines' room within 30 lines (the interline glue makes up the rest of a line).
    const compose::Document doc = test::hand_document(10, one_line_paragraphs(100));
    flow::FlowParams fp;
    fp.max_pages = 2;
    Diagnostics d("t.md");
    const flow::Flow f = flow::flow(doc, test::fake_resources(), para::Params{}, d, fp);
    REQUIRE(f.refused);
    const std::size_t set = line_count(f.body);
    CHECK(set < 30);
    Sp before = 0, last = 0;
    for (const flow::VItem& it : f.body)
        if (it.kind == flow::VItem::Kind::line) {
            before += last;
            last = it.line.height + it.line.depth;
        }
    CHECK(before <= 2 * doc.style.text_height());
    CHECK(before + last > 2 * doc.style.text_height());
    CHECK(test::messages(d) == std::vector<std::string>{std::to_string(set) + ":1: error: the document would have more than 2 pages"});
    // The page builder adds nothing: one error.
    page::paginate(f, doc.style, test::fake_resources(), para::Params{}, d);
    CHECK(test::messages(d).size() == 1);
}

TEST_CASE("a document that fills max_pages pages exactly is not refused", "[flow]") {
    const compose::Document doc = test::hand_document(10, one_line_paragraphs(20));
    flow::FlowParams fp;
    fp.max_pages = 2;
    Diagnostics d("t.md");
    const page::Pages pages = page::paginate(flow::flow(doc, test::fake_resources(), para::Params{}, d, fp), doc.style,
                                             test::fake_resources(), para::Params{}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(pages.pages.size() == 2);
}

TEST_CASE("a table past the page limit is refused at the table, before its later rows are set", "[flow]") {
    std::string body = "Текст.\n\n|a|\n|-|\n";
    for (int r = 0; r < 500; ++r) body += "|x|\n";
    Diagnostics d("t.md");
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\n" + body, d);
    REQUIRE(req);
    const auto doc = compose::letter(*req, test::fake_fonts(), d);
    flow::FlowParams fp;
    fp.max_pages = 1;
    const flow::Flow f = flow::flow(doc, test::fake_resources(), para::Params{}, d, fp);
    REQUIRE(f.refused);
    CHECK(line_count(f.body) < 100);
    CHECK(test::messages(d) == std::vector<std::string>{"7:1: error: the document would have more than 1 pages"});
}
