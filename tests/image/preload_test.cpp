// Images::preload (image/images.cpp): a request's files decoded side by side before compose
// load()s them, with the ids, the images and the errors of loading them one by one.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "image/image.hpp"
#include "image/image_files.hpp"
#include "support.hpp"

using Catch::Matchers::Message;
using zapros::image::Image;
using zapros::image::ImageError;
using zapros::image::Images;
namespace ti = zapros::test_images;
namespace fs = std::filesystem;

namespace {

// Three files of both formats, different in size so that the threads finish out of order.
std::vector<fs::path> three_images(const fs::path& dir) {
    ti::Png gray;
    gray.width = 300;
    gray.height = 200;
    gray.colour_type = 0;
    for (std::uint8_t v : ti::noisy_pixels(300, 200, 1)) gray.samples.push_back(v);
    ti::Png interlaced;
    interlaced.width = 40;
    interlaced.height = 30;
    interlaced.interlaced = true;
    for (std::uint8_t v : ti::noisy_pixels(40, 30, 3)) interlaced.samples.push_back(v);
    ti::Jpeg jpeg;
    jpeg.width = 64;
    jpeg.height = 48;
    jpeg.samples = ti::noisy_pixels(64, 48, 3);
    const std::vector<fs::path> paths{dir / "gray.png", dir / "photo.jpg", dir / "interlaced.png"};
    zapros::test::write(paths[0], ti::png(gray));
    zapros::test::write(paths[1], ti::jpeg(jpeg));
    zapros::test::write(paths[2], ti::png(interlaced));
    return paths;
}

void check_same(const Image& a, const Image& b) {
    CHECK(a.width == b.width);
    CHECK(a.height == b.height);
    CHECK(a.encoding == b.encoding);
    CHECK(a.colour == b.colour);
    CHECK(a.data == b.data);
    CHECK(a.alpha == b.alpha);
}

}  // namespace

TEST_CASE("preloaded images get the ids and bytes of images loaded one by one, in load order", "[image]") {
    const std::vector<fs::path> paths = three_images(zapros::test::temp_dir("preload-same"));
    const std::vector<fs::path> order{paths[2], paths[0], paths[1], paths[2]};
    Images one_by_one;
    std::vector<int> ids;
    for (const fs::path& p : order) ids.push_back(one_by_one.load(p));
    const unsigned threads = GENERATE(1u, 2u, 8u);
    CAPTURE(threads);
    Images ahead;
    ahead.preload(paths, threads);
    for (std::size_t i = 0; i < order.size(); ++i) CHECK(ahead.load(order[i]) == ids[i]);
    REQUIRE(ahead.size() == one_by_one.size());
    for (std::size_t i = 0; i < ahead.size(); ++i) {
        check_same(ahead.get(static_cast<int>(i)), one_by_one.get(static_cast<int>(i)));
        CHECK(ahead.paths()[i] == one_by_one.paths()[i]);
    }
}

TEST_CASE("a preloaded image is decoded before its load: the file may be gone by then", "[image]") {
    const fs::path dir = zapros::test::temp_dir("preload-ahead");
    const std::vector<fs::path> paths = three_images(dir);
    Images images;
    images.preload(paths, 2);
    fs::remove_all(dir);
    for (const fs::path& p : paths) CHECK_NOTHROW(images.load(p));
}

TEST_CASE("a preloaded image's error is its own, raised at each of its loads", "[image]") {
    const fs::path dir = zapros::test::temp_dir("preload-error");
    std::vector<fs::path> paths = three_images(dir);
    const fs::path bad = dir / "bad.png";
    zapros::test::write(bad, "GIF89a");
    paths.insert(paths.begin() + 1, bad);
    paths.push_back(dir / "missing.png");
    Images images;
    images.preload(paths, 2);
    CHECK(images.load(paths[0]) == 0);
    CHECK_THROWS_MATCHES(images.load(bad), ImageError, Message("not a PNG or JPEG file"));
    CHECK_THROWS_MATCHES(images.load(bad), ImageError, Message("not a PNG or JPEG file"));
    CHECK_THROWS_WITH(images.load(dir / "missing.png"), Catch::Matchers::StartsWith("cannot read it: "));
    CHECK(images.load(paths[2]) == 1);
    CHECK(images.load(paths[3]) == 2);
    CHECK(images.size() == 3);
}

TEST_CASE("a document's decoded images past its pixel budget are refused in load order, however they were preloaded", "[image]") {
    // Decoded: the interlaced PNG (1,200 pixels) and an RGBA one (2,000); passed through, not
    // counted: the grey PNG (60,000) and the JPEG.
    const auto dir = zapros::test::temp_dir("image-budget");
    const auto paths = three_images(dir);
    ti::Png rgba;
    rgba.width = 50;
    rgba.height = 40;
    rgba.colour_type = 6;
    for (std::uint8_t v : ti::noisy_pixels(50, 40, 4)) rgba.samples.push_back(v);
    const fs::path alpha = dir / "alpha.png";
    zapros::test::write(alpha, ti::png(rgba));
    const fs::path last = dir / "last.png";
    zapros::test::write(last, ti::png(rgba));
    zapros::image::Limits limits;
    limits.max_document_pixels = 3'000;
    for (unsigned threads : {1u, 3u}) {
        INFO(threads << " threads");
        Images images(limits);
        images.preload({paths[0], paths[1], paths[2], alpha, last}, threads);
        CHECK(images.load(paths[0]) == 0);
        CHECK(images.load(paths[1]) == 1);
        CHECK(images.load(paths[2]) == 2);
        CHECK(images.load(paths[2]) == 2);  // the same file once
        CHECK_THROWS_WITH(images.load(alpha), Catch::Matchers::StartsWith("with it the document's decoded images would have "));
        // Past the budget, a later image is refused without being decoded: even a file gone.
        fs::remove(last);
        CHECK_THROWS_WITH(images.load(last), Catch::Matchers::StartsWith("with it the document's decoded images would have "));
    }
}
