// Corrupt, truncated, empty and oversized images through the zapros binary (issue 16, Tests):
// each is an error at the Markdown or YAML position that names it, whether the body shows it or
// a letter part (logo, signature scan, stamp); the run exits 1, writes no PDF, and leaves a
// good PDF already at the output untouched (DESIGN: atomic output).
#include <catch2/catch.hpp>

#include "image/image_files.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

std::string valid_png() {
    test_images::Png p;
    p.width = 8, p.height = 8;
    p.samples.assign(8 * 8 * 3, 200);
    return test_images::png(p);
}

// IHDR claims 100,000 × 100,000 pixels, and one row of data follows: the claim must be refused
// before any row is read.
std::string huge_png() {
    std::string ihdr;
    for (std::uint32_t v : {100'000u, 100'000u})
        for (int shift = 24; shift >= 0; shift -= 8) ihdr += static_cast<char>(v >> shift & 0xFF);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);
    test_images::Png row;
    row.width = 100'000;
    row.samples.assign(3 * 100'000, 0);
    return "\x89PNG\r\n\x1a\n" + test_images::png_chunk("IHDR", ihdr) + test_images::png_chunk("IDAT", test_images::png_idat(row)) +
           test_images::png_chunk("IEND", "");
}

// A JPEG cut inside its entropy-coded data.
std::string truncated_jpeg() {
    test_images::Jpeg j;
    j.width = 64, j.height = 64;
    j.samples = test_images::noisy_pixels(64, 64, 3);
    const std::string whole = test_images::jpeg(j);
    return whole.substr(0, whole.size() / 2);
}

// A PNG with a byte of its image data changed: the IDAT chunk's CRC fails (read before its zlib stream).
std::string corrupt_png() {
    std::string f = valid_png();
    const std::size_t idat = f.find("IDAT");
    f[idat + 8] = static_cast<char>(f[idat + 8] ^ 0x55);
    return f;
}

struct Bad {
    const char* file;
    std::string bytes;
    const char* message;  // after "image 'FILE': "
};

}  // namespace

TEST_CASE("a corrupt, truncated, empty or oversized image named by the body or a letter part is an error at its position, no PDF written", "[e2e][images]") {
    const Bad cases[] = {
        {"corrupt.png", corrupt_png(), "corrupt PNG: IDAT: CRC error"},
        {"cut.jpg", truncated_jpeg(), "truncated JPEG: Premature end of JPEG file"},
        {"empty.png", "", "empty file"},
        {"huge.png", huge_png(), "100000 × 100000 pixels, more than the 100 megapixels an image may have"},
    };
    for (const Bad& bad : cases) {
        DYNAMIC_SECTION(bad.file) {
            const auto dir = test::temp_dir(std::string("bad-image-") + bad.file);
            test::write(dir / bad.file, bad.bytes);
            const std::string f = bad.file;
            // ASCII before each name, so that a column counts bytes and characters alike.
            const std::string logo = "letterhead: {name: Herald, logo: ", sign = "signatures: [{role: Editor, name: Petrov, image: ",
                              stamp = "stamp: {image: ";
            test::write(dir / "r.md", "---\ntitle: Request\nto: Ministry\nlang: en\n" + logo + f + "}\n" + sign + f + "}]\n" +
                                          stamp + f + ", signature: 1}\n---\nText.\n\n![scan](" + f + ")\n");
            const std::string good = "%PDF-1.3\n% a good PDF from an earlier run\n";
            test::write(dir / "r.pdf", good);
            const auto r = test::run_zapros({"render", "r.md", "-o", "r.pdf"}, dir);
            INFO(r.err);
            CHECK(r.status == 1);
            const std::string said = std::string(": error: image '") + bad.file + "': " + bad.message + "\n";
            CHECK(r.err.find("r.md:5:" + std::to_string(logo.size() + 1) + said) != std::string::npos);
            CHECK(r.err.find("r.md:6:" + std::to_string(sign.size() + 1) + said) != std::string::npos);
            CHECK(r.err.find("r.md:7:" + std::to_string(stamp.size() + 1) + said) != std::string::npos);
            CHECK(r.err.find("r.md:11:1" + said) != std::string::npos);
            CHECK(test::read(dir / "r.pdf") == good);
            CHECK(test::run_zapros({"render", "r.md", "-o", "new.pdf"}, dir).status == 1);
            CHECK_FALSE(std::filesystem::exists(dir / "new.pdf"));
            CHECK(test::temporaries(dir).empty());
        }
    }
}
