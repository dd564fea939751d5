// Our TrueType reader against facts measured independently with libharu 2.3.0
// (shared/notes/libharu-2.3.0.md §1, §3): widths, missing glyphs, kerning pairs.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "text/font.hpp"

using zapros::text::Font;
using zapros::text::FontError;

namespace {

const Font& serif() {
    static const Font f = Font::load(zapros::test::source_dir() / "fonts" / "PTF55F.ttf");
    return f;
}

std::string font_bytes() { return zapros::test::read(zapros::test::source_dir() / "fonts" / "PTF55F.ttf"); }

}  // namespace

TEST_CASE("PT Serif lacks the superscript four and the thin spaces, and has the rouble sign", "[font]") {
    CHECK_FALSE(serif().has_glyph(0x2074));
    CHECK_FALSE(serif().has_glyph(0x2009));
    CHECK_FALSE(serif().has_glyph(0x202F));
    CHECK(serif().has_glyph(0x20BD));
    CHECK(serif().has_glyph(U'Ж'));
    CHECK(serif().has_glyph(U'«'));
    CHECK(serif().family() == "PT Serif");
}

TEST_CASE("a missing character measures as .notdef, as libharu draws it", "[font]") {
    CHECK(serif().advance(0x2074) == 709);  // libharu's GetUnicodeWidth(U+2074)
    CHECK(serif().advance(0x1F600) == 709);
}

TEST_CASE("the kern table is read whole although its length field overflows", "[font]") {
    CHECK(serif().kern_pairs() == 20990);
}

TEST_CASE("known kerning pairs of PT Serif", "[font]") {
    CHECK(serif().kern(U'A', U'V') == -103);
    CHECK(serif().kern(U'T', U'o') == -63);
    CHECK(serif().kern(U'Т', U'а') == -30);
    CHECK(serif().kern(U'Г', U'о') == -48);
    CHECK(serif().kern(U'Р', U'.') == -123);
    CHECK(serif().kern(U'У', U'.') == -90);
    CHECK(serif().kern(U'о', U'о') == 0);
}

TEST_CASE("a font truncated inside its tables is refused before libharu sees it", "[font]") {
    const std::string bytes = font_bytes();
    REQUIRE_THROWS_WITH(Font::parse(bytes.substr(0, 60000), "cut.ttf"),
                        Catch::Contains("cut.ttf: truncated font: table"));
    REQUIRE_THROWS_WITH(Font::parse(bytes.substr(0, 10000), "cut.ttf"), Catch::Contains("truncated font"));
}

TEST_CASE("a file that is not TrueType is refused with the reason", "[font]") {
    REQUIRE_THROWS_WITH(Font::parse("\x89PNG\r\n\x1a\nrest of a png file", "x.ttf"), "x.ttf: not a TrueType font");
    REQUIRE_THROWS_WITH(Font::parse(std::string("OTTO") + std::string(100, '\0'), "x.otf"),
                        "x.otf: a CFF-based OpenType font; only TrueType (glyf) fonts can be embedded");
    REQUIRE_THROWS_WITH(Font::parse("", "empty.ttf"), "empty.ttf: not a font (0 bytes)");
}

TEST_CASE("a font without a glyf table is refused", "[font]") {
    std::string bytes = font_bytes();
    const std::size_t at = bytes.find("glyf");
    REQUIRE(at != std::string::npos);
    bytes.replace(at, 4, "glyx");
    REQUIRE_THROWS_WITH(Font::parse(bytes, "f.ttf"), "f.ttf: not a usable TrueType font: table 'glyf' is missing");
}

TEST_CASE("a missing font file is an error naming it", "[font]") {
    REQUIRE_THROWS_WITH(Font::load("/nonexistent/PTF55F.ttf"), Catch::Contains("cannot open /nonexistent/PTF55F.ttf"));
}
