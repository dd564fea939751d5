// Font::subset: a TrueType font cut down to the glyphs one document draws, for embedding.
//
// Glyph ids stay the font's own (the PDF uses them as character ids), so the cut is in the
// data: glyf keeps the outlines of the drawn glyphs, of the glyphs they are composed of and of
// .notdef, every other glyph becomes empty; the glyph count ends at the highest id kept, which
// shortens loca and hmtx. Of the other tables only those a PDF viewer or printer reads stay
// (OpenType "Recommendations for embedding"; kern, GPOS and GSUB are a third of PT Serif and
// no viewer reads them in a PDF): hinting (cvt, fpgm, prep), metrics (head, hhea, hmtx, maxp,
// OS/2), name (the copyright and licence travel with the font), post reduced to version 3 (no
// glyph names), and a cmap of just the drawn characters (format 4, and format 12 for an emoji).
#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

#include "text/font.hpp"
#include "text/sfnt.hpp"

namespace zapros::text {

using sfnt::add16;
using sfnt::add32;
using sfnt::put16;
using sfnt::put32;

namespace {

// A format-4 subtable (Unicode BMP) for the given characters and glyphs, sorted by character
// (those with glyph 0 or beyond the BMP left out): characters within 64 of each other share a
// segment whose glyphs come from the glyph array (0 for those between), then the final 0xFFFF
// segment.
std::string format4(const std::vector<std::pair<char32_t, std::uint16_t>>& drawn) {
    struct Segment {
        std::uint32_t start, end;
    };
    std::vector<Segment> segs;
    std::vector<std::pair<char32_t, std::uint16_t>> bmp;
    for (const auto& [c, g] : drawn) {
        if (g == 0 || c > 0xFFFF) continue;  // a character the font lacks stays unmapped
        bmp.emplace_back(c, g);
        if (!segs.empty() && c - segs.back().end <= 64) segs.back().end = c;
        else segs.push_back({c, c});
    }
    segs.push_back({0xFFFF, 0xFFFF});
    const std::size_t n = segs.size();
    std::vector<std::uint16_t> glyphs;
    std::vector<std::uint32_t> range_offset(n, 0);
    auto next = bmp.begin();
    for (std::size_t k = 0; k + 1 < n; ++k) {
        // Bytes from this idRangeOffset entry to the segment's first glyph in the array.
        range_offset[k] = static_cast<std::uint32_t>(2 * (n - k) + 2 * glyphs.size());
        for (std::uint32_t c = segs[k].start; c <= segs[k].end; ++c) {
            const bool is_drawn = next != bmp.end() && next->first == c;
            glyphs.push_back(is_drawn ? next->second : 0);
            if (is_drawn) ++next;
        }
    }
    const sfnt::Search search(n);
    std::string out;
    add16(out, 4);
    add16(out, static_cast<std::uint32_t>(16 + 8 * n + 2 * glyphs.size()));
    add16(out, 0);  // language
    add16(out, static_cast<std::uint32_t>(2 * n));
    add16(out, 2 * search.power);
    add16(out, search.log);
    add16(out, static_cast<std::uint32_t>(2 * n - 2 * search.power));
    for (const Segment& g : segs) add16(out, g.end);
    add16(out, 0);  // reservedPad
    for (const Segment& g : segs) add16(out, g.start);
    for (std::size_t k = 0; k < n; ++k) add16(out, k + 1 < n ? 0 : 1);  // idDelta: 0xFFFF → glyph 0
    for (std::uint32_t r : range_offset) add16(out, r);
    for (std::uint16_t g : glyphs) add16(out, g);
    return out;
}

// A format-12 subtable (every plane) for the same characters: a group per run of consecutive
// characters drawn by consecutive glyphs.
std::string format12(const std::vector<std::pair<char32_t, std::uint16_t>>& drawn) {
    std::string groups;
    std::uint32_t count = 0;
    char32_t end = 0;
    std::uint32_t end_glyph = 0;
    for (const auto& [c, g] : drawn) {
        if (g == 0) continue;
        if (count > 0 && c == end + 1 && g == end_glyph + 1) {
            put32(groups, groups.size() - 8, c);  // the group's last character
        } else {
            add32(groups, c);
            add32(groups, c);
            add32(groups, g);
            ++count;
        }
        end = c;
        end_glyph = g;
    }
    std::string out;
    add16(out, 12);
    add16(out, 0);  // reserved
    add32(out, static_cast<std::uint32_t>(16 + groups.size()));
    add32(out, 0);  // language
    add32(out, count);
    return out + groups;
}

// The character map: a format-4 subtable for the BMP, as every reader wants one, and a format-12
// subtable beside it when a character beyond the BMP is drawn (an emoji).
std::string character_map(const std::vector<std::pair<char32_t, std::uint16_t>>& drawn) {
    const bool beyond_bmp = std::any_of(drawn.begin(), drawn.end(), [](const auto& d) { return d.first > 0xFFFF && d.second != 0; });
    const std::string bmp = format4(drawn);
    std::string out;
    add16(out, 0);                  // version
    add16(out, beyond_bmp ? 2 : 1);  // subtables, sorted by platform and encoding
    add16(out, 3);                  // Windows, Unicode BMP
    add16(out, 1);
    add32(out, beyond_bmp ? 20 : 12);
    if (beyond_bmp) {
        add16(out, 3);  // Windows, Unicode full repertoire
        add16(out, 10);
        add32(out, static_cast<std::uint32_t>(20 + bmp.size()));
    }
    out += bmp;
    if (beyond_bmp) out += format12(drawn);
    return out;
}

// The name table cut to the Windows Unicode records a reader of the embedded font may want: the
// copyright (0), the names (1–6) and the licence with its address (13, 14); PT Serif's long
// description (10) alone is 60 % of the table. Each kept string is copied as it was.
std::string names(std::string_view table) {
    auto u16 = [table](std::size_t at) -> std::uint32_t {
        return at + 2 <= table.size() ? static_cast<std::uint32_t>(static_cast<unsigned char>(table[at]) << 8 |
                                                                    static_cast<unsigned char>(table[at + 1]))
                                      : 0;
    };
    const std::size_t count = u16(2), strings = u16(4);
    std::string records, data;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t rec = 6 + 12 * i;
        const std::uint32_t platform = u16(rec), encoding = u16(rec + 2), id = u16(rec + 6);
        const std::size_t length = u16(rec + 8), offset = strings + u16(rec + 10);
        if (platform != 3 || encoding != 1 || !(id <= 6 || id == 13 || id == 14)) continue;
        if (offset + length > table.size()) continue;
        records.append(table.substr(rec, 10));  // platform, encoding, language, name, length
        add16(records, static_cast<std::uint32_t>(data.size()));
        data.append(table.substr(offset, length));
        ++kept;
    }
    if (kept == 0) return std::string(table);
    std::string out;
    add16(out, 0);  // format 0
    add16(out, static_cast<std::uint32_t>(kept));
    add16(out, static_cast<std::uint32_t>(6 + records.size()));
    return out + records + data;
}

// A PostScript name keeps to the characters PDF names and PostScript allow (33–126 without
// the delimiters), at most 63 of them.
std::string postscript_safe(std::string_view name) {
    std::string out;
    for (char c : name)
        if (c > 32 && c < 127 && std::string_view("[](){}<>/%#").find(c) == std::string_view::npos && out.size() < 63)
            out += c;
    return out;
}

std::string notdef_message(const std::string& font, char32_t c) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
    return "font " + font + " was asked to draw " + code + ", which it has no glyph for (.notdef)";
}

}  // namespace

Subset Font::subset(std::vector<char32_t> codes) const {
    Subset out;
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    if (codes.empty()) return out;  // the face is not used
    // Glyph 0 (.notdef) is never drawn: a character no font has prints as a placeholder glyph
    // (para/build.cpp), so a character asked for here without a glyph is a path that forgot
    // it, and fails the PDF rather than draw an empty box (PDF/A-2 6.2.11.8, PDF/UA-1 7.21.8).
    for (char32_t c : codes) {
        if (glyph(c) == 0) throw std::logic_error(notdef_message(name_, c));
        out.glyphs.emplace_back(c, glyph(c));
        out.map.set(c, glyph(c));
    }

    const std::string_view bytes = this->bytes();
    const sfnt::Reader r(bytes, name_);
    auto table = [this](std::string_view tag) -> Table {
        const auto it = tables_.find(tag);
        return it == tables_.end() ? Table{} : it->second;
    };
    auto data = [bytes](const Table& t) { return std::string(bytes, t.offset, t.length); };
    const Table head = table("head"), hhea = table("hhea"), hmtx = table("hmtx"), maxp = table("maxp"),
                loca = table("loca"), glyf = table("glyf"), post = table("post"), os2 = table("OS/2");
    const int upem = r.u16(head.offset + 18);
    auto thousandths = [upem](int v) { return static_cast<int>(static_cast<long>(v) * 1000 / upem); };
    const std::uint32_t glyph_count = r.u16(maxp.offset + 4);
    const bool long_loca = r.i16(head.offset + 50) != 0;
    auto outline = [&](std::uint32_t g) {  // [start, end) of a glyph's data in the file (parse checked loca)
        const std::size_t a = long_loca ? r.u32(loca.offset + 4 * g) : 2 * std::size_t{r.u16(loca.offset + 2 * g)};
        const std::size_t b = long_loca ? r.u32(loca.offset + 4 * g + 4) : 2 * std::size_t{r.u16(loca.offset + 2 * g + 2)};
        return std::pair{glyf.offset + a, glyf.offset + b};
    };

    // The glyphs kept: .notdef, the drawn ones, and the components of composite glyphs (whose
    // outline starts with a negative contour count), to any depth.
    std::vector<bool> kept(glyph_count, false);
    std::vector<std::uint32_t> todo{0};
    for (const auto& [c, g] : out.glyphs) {
        todo.push_back(g);
        out.widths.emplace_back(g, advances_[g]);
    }
    std::sort(out.widths.begin(), out.widths.end());
    out.widths.erase(std::unique(out.widths.begin(), out.widths.end()), out.widths.end());
    std::uint32_t last = 0;
    while (!todo.empty()) {
        const std::uint32_t g = todo.back();
        todo.pop_back();
        if (g >= glyph_count || kept[g]) continue;
        kept[g] = true;
        last = std::max(last, g);
        const auto [start, end] = outline(g);
        if (end - start < 10 || r.i16(start) >= 0) continue;
        for (std::size_t at = start + 10; at + 4 <= end;) {
            const std::uint16_t flags = r.u16(at);
            todo.push_back(r.u16(at + 2));
            at += 4 + ((flags & 0x1) ? 4 : 2) + ((flags & 0x8) ? 2 : (flags & 0x40) ? 4 : (flags & 0x80) ? 8 : 0);
            if (!(flags & 0x20)) break;  // MORE_COMPONENTS
        }
    }
    const std::uint32_t count = last + 1;

    // glyf and its long-format loca; hmtx, maxp and hhea cut to the new glyph count.
    std::string new_glyf, new_loca;
    for (std::uint32_t g = 0; g < count; ++g) {
        add32(new_loca, static_cast<std::uint32_t>(new_glyf.size()));
        if (!kept[g]) continue;
        const auto [start, end] = outline(g);
        new_glyf.append(bytes, start, end - start);
        new_glyf.append((4 - new_glyf.size() % 4) % 4, '\0');
    }
    add32(new_loca, static_cast<std::uint32_t>(new_glyf.size()));
    const std::uint32_t hmetrics = r.u16(hhea.offset + 34);
    const std::uint32_t new_hmetrics = std::min(hmetrics, count);
    // The metrics of a glyph not kept are zeros: nobody draws it, and the 8,774 zeros before
    // Symbola's 😀 compress to nothing where their real metrics cost 15 KB of the PDF. The last
    // long metric's advance is every later glyph's too (DejaVu Sans Mono has 4): it stays.
    std::string new_hmtx;
    for (std::uint32_t g = 0; g < count; ++g) {
        const bool shared = g + 1 == new_hmetrics && count > new_hmetrics;
        const std::uint32_t metric = g < new_hmetrics ? r.u32(hmtx.offset + 4 * std::size_t{g}) : 0;
        if (g < new_hmetrics) add32(new_hmtx, kept[g] ? metric : shared ? metric & 0xFFFF0000u : 0);  // advance, bearing
        else add16(new_hmtx, kept[g] ? r.u16(hmtx.offset + 4 * std::size_t{hmetrics} + 2 * (g - hmetrics)) : 0);  // bearing
    }
    std::string new_maxp = data(maxp), new_hhea = data(hhea), new_head = data(head);
    put16(new_maxp, 4, count);
    put16(new_hhea, 34, new_hmetrics);
    put32(new_head, 8, 0);  // checkSumAdjustment, set below
    put16(new_head, 50, 1);  // indexToLocFormat: long
    std::string new_post;
    if (post.length >= 32) {
        new_post = std::string(bytes, post.offset, 32);
        put32(new_post, 0, 0x00030000);
    }

    // The tables in tag order (the directory must be sorted), each 4-byte aligned.
    const std::array<std::pair<std::string_view, std::string>, 13> tables = {{
        {"OS/2", data(os2)},
        {"cmap", character_map(out.glyphs)},
        {"cvt ", data(table("cvt "))},
        {"fpgm", data(table("fpgm"))},
        {"glyf", std::move(new_glyf)},
        {"head", std::move(new_head)},
        {"hhea", std::move(new_hhea)},
        {"hmtx", std::move(new_hmtx)},
        {"loca", std::move(new_loca)},
        {"maxp", std::move(new_maxp)},
        {"name", names(data(table("name")))},
        {"post", std::move(new_post)},
        {"prep", data(table("prep"))},
    }};
    const std::size_t present = static_cast<std::size_t>(
        std::count_if(tables.begin(), tables.end(), [](const auto& t) { return !t.second.empty(); }));
    const sfnt::Search search(present);
    std::string& font = out.program;
    add32(font, 0x00010000);
    add16(font, static_cast<std::uint32_t>(present));
    add16(font, 16 * search.power);
    add16(font, search.log);
    add16(font, static_cast<std::uint32_t>(16 * present - 16 * search.power));
    std::size_t offset = 12 + 16 * present, head_at = 0;
    for (const auto& [tag, bytes] : tables) {
        if (bytes.empty()) continue;
        font += tag;
        add32(font, sfnt::checksum(bytes));
        add32(font, static_cast<std::uint32_t>(offset));
        add32(font, static_cast<std::uint32_t>(bytes.size()));
        if (tag == "head") head_at = offset;
        offset += (bytes.size() + 3) / 4 * 4;
    }
    for (const auto& [tag, bytes] : tables) {
        font += bytes;
        font.append((4 - font.size() % 4) % 4, '\0');
    }
    put32(font, head_at + 8, 0xB1B0AFBA - sfnt::checksum(font));

    // The descriptor's figures.
    out.bbox[0] = thousandths(r.i16(head.offset + 36));
    out.bbox[1] = thousandths(r.i16(head.offset + 38));
    out.bbox[2] = thousandths(r.i16(head.offset + 40));
    out.bbox[3] = thousandths(r.i16(head.offset + 42));
    out.ascent = ascender_;
    out.descent = descender_;
    out.cap_height = ascender_;
    int weight = 400;
    bool serif = false;
    if (os2.length >= 78) {
        weight = r.u16(os2.offset + 4);
        const int family = r.u8(os2.offset + 32), serif_style = r.u8(os2.offset + 33);  // PANOSE
        serif = family == 2 && serif_style >= 2 && serif_style <= 10;
        if (r.u16(os2.offset) >= 2 && os2.length >= 90) out.cap_height = thousandths(r.i16(os2.offset + 88));
    }
    out.stem_v = 10 + 220 * (std::clamp(weight, 50, 950) - 50) / 900;  // the usual estimate from the weight class
    if (post.length >= 16) out.italic_angle = static_cast<std::int32_t>(r.u32(post.offset + 4)) / 65536.0;
    const bool italic = out.italic_angle != 0 || (r.u16(head.offset + 44) & 0x2);
    out.flags = (fixed_pitch_ ? 1 : 0) | (serif ? 2 : 0) | 4 | (italic ? 64 : 0);
    out.postscript_name = postscript_safe(postscript_name_);
    if (out.postscript_name.empty()) out.postscript_name = postscript_safe(family_);
    return out;
}

}  // namespace zapros::text
