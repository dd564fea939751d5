// The PNG passthrough gives the same pixels as a decode (issue 16, Tests): a PNG of every colour
// type and bit depth, its rows filtered with each of PNG's five filters, drawn as a figure by the
// zapros binary and rendered by poppler, shows exactly what libpng decodes from the same file;
// the kinds the PDF reads as they are (8 bits or fewer, no alpha, not interlaced) are one image
// whose stream is the file's IDAT data.
#include <png.h>

#include <cstring>
#include <map>

#include "image/image_files.hpp"
#include "image_e2e.hpp"

using namespace zapros;
using namespace zapros::test::image_e2e;
namespace images = zapros::test::images;

namespace {

struct Kind {
    const char* name;
    int colour_type, bit_depth;
    bool interlaced = false, trns = false;
    const char* listed = nullptr;  // pdfimages -list of a passthrough: type, size, colour, bpc, encoding
};

const Kind kinds[] = {
    {"gray1", 0, 1, false, false, "image 13 10 gray 1 image"},
    {"gray2", 0, 2, false, false, "image 13 10 gray 2 image"},
    {"gray4", 0, 4, false, false, "image 13 10 gray 4 image"},
    {"gray8", 0, 8, false, false, "image 13 10 gray 8 image"},
    {"rgb8", 2, 8, false, false, "image 13 10 rgb 8 image"},
    {"palette1", 3, 1, false, false, "image 13 10 index 1 image"},
    {"palette2", 3, 2, false, false, "image 13 10 index 2 image"},
    {"palette4", 3, 4, false, false, "image 13 10 index 4 image"},
    {"palette8", 3, 8, false, false, "image 13 10 index 8 image"},
    // Decoded by image/ and drawn as raw samples.
    {"gray16", 0, 16},
    {"rgb16", 2, 16},
    {"interlaced", 2, 8, true},
    {"gray-alpha", 4, 8},
    {"rgba", 6, 8},
    {"palette-trns", 3, 8, false, true},
};

// 13 × 10 pixels: a row's last byte is partly padding below 8 bits, and each filter has two rows.
test_images::Png make(const Kind& k, std::uint32_t seed) {
    test_images::Png p;
    p.width = 13, p.height = 10;
    p.colour_type = k.colour_type, p.bit_depth = k.bit_depth, p.interlaced = k.interlaced;
    p.dpi = image_dpi;
    p.filter = -1;
    p.level = 9;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u, seed >> 8; };
    const std::uint32_t top = (1u << k.bit_depth) - 1;
    for (int i = 0; i < p.width * p.height * test_images::png_channels(k.colour_type); ++i)
        p.samples.push_back(static_cast<std::uint16_t>(next() % (top + 1)));
    if (k.colour_type == 3) {
        for (std::uint32_t i = 0; i <= top; ++i) p.plte += {static_cast<char>(next()), static_cast<char>(next()), static_cast<char>(next())};
        // Opaque, clear and half-clear entries in turn.
        if (k.trns)
            for (std::uint32_t i = 0; i <= top; ++i) p.trns += static_cast<char>(i % 3 == 0 ? 255 : i % 3 == 1 ? 0 : next());
    }
    return p;
}

struct Decoded {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba;
};

struct Source {
    const std::string* bytes;
    std::size_t at = 0;
};

void read_from(png_structp png, png_bytep out, png_size_t n) {
    auto* s = static_cast<Source*>(png_get_io_ptr(png));
    if (s->at + n > s->bytes->size()) png_error(png, "end of file");
    std::memcpy(out, s->bytes->data() + s->at, n);
    s->at += n;
}

// libpng's reading of a file as 8-bit RGBA, as image/ reduces 16 bits (the high byte).
bool libpng_decode(const std::string& bytes, Decoded& d) {
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    Source src{&bytes};
    std::vector<png_bytep> rows;
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, &info, nullptr);
        return false;
    }
    png_set_read_fn(png, &src, read_from);
    png_read_info(png, info);
    png_set_expand(png);
    png_set_strip_16(png);
    png_set_gray_to_rgb(png);
    png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    d.width = static_cast<int>(png_get_image_width(png, info));
    d.height = static_cast<int>(png_get_image_height(png, info));
    d.rgba.resize(4 * static_cast<std::size_t>(d.width) * d.height);
    for (int y = 0; y < d.height; ++y) rows.push_back(d.rgba.data() + 4 * static_cast<std::size_t>(y) * d.width);
    png_read_image(png, rows.data());
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    return true;
}

}  // namespace

TEST_CASE("every kind of PNG drawn by the binary shows the pixels libpng decodes from its file", "[e2e][figure][images]") {
    const auto dir = test::temp_dir("png-e2e");
    std::string body;
    std::vector<std::string> files;
    for (std::uint32_t i = 0; i < std::size(kinds); ++i) {
        files.push_back(test_images::png(make(kinds[i], 17 + i)));
        test::write(dir / (std::string(kinds[i].name) + ".png"), files.back());
        body += "![" + std::string(kinds[i].name) + "](" + kinds[i].name + ".png)\n\n";
    }
    test::write(dir / "r.md", "---\ntitle: Запрос\nto: Министерство\n---\n" + body);
    const std::vector<Drawn> drawn = render(dir);
    REQUIRE(drawn.size() == std::size(kinds));
    std::map<int, images::Raster> pages;
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        const Kind& k = kinds[i];
        const Drawn& d = drawn[i];
        REQUIRE(d.image == static_cast<int>(i));  // loaded in the order the body names them
        if (!pages.count(d.page)) pages[d.page] = images::render(dir / "r.pdf", d.page);
        Decoded want;
        REQUIRE(libpng_decode(files[i], want));
        REQUIRE(want.width == 13);
        CHECK(d.width == Approx(13 * 72 / image_dpi).margin(0.05));
        for (int r = 0; r < want.height; ++r)
            for (int c = 0; c < want.width; ++c) {
                const unsigned char* p = &want.rgba[4 * (static_cast<std::size_t>(r) * want.width + c)];
                const auto got = pixel(pages[d.page], d, want.width, want.height, c, r);
                INFO(k.name << " pixel " << c << "," << r << " alpha " << int(p[3]));
                for (int ch = 0; ch < 3; ++ch) {
                    // Over the white page: alpha × colour + (1 − alpha) × white, within rounding.
                    const double over_white = (p[ch] * p[3] + 255.0 * (255 - p[3])) / 255.0;
                    CHECK(std::abs(got[ch] - over_white) <= (p[3] == 255 ? 0 : 2));
                }
            }
    }
    const auto rows = images::image_list(dir / "r.pdf");
    const std::string pdf = test::read(dir / "r.pdf");
    for (std::size_t i = 0; i < std::size(kinds) && kinds[i].listed; ++i) {
        INFO(kinds[i].name);
        REQUIRE(i < rows.size());
        CHECK(images::listed(rows[i]) == kinds[i].listed);
        // The stream is the file's IDAT data, byte for byte, and nothing else.
        const std::string idat = test_images::png_idat(make(kinds[i], 17 + static_cast<std::uint32_t>(i)));
        const std::size_t at = pdf.find(idat);
        REQUIRE(at != std::string::npos);
        CHECK(pdf.compare(at - 8, 8, "stream\r\n") == 0);
        CHECK(pdf.compare(at + idat.size(), 10, "\nendstream") == 0);
    }
    images::check_clean(dir / "r.pdf");
}
