// Images that must be refused with an ImageError naming the problem, never a crash: corrupt,
// truncated, empty, garbage, oversized (image/decode.cpp, png.cpp, jpeg.cpp).
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>

#include "image/image.hpp"
#include "image/image_files.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using zapros::image::decode;
using zapros::image::Image;
using zapros::image::ImageError;
using zapros::image::Limits;
namespace ti = zapros::test_images;

namespace {

ti::Png noisy_png(int colour_type = 2) {
    ti::Png p;
    p.width = 40;
    p.height = 30;
    p.colour_type = colour_type;
    for (std::uint8_t v : ti::noisy_pixels(40, 30, ti::png_channels(colour_type))) p.samples.push_back(v);
    return p;
}

std::string noisy_jpeg(int components = 3) {
    ti::Jpeg j;
    j.width = 96;
    j.height = 64;
    j.components = components;
    j.samples = ti::noisy_pixels(96, 64, components);
    return ti::jpeg(j);
}

// Where a JPEG's entropy-coded data starts: after the SOS segment.
std::size_t scan_start(const std::string& jpeg) {
    const std::size_t sos = jpeg.find("\xFF\xDA");
    return sos + 2 + (std::uint8_t(jpeg[sos + 2]) << 8 | std::uint8_t(jpeg[sos + 3]));
}

// A PNG of a signature, an IHDR of width × height (8-bit RGB), an IDAT of an empty zlib stream
// and IEND, every CRC right.
std::string png_header_only(std::uint32_t width, std::uint32_t height) {
    std::string ihdr;
    for (std::uint32_t v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) ihdr += static_cast<char>(v >> shift & 0xFF);
    ihdr += std::string("\x08\x02\0\0\0", 5);
    return "\x89PNG\r\n\x1a\n" + ti::png_chunk("IHDR", ihdr) + ti::png_chunk("IDAT", std::string("\x78\x9c\x03\0\0\0\0\x01", 8)) +
           ti::png_chunk("IEND", "");
}

// A PNG file with its image data, from the IDAT on, replaced by one IDAT of `zlib` and IEND.
std::string with_idat(const std::string& png, const std::string& zlib) {
    return png.substr(0, png.find("IDAT") - 4) + ti::png_chunk("IDAT", zlib) + ti::png_chunk("IEND", "");
}

}  // namespace

TEST_CASE("an empty file is an error saying so", "[image]") {
    CHECK_THROWS_MATCHES(decode(""), ImageError, Catch::Matchers::Message("empty file"));
}

TEST_CASE("bytes that are neither PNG nor JPEG are an error saying so", "[image]") {
    const std::string garbage = GENERATE(std::string("GIF89a\1\0\1\0"), std::string("\x89PN"), std::string(1000, '\xFF'));
    CHECK_THROWS_MATCHES(decode(garbage), ImageError, Catch::Matchers::Message("not a PNG or JPEG file"));
}

TEST_CASE("a PNG claiming 100,000 × 100,000 pixels is refused from its header", "[image]") {
    CHECK_THROWS_MATCHES(decode(png_header_only(100000, 100000)), ImageError,
                         Catch::Matchers::Message("100000 × 100000 pixels, more than the 100 megapixels an image may have"));
}

TEST_CASE("a PNG just over the pixel limit is refused, one at it is read", "[image]") {
    Limits limits;
    limits.max_pixels = 40 * 30;
    CHECK_NOTHROW(decode(ti::png(noisy_png()), limits));
    limits.max_pixels = 40 * 30 - 1;
    CHECK_THROWS_WITH(decode(ti::png(noisy_png()), limits), Contains("40 × 30 pixels, more than the 1199 pixels"));
}

TEST_CASE("a PNG of zero width is refused", "[image]") {
    // libpng itself refuses a zero in IHDR.
    CHECK_THROWS_AS(decode(png_header_only(0, 10)), ImageError);
}

TEST_CASE("flipped bytes in a PNG's IDAT are corrupt PNG", "[image]") {
    std::string f = ti::png(noisy_png());
    for (std::size_t i = f.find("IDAT") + 40; i < f.find("IDAT") + 48; ++i) f[i] ^= 0x10;
    CHECK_THROWS_WITH(decode(f), Contains("corrupt PNG"));
}

TEST_CASE("a wrong CRC on a passed-through PNG's IDAT is an error", "[image]") {
    std::string f = ti::png(noisy_png());
    f[f.find("IEND") - 5] ^= 0x01;  // the last byte of IDAT's CRC
    CHECK_THROWS_WITH(decode(f), Contains("corrupt PNG") && Contains("CRC"));
}

TEST_CASE("a PNG whose zlib stream is damaged under a right CRC is an error", "[image]") {
    ti::Png p = noisy_png();
    p.colour_type = 0;
    p.samples.resize(40 * 30);
    std::string z = ti::png_idat(p);
    for (std::size_t i = z.size() / 2; i < z.size() / 2 + 8; ++i) z[i] = static_cast<char>(z[i] ^ 0x5A);
    CHECK_THROWS_WITH(decode(with_idat(ti::png(p), z)), Contains("corrupt PNG"));
}

TEST_CASE("a passed-through PNG whose zlib checksum is wrong under a right CRC is an error", "[image]") {
    ti::Png p = noisy_png(0);
    std::string z = ti::png_idat(p);
    z.back() ^= 0x01;  // the Adler-32 ends the stream
    CHECK_THROWS_WITH(decode(with_idat(ti::png(p), z)), Contains("corrupt PNG") && Contains("data check"));
}

TEST_CASE("a passed-through PNG row with an invalid filter byte is an error", "[image]") {
    ti::Png p = noisy_png(0);
    p.filter = 5;
    CHECK_THROWS_WITH(decode(ti::png(p)), Contains("corrupt PNG") && Contains("filter"));
}

TEST_CASE("a passed-through PNG with too little image data is an error", "[image]") {
    ti::Png p = noisy_png(0);
    const std::string full = ti::png(p);
    p.height = 20;
    p.samples.resize(40 * 20);
    CHECK_THROWS_WITH(decode(with_idat(full, ti::png_idat(p))), Contains("corrupt PNG") && Contains("too little image data"));
}

TEST_CASE("a passed-through PNG with more image data than its rows is an error", "[image]") {
    ti::Png p = noisy_png(0);
    const std::string full = ti::png(p);
    p.height = 31;
    p.samples.resize(40 * 31);
    CHECK_THROWS_WITH(decode(with_idat(full, ti::png_idat(p))), Contains("corrupt PNG: too much image data"));
}

TEST_CASE("a passed-through PNG's image data without a zlib header is an error", "[image]") {
    ti::Png p = noisy_png(0);
    const std::string z = ti::png_idat(p);
    const std::string f = with_idat(ti::png(p), GENERATE(std::string("\x79"), std::string("\x78\x9d")) + z.substr(2));
    CHECK_THROWS_WITH(decode(f), Contains("corrupt PNG: the image data has no zlib header"));
}

TEST_CASE("a passed-through PNG's zlib stream cut before its checksum is an error", "[image]") {
    ti::Png p = noisy_png(0);
    const std::string z = ti::png_idat(p);
    CHECK_THROWS_WITH(decode(with_idat(ti::png(p), z.substr(0, z.size() - 2))),
                      Contains("corrupt PNG: the image data's zlib stream has no checksum"));
}

TEST_CASE("a wrong CRC on a passed-through PNG's IEND is an error, on an ancillary chunk after IDAT it is not", "[image]") {
    const std::string f = ti::png(noisy_png());
    std::string bad_iend = f;
    bad_iend.back() ^= 0x01;
    CHECK_THROWS_WITH(decode(bad_iend), Contains("corrupt PNG: IEND: CRC error"));
    std::string text = ti::png_chunk("tEXt", std::string("Comment\0scanned", 15));
    text.back() ^= 0x01;
    const std::size_t iend = f.size() - 12;
    CHECK(decode(f.substr(0, iend) + text + f.substr(iend)).width == 40);
}

TEST_CASE("a passed-through PNG that ends before IEND is a truncated PNG", "[image]") {
    const std::string f = ti::png(noisy_png());
    CHECK_THROWS_WITH(decode(f.substr(0, f.size() - 12)), Contains("truncated PNG"));
}

TEST_CASE("a PNG cut anywhere is a truncated PNG", "[image]") {
    const bool plain = GENERATE(true, false);  // passed through, or decoded (interlaced)
    ti::Png p = noisy_png();
    p.interlaced = !plain;
    const std::string f = ti::png(p);
    for (std::size_t n : {std::size_t(8), std::size_t(20), std::size_t(33), f.size() / 2, f.size() - 30, f.size() - 13,
                          f.size() - 1}) {
        CAPTURE(n);
        CHECK_THROWS_WITH(decode(f.substr(0, n)), Contains("truncated PNG"));
    }
}

TEST_CASE("a JPEG cut anywhere after its signature is an error, most saying truncated", "[image]") {
    const std::string f = noisy_jpeg();
    for (std::size_t n : {std::size_t(3), std::size_t(100), scan_start(f) + 10, f.size() / 2, f.size() - 2}) {
        CAPTURE(n);
        CHECK_THROWS_WITH(decode(f.substr(0, n)), Contains("truncated JPEG"));
    }
}

// JPEG has no checksum: damage after which the Huffman codes fall back in step (they often do)
// is not detectable; these cases are, as libjpeg's warnings.
TEST_CASE("flipped bytes in a JPEG's entropy-coded data are corrupt JPEG data", "[image]") {
    const int components = GENERATE(1, 3, 4);
    std::string f = noisy_jpeg(components);
    const std::size_t at = scan_start(f) + (f.size() - scan_start(f)) / 5;
    for (std::size_t i = at; i < at + 64; ++i) f[i] = static_cast<char>(f[i] == '\xFF' ? 0 : ~f[i]);
    CHECK_THROWS_WITH(decode(f), StartsWith("corrupt JPEG data: ") && !Contains("data: Corrupt"));
}

TEST_CASE("a stray marker in a JPEG's entropy-coded data is corrupt JPEG data", "[image]") {
    const int components = GENERATE(1, 3, 4);
    std::string f = noisy_jpeg(components);
    f.replace(scan_start(f) + 100, 2, "\xFF\xD3");
    CHECK_THROWS_WITH(decode(f), StartsWith("corrupt JPEG data: "));
}

TEST_CASE("a JPEG SOF claiming 65,535 × 65,535 is refused by the pixel limit", "[image]") {
    std::string f = noisy_jpeg();
    const std::size_t sof = f.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    f.replace(sof + 5, 4, "\xFF\xFF\xFF\xFF");
    CHECK_THROWS_MATCHES(decode(f), ImageError,
                         Catch::Matchers::Message("65535 × 65535 pixels, more than the 100 megapixels an image may have"));
}

TEST_CASE("a JPEG under libjpeg's side limit but over the pixel limit is refused", "[image]") {
    std::string f = noisy_jpeg();
    const std::size_t sof = f.find("\xFF\xC0");
    f.replace(sof + 5, 4, "\x4E\x20\x4E\x20");  // 20,000 × 20,000
    CHECK_THROWS_WITH(decode(f), Contains("20000 × 20000 pixels, more than the 100 megapixels"));
}

TEST_CASE("a JPEG of 0 lines is refused", "[image]") {
    std::string f = noisy_jpeg();
    const std::size_t sof = f.find("\xFF\xC0");
    f.replace(sof + 5, 2, std::string("\0\0", 2));
    CHECK_THROWS_MATCHES(decode(f), ImageError,
                         Catch::Matchers::Message("96 × 0 pixels: an image needs at least one row and one column"));
}

TEST_CASE("a PNG 2,000,000 pixels wide is read: only the pixel count is limited, not a side", "[image]") {
    ti::Png p;
    p.width = 2'000'000;
    p.colour_type = 0;
    p.bit_depth = 1;
    p.samples.assign(2'000'000, 1);
    CHECK(decode(ti::png(p)).width == 2'000'000);
}

TEST_CASE("a progressive JPEG of more scans than the limit is refused: each scan is a pass over the image", "[image]") {
    ti::Jpeg j;
    j.width = 64;
    j.height = 64;
    j.components = 1;
    j.samples = ti::noisy_pixels(64, 64, 1);
    j.progressive = true;
    Limits limits;
    limits.max_jpeg_scans = 20;
    j.repeat_ac_scan = 18;  // 20 scans in all: read
    const Image ok = decode(ti::jpeg(j), limits);
    CHECK(ok.encoding == zapros::image::Encoding::dct);
    j.repeat_ac_scan = 19;  // 21
    CHECK_THROWS_MATCHES(decode(ti::jpeg(j), limits), ImageError,
                         Catch::Matchers::Message("a progressive JPEG of more than 20 scans, each a pass over the image"));
}

TEST_CASE("a JPEG's EXIF is found past many other APP1 segments, in time linear in their number", "[image]") {
    // 100,000 empty APP1 segments before the EXIF one (libjpeg's saved-marker list took 12 s).
    ti::Jpeg j;
    j.width = 16;
    j.height = 8;
    j.samples = ti::noisy_pixels(16, 8, 3);
    j.exif = ti::exif_tiff(true, 6, 0);
    std::string f = ti::jpeg(j);
    std::string empty;
    for (int k = 0; k < 100'000; ++k) empty += std::string("\xFF\xE1\x00\x02", 4);
    // A comment among them: segments of other kinds are stepped over too.
    empty += std::string("\xFF\xFE\x00\x05", 4) + "abc";
    f.insert(2, empty);
    const Image im = decode(f);
    CHECK(im.orientation == 6);
}
