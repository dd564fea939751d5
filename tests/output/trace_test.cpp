// The text trace that --trace writes: one drawing operation per line, positions in points from
// the page's top left. The golden tests compare a slimmer view (lines and words), so this one
// pins the trace itself, on a page made by hand.
#include <catch2/catch.hpp>

#include "output/pdf.hpp"

using namespace zapros;

namespace {

// One page of 200 × 300 pt holding the line at (x, y).
page::Pages one_page(const para::Line& line, Sp x, Sp y) {
    page::Pages pages;
    pages.width = pt(200);
    pages.height = pt(300);
    page::Page& p = pages.pages.emplace_back();
    p.number = 1;
    p.lines.push_back({x, y, line});
    return pages;
}

}  // namespace

TEST_CASE("the trace writes each run with its font, size, kerns and scale, and each rule, link and note start", "[output]") {
    para::Line line;
    line.height = pt(9);
    line.anchor = 2;
    line.runs.push_back(para::Run{.x = pt(1), .y = 0, .text = "AV\"", .font = text::own_font(Face::serif), .size = pt(12),
                                  .kerns = {{1, -80}}, .scale = 990, .space_after = true});
    line.runs.push_back(para::Run{.x = pt(30), .y = -pt(4), .text = "1", .font = text::own_font(Face::mono), .size = pt(7.8)});
    line.rules.push_back({pt(0), pt(2), pt(50), pt(0.4)});
    line.links.push_back({pt(30), -pt(9), pt(4), pt(12), nullptr, 1});
    CHECK(output::write_trace(one_page(line, pt(10), pt(20))) ==
          "page 1 200.00x300.00\n"
          "note 2 at 11.00\n"
          "text 11.00 20.00 serif 12.00 \"AV\\\"\" kern 1:-80 scale 990 +space\n"
          "text 40.00 16.00 mono 7.80 \"1\"\n"
          "rule 10.00 22.00 50.00 0.40\n"
          "link 40.00 11.00 4.00 12.00 note 1\n");
}

TEST_CASE("the trace writes each image box with its image id, after the line's rules", "[output]") {
    para::Line line;
    line.rules.push_back({pt(0), pt(2), pt(50), pt(0.4)});
    line.images.push_back({pt(5), -pt(40), pt(60), pt(42.5), 3, "подпись"});
    line.images.push_back({pt(0), -pt(30), pt(30), pt(30), 0, "печать"});
    CHECK(output::write_trace(one_page(line, pt(10), pt(100))) ==
          "page 1 200.00x300.00\n"
          "rule 10.00 102.00 50.00 0.40\n"
          "image 3 15.00 60.00 60.00 42.50\n"
          "image 0 10.00 70.00 30.00 30.00\n");
}

TEST_CASE("the trace writes what a run stands for: its actual text as code points, \"\" for nothing", "[output]") {
    para::Line line;
    line.runs.push_back(para::Run{.x = 0, .y = 0, .text = "\u25A1\u25A1", .font = 5, .size = pt(12), .space_after = true,
                                  .actual = "\uE000\U00010000"});
    line.runs.push_back(para::Run{.x = pt(20), .y = 0, .text = "-", .font = 0, .size = pt(12), .actual = "\u00AD"});
    line.runs.push_back(para::Run{.x = pt(30), .y = 0, .text = "-", .font = 0, .size = pt(12), .silent = true});
    CHECK(output::write_trace(one_page(line, 0, pt(20))) ==
          "page 1 200.00x300.00\n"
          "text 0.00 20.00 dejavu-serif 12.00 \"\u25A1\u25A1\" +space actual U+E000 U+10000\n"
          "text 20.00 20.00 serif 12.00 \"-\" actual U+00AD\n"
          "text 30.00 20.00 serif 12.00 \"-\" actual \"\"\n");
}
