// PNGs through image::decode (image/png.cpp): every colour type and bit depth, interlaced, with
// and without tRNS; passed through as IDAT where a PDF reads it as it is, decoded otherwise.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "image/image.hpp"
#include "image/image_files.hpp"

using zapros::image::Colour;
using zapros::image::decode;
using zapros::image::Encoding;
using zapros::image::Image;
namespace ti = zapros::test_images;

namespace {

// A width × height image of colour_type and bit_depth with pseudo-random samples over every
// value the depth allows.
ti::Png ramp(int colour_type, int bit_depth, int width = 13, int height = 7) {
    ti::Png p;
    p.width = width;
    p.height = height;
    p.colour_type = colour_type;
    p.bit_depth = bit_depth;
    const int ch = ti::png_channels(colour_type);
    const std::uint32_t max = (1u << bit_depth) - 1;
    std::uint32_t s = 7;
    for (int i = 0; i < width * height * ch; ++i) {
        s = s * 1103515245u + 12345u;
        p.samples.push_back(static_cast<std::uint16_t>((s >> 8) % (max + 1)));
    }
    if (colour_type == 3) {
        for (int i = 0; i <= int(max); ++i) p.plte += {char(i), char(255 - i), char(i * 3)};
    }
    return p;
}

// A sample of `depth` bits as 8: libpng scales gray below 8 bits up (0b1 → 255) and strips 16 to
// its high byte.
int to8(std::uint16_t v, int depth) {
    if (depth == 16) return v >> 8;
    return static_cast<int>(v * 255 / ((1u << depth) - 1));
}

std::vector<int> bytes(const std::string& s) { return {s.begin(), s.end()}; }
std::vector<int> bytes(const std::string& s, std::size_t at, std::size_t n) { return bytes(s.substr(at, n)); }

}  // namespace

TEST_CASE("gray, RGB and palette PNGs of 8 bits or fewer pass through as their IDAT data", "[image]") {
    const auto [type, depth] = GENERATE(table<int, int>(
        {{0, 1}, {0, 2}, {0, 4}, {0, 8}, {2, 8}, {3, 1}, {3, 2}, {3, 4}, {3, 8}}));
    CAPTURE(type, depth);
    ti::Png p = ramp(type, depth);
    p.idat_size = 20;  // several IDATs: their payloads are joined
    const Image im = decode(ti::png(p));
    CHECK(im.encoding == Encoding::png_idat);
    CHECK(im.data == ti::png_idat(p));
    CHECK(im.bits == depth);
    CHECK(im.width == 13);
    CHECK(im.height == 7);
    CHECK(im.colour == (type == 0 ? Colour::gray : type == 2 ? Colour::rgb : Colour::indexed));
    CHECK(im.palette == p.plte);
    CHECK(im.alpha.empty());
}

TEST_CASE("16-bit gray and RGB PNGs decode to their samples' high bytes", "[image]") {
    const int type = GENERATE(0, 2);
    ti::Png p = ramp(type, 16);
    const Image im = decode(ti::png(p));
    CHECK(im.encoding == Encoding::raw);
    CHECK(im.bits == 8);
    CHECK(im.colour == (type == 0 ? Colour::gray : Colour::rgb));
    REQUIRE(im.data.size() == p.samples.size());
    for (std::size_t i = 0; i < p.samples.size(); ++i) REQUIRE(std::uint8_t(im.data[i]) == to8(p.samples[i], 16));
    CHECK(im.alpha.empty());
}

TEST_CASE("gray+alpha and RGBA PNGs decode to samples and a separate alpha", "[image]") {
    const auto [type, depth] = GENERATE(table<int, int>({{4, 8}, {4, 16}, {6, 8}, {6, 16}}));
    CAPTURE(type, depth);
    const ti::Png p = ramp(type, depth);
    const Image im = decode(ti::png(p));
    const int ch = ti::png_channels(type);
    CHECK(im.encoding == Encoding::raw);
    CHECK(im.colour == (type == 4 ? Colour::gray : Colour::rgb));
    const std::size_t n = 13 * 7;
    REQUIRE(im.data.size() == n * (ch - 1));
    REQUIRE(im.alpha.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
        for (int c = 0; c < ch - 1; ++c)
            REQUIRE(std::uint8_t(im.data[i * (ch - 1) + c]) == to8(p.samples[i * ch + c], depth));
        REQUIRE(std::uint8_t(im.alpha[i]) == to8(p.samples[i * ch + ch - 1], depth));
    }
}

TEST_CASE("an alpha channel that is opaque everywhere is dropped", "[image]") {
    ti::Png p = ramp(6, 8);
    for (std::size_t i = 3; i < p.samples.size(); i += 4) p.samples[i] = 255;
    const Image im = decode(ti::png(p));
    CHECK(im.alpha.empty());
    CHECK(im.data.size() == 13 * 7 * 3);
}

TEST_CASE("a palette PNG with tRNS decodes to RGB with the palette's alpha", "[image]") {
    const int depth = GENERATE(1, 2, 4, 8);
    ti::Png p = ramp(3, depth);
    p.trns = std::string("\x00\x80", 2);  // index 0 transparent, 1 half, the rest opaque
    const Image im = decode(ti::png(p));
    CHECK(im.encoding == Encoding::raw);
    CHECK(im.colour == Colour::rgb);
    CHECK(im.palette.empty());
    REQUIRE(im.data.size() == p.samples.size() * 3);
    REQUIRE(im.alpha.size() == p.samples.size());
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        const int k = p.samples[i];
        REQUIRE(bytes(im.data, i * 3, 3) == bytes(p.plte, std::size_t(k) * 3, 3));
        REQUIRE(std::uint8_t(im.alpha[i]) == (k == 0 ? 0 : k == 1 ? 0x80 : 255));
    }
}

TEST_CASE("a gray PNG with tRNS decodes with that gray transparent", "[image]") {
    ti::Png p = ramp(0, 4);
    p.trns = std::string("\x00\x05", 2);
    const Image im = decode(ti::png(p));
    CHECK(im.encoding == Encoding::raw);
    REQUIRE(im.alpha.size() == p.samples.size());
    for (std::size_t i = 0; i < p.samples.size(); ++i) {
        REQUIRE(std::uint8_t(im.data[i]) == to8(p.samples[i], 4));
        REQUIRE(std::uint8_t(im.alpha[i]) == (p.samples[i] == 5 ? 0 : 255));
    }
}

TEST_CASE("interlaced PNGs decode to the same pixels as plain ones", "[image]") {
    const auto [type, depth] = GENERATE(table<int, int>({{0, 1}, {0, 8}, {2, 8}, {3, 4}, {6, 16}}));
    CAPTURE(type, depth);
    ti::Png p = ramp(type, depth, 19, 11);
    p.interlaced = true;
    const Image im = decode(ti::png(p));
    CHECK(im.encoding == Encoding::raw);
    if (type == 3) {
        p.interlaced = false;
        p.trns = "\x01";  // not passed through, so decoded the same way…
        const Image plain = decode(ti::png(p));
        CHECK(im.data == plain.data);
    } else {
        // …or compared with the samples themselves.
        const int ch = ti::png_channels(type), colours = ch == 2 || ch == 4 ? ch - 1 : ch;
        REQUIRE(im.data.size() == std::size_t(19 * 11 * colours));
        for (int i = 0; i < 19 * 11; ++i)
            for (int c = 0; c < colours; ++c)
                REQUIRE(std::uint8_t(im.data[std::size_t(i) * colours + c]) == to8(p.samples[std::size_t(i) * ch + c], depth));
    }
}

TEST_CASE("every PNG filter type is undone", "[image]") {
    ti::Png p = ramp(2, 8);
    p.trns = std::string("\0\0\0\0\0\0", 6);
    p.filter = GENERATE(1, 2, 3, 4);
    const Image im = decode(ti::png(p));
    for (std::size_t i = 0; i < p.samples.size(); ++i) REQUIRE(std::uint8_t(im.data[i]) == p.samples[i]);
}

TEST_CASE("a PNG's pHYs gives its resolution, and none gives 150 dpi", "[image]") {
    ti::Png p = ramp(0, 8);
    CHECK(decode(ti::png(p)).dpi_x == 150);
    p.dpi = 300;
    const Image im = decode(ti::png(p));
    CHECK(im.dpi_x == Approx(300).epsilon(1e-4));
    CHECK(im.dpi_y == Approx(300).epsilon(1e-4));
    CHECK(im.natural_width() == zapros::pt(13 * 72.0 / im.dpi_x));
}

TEST_CASE("an absurd pHYs (2 dpi, 100,000 dpi) is ignored for the default", "[image]") {
    ti::Png p = ramp(0, 8);
    p.dpi = GENERATE(2.0, 100000.0);
    CHECK(decode(ti::png(p)).dpi_x == 150);
}

TEST_CASE("a PNG's eXIf orientation is read", "[image]") {
    ti::Png p = ramp(2, 8);
    p.exif = ti::exif_tiff(GENERATE(true, false), 6);
    const Image im = decode(ti::png(p));
    CHECK(im.orientation == 6);
    CHECK(im.natural_width() == zapros::pt(7 * 72.0 / 150));  // its height: turned a quarter
}
