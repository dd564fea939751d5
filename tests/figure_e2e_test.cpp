// A request with a real PNG, rendered end to end: the layout checked on the pages, and the PDF
// read back with pdftotext, pdfimages and mutool.
#include <catch2/catch.hpp>

#include <sstream>

#include "layout_support.hpp"
#include "output/image_pages.hpp"
#include "png_writer.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

const std::string front = "---\ntitle: Запрос\nto: Министерство\n---\n";

// Paragraphs of plain words, enough to push what follows towards a page's foot.
std::string filler(int paragraphs) {
    std::string out;
    for (int p = 0; p < paragraphs; ++p) {
        for (int w = 0; w < 60; ++w) out += "слово ";
        out += "конец.\n\n";
    }
    return out;
}

}  // namespace

TEST_CASE("a request with a PNG figure renders, the image centred with its caption under it", "[e2e][figure]") {
    const auto dir = test::temp_dir("figure-e2e");
    test::write(dir / "scan.png", test::png(600, 300));  // 288 × 144 pt at 150 dpi
    test::write(dir / "r.md", front + "Прилагаю копию:\n![копия свидетельства](scan.png \"Свидетельство о регистрации\")\nКонец.\n");
    Diagnostics d((dir / "r.md").string());
    const auto t = test::typeset_file(dir / "r.md", d);
    REQUIRE(t);
    CHECK(test::messages(d).empty());
    const para::ImageBox* image = nullptr;
    const page::Placed* frame = nullptr;
    for (const page::Placed& pl : t->pages.pages[0].lines)
        if (!pl.line.images.empty()) image = &pl.line.images[0], frame = &pl;
    REQUIRE(image);
    CHECK(image->width == pt(288));
    CHECK(image->height == pt(144));
    const compose::Style style;
    CHECK(frame->x + image->x + image->width / 2 == style.margin_left + style.measure() / 2);
    CHECK(image->alt == "копия свидетельства");
    REQUIRE(t->images);
    CHECK(t->images->size() == 1);
    CHECK(std::find(t->inputs.begin(), t->inputs.end(), (dir / "scan.png").string()) != t->inputs.end());

    REQUIRE(test::run_zapros({"render", "r.md", "-o", "r.pdf"}, dir).status == 0);
    const auto text = test::run({"pdftotext", (dir / "r.pdf").string(), "-"});
    const std::size_t caption = text.out.find("Свидетельство о регистрации");
    CHECK(caption != std::string::npos);
    CHECK(text.out.find("Прилагаю копию:") < caption);
    CHECK(caption < text.out.find("Конец."));
}

TEST_CASE("a figure too tall for the rest of a page waits for the next while the text flows on", "[e2e][figure]") {
    // Five paragraphs of about five lines leave less than the figure's 360 pt on page 1. The text
    // after it flows on there, but for its end, which the closing keeps with it and which may not
    // overtake the figure (flow's barrier).
    const auto dir = test::temp_dir("figure-e2e-float");
    test::write(dir / "scan.png", test::png(300, 750));  // 144 × 360 pt
    test::write(dir / "r.md", front + filler(5) + "![скан](scan.png)\n\nПосле рисунка.\n\n" + filler(2));
    Diagnostics d((dir / "r.md").string());
    const auto t = test::typeset_file(dir / "r.md", d);
    REQUIRE(t);
    REQUIRE(t->pages.pages.size() == 2);
    const auto& page2 = t->pages.pages[1];
    REQUIRE_FALSE(page2.lines.empty());
    CHECK_FALSE(page2.lines[0].line.images.empty());
    CHECK(test::lines_containing(t->pages, "рисунка.").size() == 1);
    CHECK(test::count_text(t->pages, "рисунка.") == 1);
    const auto after = test::lines_containing(t->pages, "рисунка.");
    CHECK(std::any_of(t->pages.pages[0].lines.begin(), t->pages.pages[0].lines.end(),
                      [&](const page::Placed& pl) { return &pl == after[0]; }));
    // The closing (the date's line) comes after the figure, on page 2.
    const auto date = test::lines_containing(t->pages, "Дата");
    REQUIRE(date.size() == 1);
    CHECK(std::any_of(page2.lines.begin(), page2.lines.end(), [&](const page::Placed& pl) { return &pl == date[0]; }));
}

TEST_CASE("a figure at a page boundary is drawn at the next page's top, the text after it on the first page", "[e2e][figure]") {
    // As above: five paragraphs leave less than the figure's 360 pt on page 1; the text's end, which
    // the closing keeps, follows the figure.
    const auto dir = test::temp_dir("figure-e2e-boundary");
    test::write(dir / "scan.png", test::png(300, 750));  // 144 × 360 pt
    test::write(dir / "r.md", front + filler(5) + "![скан](scan.png)\n\nПосле рисунка.\n\n" + filler(2));
    REQUIRE(test::run_zapros({"render", "r.md", "-o", "r.pdf"}, dir).status == 0);
    const auto rows = test::images::image_list(dir / "r.pdf");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].find_first_not_of(' ') == rows[0].find('2'));  // pdfimages' first column: page 2
    const auto page1 = test::run({"pdftotext", "-f", "1", "-l", "1", (dir / "r.pdf").string(), "-"});
    const auto page2 = test::run({"pdftotext", "-f", "2", "-l", "2", (dir / "r.pdf").string(), "-"});
    CHECK(page1.out.find("После рисунка.") != std::string::npos);
    CHECK(page2.out.find("После рисунка.") == std::string::npos);
    // The image's top edge is the top margin of page 2 (mutool trace: device space, y down).
    const auto trace = test::run({"mutool", "trace", (dir / "r.pdf").string(), "2"});
    REQUIRE(trace.status == 0);
    const std::size_t at = trace.out.find("<fill_image");
    REQUIRE(at != std::string::npos);
    const std::size_t m = trace.out.find("transform=\"", at);
    REQUIRE(m != std::string::npos);
    std::istringstream matrix(trace.out.substr(m + 11));
    double a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
    matrix >> a >> b >> c >> d >> e >> f;
    INFO(trace.out.substr(at, 200));
    CHECK(a == Approx(144).margin(0.01));
    const compose::Style style;
    CHECK(f == Approx(to_pt(style.margin_top)).margin(0.01));
}
