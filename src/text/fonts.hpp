#pragma once
// The fonts of a letter: each face's own (PT Serif and PT Mono from ParaType) and the fallbacks
// that draw what those lack (DejaVu Serif in the four styles, DejaVu Sans Mono, Symbola), one
// TrueType file each in the installation's fonts/ directory, each read (and validated) the
// first time a document asks for it: a letter in Russian never reads a fallback. Not
// thread-safe: one per thread.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "base/face.hpp"
#include "base/units.hpp"
#include "text/font.hpp"

namespace zapros::text {

// A font of the installation, by its place in the catalogue (fonts.cpp): the faces' own fonts
// first, in the order of Face, so that a face's own font has the face's number; then the
// fallbacks. The same number in every run, so traces and PDFs stay byte-stable.
using FontId = std::uint8_t;
constexpr FontId own_font(Face f) { return static_cast<FontId>(f); }

std::size_t font_count();
std::string_view font_file(FontId id);  // the file in fonts/
// A short name for traces and messages: the face's ("serif", "mono") for a face's own font, the
// fallback's ("dejavu-serif-bold", "symbola") for a fallback.
std::string_view font_name(FontId id);
// The fonts that may draw a character of face, in the order they are asked: the face's own, the
// fallback of the same style, the fallback for symbols and emoji.
std::span<const FontId> font_chain(Face face);

// What a character that no font of its face's chain has prints as, never .notdef (PDF/A-2
// 6.2.11.8): U+25A1 WHITE SQUARE, from the first font of the chain that has it (DejaVu Serif
// of the same style for the serif faces, PT Mono for the monospaced); the character itself
// becomes the run's ActualText (para::Run::actual).
inline constexpr char32_t placeholder = U'\u25A1';

// Where Fonts gets the metrics of each font of the catalogue: the installation's TrueType files,
// or made-up ones for layout tests (tests/hand_layout.hpp), so that a test can count a line's
// width on its fingers. Asked once per font; the questions asked per character go to the loaded
// Font, inline, whatever its source.
class FontSource {
public:
    virtual ~FontSource() = default;
    virtual Font load(FontId id) const = 0;  // throws FontError
    virtual std::filesystem::path path(FontId id) const = 0;  // what a PDF using it depends on
};

// The fonts/ directory of an installation.
class FontFiles final : public FontSource {
public:
    explicit FontFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}
    Font load(FontId id) const override;
    std::filesystem::path path(FontId id) const override;

private:
    std::filesystem::path dir_;
};

class Fonts {
public:
    explicit Fonts(std::filesystem::path dir);
    explicit Fonts(std::unique_ptr<const FontSource> source);
    ~Fonts();

    // Throw FontError when the file is missing or unusable.
    const Font& get(Face face) const { return font(own_font(face)); }
    const Font& font(FontId id) const;
    std::filesystem::path path(FontId id) const { return source_->path(id); }

    // The font that draws c in face: the face's own when it has a glyph for c, else the first of
    // the face's fallbacks that has one; the face's own (which draws .notdef) when none has.
    // Asked for every character of a letter: the face's own font answers inline.
    FontId resolve(Face face, char32_t c) const {
        const Font* own = loaded_[own_font(face)].get();
        if (own && own->has_glyph(c)) [[likely]]
            return own_font(face);
        return resolve_fallback(face, c);
    }
    // Whether any font of face's chain has a glyph for c.
    bool covers(Face face, char32_t c) const {
        const Font* own = loaded_[own_font(face)].get();
        return (own && own->has_glyph(c)) || font(resolve_fallback(face, c)).has_glyph(c);
    }
    // The size at which font id sets text of `size` in face. A fallback is scaled so that its
    // lower case stands as tall as the face's own; in the monospaced face, so that its glyphs
    // take whole cells of the face's grid (fonts.cpp).
    Sp size_in(Face face, FontId id, Sp size) const { return id == own_font(face) ? size : fallback_size(face, id, size); }

private:
    FontId resolve_fallback(Face face, char32_t c) const;
    Sp fallback_size(Face face, FontId id, Sp size) const;

    std::unique_ptr<const FontSource> source_;
    mutable std::vector<std::unique_ptr<Font>> loaded_;
    mutable std::vector<int> cells_;  // by FontId: a monospaced fallback's cell, 1/1000 of its em; else 0
};

}  // namespace zapros::text
