// image/exif.cpp's TIFF reader: both byte orders, and hostile offsets that must read as nothing.
#include <catch2/catch.hpp>

#include <string>

#include "image/exif.hpp"
#include "image/image_files.hpp"

using zapros::image::read_exif;
namespace ti = zapros::test_images;

TEST_CASE("EXIF orientation and resolution read in both byte orders", "[image]") {
    const bool little = GENERATE(true, false);
    const auto e = read_exif(ti::exif_tiff(little, 8, 240));
    CHECK(e.orientation == 8);
    CHECK(e.dpi_x == Approx(240));
    CHECK(e.dpi_y == Approx(240));
}

TEST_CASE("EXIF that points outside itself, or is cut anywhere, reads as no EXIF", "[image]") {
    const std::string good = ti::exif_tiff(true, 3, 300);
    for (std::size_t n = 0; n < good.size(); ++n) {
        const auto e = read_exif(good.substr(0, n));
        CHECK((e.orientation == 1 || e.orientation == 3));  // the orientation entry comes first
        CHECK(e.dpi_x == 0);
    }
    std::string far = good;
    far[4] = '\xFF';  // IFD0 beyond the end
    CHECK(read_exif(far).orientation == 1);
    std::string many = good;
    many[8] = '\xFF';
    many[9] = '\xFF';  // 65,535 entries claimed
    CHECK(read_exif(many).orientation == 3);
    CHECK(read_exif(std::string("MM\0*\xFF\xFF\xFF\xFF", 8)).orientation == 1);
    CHECK(read_exif(std::string("XX\0*\0\0\0\x08\0\1", 10)).orientation == 1);
}

TEST_CASE("an EXIF resolution in centimetres is converted to inches", "[image]") {
    std::string t = ti::exif_tiff(true, 0, 100);
    // The ResolutionUnit entry is the third; its value (2, inches) becomes 3.
    t[8 + 2 + 12 * 2 + 8] = 3;
    CHECK(read_exif(t).dpi_x == Approx(254));
}
