// Images in the PDF show the pixels they hold: each colour space and encoding, the soft mask,
// the PNG predictor, the EXIF orientations, the order of drawing (image_pages.hpp).
#include "image_pages.hpp"

using namespace zapros;
using namespace zapros::test::images;

TEST_CASE("raw gray and RGB images show their samples exactly", "[pdf][images]") {
    image::Images images;
    const image::Image g = gray3x2;
    const image::Image c = rgb(3, 2, bytes({255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 200, 100, 50, 0, 0, 0}));
    images.add(g), images.add(c);
    const Written w = write(pdf_of(pages_of({{box(g, 0)}, {box(c, 1)}}), images), "raw");
    CHECK(plain_pdf_of(pages_of({{box(g, 0)}, {box(c, 1)}}), images).rfind("%PDF-1.3\n", 0) == 0);  // no feature past 1.3
    check_shows(render(w.file, 1), g);
    check_shows(render(w.file, 2), c);
    check_clean(w.file);
    const auto rows = image_list(w.file);
    REQUIRE(rows.size() == 2);
    CHECK(listed(rows[0]) == "image 3 2 gray 8 image");
    CHECK(listed(rows[1]) == "image 3 2 rgb 8 image");
}

TEST_CASE("an indexed image shows its palette's colours", "[pdf][images]") {
    image::Image im = gray(4, 2, bytes({0, 1, 2, 3, 3, 2, 1, 0}));
    im.colour = image::Colour::indexed;
    im.palette = bytes({250, 10, 10, 10, 250, 10, 10, 10, 250, 128, 64, 32});
    image::Images images;
    images.add(im);
    const Written w = write(pdf_of(pages_of({{box(im, 0)}}), images), "indexed");
    check_shows(render(w.file), im);
    check_clean(w.file);
    const auto rows = image_list(w.file);
    REQUIRE(rows.size() == 1);
    CHECK(listed(rows[0]) == "image 4 2 index 8 image");
}

TEST_CASE("an image's alpha becomes a deflated 8-bit gray SMask and shows the page through", "[pdf][images]") {
    image::Image im = rgb(3, 1, bytes({200, 0, 0, 0, 200, 0, 0, 0, 200}));
    im.alpha = bytes({255, 128, 0});
    image::Images images;
    images.add(im);
    const Written w = write(pdf_of(pages_of({{box(im, 0)}}), images), "alpha");
    const Raster r = render(w.file);
    // Over the white page: alpha × colour + (1 − alpha) × white, within rounding.
    const std::array<std::array<int, 3>, 3> want = {{{200, 0, 0}, {127, 227, 127}, {255, 255, 255}}};
    for (int c = 0; c < 3; ++c)
        for (int k = 0; k < 3; ++k) CHECK(std::abs(r.pixel(c, 0)[k] - want[c][k]) <= 2);
    check_clean(w.file);
    const auto rows = image_list(w.file);
    REQUIRE(rows.size() == 2);
    CHECK(listed(rows[0]) == "image 3 1 rgb 8 image");
    CHECK(listed(rows[1]) == "smask 3 1 gray 8 image");
    const std::string plain = plain_pdf_of(pages_of({{box(im, 0)}}), images);
    CHECK(count(plain, "/Filter /FlateDecode") == 3);  // page, image, mask: none left plain
    CHECK(plain.rfind("%PDF-1.4\n", 0) == 0);           // soft masks came with PDF 1.4
}

TEST_CASE("PNG IDAT data is copied as it is and unfiltered by the PNG predictor, for every filter type", "[pdf][images]") {
    // Five rows for filters 0–4: RGB at 8 bits (3 bytes a pixel) and gray at 16 (2 bytes a
    // pixel), so that Colors, BitsPerComponent and Columns each change what Sub and Paeth read.
    image::Image c = rgb(4, 5, samples(4 * 5 * 3, 7));
    c.data = idat(c.data, 12, 3);
    c.encoding = image::Encoding::png_idat;
    image::Image g = gray(4, 5, samples(4 * 5 * 2, 11));
    const std::string g_samples = g.data;
    g.bits = 16;
    g.data = idat(g.data, 8, 2);
    g.encoding = image::Encoding::png_idat;
    image::Images images;
    images.add(c), images.add(g);
    const Written w = write(pdf_of(pages_of({{box(c, 0)}, {box(g, 1)}}), images), "idat");
    check_shows(render(w.file, 1), rgb(4, 5, samples(4 * 5 * 3, 7)));
    // 16-bit samples shown at 8 bits: the high byte, give or take one for rounding.
    std::string high;
    for (std::size_t i = 0; i < g_samples.size(); i += 2) high += g_samples[i];
    check_shows(render(w.file, 2), gray(4, 5, high), margin_pt, 1);
    check_clean(w.file);
    // The stream holds exactly the IDAT data: nothing decoded, re-encoded or compressed again.
    for (const image::Image* im : {&c, &g}) {
        const std::size_t at = w.pdf.find(im->data);
        REQUIRE(at != std::string::npos);
        CHECK(w.pdf.compare(at - 8, 8, "stream\r\n") == 0);
        CHECK(w.pdf.compare(at + im->data.size(), 10, "\nendstream") == 0);
    }
    const auto rows = image_list(w.file);
    REQUIRE(rows.size() == 2);
    CHECK(listed(rows[0]) == "image 4 5 rgb 8 image");
    CHECK(listed(rows[1]) == "image 4 5 gray 16 image");
    CHECK(w.pdf.rfind("%PDF-1.5\n", 0) == 0);  // 16-bit samples came with PDF 1.5
}

TEST_CASE("each EXIF orientation 1-8 shows the stored pixels turned upright", "[pdf][images]") {
    image::Images images;
    std::vector<para::ImageBox> boxes;
    std::vector<image::Image> turned;
    for (int o = 1; o <= 8; ++o) {
        image::Image im = gray3x2;
        im.orientation = o;
        turned.push_back(im);
        boxes.push_back(box(im, images.add(im), margin_pt + (o - 1) * 16));
    }
    const Written w = write(pdf_of(pages_of({boxes}, 132), images), "orientation");
    const Raster r = render(w.file);
    for (int o = 1; o <= 8; ++o) check_shows(r, turned[o - 1], margin_pt + (o - 1) * 16);
    check_clean(w.file);
}

TEST_CASE("a line's images are drawn after its text in the order it holds them: a stamp lies over the signature", "[pdf][images]") {
    const image::Image signature = gray(2, 1, bytes({0, 0})), stamp = gray(2, 1, bytes({150, 150}));
    image::Images images;
    images.add(signature), images.add(stamp);
    para::ImageBox under = box(signature, 0), over = box(stamp, 1, margin_pt + pixel_pt);  // over its right pixel
    const Written w = write(pdf_of(pages_of({{under, over}}), images), "order");
    const Raster r = render(w.file);
    CHECK(r.pixel(0, 0)[0] == 0);
    CHECK(r.pixel(1, 0)[0] == 150);
    CHECK(r.pixel(2, 0)[0] == 150);
}
