#pragma once
// One TrueType font, read by our own parser: advance widths in 1/1000 em, truncated as PDF
// width arrays hold them (the layout measures with exactly what the PDF's /W says), the
// character map, vertical metrics and the format-0 'kern' pairs; and cut down to a subset for
// embedding (subset.cpp). Loading validates the file: a broken font is an error here, never
// a silently broken PDF (shared/notes/libharu-2.3.0.md §8).
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/files.hpp"

namespace zapros::text {

struct FontError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Code points → glyph ids, in pages of 256 code points, only those holding a mapping (a few for
// a Cyrillic font, where a flat table would be 128 KB of fresh memory to fill; a few dozen for
// Symbola's emoji). The Basic Multilingual Plane is looked up in one step, the other planes
// through an index per plane used. 0 (.notdef) for the rest.
class GlyphMap {
public:
    std::uint16_t operator[](char32_t c) const {
        if (c > 0xFFFF) [[unlikely]]
            return beyond_bmp(c);
        const std::uint16_t page = index_[c >> 8];
        return page ? pages_[page - 1][c & 0xFF] : 0;
    }
    void set(char32_t c, std::uint16_t glyph);  // c ≤ U+10FFFF, glyph ≠ 0
    std::size_t pages() const { return pages_.size(); }  // of 512 bytes: the memory it holds

private:
    using Page = std::array<std::uint16_t, 256>;
    std::uint16_t beyond_bmp(char32_t c) const;
    Page& page(std::uint16_t& index);  // the page an index names, allocated when it names none

    Page index_{};                             // BMP: code point >> 8 → page + 1, 0: none
    std::array<std::uint16_t, 16> planes_{};   // planes 1–16 → their index in plane_index_ + 1
    std::vector<Page> plane_index_;            // (code point >> 8) & 0xFF → page + 1
    std::vector<Page> pages_;                  // at most 17 × 256: ids fit 16 bits
};

// What a PDF needs to embed a font for one document: the font program with only the glyphs
// drawn, which glyph draws each character, and the figures of the font descriptor. Glyph ids
// are the font's own, so that a PDF can use them as character ids (output/embed.cpp).
struct Subset {
    // A TrueType font with the outlines of the drawn glyphs (and of the glyphs they are built
    // from) and no others, the tables a PDF viewer reads, and a character map of just the drawn
    // characters. Empty only when nothing is drawn in the face.
    std::string program;
    std::string postscript_name;                              // e.g. "PTSerif-Regular"
    std::vector<std::pair<char32_t, std::uint16_t>> glyphs;   // drawn character → glyph (never 0), by character
    std::vector<std::pair<std::uint16_t, int>> widths;        // drawn glyph → advance (1/1000 em), by glyph
    // The font descriptor (PDF 1.7 §9.8), lengths in 1/1000 em.
    int bbox[4] = {0, 0, 0, 0};  // xMin yMin xMax yMax
    int ascent = 0, descent = 0, cap_height = 0, stem_v = 0;
    double italic_angle = 0;
    int flags = 0;  // FixedPitch 1, Serif 2, Symbolic 4, Italic 64

    std::uint16_t glyph(char32_t c) const { return map[c]; }  // 0 (.notdef) for a character not drawn
    GlyphMap map;  // the same as glyphs, for lookups
};

class Font {
public:
    // Reads and validates a TrueType (glyf-outline) font. Throws FontError saying what is wrong.
    static Font load(const std::filesystem::path& path);
    static Font parse(FileBytes bytes, const std::string& name);
    static Font parse(std::string bytes, const std::string& name) { return parse(FileBytes(std::move(bytes)), name); }
    // A made-up monospaced font, for layout tests whose breaks are counted by hand: every
    // character in the ranges [first, last] (and .notdef) `advance` wide, no kerning, no file
    // (subset() throws: a PDF needs real outlines).
    static Font monospaced(const std::string& name, int advance, std::span<const std::pair<char32_t, char32_t>> covers);

    const std::string& name() const { return name_; }            // file name, for messages
    const std::string& family() const { return family_; }        // e.g. "PT Serif"
    bool has_glyph(char32_t c) const { return glyph(c) != 0; }
    // Advance width in 1/1000 em; a missing character measures as .notdef (which is never
    // drawn: para/ sets a placeholder glyph for it).
    int advance(char32_t c) const { return advances_[glyph(c)]; }
    // Kerning between two characters in 1/1000 em (negative: closer); 0 when there is no pair.
    int kern(char32_t left, char32_t right) const;
    int ascender() const { return ascender_; }    // 1/1000 em
    int descender() const { return descender_; }  // 1/1000 em, negative
    // The height of the lower case in 1/1000 em: OS/2's sxHeight (version 2 on, when set), else
    // the top of the glyph for 'x', else half an em. Fallback fonts are scaled by it (fonts.cpp).
    double x_height() const { return x_height_; }
    bool fixed_pitch() const { return fixed_pitch_; }  // post's isFixedPitch: a monospaced font

    // Every advance made a whole number of cells of `cell` (1/1000 em; a zero advance stays
    // zero), so that the font's glyphs keep a monospaced face's grid (fonts.cpp).
    void fit_to_cells(int cell);
    std::size_t kern_pairs() const { return kern_count_ ? kern_count_ : kerns_.size(); }

    // The font cut down for a document that draws the given code points (subset.cpp). Throws
    // std::logic_error for a code point it has no glyph for: .notdef is never drawn.
    Subset subset(std::vector<char32_t> codes) const;

private:
    struct Table {
        std::size_t offset = 0, length = 0;
    };
    std::uint16_t glyph(char32_t c) const { return cmap_[c]; }

    std::string_view bytes() const { return file_.view(); }

    FileBytes file_;  // the font file
    std::map<std::string, Table, std::less<>> tables_;  // the table directory: tag → where
    std::string name_;
    std::string family_;
    std::string postscript_name_;
    GlyphMap cmap_;
    std::vector<std::int16_t> advances_;   // glyph id → advance, 1/1000 em
    // Kerning pairs: read in place from the file when it has one sorted format-0 subtable, as
    // PT Serif has (20,990 pairs), else copied and sorted.
    std::size_t kern_at_ = 0, kern_count_ = 0;  // in the file: 6-byte records (left, right, value)
    struct KernPair {
        std::uint32_t key;  // left glyph << 16 | right glyph
        std::int16_t value;
    };
    std::vector<KernPair> kerns_;  // sorted by key
    std::vector<std::uint32_t> kern_first_;  // left glyph → its first pair; [glyph count] = all
    std::uint32_t kern_key(std::size_t i) const;  // of pair i, in place or copied
    int upem_ = 1000;
    int ascender_ = 0, descender_ = 0;
    double x_height_ = 500;
    bool fixed_pitch_ = false;
};

}  // namespace zapros::text
