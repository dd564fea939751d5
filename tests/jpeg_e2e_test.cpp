// JPEGs through the zapros binary (issue 16, Tests): grey, RGB and CMYK (converted to RGB) show
// their colours, and an EXIF-rotated one shows upright, read back from the PDF's pages.
#include "image/image_files.hpp"
#include "image_e2e.hpp"

using namespace zapros;
using namespace zapros::test::image_e2e;
namespace images = zapros::test::images;

namespace {

using Rgb = std::array<int, 3>;

// 32 × 16 pixels in 4 × 2 blocks of 8 × 8 (a JPEG's own blocks), each one flat colour stored as
// `stored` gives it.
test_images::Jpeg blocks(int components, const std::vector<std::vector<int>>& stored) {
    test_images::Jpeg j;
    j.width = 32, j.height = 16, j.components = components, j.quality = 95;
    for (int y = 0; y < j.height; ++y)
        for (int x = 0; x < j.width; ++x)
            for (int v : stored[static_cast<std::size_t>(y / 8 * 4 + x / 8)]) j.samples.push_back(static_cast<std::uint8_t>(v));
    if (components == 4) {
        j.exif = test_images::exif_tiff(false, 0, image_dpi);  // no JFIF segment with CMYK
    } else {
        j.density_unit = 1, j.x_density = j.y_density = static_cast<int>(image_dpi);
    }
    return j;
}

// Renders a request showing the file, and checks the colour at each block's centre.
void check_blocks(const std::string& name, const std::string& file, const std::vector<Rgb>& want) {
    const auto dir = test::temp_dir("jpeg-e2e-" + name);
    test::write(dir / "scan.jpg", file);
    test::write(dir / "r.md", "---\ntitle: Запрос\nto: Министерство\n---\n![скан](scan.jpg)\n");
    const std::vector<Drawn> drawn = render(dir);
    REQUIRE(drawn.size() == 1);
    CHECK(drawn[0].width == Approx(32 * 72 / image_dpi).margin(0.05));
    const images::Raster raster = images::render(dir / "r.pdf", drawn[0].page);
    for (int b = 0; b < 8; ++b) {
        const Rgb got = pixel(raster, drawn[0], 32, 16, b % 4 * 8 + 3, b / 4 * 8 + 3);
        INFO(name << " block " << b << ": " << got[0] << " " << got[1] << " " << got[2]);
        for (int k = 0; k < 3; ++k) CHECK(std::abs(got[k] - want[static_cast<std::size_t>(b)][k]) <= 12);
    }
    const auto rows = images::image_list(dir / "r.pdf");
    REQUIRE(rows.size() == 1);
    images::check_clean(dir / "r.pdf");
}

const std::string front = "---\ntitle: Запрос\nto: Министерство\n---\n";

}  // namespace

TEST_CASE("a grey JPEG through the binary shows its grey levels", "[e2e][figure][images]") {
    const std::vector<int> levels{0, 40, 80, 120, 160, 200, 230, 255};
    std::vector<std::vector<int>> stored;
    std::vector<Rgb> want;
    for (int v : levels) stored.push_back({v}), want.push_back({v, v, v});
    check_blocks("gray", test_images::jpeg(blocks(1, stored)), want);
}

TEST_CASE("an RGB JPEG through the binary shows its colours", "[e2e][figure][images]") {
    const std::vector<Rgb> colours{{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255},
                                   {0, 0, 0}, {128, 128, 128}, {255, 255, 0}, {0, 255, 255}};
    std::vector<std::vector<int>> stored;
    for (const Rgb& c : colours) stored.push_back({c[0], c[1], c[2]});
    check_blocks("rgb", test_images::jpeg(blocks(3, stored)), colours);
}

TEST_CASE("a CMYK JPEG through the binary shows its inks converted to RGB", "[e2e][figure][images]") {
    // Inks as a designer gives them (0 none, 255 full), stored inverted as Adobe's files are.
    const std::vector<std::vector<int>> inks{{255, 0, 0, 0}, {0, 255, 0, 0}, {0, 0, 255, 0}, {0, 0, 0, 255},
                                             {0, 255, 255, 0}, {0, 0, 0, 128}, {0, 0, 0, 0}, {255, 255, 0, 0}};
    std::vector<std::vector<int>> stored;
    std::vector<Rgb> want;
    for (const auto& ink : inks) {
        stored.push_back({255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
        Rgb c;
        for (int k = 0; k < 3; ++k) c[k] = (255 - ink[k]) * (255 - ink[3]) / 255;
        want.push_back(c);
    }
    check_blocks("cmyk", test_images::jpeg(blocks(4, stored)), want);
}

TEST_CASE("a JPEG with EXIF orientation 6 is drawn turned, its stored top left corner at the top right", "[e2e][figure][images]") {
    // Stored 32 × 16, red in the top left block; shown 16 × 32, red in the top right.
    std::vector<std::vector<int>> stored(8, {128, 128, 128});
    stored[0] = {255, 0, 0};
    test_images::Jpeg j = blocks(3, stored);
    j.exif = test_images::exif_tiff(true, 6, image_dpi);
    const auto dir = test::temp_dir("jpeg-e2e-turned");
    test::write(dir / "scan.jpg", test_images::jpeg(j));
    test::write(dir / "r.md", front + "![скан](scan.jpg)\n");
    const std::vector<Drawn> drawn = render(dir);
    REQUIRE(drawn.size() == 1);
    CHECK(drawn[0].width == Approx(16 * 72 / image_dpi).margin(0.05));
    CHECK(drawn[0].height == Approx(32 * 72 / image_dpi).margin(0.05));
    const images::Raster raster = images::render(dir / "r.pdf", drawn[0].page);
    auto red = [](const Rgb& c) { return c[0] > 220 && c[1] < 40 && c[2] < 40; };
    CHECK(red(pixel(raster, drawn[0], 16, 32, 12, 3)));
    for (const auto& [c, r] : {std::pair{3, 3}, {3, 28}, {12, 28}}) {
        const Rgb got = pixel(raster, drawn[0], 16, 32, c, r);
        INFO("shown pixel " << c << "," << r);
        for (int k = 0; k < 3; ++k) CHECK(std::abs(got[k] - 128) <= 12);
    }
}
