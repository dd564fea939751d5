// Our TrueType reader against facts measured independently with libharu 2.3.0
// (shared/notes/libharu-2.3.0.md §1, §3): widths, missing glyphs, kerning pairs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "support.hpp"
#include "text/font.hpp"
#include "text/sfnt_reader.hpp"

using zapros::text::Font;
using zapros::text::FontError;
using zapros::text::Subset;
using zapros::test::Sfnt;

namespace {

const Font& serif() {
    static const Font f = Font::load(zapros::test::source_dir() / "fonts" / "PTF55F.ttf");
    return f;
}

std::string font_bytes() { return zapros::test::read(zapros::test::source_dir() / "fonts" / "PTF55F.ttf"); }

// The subset's copy of a glyph: the original's bytes, then at most three zeros aligning the next.
bool same_outline(const std::string& copy, const std::string& original) {
    return copy.size() >= original.size() && copy.size() - original.size() < 4 &&
           copy.compare(0, original.size(), original) == 0 &&
           copy.find_first_not_of('\0', original.size()) == std::string::npos;
}

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

TEST_CASE("a font whose kerning pairs are out of order is kerned as the sorted one", "[font]") {
    // Swap PT Serif's first and last kern records (6 bytes each, after the 4-byte table header
    // and the 14-byte subtable header): the binary search over the file cannot be used.
    std::string bytes = font_bytes();
    const std::size_t dir = bytes.find("kern");
    REQUIRE(dir != std::string::npos);
    auto u32 = [&bytes](std::size_t at) {
        std::uint32_t v = 0;
        for (int k = 0; k < 4; ++k) v = v << 8 | static_cast<unsigned char>(bytes[at + k]);
        return v;
    };
    const std::size_t first = u32(dir + 8) + 4 + 14;
    const std::size_t last = first + 6 * (serif().kern_pairs() - 1);
    for (int k = 0; k < 6; ++k) std::swap(bytes[first + k], bytes[last + k]);
    const Font shuffled = Font::parse(bytes, "shuffled.ttf");
    CHECK(shuffled.kern_pairs() == serif().kern_pairs());
    for (auto [a, b] : {std::pair{U'A', U'V'}, {U'T', U'o'}, {U'Т', U'а'}, {U'Г', U'о'}, {U'Р', U'.'}, {U'о', U'о'}})
        CHECK(shuffled.kern(a, b) == serif().kern(a, b));
}

TEST_CASE("a font truncated inside its tables is refused before libharu sees it", "[font]") {
    const std::string bytes = font_bytes();
    REQUIRE_THROWS_WITH(Font::parse(bytes.substr(0, 60000), "cut.ttf"),
                        Catch::Contains("cut.ttf: truncated font: table"));
    REQUIRE_THROWS_WITH(Font::parse(bytes.substr(0, 10000), "cut.ttf"), Catch::Contains("truncated font"));
}

// The font fuzzer's find (CI, make fuzz): a head, hhea or maxp table shorter than its fields
// passed the directory check (it lies inside the file), and the subset wrote past its copy.
TEST_CASE("a table shorter than the fields read from it is refused", "[font]") {
    const std::string bytes = font_bytes();
    const Sfnt sfnt(bytes);
    auto with_length = [&](const std::string& tag, std::uint32_t length) {
        std::string out = bytes;
        for (std::size_t i = 0; i < sfnt.tables().size(); ++i)
            if (sfnt.tables()[i].first == tag) {
                const std::size_t at = 12 + 16 * i + 12;
                for (int k = 0; k < 4; ++k) out[at + k] = static_cast<char>(length >> (24 - 8 * k));
            }
        return out;
    };
    for (const auto& [tag, least] : {std::pair{"head", 54u}, std::pair{"hhea", 36u}, std::pair{"maxp", 6u}}) {
        INFO(tag);
        REQUIRE_THROWS_WITH(Font::parse(with_length(tag, least - 1), "f.ttf"),
                            "f.ttf: corrupt font: table '" + std::string(tag) + "' has " + std::to_string(least - 1) +
                                " bytes, fewer than the " + std::to_string(least) + " its fields take");
        CHECK_NOTHROW(Font::parse(with_length(tag, least), "f.ttf"));
    }
    REQUIRE_THROWS_WITH(Font::parse(with_length("hmtx", 3), "f.ttf"), Catch::Contains("table 'hmtx' has 3 bytes"));
    REQUIRE_THROWS_WITH(Font::parse(with_length("loca", 3), "f.ttf"), Catch::Contains("table 'loca' has 3 bytes, too few"));
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

TEST_CASE("a subset maps exactly the drawn characters to the font's own glyphs and widths", "[font][subset]") {
    const std::vector<char32_t> drawn = {U' ', U'А', U'Б', U'я', U'ё', U'«', U'»', U'—', U'№', U'a', U'z', U'0', U'9', 0x20BD};
    const Subset sub = serif().subset(drawn);
    const Font copy = Font::parse(sub.program, "copy.ttf");
    for (char32_t c : drawn) {
        INFO(static_cast<unsigned>(c));
        CHECK(copy.has_glyph(c));
        CHECK(copy.advance(c) == serif().advance(c));  // the same glyph (widths differ between glyphs)
        CHECK(sub.glyph(c) != 0);
    }
    for (char32_t c : {U'В', U'b', U'1', U'“', U'Ж'}) {
        CHECK_FALSE(copy.has_glyph(c));
        CHECK(sub.glyph(c) == 0);
    }
    CHECK(copy.kern_pairs() == 0);  // no kern table: the PDF positions glyphs itself
    CHECK(sub.postscript_name == "PTSerif-Regular");
    // The width array lists each drawn glyph once, with the width the layout measured.
    CHECK(sub.widths.size() == drawn.size());
    for (char32_t c : drawn) {
        const auto w = std::find_if(sub.widths.begin(), sub.widths.end(), [&](const auto& p) { return p.first == sub.glyph(c); });
        REQUIRE(w != sub.widths.end());
        CHECK(w->second == serif().advance(c));
    }
}

TEST_CASE("a subset keeps the outlines of drawn glyphs and of their components and empties the rest", "[font][subset]") {
    // ё and й are composite glyphs in PT Serif (е or и with a diacritic glyph).
    const Subset sub = serif().subset({U'ё', U'й', U'А'});
    const Sfnt font(sub.program);
    const Sfnt original(font_bytes());
    int composites = 0;
    for (char32_t c : {U'ё', U'й', U'А'}) {
        const std::uint16_t g = sub.glyph(c);
        CHECK(same_outline(font.outline(g), original.outline(g)));
        for (std::uint16_t part : font.components(g)) {
            ++composites;
            CHECK_FALSE(font.outline(part).empty());
            CHECK(same_outline(font.outline(part), original.outline(part)));
        }
    }
    CHECK(composites >= 2);
    CHECK_FALSE(font.outline(0).empty());  // .notdef stays, as the format requires
    const Font parsed = Font::parse(sub.program, "sub.ttf");
    int empty = 0;
    for (std::uint16_t g = 1; g < font.glyph_count(); ++g) empty += font.outline(g).empty();
    CHECK(empty > font.glyph_count() - 10);                         // all but a handful are empty
    CHECK(font.glyph_count() <= original.glyph_count());            // and the count ends at the last one kept
    CHECK(sub.program.size() < font_bytes().size() / 10);
    CHECK(parsed.has_glyph(U'ё'));
}

TEST_CASE("a subset is a well-formed TrueType file: table checksums and the file checksum hold", "[font][subset]") {
    const Subset sub = serif().subset({U'П', U'р', U'и', U'в', U'е', U'т'});
    const Sfnt font(sub.program);
    CHECK(font.tables_sorted());
    for (const auto& [tag, table] : font.tables()) {
        INFO(tag);
        const std::string_view data = std::string_view(sub.program).substr(table.offset, table.length);
        if (tag != "head") CHECK(Sfnt::checksum(data) == table.checksum);
    }
    CHECK(Sfnt::checksum(sub.program) == 0xB1B0AFBA);  // what checkSumAdjustment is for
    // The copyright, the names and the licence travel with the font; the long description not.
    const std::set<int> ids = font.name_ids();
    for (int id : {0, 1, 2, 4, 6, 13}) CHECK(ids.count(id) == 1);
    CHECK(ids.count(10) == 0);
    CHECK(Sfnt(font_bytes()).name_ids().count(10) == 1);
}

TEST_CASE("the font descriptor's figures come from the font", "[font][subset]") {
    const Subset regular = serif().subset({U'a'});
    CHECK(regular.italic_angle == 0);
    CHECK((regular.flags & 64) == 0);
    CHECK((regular.flags & 2) == 2);  // serif
    CHECK((regular.flags & 4) == 4);  // symbolic: glyphs addressed by id, not by a standard encoding
    CHECK(regular.ascent > 0);
    CHECK(regular.descent < 0);
    CHECK(regular.cap_height > 600);
    CHECK(regular.cap_height < regular.ascent);
    CHECK(regular.bbox[0] < 0);
    CHECK(regular.bbox[3] > regular.ascent / 2);
    const Font italic = Font::load(zapros::test::source_dir() / "fonts" / "PTF56F.ttf");
    const Subset slanted = italic.subset({U'a'});
    CHECK(slanted.italic_angle < 0);
    CHECK((slanted.flags & 64) == 64);
    const Font bold = Font::load(zapros::test::source_dir() / "fonts" / "PTF75F.ttf");
    CHECK(bold.subset({U'a'}).stem_v > regular.stem_v);
}

TEST_CASE("a subset asked for a character its font has no glyph for fails: .notdef is never drawn", "[font][subset]") {
    // para/ prints a placeholder glyph for a character no font has; a path that forgets it and
    // asks for the character (a title of one control character, found by the fuzzer, once drew
    // nothing but .notdef in the bold face) must fail the PDF, not draw an empty box.
    REQUIRE_FALSE(serif().has_glyph(0x14));
    REQUIRE_FALSE(serif().has_glyph(0xE000));
    for (const std::vector<char32_t>& codes : {std::vector<char32_t>{0x14}, {U'a', 0xE000, U'b'}, {0x10000}}) {
        CHECK_THROWS_AS(serif().subset(codes), std::logic_error);
        CHECK_THROWS_WITH(serif().subset(codes), Catch::Contains("has no glyph for (.notdef)"));
    }
    CHECK_THROWS_WITH(serif().subset({0xE000}), Catch::Contains("U+E000"));
    CHECK(serif().subset({}).program.empty());  // a face not drawn in at all
    const Subset sub = serif().subset({U'a'});   // what it has, it draws
    CHECK(sub.glyph(U'a') != 0);
    REQUIRE(sub.glyphs.size() == 1);
}

TEST_CASE("a subset of a font with few long metrics keeps the advance its later glyphs share", "[font][subset]") {
    // DejaVu Sans Mono lists 4 long metrics (hhea numberOfHMetrics): glyphs 4 on take the advance
    // of glyph 3. Zeroing glyph 3's metrics because it is not drawn gave every drawn glyph of
    // the embedded program an advance of 0, against the PDF's /W array.
    const Font mono = Font::load(zapros::test::source_dir() / "fonts" / "DejaVuSansMono.ttf");
    const std::vector<char32_t> drawn = {0x21D2, 0x2295, 0x03B1};  // ⇒ ⊕ α: none of glyphs 0–3
    const Subset sub = mono.subset(drawn);
    const Font copy = Font::parse(sub.program, "copy.ttf");
    for (char32_t c : drawn) {
        INFO(static_cast<unsigned>(c));
        REQUIRE(sub.glyph(c) >= 4);
        CHECK(copy.advance(c) == mono.advance(c));
    }
}
