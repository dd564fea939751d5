#include "text/font.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>
#include <utility>

#include "base/files.hpp"
#include "text/sfnt.hpp"

namespace zapros::text {

namespace {

using sfnt::Reader;

std::string tag_string(std::uint32_t tag) {
    std::string s(4, ' ');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((tag >> (24 - 8 * i)) & 0xFF);
    return s;
}

}  // namespace

Font Font::load(const std::filesystem::path& path) {
    FileBytes bytes;
    try {
        bytes = FileBytes::map(path);
    } catch (const IoError& e) {
        throw FontError(e.what());
    }
    return parse(std::move(bytes), path.string());
}

Font Font::parse(FileBytes file, const std::string& name) {
    Font f;
    f.file_ = std::move(file);
    const std::string_view bytes = f.bytes();
    Reader r(bytes, name);
    if (bytes.size() < 12) throw FontError(name + ": not a font (" + std::to_string(bytes.size()) + " bytes)");
    const std::uint32_t version = r.u32(0);
    if (version == 0x4F54544F)  // 'OTTO'
        throw FontError(name + ": a CFF-based OpenType font; only TrueType (glyf) fonts can be embedded");
    if (version != 0x00010000 && version != 0x74727565)  // 1.0 or 'true'
        throw FontError(name + ": not a TrueType font");

    // The table directory: every table must lie inside the file.
    std::map<std::string, Table, std::less<>> tables;
    const int count = r.u16(4);
    for (int i = 0; i < count; ++i) {
        const std::size_t rec = 12 + 16 * static_cast<std::size_t>(i);
        const std::string tag = tag_string(r.u32(rec));
        const Table t{r.u32(rec + 8), r.u32(rec + 12)};
        if (t.offset > bytes.size() || t.length > bytes.size() - t.offset)
            throw FontError(name + ": truncated font: table '" + tag + "' ends at byte " +
                            std::to_string(t.offset + t.length) + ", the file has " + std::to_string(bytes.size()));
        tables[tag] = t;
    }
    for (const char* required : {"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"})
        if (!tables.count(required))
            throw FontError(name + ": not a usable TrueType font: table '" + required + "' is missing");

    // A table must hold the fields read from it, not just lie inside the file: the subset copies
    // head, hhea and maxp and writes into them at these offsets (OpenType: head is 54 bytes,
    // hhea 36, maxp 6 in version 0.5).
    for (const auto& [tag, least] : {std::pair{"head", 54u}, std::pair{"hhea", 36u}, std::pair{"maxp", 6u}})
        if (tables[tag].length < least)
            throw FontError(name + ": corrupt font: table '" + tag + "' has " + std::to_string(tables[tag].length) +
                            " bytes, fewer than the " + std::to_string(least) + " its fields take");

    f.name_ = name;
    f.tables_ = tables;
    const Table head = tables["head"], hhea = tables["hhea"], hmtx = tables["hmtx"], maxp = tables["maxp"];
    const int upem = r.u16(head.offset + 18);
    if (upem < 16 || upem > 16384) throw FontError(name + ": corrupt 'head' table (unitsPerEm " + std::to_string(upem) + ")");
    const bool long_loca = r.i16(head.offset + 50) != 0;
    const int glyphs = r.u16(maxp.offset + 4);
    const int hmetrics = r.u16(hhea.offset + 34);
    if (hmetrics == 0 || hmetrics > glyphs) throw FontError(name + ": corrupt 'hhea' table");
    // width = advance * 1000 / unitsPerEm, truncated (as libharu's hpdf_fontdef_tt.c has it).
    auto thousandths = [upem](int v) { return static_cast<int>(static_cast<long>(v) * 1000 / upem); };
    f.upem_ = upem;
    f.ascender_ = thousandths(r.i16(hhea.offset + 4));
    f.descender_ = thousandths(r.i16(hhea.offset + 6));

    f.advances_.resize(glyphs);
    if (hmtx.length < 4 * static_cast<std::size_t>(hmetrics))
        throw FontError(name + ": corrupt font: table 'hmtx' has " + std::to_string(hmtx.length) + " bytes, fewer than its " +
                        std::to_string(hmetrics) + " metrics take");
    for (int g = 0; g < glyphs; ++g)
        f.advances_[g] = static_cast<std::int16_t>(thousandths(r.u16(hmtx.offset + 4 * std::min(g, hmetrics - 1))));

    // loca must stay inside glyf and never run backwards, or the subset would copy garbage.
    const Table loca = tables["loca"], glyf = tables["glyf"];
    auto outline_at = [&](std::size_t g) {  // where glyph g's outline starts in glyf
        return long_loca ? std::size_t{r.u32(loca.offset + 4 * g)} : 2 * std::size_t{r.u16(loca.offset + 2 * g)};
    };
    if (loca.length < (static_cast<std::size_t>(glyphs) + 1) * (long_loca ? 4 : 2))
        throw FontError(name + ": corrupt font: table 'loca' has " + std::to_string(loca.length) + " bytes, too few for " +
                        std::to_string(glyphs) + " glyphs");
    std::size_t prev = 0;
    for (int g = 0; g <= glyphs; ++g) {
        const std::size_t off = outline_at(static_cast<std::size_t>(g));
        if (off < prev || off > glyf.length)
            throw FontError(name + ": corrupt font: glyph " + std::to_string(g) + " lies outside the 'glyf' table");
        prev = off;
    }

    sfnt::read_character_map(r, tables["cmap"].offset, tables["cmap"].length, static_cast<std::uint32_t>(glyphs), f.cmap_, name);

    // The x-height, by which a fallback font is scaled to the face it stands in for.
    const auto os2 = tables.find("OS/2");
    int x_height = 0;
    if (os2 != tables.end() && os2->second.length >= 90 && r.u16(os2->second.offset) >= 2)
        x_height = r.i16(os2->second.offset + 86);  // sxHeight
    if (x_height <= 0) {
        const std::size_t x = f.glyph(U'x');  // below the glyph count, so loca has x + 1
        if (x != 0 && outline_at(x + 1) - outline_at(x) >= 10) x_height = r.i16(glyf.offset + outline_at(x) + 8);  // yMax
    }
    f.x_height_ = x_height > 0 ? 1000.0 * x_height / upem : 500.0;
    if (tables.count("post") && tables["post"].length >= 16) f.fixed_pitch_ = r.u32(tables["post"].offset + 12) != 0;

    // kern, version 0, format 0 subtables. PT Serif's 16-bit subtable length overflows
    // (60418 for 125954 bytes), so nPairs is trusted and only checked against the table's end.
    if (tables.count("kern")) {
        const Table kern = tables["kern"];
        if (r.u16(kern.offset) == 0) {
            std::vector<std::pair<std::size_t, std::size_t>> subtables;  // first record, pairs
            std::size_t at = kern.offset + 4;
            const int n = r.u16(kern.offset + 2);
            for (int t = 0; t < n && at + 6 <= kern.offset + kern.length; ++t) {
                const std::uint16_t coverage = r.u16(at + 4);
                const bool horizontal_format0 = (coverage & 0x1) && (coverage >> 8) == 0 && !(coverage & 0x4);
                const std::size_t pairs = r.u16(at + 6);
                const std::size_t first = at + 14;
                if (!horizontal_format0 || first + 6 * pairs > kern.offset + kern.length) break;
                subtables.emplace_back(first, pairs);
                at = first + 6 * pairs;
            }
            // Where each left glyph's pairs begin, so that a lookup searches only those (a few
            // dozen) instead of all 20,990; filled in one pass over the keys that also checks
            // the order format 0 requires. A font that breaks the rule, or has several
            // subtables, gets a sorted copy and the pass again.
            f.kern_first_.assign(static_cast<std::size_t>(glyphs) + 1, 0);
            auto index = [&f, glyphs] {
                const std::size_t pairs = f.kern_pairs();
                std::uint32_t prev = 0, g = 0;  // g: the next left glyph whose first pair is not set
                for (std::size_t p = 0; p < pairs; ++p) {
                    const std::uint32_t key = f.kern_key(p);
                    if (key < prev) return false;
                    prev = key;
                    for (const std::uint32_t left = std::min<std::uint32_t>(key >> 16, glyphs); g <= left; ++g)
                        f.kern_first_[g] = static_cast<std::uint32_t>(p);
                }
                for (; g <= static_cast<std::uint32_t>(glyphs); ++g) f.kern_first_[g] = static_cast<std::uint32_t>(pairs);
                return true;
            };
            bool sorted = false;
            if (subtables.size() == 1) {  // the records lie inside the table (checked above)
                std::tie(f.kern_at_, f.kern_count_) = subtables[0];
                sorted = index();
                if (!sorted) f.kern_at_ = f.kern_count_ = 0;
            }
            if (!sorted) {
                for (const auto& [first, pairs] : subtables)
                    for (std::size_t p = 0; p < pairs; ++p)
                        f.kerns_.push_back({r.u32(first + 6 * p), static_cast<std::int16_t>(thousandths(r.i16(first + 6 * p + 4)))});
                std::sort(f.kerns_.begin(), f.kerns_.end(), [](const KernPair& a, const KernPair& b) { return a.key < b.key; });
                index();
            }
        }
    }

    // The family name (ID 1), for messages about missing characters, and the PostScript name
    // (ID 6), for the PDF: the Windows Unicode records, American English first.
    f.family_ = std::filesystem::path(name).stem().string();
    if (tables.count("name")) {
        const Table nt = tables["name"];
        const int records = r.u16(nt.offset + 2);
        const std::size_t strings = nt.offset + r.u16(nt.offset + 4);
        int family_lang = -1, ps_lang = -1;
        for (int i = 0; i < records; ++i) {
            const std::size_t rec = nt.offset + 6 + 12 * static_cast<std::size_t>(i);
            const int id = r.u16(rec + 6), lang = r.u16(rec + 4);
            if (r.u16(rec) != 3 || r.u16(rec + 2) != 1 || (id != 1 && id != 6)) continue;
            int& best = id == 1 ? family_lang : ps_lang;
            if (best == 0x409 || (best != -1 && lang != 0x409)) continue;
            best = lang;
            const std::size_t len = r.u16(rec + 8), off = strings + r.u16(rec + 10);
            r.need(off, len);
            std::string ascii;
            for (std::size_t k = 0; k + 1 < len; k += 2) {
                const std::uint16_t c = r.u16(off + k);
                ascii += c < 0x80 ? static_cast<char>(c) : '?';
            }
            (id == 1 ? f.family_ : f.postscript_name_) = ascii;
        }
    }
    return f;
}

Font Font::monospaced(const std::string& name, int advance, std::span<const std::pair<char32_t, char32_t>> covers) {
    Font f;
    f.name_ = f.family_ = f.postscript_name_ = name;
    for (const auto& [first, last] : covers)
        for (char32_t c = first; c <= last && c <= 0x10FFFF; ++c) f.cmap_.set(c, 1);
    f.advances_ = {static_cast<std::int16_t>(advance), static_cast<std::int16_t>(advance)};
    f.ascender_ = 800;
    f.descender_ = -200;
    f.fixed_pitch_ = true;
    return f;
}

void Font::fit_to_cells(int cell) {
    if (cell <= 0) return;
    for (std::int16_t& a : advances_)
        if (a > 0) a = static_cast<std::int16_t>(std::min(32767, (a + cell - 1) / cell * cell));
}

std::uint32_t Font::kern_key(std::size_t i) const {
    if (!kern_count_) return kerns_[i].key;
    const auto* k = reinterpret_cast<const unsigned char*>(bytes().data() + kern_at_ + 6 * i);  // checked by parse
    return std::uint32_t{k[0]} << 24 | std::uint32_t{k[1]} << 16 | std::uint32_t{k[2]} << 8 | k[3];
}

int Font::kern(char32_t left, char32_t right) const {
    if (kern_first_.empty()) return 0;
    const std::uint16_t l = glyph(left);
    const std::uint32_t key = (static_cast<std::uint32_t>(l) << 16) | glyph(right);
    std::size_t lo = kern_first_[l], hi = kern_first_[l + 1u];
    const std::size_t end = hi;
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (kern_key(mid) < key) lo = mid + 1;
        else hi = mid;
    }
    if (lo == end || kern_key(lo) != key) return 0;
    if (!kern_count_) return kerns_[lo].value;
    const auto* v = reinterpret_cast<const unsigned char*>(bytes().data() + kern_at_ + 6 * lo + 4);
    return static_cast<int>(static_cast<long>(static_cast<std::int16_t>(v[0] << 8 | v[1])) * 1000 / upem_);
}

}  // namespace zapros::text
