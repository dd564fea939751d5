// Reading a font's character map into a GlyphMap: the Windows Unicode subtables, format 12
// (3,10: every plane, Symbola's emoji) when the font has one, else format 4 (3,1: the BMP).
//
// A font is input (ZAPROS_DATA_DIR may point anywhere): every read is bounds-checked, and the
// work is linear in the file's size whatever the table claims. Both formats list ranges of code
// points sorted and disjoint (OpenType 1.9 "cmap" §format 4, §format 12); a range that starts
// before the end of the one before it is skipped, so that no code point is visited twice, and
// at most 0x110000 are ever visited. A range is cut where its glyph ids pass the font's glyph
// count.
#include <algorithm>
#include <cstdint>
#include <string>

#include "text/font.hpp"
#include "text/sfnt.hpp"

namespace zapros::text {

namespace {

constexpr char32_t last_code_point = 0x10FFFF;

void read_format4(const sfnt::Reader& r, std::size_t sub, std::uint32_t glyphs, GlyphMap& out) {
    const std::size_t segs = r.u16(sub + 6) / 2;
    const std::size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
    r.need(ends, 8 * segs + 2);
    std::uint32_t next = 0;  // the lowest code point the next segment may start at
    for (std::size_t s = 0; s < segs; ++s) {
        const std::uint32_t end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s);
        if (start < next || end < start) continue;  // out of order or overlapping
        next = end + 1;
        const std::uint16_t delta = r.u16(deltas + 2 * s);
        const std::uint16_t range = r.u16(ranges + 2 * s);
        for (std::uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
            std::uint16_t g = 0;
            if (range == 0) {
                g = static_cast<std::uint16_t>(c + delta);
            } else {
                g = r.u16(ranges + 2 * s + range + 2 * (c - start));
                if (g != 0) g = static_cast<std::uint16_t>(g + delta);
            }
            if (g != 0 && g < glyphs) out.set(c, g);
        }
    }
}

// Groups of (first code point, last code point, first glyph), 12 bytes each.
void read_format12(const sfnt::Reader& r, std::size_t sub, std::size_t end_of_table, std::uint32_t glyphs, GlyphMap& out,
                   const std::string& name) {
    const std::size_t groups = r.u32(sub + 12);
    if (sub + 16 > end_of_table || groups > (end_of_table - sub - 16) / 12)  // a claim of millions must be in the table
        throw FontError(name + ": corrupt character map (format 12 claims " + std::to_string(groups) + " groups)");
    std::uint64_t next = 0;
    for (std::size_t k = 0; k < groups; ++k) {
        const std::size_t at = sub + 16 + 12 * k;
        const std::uint64_t start = r.u32(at), end = r.u32(at + 4), first = r.u32(at + 8);
        if (start < next || end < start || start > last_code_point) continue;
        next = end + 1;
        if (first >= glyphs) continue;
        const std::uint64_t last = std::min({end, std::uint64_t{last_code_point}, start + (glyphs - 1 - first)});
        for (std::uint64_t c = start; c <= last; ++c) {
            const auto g = static_cast<std::uint16_t>(first + (c - start));
            if (g != 0) out.set(static_cast<char32_t>(c), g);
        }
    }
}

}  // namespace

void GlyphMap::set(char32_t c, std::uint16_t glyph) {
    if (c > last_code_point) return;
    if (c <= 0xFFFF) {
        page(index_[c >> 8])[c & 0xFF] = glyph;
        return;
    }
    std::uint16_t& plane = planes_[(c >> 16) - 1];
    if (plane == 0) {
        plane_index_.emplace_back();
        plane_index_.back().fill(0);
        plane = static_cast<std::uint16_t>(plane_index_.size());
    }
    page(plane_index_[plane - 1][(c >> 8) & 0xFF])[c & 0xFF] = glyph;
}

GlyphMap::Page& GlyphMap::page(std::uint16_t& index) {
    if (index == 0) {
        pages_.emplace_back();
        pages_.back().fill(0);
        index = static_cast<std::uint16_t>(pages_.size());
    }
    return pages_[index - 1];
}

std::uint16_t GlyphMap::beyond_bmp(char32_t c) const {
    if (c > last_code_point) return 0;
    const std::uint16_t plane = planes_[(c >> 16) - 1];
    if (plane == 0) return 0;
    const std::uint16_t page = plane_index_[plane - 1][(c >> 8) & 0xFF];
    return page ? pages_[page - 1][c & 0xFF] : 0;
}

namespace sfnt {

void read_character_map(const Reader& r, std::size_t cmap, std::size_t length, std::uint32_t glyphs, GlyphMap& out,
                        const std::string& name) {
    std::size_t bmp = 0, full = 0;
    const std::size_t subtables = r.u16(cmap + 2);
    for (std::size_t i = 0; i < subtables; ++i) {
        const std::size_t rec = cmap + 4 + 8 * i;
        if (r.u16(rec) != 3) continue;
        const std::size_t at = cmap + r.u32(rec + 4);
        if (r.u16(rec + 2) == 1 && r.u16(at) == 4) bmp = at;
        if (r.u16(rec + 2) == 10 && r.u16(at) == 12) full = at;
    }
    if (full) read_format12(r, full, cmap + length, glyphs, out, name);  // a superset of the BMP subtable
    else if (bmp) read_format4(r, bmp, glyphs, out);
    else throw FontError(name + ": no Unicode character map ((3,1) format 4 or (3,10) format 12)");
}

}  // namespace sfnt

}  // namespace zapros::text
