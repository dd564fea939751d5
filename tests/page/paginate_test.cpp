// The page builder's limits and rules on documents made for them.
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "layout_support.hpp"
#include "page/paginate.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

page::Pages paginate_with(const std::string& body, const page::PageParams& pp, Diagnostics& d) {
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\n" + body, d);
    REQUIRE(req);
    const auto doc = compose::letter(*req, test::pipeline().fonts(), d);
    const para::Resources res{test::pipeline().fonts(), nullptr};
    const para::Params params;
    return page::paginate(flow::flow(doc, res, params, d), doc.style, res, params, d, pp);
}

std::string paragraphs(int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += "Редакция направляет настоящий запрос в соответствии с законом о средствах массовой информации "
             "и просит ответить в установленный срок, а уведомление об отсрочке направить в течение трёх дней.\n\n";
    return s;
}

}  // namespace

TEST_CASE("a document longer than the page limit is an error", "[page]") {
    page::PageParams pp;
    pp.max_pages = 2;
    Diagnostics d("t.md");
    const auto pages = paginate_with(paragraphs(60), pp, d);
    CHECK(pages.pages.size() == 2);
    CHECK(test::messages(d) == std::vector<std::string>{"0:0: error: the document would have more than 2 pages"});
}

TEST_CASE("no page ends with a lone first line or starts with a lone last line", "[page]") {
    Diagnostics d("t.md");
    const auto pages = paginate_with(paragraphs(40), page::PageParams{}, d);
    REQUIRE(pages.pages.size() >= 3);
    // Each paragraph is three lines or more here: a page never holds just one line of one.
    for (const auto& p : pages.pages) {
        const auto body = test::body_lines(p);
        REQUIRE(body.size() >= 2);
        // The first body line of a page continues a paragraph only if the next line does too.
        const auto starts_paragraph = [](const page::Placed* pl) {
            return !pl->line.runs.empty() && pl->line.runs.front().text == "Редакция";
        };
        if (!starts_paragraph(body[0])) CHECK_FALSE(starts_paragraph(body[1]));
        if (starts_paragraph(body.back()) && &p != &pages.pages.back()) FAIL_CHECK("a paragraph's first line ends page " << p.number);
    }
}

TEST_CASE("pages are numbered from the second, centred at the top", "[page]") {
    Diagnostics d("t.md");
    const auto pages = paginate_with(paragraphs(40), page::PageParams{}, d);
    REQUIRE(pages.pages.size() >= 2);
    for (const auto& p : pages.pages) {
        const auto& last = p.lines.back();
        const bool numbered = last.y < compose::Style{}.margin_top && !last.line.runs.empty();
        CHECK(numbered == (p.number >= 2));
        if (numbered) CHECK(last.line.runs.front().text == std::to_string(p.number));
    }
}
