#pragma once
// Helpers of the image tests (images_test.cpp, image_objects_test.cpp): image::Image values
// built by hand (no decoder), pages made by hand, and the PDF read back by the viewers: rendered
// with pdftoppm at 8 device pixels per image pixel (from 4× up poppler samples the nearest
// pixel, so every sample is exact), listed with pdfimages, checked with qpdf and mutool.
#include <catch2/catch.hpp>
#include <zlib.h>

#include <array>
#include <cstdlib>
#include <sstream>

#include "output/pdf.hpp"
#include "support.hpp"

namespace zapros::test::images {

namespace fs = std::filesystem;

constexpr double pixel_pt = 4;   // an image pixel drawn 4 pt wide
constexpr int dpi = 144;         // 2 device pixels a point: 8 a pixel
constexpr double margin_pt = 4;  // every box's top left corner, from the page's

inline std::string bytes(std::initializer_list<int> values) {
    std::string s;
    for (int v : values) s += static_cast<char>(v);
    return s;
}

inline image::Image gray(int w, int h, std::string samples) {
    image::Image im;
    im.width = w, im.height = h;
    im.colour = image::Colour::gray;
    im.data = std::move(samples);
    return im;
}

inline image::Image rgb(int w, int h, std::string samples) {
    image::Image im = gray(w, h, std::move(samples));
    im.colour = image::Colour::rgb;
    return im;
}

// The sample of stored pixel (c, r), each component widened to an int.
inline std::array<int, 3> stored(const image::Image& im, int c, int r) {
    auto at = [&](std::size_t i) { return static_cast<int>(static_cast<unsigned char>(im.data[i])); };
    const std::size_t i = static_cast<std::size_t>(r) * im.width + c;
    if (im.colour == image::Colour::gray) return {at(i), at(i), at(i)};
    if (im.colour == image::Colour::rgb) return {at(3 * i), at(3 * i + 1), at(3 * i + 2)};
    const auto p = [&](int k) { return static_cast<int>(static_cast<unsigned char>(im.palette[3 * at(i) + k])); };
    return {p(0), p(1), p(2)};
}

// The box an image is shown in at 4 pt a pixel, turned as its orientation says.
inline para::ImageBox box(const image::Image& im, image::ImageId id, double left_pt = margin_pt) {
    const int w = im.turned() ? im.height : im.width, h = im.turned() ? im.width : im.height;
    return para::ImageBox{pt(left_pt), pt(margin_pt), pt(w * pixel_pt), pt(h * pixel_pt), id, "alt"};
}

inline page::Pages pages_of(std::vector<std::vector<para::ImageBox>> per_page, double width_pt = 100, double height_pt = 60) {
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

// A plain PDF by default (no standard: these pages come without an output intent's profile).
inline std::string pdf_of(const page::Pages& pages, const image::Images& images,
                          const output::Settings& settings = {.standard = output::Standard::none}) {
    return output::write_pdf(pages, {}, {}, &images, settings);
}
// As libharu writes it, before output/pack.cpp packs its objects (no standard claimed).
inline std::string plain_pdf_of(const page::Pages& pages, const image::Images& images) {
    return pdf_of(pages, images, {.standard = output::Standard::none});
}

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

inline Written write(const std::string& pdf, const std::string& name) {
    const fs::path dir = test::temp_dir("images-" + name);
    test::write(dir / "r.pdf", pdf);
    return {dir / "r.pdf", pdf};
}

inline Raster render(const fs::path& file, int page = 1) {
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
inline void check_shows(const Raster& raster, const image::Image& im, double left_pt = margin_pt, int tolerance = 0) {
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
inline void check_clean(const fs::path& file) {
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
inline std::vector<std::string> image_list(const fs::path& file) {
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
inline std::string listed(const std::string& row) {
    std::istringstream in(row);
    std::vector<std::string> c;  // page num type width height color comp bpc enc interp object …
    for (std::string s; in >> s;) c.push_back(s);
    REQUIRE(c.size() >= 11);
    return c[2] + ' ' + c[3] + ' ' + c[4] + ' ' + c[5] + ' ' + c[7] + ' ' + c[8];
}

inline std::string object_of(const std::string& row) {
    std::istringstream in(row);
    std::string s;
    for (int k = 0; k <= 10; ++k) in >> s;
    return s;
}

inline std::size_t count(const std::string& hay, const std::string& needle) { return test::occurrences(hay, needle); }

// PNG's filters (PNG spec §9.2), applied by the test to a row: the predictor's other half.
inline std::string filtered(int type, const std::string& row, const std::string& prior, int bpp) {
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
inline std::string idat(const std::string& samples, int row_bytes, int bpp) {
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
inline std::string samples(std::size_t n, unsigned seed) {
    std::string s;
    for (std::size_t i = 0; i < n; ++i) {
        seed = seed * 1103515245u + 12345u;
        s += static_cast<char>((seed >> 16) & 0xFF);
    }
    return s;
}

inline const image::Image gray3x2 = gray(3, 2, bytes({0, 40, 80, 120, 160, 200}));


}  // namespace zapros::test::images
