// The numbers of a page's content stream: thousandths of a point, written short, their sign kept.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("a move left by less than a point keeps its minus sign in the content stream", "[pdf]") {
    Diagnostics d("t.md");
    auto t = test::typeset_text("---\ntitle: T\nto: X\n---\nТекст.\n", d);
    REQUIRE(t);
    const para::Run& any = t->pages.pages.at(0).lines.at(0).line.runs.at(0);
    // Two runs on one baseline, the second half a point left of the first: "-0.5 0 Td".
    para::Line line;
    line.runs.push_back(para::Run{.x = pt(100), .text = "ab", .font = any.font, .size = any.size});
    line.runs.push_back(para::Run{.x = pt(99.5), .text = "ab", .font = any.font, .size = any.size});
    t->pages.pages[0].lines.push_back({0, pt(400), line});
    const auto dir = test::temp_dir("content-numbers");
    test::write(dir / "r.pdf", test::pipeline().pdf(*t));
    REQUIRE(test::run({"qpdf", "--qdf", "--object-streams=disable", (dir / "r.pdf").string(), (dir / "q.pdf").string()}).status == 0);
    CHECK(test::read(dir / "q.pdf").find("\n-0.5 0 Td\n") != std::string::npos);
}
