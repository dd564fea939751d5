// Character maps read by text/cmap.cpp: format 12 (every plane) and format 4 in hand-built
// fonts, well-formed and hostile; GlyphMap beyond the BMP; the x-height the fallbacks are
// scaled by (text/font.cpp).
#include <catch2/catch.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "support.hpp"
#include "text/font.hpp"

using zapros::text::Font;
using zapros::text::FontError;
using zapros::text::GlyphMap;

namespace {

void put16(std::string& s, std::uint32_t v) {
    s += static_cast<char>(v >> 8 & 0xFF);
    s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
    put16(s, v >> 16);
    put16(s, v & 0xFFFF);
}

using Group = std::array<std::uint32_t, 3>;  // first code point, last code point, first glyph

// A cmap table with one (3,10) format-12 subtable of these groups; `claimed` overrides the
// group count it states.
std::string format12(const std::vector<Group>& groups, std::uint32_t claimed = 0) {
    std::string t;
    put16(t, 0);
    put16(t, 1);
    put16(t, 3);
    put16(t, 10);
    put32(t, 12);
    put16(t, 12);
    put16(t, 0);
    put32(t, static_cast<std::uint32_t>(16 + 12 * groups.size()));
    put32(t, 0);
    put32(t, claimed ? claimed : static_cast<std::uint32_t>(groups.size()));
    for (const Group& g : groups)
        for (std::uint32_t v : g) put32(t, v);
    return t;
}

struct Segment {
    std::uint16_t start, end, delta;
};

// A cmap table with one (3,1) format-4 subtable of these segments (glyph = code + delta), the
// final 0xFFFF segment added.
std::string format4(std::vector<Segment> segs) {
    segs.push_back({0xFFFF, 0xFFFF, 1});
    std::string t;
    put16(t, 0);
    put16(t, 1);
    put16(t, 3);
    put16(t, 1);
    put32(t, 12);
    put16(t, 4);
    put16(t, static_cast<std::uint32_t>(16 + 8 * segs.size()));
    put16(t, 0);
    put16(t, static_cast<std::uint32_t>(2 * segs.size()));
    put16(t, 0);  // the search fields: not read
    put16(t, 0);
    put16(t, 0);
    for (const Segment& s : segs) put16(t, s.end);
    put16(t, 0);
    for (const Segment& s : segs) put16(t, s.start);
    for (const Segment& s : segs) put16(t, s.delta);
    for (std::size_t k = 0; k < segs.size(); ++k) put16(t, 0);
    return t;
}

// A TrueType font with this cmap and `glyphs` glyphs, glyph g 100 + g units wide (so that a
// character's advance names its glyph), all empty but glyph 1 when x_top is given: an outline
// header whose top is x_top, mapped from 'x'. Only the tables the parser requires, and OS/2
// (version 2, this sxHeight) when sx_height is given.
std::string font(const std::string& cmap, std::uint32_t glyphs, int upem = 1000, int x_top = 0, int sx_height = 0) {
    std::string glyf, loca, hmtx, head(54, '\0'), hhea(36, '\0'), maxp, os2;
    for (std::uint32_t g = 0; g <= glyphs; ++g) {
        put32(loca, static_cast<std::uint32_t>(glyf.size()));
        if (g == 1 && x_top) {
            put16(glyf, 0);  // numberOfContours, then xMin yMin xMax yMax
            for (int v : {0, 0, 500, x_top}) put16(glyf, static_cast<std::uint16_t>(v));
            glyf += std::string(2, '\0');
        }
    }
    for (std::uint32_t g = 0; g < glyphs; ++g) {
        put16(hmtx, 100 + g % 20000);
        put16(hmtx, 0);
    }
    head[18] = static_cast<char>(upem >> 8), head[19] = static_cast<char>(upem & 0xFF);
    head[51] = 1;  // long loca
    hhea[34] = static_cast<char>(glyphs >> 8), hhea[35] = static_cast<char>(glyphs & 0xFF);
    put32(maxp, 0x00005000);
    put16(maxp, glyphs);
    std::vector<std::pair<std::string, std::string>> tables;
    if (sx_height) {
        os2 = std::string(96, '\0');
        os2[1] = 2;
        os2[86] = static_cast<char>(sx_height >> 8), os2[87] = static_cast<char>(sx_height & 0xFF);
        tables.emplace_back("OS/2", os2);
    }
    std::string with_x = cmap;
    if (x_top) with_x = format12({{'x', 'x', 1}});
    for (auto& t : std::vector<std::pair<std::string, std::string>>{
             {"cmap", with_x}, {"glyf", glyf}, {"head", head}, {"hhea", hhea}, {"hmtx", hmtx}, {"loca", loca}, {"maxp", maxp}})
        tables.push_back(t);
    std::string out;
    put32(out, 0x00010000);
    put16(out, static_cast<std::uint32_t>(tables.size()));
    put16(out, 0), put16(out, 0), put16(out, 0);
    std::size_t offset = 12 + 16 * tables.size();
    std::string data;
    for (const auto& [tag, bytes] : tables) {
        out += tag;
        put32(out, 0);
        put32(out, static_cast<std::uint32_t>(offset + data.size()));
        put32(out, static_cast<std::uint32_t>(bytes.size()));
        data += bytes;
        data.append((4 - data.size() % 4) % 4, '\0');
    }
    return out + data;
}

int glyph_of(const Font& f, char32_t c) { return f.has_glyph(c) ? f.advance(c) - 100 : 0; }

}  // namespace

TEST_CASE("a format-12 character map reaches beyond the BMP", "[font][cmap]") {
    const Font f = Font::parse(font(format12({{'A', 'C', 1}, {0x1F600, 0x1F602, 4}}), 10), "f12.ttf");
    CHECK(glyph_of(f, 'A') == 1);
    CHECK(glyph_of(f, 'C') == 3);
    CHECK(glyph_of(f, 0x1F600) == 4);
    CHECK(glyph_of(f, 0x1F602) == 6);
    CHECK_FALSE(f.has_glyph('D'));
    CHECK_FALSE(f.has_glyph(0x1F603));
    CHECK_FALSE(f.has_glyph(0x10FFFF));
}

TEST_CASE("a font with both maps is read through format 12: DejaVu Serif's mathematical letters", "[font][cmap]") {
    const Font f = Font::load(zapros::test::source_dir() / "fonts" / "DejaVuSerif.ttf");
    CHECK(f.has_glyph(U'α'));
    CHECK(f.has_glyph(0x1D434));  // MATHEMATICAL ITALIC CAPITAL A, only in its (3,10) subtable
    const Font symbola = Font::load(zapros::test::source_dir() / "fonts" / "Symbola_hint.ttf");
    CHECK(symbola.has_glyph(0x1F600));
    CHECK_FALSE(symbola.has_glyph(0x20C0));  // SOM SIGN (Unicode 14): in no font Debian 12 has
}

TEST_CASE("format-12 groups out of order or overlapping are skipped: the first claim on a code point wins", "[font][cmap]") {
    const Font f = Font::parse(font(format12({{0x100, 0x1FF, 1}, {0x150, 0x160, 500}, {0x50, 0x60, 600}, {0x200, 0x200, 700}}), 800),
                               "overlap.ttf");
    CHECK(glyph_of(f, 0x150) == 0x51);
    CHECK_FALSE(f.has_glyph(0x55));
    CHECK(glyph_of(f, 0x200) == 700);
}

TEST_CASE("a thousand format-12 groups over all of Unicode map each code point once, from the first", "[font][cmap]") {
    // Read group by group, this table would map 1,114,112 code points a thousand times over;
    // only the first is read, cut where its glyphs end.
    std::vector<Group> groups;
    for (std::uint32_t k = 0; k < 1000; ++k) groups.push_back({0, 0x10FFFF, k + 1});
    const Font f = Font::parse(font(format12(groups), 2000), "hostile.ttf");
    CHECK(glyph_of(f, 'A') == 1 + 'A');
    CHECK(glyph_of(f, 1998) == 1999);
    CHECK_FALSE(f.has_glyph(1999));
    CHECK_FALSE(f.has_glyph(0x1F600));
}

TEST_CASE("format-12 glyph ids past the font's glyph count and code points past U+10FFFF map nothing", "[font][cmap]") {
    const Font f = Font::parse(font(format12({{0x10000, 0x10FFFF, 5}, {0x110000, 0x110010, 1}, {0xFFFFFFF0, 0xFFFFFFFF, 1}}), 10),
                               "cut.ttf");
    CHECK(glyph_of(f, 0x10000) == 5);
    CHECK(glyph_of(f, 0x10004) == 9);
    CHECK_FALSE(f.has_glyph(0x10005));
    CHECK_FALSE(f.has_glyph(0x110000));
    const Font none = Font::parse(font(format12({{'A', 'Z', 10}}), 10), "none.ttf");  // first glyph = count
    CHECK_FALSE(none.has_glyph('A'));
}

TEST_CASE("a format-12 table claiming more groups than it holds is refused", "[font][cmap]") {
    // The groups claimed must lie in the table, not merely in the file (the glyf table follows).
    REQUIRE_THROWS_WITH(Font::parse(font(format12({{'A', 'C', 1}}, 3), 10), "short.ttf"),
                        "short.ttf: corrupt character map (format 12 claims 3 groups)");
    REQUIRE_THROWS_WITH(Font::parse(font(format12({{'A', 'C', 1}}, 0xFFFFFFFF), 10), "millions.ttf"),
                        "millions.ttf: corrupt character map (format 12 claims 4294967295 groups)");
}

TEST_CASE("a font without a Unicode character map is refused", "[font][cmap]") {
    std::string mac = format12({{'A', 'C', 1}});
    mac[5] = 1, mac[7] = 0;  // platform 1, encoding 0: Macintosh
    REQUIRE_THROWS_WITH(Font::parse(font(mac, 10), "mac.ttf"),
                        "mac.ttf: no Unicode character map ((3,1) format 4 or (3,10) format 12)");
}

TEST_CASE("format-4 segments out of order or overlapping are skipped", "[font][cmap]") {
    const Font f = Font::parse(font(format4({{'A', 'Z', 1}, {'M', 'P', 100}, {'0', '9', 200}, {'a', 'c', 300}}), 1000), "f4.ttf");
    CHECK(glyph_of(f, 'A') == 'A' + 1);
    CHECK(glyph_of(f, 'N') == 'N' + 1);
    CHECK_FALSE(f.has_glyph('5'));
    CHECK(glyph_of(f, 'b') == 'b' + 300);
}

TEST_CASE("a glyph map holds every plane, a 256-character page for each range mapped", "[font][cmap]") {
    GlyphMap m;
    m.set('A', 1);
    m.set('B', 2);
    m.set(0x1F600, 3);
    m.set(0x1F6FF, 4);
    m.set(0x10FFFF, 5);
    m.set(0x110000, 6);  // beyond Unicode: ignored
    CHECK(m['A'] == 1);
    CHECK(m['B'] == 2);
    CHECK(m[0x1F600] == 3);
    CHECK(m[0x1F6FF] == 4);
    CHECK(m[0x10FFFF] == 5);
    CHECK(m[0x110000] == 0);
    CHECK(m[0x1F700] == 0);
    CHECK(m[0x2F600] == 0);
    CHECK(m['C'] == 0);
    CHECK(m.pages() == 3);
}

TEST_CASE("the x-height is OS/2's sxHeight, else the top of 'x', else half an em", "[font]") {
    const Font pt = Font::load(zapros::test::source_dir() / "fonts" / "PTF55F.ttf");
    CHECK(pt.x_height() == 500);  // OS/2 version 3
    const Font dejavu = Font::load(zapros::test::source_dir() / "fonts" / "DejaVuSerif.ttf");
    CHECK(dejavu.x_height() == Approx(1000.0 * 1063 / 2048));  // OS/2 version 1: the glyph's top
    CHECK(Font::parse(font("", 4, 2000, 1100), "x.ttf").x_height() == 550);
    CHECK(Font::parse(font("", 4, 2000, 1100, 1200), "sx.ttf").x_height() == 600);
    CHECK(Font::parse(font(format12({{'A', 'A', 1}}), 4, 2048), "none.ttf").x_height() == 500);
}

TEST_CASE("advances fitted to cells are whole cells", "[font]") {
    Font f = Font::parse(font(format12({{'A', 'D', 1}}), 5), "cells.ttf");
    // Glyphs 0–4 are 100–104 wide; fitted to cells of 51 they take 2 or 3.
    f.fit_to_cells(51);
    CHECK(f.advance('A') == 102);
    CHECK(f.advance('C') == 153);
    CHECK(f.advance('Z') == 102);  // .notdef
}
