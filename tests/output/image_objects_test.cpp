// Images as PDF objects: passed through unchanged, written once however often drawn, small,
// deterministic (image_pages.hpp).
#include "output/haru.hpp"
#include "image_pages.hpp"

using namespace zapros;
using namespace zapros::test::images;

TEST_CASE("a JPEG's bytes are copied as they are under /DCTDecode", "[pdf][images]") {
    // A real JPEG: pdftoppm's rendering of a raw image, 16 × 8 pixels.
    image::Images raw;
    raw.add(rgb(4, 2, bytes({255, 0, 0, 0, 255, 0, 0, 0, 255, 90, 90, 90, 0, 0, 0, 255, 255, 0, 0, 255, 255, 255, 255, 255})));
    const Written source = write(pdf_of(pages_of({{para::ImageBox{0, 0, pt(100), pt(60), 0, ""}}}), raw), "jpeg-source");
    const fs::path jpg = source.file.parent_path() / "j";
    REQUIRE(test::run({"pdftoppm", "-jpeg", "-scale-to-x", "16", "-scale-to-y", "8", "-singlefile", source.file.string(), jpg.string()}).status == 0);
    image::Image im = rgb(16, 8, test::read(jpg.string() + ".jpg"));
    im.encoding = image::Encoding::dct;
    image::Images images;
    images.add(im);
    const Written w = write(pdf_of(pages_of({{box(im, 0)}}), images), "jpeg");
    const std::size_t at = w.pdf.find(im.data);
    REQUIRE(at != std::string::npos);
    CHECK(w.pdf.compare(at - 8, 8, "stream\r\n") == 0);
    CHECK(w.pdf.compare(at + im.data.size(), 10, "\nendstream") == 0);
    CHECK(count(w.pdf, "/Filter /DCTDecode") == 1);
    check_clean(w.file);
    const auto rows = image_list(w.file);
    REQUIRE(rows.size() == 1);
    CHECK(listed(rows[0]) == "image 16 8 rgb 8 jpeg");
    render(w.file);  // and poppler draws it without a warning
}

TEST_CASE("a PDF grows by an image's encoded data and a small constant", "[pdf][images]") {
    image::Image im = rgb(64, 64, samples(64 * 64 * 3, 3));
    im.data = idat(im.data, 64 * 3, 3);
    im.encoding = image::Encoding::png_idat;
    image::Images images;
    images.add(im);
    const std::size_t without = pdf_of(pages_of({{}}), images).size();
    para::ImageBox drawn = box(im, 0);
    drawn.alt.clear();  // the image alone, without the alt text's marked content
    const std::size_t with = pdf_of(pages_of({{drawn}}), images).size();
    const std::size_t overhead = with - without - im.data.size();
    INFO("overhead " << overhead << " bytes");
    CHECK(with > without + im.data.size());
    CHECK(overhead < 400);
}

TEST_CASE("an image drawn on two pages and twice on one is one object under one name", "[pdf][images]") {
    image::Images images;
    const image::Image first = gray3x2, second = rgb(1, 1, bytes({1, 2, 3}));
    images.add(first), images.add(second);
    const page::Pages pages = pages_of({{box(second, 1), box(first, 0, 30)}, {box(first, 0), box(first, 0, 30)}});
    const Written w = write(pdf_of(pages, images), "shared");
    const auto rows = image_list(w.file);
    REQUIRE(rows.size() == 4);
    CHECK(object_of(rows[0]) != object_of(rows[1]));
    CHECK(object_of(rows[1]) == object_of(rows[2]));  // the same object on both pages
    CHECK(object_of(rows[2]) == object_of(rows[3]));
    const auto q = test::run({"qpdf", "--qdf", "--object-streams=disable", w.file.string(), (w.file.parent_path() / "q.pdf").string()});
    REQUIRE(q.status == 0);
    const std::string qdf = test::read(w.file.parent_path() / "q.pdf");
    CHECK(count(qdf, "/Subtype /Image") == 2);
    // Names in the order first drawn, the same on every page: the 1×1 image first.
    CHECK(count(qdf, "/Im1 Do") == 1);
    CHECK(count(qdf, "/Im2 Do") == 3);
    CHECK(qdf.find("/Width 1") < qdf.find("/Width 3"));
}

TEST_CASE("the same pages and images give the same bytes, and other pixels another /ID", "[pdf][images]") {
    image::Images images, changed;
    image::Image im = gray3x2;
    images.add(im);
    im.data[5] = static_cast<char>(201);
    changed.add(im);
    const page::Pages pages = pages_of({{box(im, 0)}});
    const std::string a = pdf_of(pages, images);
    CHECK(a == pdf_of(pages, images));
    const std::string b = pdf_of(pages, changed);
    const auto id = [](const std::string& pdf) { return pdf.substr(pdf.find("/ID")); };
    CHECK(id(a) != id(b));
}

TEST_CASE("a box naming an image the document does not have is an output error", "[pdf][images]") {
    image::Images images;
    images.add(gray3x2);
    CHECK_THROWS_AS(pdf_of(pages_of({{box(gray3x2, 1)}}), images), output::OutputError);
    CHECK_THROWS_AS(output::write_pdf(pages_of({{box(gray3x2, 0)}}), {}, {}, nullptr), output::OutputError);
}
