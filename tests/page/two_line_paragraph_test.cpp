// A two-line paragraph at a page's foot: the flow discourages a page break between its lines
// (\interlinepenalty's 3000, TeX ch. 15), so the page builder ends the page before it instead.
#include <catch2/catch.hpp>

#include "flow/flow.hpp"
#include "layout_support.hpp"
#include "page/paginate.hpp"

using namespace zapros;

TEST_CASE("a two-line paragraph at a page's foot moves whole to the next page rather than split", "[page]") {
    // 47 one-line paragraphs, then one of two lines (a hard break): 15 pt apart, 48 lines fill
    // 720 of the page's 728.5 pt, so the paragraph's second line is the first that does not fit.
    // Ending the page before the paragraph leaves 23.5 pt blank, a badness of 0 either way.
    compose::Document doc;
    for (int n = 1; n <= 47; ++n) doc.blocks.emplace_back(test::paragraph_of("Строка " + std::to_string(n) + "."));
    compose::Paragraph two = test::paragraph_of("Первая из двух.");
    two.spans.push_back(compose::Span{.face = Face::serif, .size = pt(12), .line_break = true});
    two.spans.push_back(compose::Span{.text = "Вторая из двух.", .face = Face::serif, .size = pt(12)});
    doc.blocks.emplace_back(two);
    Diagnostics d("t.md");
    const para::Params params;
    const page::Pages pages =
        page::paginate(flow::flow(doc, test::resources(), params, d), doc.style, test::resources(), params, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(test::body_lines(pages.pages[0]).size() == 47);
    CHECK(test::lines_containing(pages, "Первая").front() == test::body_lines(pages.pages[1]).front());
}
