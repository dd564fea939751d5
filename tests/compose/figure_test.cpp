// Figures as compose sets them: natural size (pixels at their resolution, 150 dpi when the file
// gives none), scaled down, aspect kept, to the context's width and to a page with the caption
// and the spaces around; the caption a 10 pt centred paragraph; a file that fails to decode an
// error at the image. PNG files written by tests/png_writer; the default A4 style (a measure of
// 165 mm, a text height of 257 mm).
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "hand_layout.hpp"
#include "png_writer.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

struct Composed {
    compose::Document doc;
    std::vector<std::string> messages;
    image::Images images;
};

// The body `markdown` with scan.png holding `file`, composed.
Composed compose_with(const std::string& file, const std::string& markdown) {
    const auto dir = test::temp_dir("compose-figure");
    test::write(dir / "scan.png", file);
    Composed out;
    Diagnostics d((dir / "r.md").string());
    const auto req = request::parse((dir / "r.md").string(), test::request_text(test::minimal_yaml, markdown), d);
    REQUIRE(req);
    out.doc = compose::letter(*req, test::fake_fonts(), out.images, d);
    out.messages = test::messages(d);
    return out;
}

const compose::Figure& the_figure(const compose::Document& doc) {
    for (const compose::Block& b : doc.blocks)
        if (const auto* f = std::get_if<compose::Figure>(&b)) return *f;
    FAIL("no figure");
    throw;
}

Sp scaled(Sp length, Sp to, Sp from) { return round_to_sp(static_cast<double>(length) * static_cast<double>(to) / static_cast<double>(from)); }

}  // namespace

TEST_CASE("a small image keeps its natural size, 150 dpi when the file gives none", "[compose][figure]") {
    // 300 × 150 pixels at 150 dpi: 2 × 1 inches, 144 × 72 pt.
    const Composed c = compose_with(test::png(300, 150), "![скан](scan.png)\n");
    CHECK(c.messages.empty());
    const compose::Figure& f = the_figure(c.doc);
    CHECK(f.width == pt(144));
    CHECK(f.height == pt(72));
    CHECK(f.left == 0);
    CHECK(f.right == 0);
    CHECK(f.alt == "скан");
    CHECK(f.caption.empty());
    CHECK(f.space_before == c.doc.style.figure_before);
    CHECK(f.space_after == c.doc.style.figure_after);
    CHECK(c.images.size() == 1);
    CHECK(f.image == 0);
}

TEST_CASE("an image's resolution sets its natural size", "[compose][figure]") {
    // 300 × 150 pixels at 300 dpi: 72 × 36 pt.
    const Composed c = compose_with(test::png(300, 150, 300), "![скан](scan.png)\n");
    const compose::Figure& f = the_figure(c.doc);
    CHECK(std::abs(to_pt(f.width) - 72) < 0.01);
    CHECK(std::abs(to_pt(f.height) - 36) < 0.01);
}

TEST_CASE("a wide image is scaled down to the measure, aspect kept", "[compose][figure]") {
    // 1500 × 300 pixels: 720 × 144 pt, wider than the measure.
    const Composed c = compose_with(test::png(1500, 300), "![скан](scan.png)\n");
    const compose::Figure& f = the_figure(c.doc);
    const Sp measure = c.doc.style.measure();
    CHECK(std::abs(f.width - measure) <= 1);
    CHECK(std::abs(f.height - scaled(pt(144), measure, pt(720))) <= 1);
}

TEST_CASE("a figure in a quote is scaled to the quote's width and indented as it is", "[compose][figure]") {
    const Composed c = compose_with(test::png(1500, 300), "> ![скан](scan.png)\n");
    const compose::Figure& f = the_figure(c.doc);
    const Sp width = c.doc.style.measure() - 2 * c.doc.style.quote_indent;
    CHECK(f.left == c.doc.style.quote_indent);
    CHECK(f.right == c.doc.style.quote_indent);
    CHECK(std::abs(f.width - width) <= 1);
}

TEST_CASE("a tall image is scaled down to a page with its caption and its spaces", "[compose][figure]") {
    // 300 × 6000 pixels: 144 × 2880 pt, taller than a page. The caption, one short line, takes
    // a leading and the gap above it.
    const Composed c = compose_with(test::png(300, 6000), "![скан](scan.png \"Копия\")\n");
    const compose::Figure& f = the_figure(c.doc);
    const compose::Style& s = c.doc.style;
    const Sp height = s.text_height() - s.caption_leading - s.caption_gap - s.figure_before - s.figure_after;
    CHECK(std::abs(f.height - height) <= 1);
    CHECK(std::abs(f.width - scaled(pt(144), height, pt(2880))) <= 1);
    REQUIRE(f.caption.size() == 1);
    CHECK(f.caption[0].align == compose::Align::center);
    CHECK(f.caption[0].size == s.caption_size);
    CHECK(f.caption[0].leading == s.caption_leading);
    CHECK(f.caption[0].spans[0].text == "Копия");
}

TEST_CASE("a caption of several lines leaves the image less of the page", "[compose][figure]") {
    // 60 words of four letters at 10 pt in the fake face (5 pt a character): 25 pt a word and a
    // space; the measure, 467.7 pt, holds 18 a line: 4 lines.
    std::string caption;
    for (int i = 0; i < 60; ++i) caption += caption.empty() ? "слов" : " слов";
    const Composed c = compose_with(test::png(300, 6000), "![скан](scan.png \"" + caption + "\")\n");
    const compose::Style& s = c.doc.style;
    const Sp height = s.text_height() - 4 * s.caption_leading - s.caption_gap - s.figure_before - s.figure_after;
    CHECK(std::abs(the_figure(c.doc).height - height) <= 1);
}

TEST_CASE("the caption goes through the same typography as the text", "[compose][figure]") {
    const Composed c = compose_with(test::png(30, 30), "![скан](scan.png \"Копия \\\"свидетельства\\\"\")\n");
    CHECK(the_figure(c.doc).caption[0].spans[0].text == "Копия «свидетельства»");
    CHECK(compose::text_of(c.doc).find("свидетельства") != std::string::npos);
}

TEST_CASE("an image that fails to decode is an error at the image that names it", "[compose][figure]") {
    const Composed c = compose_with("not an image at all", "Текст.\n\nСкан: ![скан](scan.png)\n");
    CHECK(c.messages == std::vector<std::string>{"7:7: error: image 'scan.png': not a PNG or JPEG file"});
}

TEST_CASE("a caption that leaves its image less than the figure's minimum of a page is an error at the image", "[compose][figure]") {
    // 18 words of the fake face a line at 10 pt, 12 pt apart: 950 words (53 lines) leave the image
    // 62 pt of the page's 728.5, 1,050 (59 lines) none; the image would be drawn almost nothing tall.
    const auto with_words = [](int n) {
        std::string caption;
        for (int i = 0; i < n; ++i) caption += caption.empty() ? "слов" : " слов";
        return compose_with(test::png(300, 6000), "![скан](scan.png \"" + caption + "\")\n");
    };
    const Composed fits = with_words(950);
    CHECK(fits.messages.empty());
    CHECK(the_figure(fits.doc).height >= fits.doc.style.figure_min_height);
    const Composed hidden = with_words(1050);
    REQUIRE(hidden.messages.size() == 1);
    CHECK(hidden.messages[0] == "5:1: error: image 'scan.png': its caption leaves it less than 36 pt of a page");
}
