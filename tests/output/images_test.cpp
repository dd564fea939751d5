// Images in the PDF: each image::Image built here by hand (no decoder), drawn on pages made by
// hand, and read back by the viewers: rendered with pdftoppm at 8 device pixels per image pixel
// (from 4× up poppler samples the nearest pixel, so every sample is exact), listed with
// pdfimages, checked with qpdf and mutool.
#include <catch2/catch.hpp>
#include <zlib.h>

#include <array>
#include <cstdlib>
#include <sstream>

#include "output/haru.hpp"
#include "output/pdf.hpp"
#include "support.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

constexpr double pixel_pt = 4;   // an image pixel drawn 4 pt wide
constexpr int dpi = 144;         // 2 device pixels a point: 8 a pixel
constexpr double margin_pt = 4;  // every box's top left corner, from the page's

std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s += static_cast<char>(v);
    return s;
}

image::Image gray(int w, int h, std::string samples) {
    image::Image im;
    im.width = w, im.height = h;
    im.colour = image::Colour::gray;
    im.data = std::move(samples);
    return im;
}

image::Image rgb(int w, int h, std::string samples) {
    image::Image im = gray(w, h, std::move(samples));
    im.colour = image::Colour::rgb;
    return im;
}

// The sample of stored pixel (c, r), each component widened to an int.
std::array<int, 3> stored(const image::Image& im, int c, int r) {
    auto at = [&](std::size_t i) { return static_cast<int>(static_cast<unsigned char>(im.data[i])); };
    const std::size_t i = static_cast<std::size_t>(r) * im.width + c;
    if (im.colour == image::Colour::gray) return {at(i), at(i), at(i)};
    if (im.colour == image::Colour::rgb) return {at(3 * i), at(3 * i + 1), at(3 * i + 2)};
    const auto p = [&](int k) { return static_cast<int>(static_cast<unsigned char>(im.palette[3 * at(i) + k])); };
    return {p(0), p(1), p(2)};
}

// The box an image is shown in at 4 pt a pixel, turned as its orientation says.
para::ImageBox box(const image::Image& im, image::ImageId id, double left_pt = margin_pt) {
    const int w = im.turned() ? im.height : im.width, h = im.turned() ? im.width : im.height;
    return para::ImageBox{pt(left_pt), pt(margin_pt), pt(w * pixel_pt), pt(h * pixel_pt), id, "alt"};
}

page::Pages pages_of(std::vector<std::vector<para::ImageBox>> per_page, double width_pt = 100, double height_pt = 60) {
    page::Pages pages;
    pages.width = pt(width_pt), pages.height = pt(height_pt);
    for (auto& boxes : per_page) {
        page::Page& p = pages.pages.emplace_back();
        p.number = static_cast<int>(pages.pages.size());
        para::Line line;
        line.images = std::move(boxes);
        p.lines.push_back({0, 0, line});
    }
    return pages;
}

std::string pdf_of(const page::Pages& pages, const image::Images& images) { return output::write_pdf(pages, {}, {}, &images); }

// A rendered page: pdftoppm's PPM, every pixel as RGB.
struct Raster {
    int width = 0, height = 0;
    std::string rgb;
    std::array<int, 3> at(int x, int y) const {
        const std::size_t i = 3 * (static_cast<std::size_t>(y) * width + x);
        return {static_cast<unsigned char>(rgb[i]), static_cast<unsigned char>(rgb[i + 1]), static_cast<unsigned char>(rgb[i + 2])};
    }
    // The device pixel at the centre of image pixel (c, r) of a box whose left edge is at left_pt.
    std::array<int, 3> pixel(int c, int r, double left_pt = margin_pt) const {
        const double to_px = dpi / 72.0;
        return at(static_cast<int>((left_pt + (c + 0.5) * pixel_pt) * to_px), static_cast<int>((margin_pt + (r + 0.5) * pixel_pt) * to_px));
    }
};

struct Written {
    fs::path file;
    std::string pdf;
};

Written write(const std::string& pdf, const std::string& name) {
    const fs::path dir = test::temp_dir("images-" + name);
    test::write(dir / "r.pdf", pdf);
    return {dir / "r.pdf", pdf};
}

Raster render(const fs::path& file, int page = 1) {
    const fs::path out = file.parent_path() / ("p" + std::to_string(page));
    const auto r = test::run({"pdftoppm", "-r", std::to_string(dpi), "-f", std::to_string(page), "-l", std::to_string(page),
                              "-singlefile", file.string(), out.string()});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());  // no syntax warning
    std::istringstream in(test::read(out.string() + ".ppm"));
    std::string magic;
    int max = 0;
    Raster raster;
    in >> magic >> raster.width >> raster.height >> max;
    in.get();
    REQUIRE(magic == "P6");
    raster.rgb.resize(3 * static_cast<std::size_t>(raster.width) * raster.height);
    in.read(raster.rgb.data(), static_cast<std::streamsize>(raster.rgb.size()));
    return raster;
}

// Every pixel of a box shows the stored pixel the orientation's definition (EXIF 2.32, table of
// Orientation) puts there: display (x, y) from stored (c, r).
void check_shows(const Raster& raster, const image::Image& im, double left_pt = margin_pt, int tolerance = 0) {
    const int w = im.width, h = im.height;
    const int dw = im.turned() ? h : w, dh = im.turned() ? w : h;
    for (int y = 0; y < dh; ++y)
        for (int x = 0; x < dw; ++x) {
            int c = x, r = y;
            switch (im.orientation) {
            case 2: c = w - 1 - x; break;
            case 3: c = w - 1 - x, r = h - 1 - y; break;
            case 4: r = h - 1 - y; break;
            case 5: c = y, r = x; break;
            case 6: c = y, r = h - 1 - x; break;
            case 7: c = w - 1 - y, r = h - 1 - x; break;
            case 8: c = w - 1 - y, r = x; break;
            }
            const auto want = stored(im, c, r), got = raster.pixel(x, y, left_pt);
            INFO("orientation " << im.orientation << ", shown pixel " << x << "," << y);
            for (int k = 0; k < 3; ++k) CHECK(std::abs(got[k] - want[k]) <= tolerance);
        }
}

// Warnings of qpdf --check and mutool on the file: none for a good one.
void check_clean(const fs::path& file) {
    const auto q = test::run({"qpdf", "--check", file.string()});
    CHECK(q.status == 0);
    CHECK(q.out.find("No syntax or stream encoding errors") != std::string::npos);
    CHECK(q.err.empty());
    const auto m = test::run({"mutool", "draw", "-q", "-o", (file.parent_path() / "m.png").string(), "-r", "72", file.string()});
    CHECK(m.status == 0);
    std::istringstream err(m.err);
    for (std::string line; std::getline(err, line);)
        if (line != "warning: ICC support is not available") FAIL_CHECK("mutool: " << line);  // Debian's mupdf build
}

// pdfimages -list's rows after its two header lines.
std::vector<std::string> image_list(const fs::path& file) {
    const auto r = test::run({"pdfimages", "-list", file.string()});
    REQUIRE(r.status == 0);
    std::vector<std::string> rows;
    std::istringstream in(r.out);
    for (std::string line; std::getline(in, line);) rows.push_back(line);
    REQUIRE(rows.size() >= 2);
    return {rows.begin() + 2, rows.end()};
}

// What a row of pdfimages -list says of an image: its type, width, height, colour, bits per
// component and encoding ("image 3 2 gray 8 image"); its object number apart.
std::string listed(const std::string& row) {
    std::istringstream in(row);
    std::vector<std::string> c;  // page num type width height color comp bpc enc interp object …
    for (std::string s; in >> s;) c.push_back(s);
    REQUIRE(c.size() >= 11);
    return c[2] + ' ' + c[3] + ' ' + c[4] + ' ' + c[5] + ' ' + c[7] + ' ' + c[8];
}

std::string object_of(const std::string& row) {
    std::istringstream in(row);
    std::string s;
    for (int k = 0; k <= 10; ++k) in >> s;
    return s;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

// PNG's filters (PNG spec §9.2), applied by the test to a row: the predictor's other half.
std::string filtered(int type, const std::string& row, const std::string& prior, int bpp) {
    std::string out(1, static_cast<char>(type));
    auto x = [](const std::string& s, int i) { return i < 0 ? 0 : static_cast<int>(static_cast<unsigned char>(s[static_cast<std::size_t>(i)])); };
    for (int i = 0; i < static_cast<int>(row.size()); ++i) {
        const int a = x(row, i - bpp), b = x(prior, i), c = i < bpp ? 0 : x(prior, i - bpp);
        int predicted = 0;
        if (type == 1) predicted = a;
        if (type == 2) predicted = b;
        if (type == 3) predicted = (a + b) / 2;
        if (type == 4) {
            const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
            predicted = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        }
        out += static_cast<char>((x(row, i) - predicted) & 0xFF);
    }
    return out;
}

// An image's rows as a PNG's IDAT data: row k filtered with type k % 5, then zlib.
std::string idat(const std::string& samples, int row_bytes, int bpp) {
    std::string rows, prior(static_cast<std::size_t>(row_bytes), '\0');
    for (std::size_t at = 0, k = 0; at < samples.size(); at += static_cast<std::size_t>(row_bytes), ++k) {
        const std::string row = samples.substr(at, static_cast<std::size_t>(row_bytes));
        rows += filtered(static_cast<int>(k % 5), row, prior, bpp);
        prior = row;
    }
    uLongf size = compressBound(static_cast<uLong>(rows.size()));
    std::string out(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(rows.data()),
                      static_cast<uLong>(rows.size()), 9) == Z_OK);
    out.resize(size);
    return out;
}

// Pseudo-random samples, the same every run, varied enough that every filter predicts wrong.
std::string samples(std::size_t n, unsigned seed) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        seed = seed * 1103515245u + 12345u;
        s += static_cast<char>((seed >> 16) & 0xFF);
    }
    return s;
}

const image::Image gray3x2 = gray(3, 2, bytes({0, 40, 80, 120, 160, 200}));

}  // namespace

TEST_CASE("raw gray and RGB images show their samples exactly", "[pdf][images]") {
    image::Images images;
    const image::Image g = gray3x2;
    const image::Image c = rgb(3, 2, bytes({255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 200, 100, 50, 0, 0, 0}));
    images.add(g), images.add(c);
    const Written w = write(pdf_of(pages_of({{box(g, 0)}, {box(c, 1)}}), images), "raw");
    CHECK(w.pdf.rfind("%PDF-1.3\n", 0) == 0);  // no feature past 1.3
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
    CHECK(count(w.pdf, "/Filter /FlateDecode") == 3);  // page, image, mask: none left plain
    CHECK(w.pdf.rfind("%PDF-1.4\n", 0) == 0);           // soft masks came with PDF 1.4
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
    const std::size_t with = pdf_of(pages_of({{box(im, 0)}}), images).size();
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
