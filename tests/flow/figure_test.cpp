// A figure as the flow sets it: one frame (the image centred between its indents, the caption
// under it), floating, with the glue that joins the lines around it should it move away. In the
// made-up face (hand_layout.hpp): lines of 15 pt, 10.5 above the baseline and 4.5 below; a caption
// line of 10 pt on 12 pt, 8.4 above and 3.6 below.
#include <catch2/catch.hpp>

#include "hand_layout.hpp"

using namespace zapros;

namespace {

compose::Figure figure(Sp width, Sp height, std::string caption = {}) {
    compose::Figure f;
    f.image = 3;
    f.width = width;
    f.height = height;
    f.alt = "скан";
    f.space_before = pt(12);
    f.space_after = pt(12);
    if (!caption.empty()) {
        compose::Paragraph p = test::hand_paragraph({compose::Span{.text = std::move(caption), .face = Face::serif, .size = pt(10)}});
        p.align = compose::Align::center;
        p.size = pt(10);
        p.leading = pt(12);
        f.caption.push_back(std::move(p));
    }
    return f;
}

const flow::VItem& the_figure(const flow::Flow& f) {
    for (const flow::VItem& it : f.body)
        if (it.kind == flow::VItem::Kind::line && !it.line.images.empty()) return it;
    FAIL("no figure");
    throw;
}

}  // namespace

TEST_CASE("a figure is one floating frame: the image centred, the caption under it", "[flow][figure]") {
    // The measure is 114 pt; an image 50 pt wide stands 32 pt in. Its top is the frame's top:
    // 40 pt of image, 6 pt of gap, the caption line's 8.4 pt above its baseline, the origin.
    Diagnostics d("t.md");
    const compose::Document doc = test::hand_document(20, {figure(pt(50), pt(40), "Подпись")});
    const flow::Flow fl = test::hand_flow(doc, d);
    const flow::VItem& it = the_figure(fl);
    CHECK(it.floating);
    const para::Line& l = it.line;
    REQUIRE(l.images.size() == 1);
    const para::ImageBox& im = l.images[0];
    CHECK(im.x == pt(32));
    CHECK(im.width == pt(50));
    CHECK(im.height == pt(40));
    CHECK(im.image == 3);
    CHECK(im.alt == "скан");
    CHECK(l.height == pt(40) + doc.style.caption_gap + pt(12) * 7 / 10);
    CHECK(im.y == -l.height);
    CHECK(l.depth == pt(12) - pt(12) * 7 / 10);
    REQUIRE(l.runs.size() == 1);
    CHECK(l.runs[0].text == "Подпись");
    CHECK(l.runs[0].y == 0);
}

TEST_CASE("a figure in a quote is centred between the quote's indents", "[flow][figure]") {
    compose::Figure f = figure(pt(50), pt(40));
    f.left = pt(20);
    f.right = pt(4);
    Diagnostics d("t.md");
    const flow::Flow fl = test::hand_flow(test::hand_document(20, {f}), d);
    const para::Line& l = the_figure(fl).line;
    CHECK(l.images[0].x == pt(20) + (pt(90) - pt(50)) / 2);
    CHECK(l.height == pt(40));
    CHECK(l.depth == 0);
}

TEST_CASE("a figure keeps the glue that joins the lines around it when it moves away", "[flow][figure]") {
    // Without the figure, the next paragraph's line would stand a baseline (15 pt) under the
    // one before: 15 − 4.5 − 10.5 = 0 pt of glue. With it, 12 pt before and after it.
    Diagnostics d("t.md");
    const compose::Paragraph para = test::hand_paragraph({test::hand_span(test::hand_text(1, 1))});
    const flow::Flow fl = test::hand_flow(test::hand_document(20, {para, figure(pt(50), pt(40)), para}), d);
    std::vector<Sp> glue;
    for (const flow::VItem& it : fl.body)
        if (it.kind == flow::VItem::Kind::glue) glue.push_back(it.glue);
    CHECK(glue == std::vector<Sp>{pt(12), pt(12) + pt(15) - pt(10.5)});
    CHECK(the_figure(fl).float_glue == 0);
}

TEST_CASE("a caption set longer than compose foresaw shrinks the image to keep the figure on a page", "[flow][figure]") {
    // A page of 10 lines is 150 pt: an image of 140 pt and a caption of two lines (6 + 8.4 + 12 +
    // 3.6 = 30 pt) would be 170; the image becomes 120 pt tall, and as much narrower.
    Diagnostics d("t.md");
    const compose::Document doc = test::hand_document(10, {figure(pt(70), pt(140), "Подпись к скану документа")});
    const flow::Flow flowed = test::hand_flow(doc, d);
    const para::Line& l = the_figure(flowed).line;
    CHECK(l.images[0].height == pt(120));
    CHECK(l.images[0].width == pt(60));
    CHECK(l.height + l.depth == pt(150));
}

TEST_CASE("a figure that does not float is a frame in its place", "[flow][figure]") {
    compose::Figure f = figure(pt(50), pt(40));
    f.floating = false;
    Diagnostics d("t.md");
    const flow::Flow fl = test::hand_flow(test::hand_document(20, {f}), d);
    CHECK_FALSE(the_figure(fl).floating);
}
