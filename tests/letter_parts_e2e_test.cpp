// The signature scan and the seal where issue 16's table puts them, read back from the PDF
// (mutool trace), not from zapros's own pages: the scan 15 mm high over its signature line,
// centred on it, its foot 2 mm below it; the seal at most 40 mm, centred on the line's baseline
// and reaching three tenths into the line from its left end, drawn after (over) the scan.
#include <catch2/catch.hpp>

#include <algorithm>

#include "compose/style.hpp"
#include "png_writer.hpp"
#include "property/pdf_trace.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

// The signature line: the run of underscores on the page with `name` after it.
struct SignLine {
    double x0 = 0, x1 = 0, baseline = 0;
};

SignLine sign_line(const property::PdfPage& page) {
    SignLine l;
    bool any = false;
    for (const property::Glyph& g : page.glyphs) {
        if (g.ch != U'_') continue;
        if (!any) {
            l.x0 = g.x;
            l.baseline = g.y;
            any = true;
        }
        l.x1 = std::max(l.x1, g.x + g.width);
    }
    REQUIRE(any);
    return l;
}

double mm_pt(double v) { return v * 72.0 / 25.4; }

}  // namespace

TEST_CASE("the signature scan stands over its line and the seal over the line's left part, read back from the PDF", "[e2e][letter]") {
    const auto dir = test::temp_dir("letter-parts-e2e");
    test::write(dir / "sign.png", test::png(200, 100));   // 33.9 × 16.9 mm at 150 dpi: 15 mm high fits the line
    test::write(dir / "seal.png", test::png(240, 240));   // 40.6 mm: capped at 40
    test::write(dir / "r.md", "---\ntitle: Запрос\nto: Министерство\nsignatures:\n  - role: Главный редактор\n"
                              "    name: С. С. Смирнов\n    image: sign.png\nstamp: {image: seal.png, signature: 1}\n---\nТекст.\n");
    const auto r = test::run_zapros({"render", "r.md", "-o", "r.pdf"}, dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    std::string error;
    const auto pages = property::read_pdf((dir / "r.pdf").string(), (dir / "trace.xml").string(), error);
    INFO(error);
    REQUIRE(pages);
    REQUIRE(pages->size() == 1);
    const property::PdfPage& page = pages->front();
    REQUIRE(page.images.size() == 2);
    const property::Box scan = page.images[0].box, seal = page.images[1].box;  // in drawing order: the seal over the scan
    CHECK(page.images[0].width == 200);
    CHECK(page.images[1].width == 240);
    const SignLine line = sign_line(page);
    const compose::Style style;

    // The scan: 15 mm high, aspect kept, centred on the line, its foot 2 mm under the baseline.
    CHECK(scan.y1 - scan.y0 == Approx(mm_pt(15)).margin(0.05));
    CHECK(scan.x1 - scan.x0 == Approx(mm_pt(15) * 2).margin(0.05));
    CHECK((scan.x0 + scan.x1) / 2 == Approx((line.x0 + line.x1) / 2).margin(0.5));
    CHECK(scan.y0 == Approx(line.baseline - to_pt(style.scan_drop)).margin(0.05));

    // The seal: 40 mm, centred on the baseline, its right edge three tenths into the line.
    CHECK(seal.x1 - seal.x0 == Approx(mm_pt(40)).margin(0.05));
    CHECK(seal.y1 - seal.y0 == Approx(mm_pt(40)).margin(0.05));
    CHECK((seal.y0 + seal.y1) / 2 == Approx(line.baseline).margin(0.05));
    CHECK(seal.x1 == Approx(line.x0 + style.stamp_reach * (line.x1 - line.x0)).margin(0.5));
    CHECK(seal.x0 >= to_pt(style.margin_left) - 0.01);  // inside the measure
}
