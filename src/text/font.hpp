#pragma once
// Metrics of one TrueType font, read by our own parser: the same advance widths libharu writes
// into the PDF's /W array (1/1000 em, truncated), the character map, vertical metrics and the
// format-0 'kern' pairs libharu ignores. Loading validates the file, because libharu fails
// silently on a truncated font (shared/notes/libharu-2.3.0.md §8).
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zapros::text {

struct FontError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Font {
public:
    // Reads and validates a TrueType (glyf-outline) font. Throws FontError saying what is wrong.
    static Font load(const std::filesystem::path& path);
    static Font parse(std::string_view bytes, const std::string& name);

    const std::string& name() const { return name_; }            // file name, for messages
    const std::string& family() const { return family_; }        // e.g. "PT Serif"
    bool has_glyph(char32_t c) const { return glyph(c) != 0; }
    // Advance width in 1/1000 em; a missing character measures as .notdef, as libharu draws it.
    int advance(char32_t c) const { return advances_[glyph(c)]; }
    // Kerning between two characters in 1/1000 em (negative: closer); 0 when there is no pair.
    int kern(char32_t left, char32_t right) const;
    int ascender() const { return ascender_; }    // 1/1000 em
    int descender() const { return descender_; }  // 1/1000 em, negative
    std::size_t kern_pairs() const { return kerns_.size(); }

private:
    std::uint16_t glyph(char32_t c) const { return c < cmap_.size() ? cmap_[c] : 0; }

    std::string name_;
    std::string family_;
    std::vector<std::uint16_t> cmap_;      // BMP code point → glyph id
    std::vector<std::int16_t> advances_;   // glyph id → advance, 1/1000 em
    struct KernPair {
        std::uint32_t key;  // left glyph << 16 | right glyph
        std::int16_t value;
    };
    std::vector<KernPair> kerns_;  // sorted by key
    int ascender_ = 0, descender_ = 0;
};

}  // namespace zapros::text
