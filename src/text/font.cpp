#include "text/font.hpp"

#include <algorithm>
#include <map>

#include "base/files.hpp"

namespace zapros::text {

namespace {

// Big-endian reads with bounds checks: a font is input, not trusted.
class Reader {
public:
    Reader(std::string_view data, const std::string& name) : data_(data), name_(name) {}

    std::uint32_t u32(std::size_t at) const {
        need(at, 4);
        return (byte(at) << 24) | (byte(at + 1) << 16) | (byte(at + 2) << 8) | byte(at + 3);
    }
    std::uint16_t u16(std::size_t at) const {
        need(at, 2);
        return static_cast<std::uint16_t>((byte(at) << 8) | byte(at + 1));
    }
    std::int16_t i16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::size_t size() const { return data_.size(); }

    void need(std::size_t at, std::size_t n) const {
        if (at > data_.size() || n > data_.size() - at)
            throw FontError(name_ + ": truncated or corrupt font (reading " + std::to_string(n) +
                            " bytes at offset " + std::to_string(at) + " of " + std::to_string(data_.size()) + ")");
    }

private:
    std::uint32_t byte(std::size_t at) const { return static_cast<unsigned char>(data_[at]); }
    std::string_view data_;
    const std::string& name_;
};

struct Table {
    std::size_t offset = 0, length = 0;
};

std::string tag_string(std::uint32_t tag) {
    std::string s(4, ' ');
    for (int i = 0; i < 4; ++i) s[i] = static_cast<char>((tag >> (24 - 8 * i)) & 0xFF);
    return s;
}

}  // namespace

Font Font::load(const std::filesystem::path& path) {
    std::string bytes;
    try {
        bytes = read_file(path);
    } catch (const IoError& e) {
        throw FontError(e.what());
    }
    return parse(bytes, path.string());
}

Font Font::parse(std::string_view bytes, const std::string& name) {
    Reader r(bytes, name);
    if (bytes.size() < 12) throw FontError(name + ": not a font (" + std::to_string(bytes.size()) + " bytes)");
    const std::uint32_t version = r.u32(0);
    if (version == 0x4F54544F)  // 'OTTO'
        throw FontError(name + ": a CFF-based OpenType font; only TrueType (glyf) fonts can be embedded");
    if (version != 0x00010000 && version != 0x74727565)  // 1.0 or 'true'
        throw FontError(name + ": not a TrueType font");

    // The table directory: every table must lie inside the file.
    std::map<std::string, Table> tables;
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

    Font f;
    f.name_ = name;
    const Table head = tables["head"], hhea = tables["hhea"], hmtx = tables["hmtx"], maxp = tables["maxp"];
    const int upem = r.u16(head.offset + 18);
    if (upem < 16 || upem > 16384) throw FontError(name + ": corrupt 'head' table (unitsPerEm " + std::to_string(upem) + ")");
    const bool long_loca = r.i16(head.offset + 50) != 0;
    const int glyphs = r.u16(maxp.offset + 4);
    const int hmetrics = r.u16(hhea.offset + 34);
    if (hmetrics == 0 || hmetrics > glyphs) throw FontError(name + ": corrupt 'hhea' table");
    // libharu: width = advance * 1000 / unitsPerEm, truncated (hpdf_fontdef_tt.c).
    auto thousandths = [upem](int v) { return static_cast<int>(static_cast<long>(v) * 1000 / upem); };
    f.ascender_ = thousandths(r.i16(hhea.offset + 4));
    f.descender_ = thousandths(r.i16(hhea.offset + 6));

    f.advances_.resize(glyphs);
    r.need(hmtx.offset, 4 * static_cast<std::size_t>(hmetrics));
    for (int g = 0; g < glyphs; ++g)
        f.advances_[g] = static_cast<std::int16_t>(thousandths(r.u16(hmtx.offset + 4 * std::min(g, hmetrics - 1))));

    // loca must stay inside glyf and never run backwards, or libharu's subsetter reads garbage.
    const Table loca = tables["loca"], glyf = tables["glyf"];
    std::size_t prev = 0;
    for (int g = 0; g <= glyphs; ++g) {
        const std::size_t off = long_loca ? r.u32(loca.offset + 4 * static_cast<std::size_t>(g))
                                          : 2 * static_cast<std::size_t>(r.u16(loca.offset + 2 * static_cast<std::size_t>(g)));
        if (off < prev || off > glyf.length)
            throw FontError(name + ": corrupt font: glyph " + std::to_string(g) + " lies outside the 'glyf' table");
        prev = off;
    }

    // cmap: the Windows Unicode BMP subtable (3,1), format 4.
    const Table cmap = tables["cmap"];
    std::size_t sub = 0;
    const int subtables = r.u16(cmap.offset + 2);
    for (int i = 0; i < subtables; ++i) {
        const std::size_t rec = cmap.offset + 4 + 8 * static_cast<std::size_t>(i);
        if (r.u16(rec) == 3 && r.u16(rec + 2) == 1) sub = cmap.offset + r.u32(rec + 4);
    }
    if (sub == 0 || r.u16(sub) != 4) throw FontError(name + ": no Unicode (3,1) format 4 character map");
    f.cmap_.assign(0x10000, 0);
    const int segs = r.u16(sub + 6) / 2;
    const std::size_t ends = sub + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
    for (int s = 0; s < segs; ++s) {
        const std::uint32_t end = r.u16(ends + 2 * s), start = r.u16(starts + 2 * s);
        const std::uint16_t delta = r.u16(deltas + 2 * s);
        const std::uint16_t range = r.u16(ranges + 2 * s);
        for (std::uint32_t c = start; c <= end && c != 0xFFFF; ++c) {
            std::uint16_t g = 0;
            if (range == 0) {
                g = static_cast<std::uint16_t>(c + delta);
            } else {
                const std::size_t at = ranges + 2 * s + range + 2 * (c - start);
                g = r.u16(at);
                if (g != 0) g = static_cast<std::uint16_t>(g + delta);
            }
            f.cmap_[c] = g < glyphs ? g : 0;
        }
    }

    // kern, version 0, format 0 subtables. PT Serif's 16-bit subtable length overflows
    // (60418 for 125954 bytes), so nPairs is trusted and only checked against the table's end.
    if (tables.count("kern")) {
        const Table kern = tables["kern"];
        if (r.u16(kern.offset) == 0) {
            std::size_t at = kern.offset + 4;
            const int n = r.u16(kern.offset + 2);
            for (int t = 0; t < n && at + 6 <= kern.offset + kern.length; ++t) {
                const std::uint16_t coverage = r.u16(at + 4);
                const bool horizontal_format0 = (coverage & 0x1) && (coverage >> 8) == 0 && !(coverage & 0x4);
                const std::size_t pairs = r.u16(at + 6);
                const std::size_t first = at + 14;
                if (!horizontal_format0 || first + 6 * pairs > kern.offset + kern.length) break;
                for (std::size_t p = 0; p < pairs; ++p) {
                    const std::size_t rec = first + 6 * p;
                    f.kerns_.push_back({r.u32(rec), static_cast<std::int16_t>(thousandths(r.i16(rec + 4)))});
                }
                at = first + 6 * pairs;
            }
            std::sort(f.kerns_.begin(), f.kerns_.end(), [](const KernPair& a, const KernPair& b) { return a.key < b.key; });
        }
    }

    // The family name from 'name' (ID 1), for messages about missing characters.
    f.family_ = std::filesystem::path(name).stem().string();
    if (tables.count("name")) {
        const Table nt = tables["name"];
        const int records = r.u16(nt.offset + 2);
        const std::size_t strings = nt.offset + r.u16(nt.offset + 4);
        for (int i = 0; i < records; ++i) {
            const std::size_t rec = nt.offset + 6 + 12 * static_cast<std::size_t>(i);
            if (r.u16(rec) != 3 || r.u16(rec + 6) != 1) continue;  // Windows, family name
            const std::size_t len = r.u16(rec + 8), off = strings + r.u16(rec + 10);
            r.need(off, len);
            std::string ascii;
            for (std::size_t k = 0; k + 1 < len; k += 2) {
                const std::uint16_t c = r.u16(off + k);
                ascii += c < 0x80 ? static_cast<char>(c) : '?';
            }
            f.family_ = ascii;
            break;
        }
    }
    return f;
}

int Font::kern(char32_t left, char32_t right) const {
    if (kerns_.empty()) return 0;
    const std::uint32_t key = (static_cast<std::uint32_t>(glyph(left)) << 16) | glyph(right);
    const auto it = std::lower_bound(kerns_.begin(), kerns_.end(), key,
                                     [](const KernPair& p, std::uint32_t k) { return p.key < k; });
    return it != kerns_.end() && it->key == key ? it->value : 0;
}

}  // namespace zapros::text
