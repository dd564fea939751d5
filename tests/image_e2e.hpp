#pragma once
// Helpers of the image end-to-end tests (png_e2e_test.cpp, jpeg_e2e_test.cpp): a request with
// image files rendered by the zapros binary, where its images land read from the binary's own
// trace, and the PDF's pages rendered by poppler (output/image_pages.hpp) at 144 dpi. An image
// at 18 dpi is then 4 pt, 8 device pixels, a pixel: sampling each pixel's centre is exact.
#include <sstream>

#include "output/image_pages.hpp"

namespace zapros::test::image_e2e {

namespace fs = std::filesystem;

constexpr double image_dpi = 18;

// One image of the trace: its page, its id, its box in points from the page's top left corner.
struct Drawn {
    int page = 0;
    int image = -1;
    double x = 0, y = 0, width = 0, height = 0;
};

// Renders dir/r.md to dir/r.pdf (which must succeed) and, with --trace, reads where its images are.
inline std::vector<Drawn> render(const fs::path& dir) {
    const auto pdf = test::run_zapros({"render", "r.md", "-o", "r.pdf"}, dir);
    INFO(pdf.err);
    REQUIRE(pdf.status == 0);
    REQUIRE(test::run_zapros({"render", "r.md", "--trace", "-o", "r.trace"}, dir).status == 0);
    std::istringstream in(test::read(dir / "r.trace"));
    std::vector<Drawn> out;
    int page = 0;
    for (std::string line; std::getline(in, line);) {
        std::istringstream words(line);
        std::string op;
        words >> op;
        if (op == "page") words >> page;
        if (op != "image") continue;
        Drawn d;
        d.page = page;
        words >> d.image >> d.x >> d.y >> d.width >> d.height;
        out.push_back(d);
    }
    return out;
}

// The device pixel at the centre of shown pixel (c, r) of an image shown `columns` × `rows` in d.
inline std::array<int, 3> pixel(const images::Raster& raster, const Drawn& d, int columns, int rows, int c, int r) {
    const double to_px = images::dpi / 72.0;
    return raster.at(static_cast<int>((d.x + (c + 0.5) * d.width / columns) * to_px),
                     static_cast<int>((d.y + (r + 0.5) * d.height / rows) * to_px));
}

}  // namespace zapros::test::image_e2e
