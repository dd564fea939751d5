// JPEGs through image::decode (image/jpeg.cpp): gray and RGB passed through as DCT after the
// whole entropy-coded data is checked, CMYK (plain and Adobe-inverted) decoded to RGB, EXIF
// orientation and resolution, JFIF density.
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

ti::Jpeg photo(int components, int width = 64, int height = 48) {
    ti::Jpeg j;
    j.width = width;
    j.height = height;
    j.components = components;
    j.samples = ti::noisy_pixels(width, height, components);
    return j;
}

// A CMYK JPEG of one ink mix everywhere, stored as Adobe inverts it or not.
ti::Jpeg cmyk(std::uint8_t c, std::uint8_t m, std::uint8_t y, std::uint8_t k, bool adobe) {
    ti::Jpeg j;
    j.width = j.height = 16;
    j.components = 4;
    j.adobe = adobe;
    j.quality = 100;
    for (int i = 0; i < 16 * 16; ++i)
        for (std::uint8_t v : {c, m, y, k}) j.samples.push_back(adobe ? std::uint8_t(255 - v) : v);
    return j;
}

}  // namespace

TEST_CASE("gray and RGB JPEGs pass through as their own bytes", "[image]") {
    const int components = GENERATE(1, 3);
    const bool progressive = GENERATE(false, true);
    ti::Jpeg j = photo(components);
    j.progressive = progressive;
    const std::string file = ti::jpeg(j);
    const Image im = decode(file);
    CHECK(im.encoding == Encoding::dct);
    CHECK(im.colour == (components == 1 ? Colour::gray : Colour::rgb));
    CHECK(im.data == file);
    CHECK(im.width == 64);
    CHECK(im.height == 48);
    CHECK(im.bits == 8);
    CHECK(im.orientation == 1);
}

TEST_CASE("a CMYK JPEG decodes to RGB, Adobe-inverted or not", "[image]") {
    const bool adobe = GENERATE(true, false);
    CAPTURE(adobe);
    struct Case {
        std::uint8_t c, m, y, k;
        int r, g, b;
    };
    // RGB = 255 × (1 − ink) × (1 − black).
    const Case c = GENERATE(Case{0, 255, 255, 0, 255, 0, 0}, Case{0, 0, 0, 128, 127, 127, 127},
                            Case{255, 0, 0, 0, 0, 255, 255}, Case{51, 102, 0, 51, 163, 122, 204});
    const Image im = decode(ti::jpeg(cmyk(c.c, c.m, c.y, c.k, adobe)));
    CHECK(im.encoding == Encoding::raw);
    CHECK(im.colour == Colour::rgb);
    REQUIRE(im.data.size() == 16 * 16 * 3);
    CHECK(std::uint8_t(im.data[3 * 40 + 0]) == Approx(c.r).margin(4));
    CHECK(std::uint8_t(im.data[3 * 40 + 1]) == Approx(c.g).margin(4));
    CHECK(std::uint8_t(im.data[3 * 40 + 2]) == Approx(c.b).margin(4));
}

TEST_CASE("an EXIF orientation of 6 swaps a JPEG's natural width and height", "[image]") {
    ti::Jpeg j = photo(3, 64, 48);
    j.exif = ti::exif_tiff(GENERATE(true, false), 6);
    const Image im = decode(ti::jpeg(j));
    CHECK(im.orientation == 6);
    CHECK(im.width == 64);
    CHECK(im.natural_width() == zapros::pt(48 * 72.0 / 150));
    CHECK(im.natural_height() == zapros::pt(64 * 72.0 / 150));
}

TEST_CASE("an EXIF orientation outside 1–8 reads as 1", "[image]") {
    ti::Jpeg j = photo(1);
    j.exif = ti::exif_tiff(true, 9);
    CHECK(decode(ti::jpeg(j)).orientation == 1);
}

TEST_CASE("a JPEG's resolution: JFIF dpi, JFIF dots per cm, EXIF, none", "[image]") {
    ti::Jpeg j = photo(3);
    CHECK(decode(ti::jpeg(j)).dpi_x == 150);
    j.density_unit = 1;
    j.x_density = 300;
    j.y_density = 200;
    Image im = decode(ti::jpeg(j));
    CHECK(im.dpi_x == 300);
    CHECK(im.dpi_y == 200);
    j.density_unit = 2;
    j.x_density = j.y_density = 118;
    CHECK(decode(ti::jpeg(j)).dpi_y == Approx(299.72));
    j.density_unit = 0;
    j.exif = ti::exif_tiff(false, 0, 96);
    im = decode(ti::jpeg(j));
    CHECK(im.dpi_x == Approx(96));
    CHECK(im.dpi_y == Approx(96));
}

TEST_CASE("a JPEG's absurd density (1 dpi) is ignored for the default", "[image]") {
    ti::Jpeg j = photo(3);
    j.density_unit = 1;
    j.x_density = j.y_density = 1;
    CHECK(decode(ti::jpeg(j)).dpi_x == 150);
}
