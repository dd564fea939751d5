#include "text/fonts.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace zapros::text {

namespace {

struct Entry {
    std::string_view file;
    std::string_view name;
    // A fallback of the monospaced face: its advances are whole cells of PT Mono's grid, so that
    // a code block's columns (box drawing above all) stay aligned.
    bool cells = false;
};

// The faces' own fonts, in the order of Face, then the fallbacks (README "Fonts" says why these).
// Symbola appears twice: proportional for the serif faces, fitted to cells for the monospaced.
constexpr std::array<Entry, 12> catalogue = {{
    {"PTF55F.ttf", "serif"},
    {"PTF75F.ttf", "serif-bold"},
    {"PTF56F.ttf", "serif-italic"},
    {"PTF76F.ttf", "serif-bold-italic"},
    {"PTM55F.ttf", "mono"},
    {"DejaVuSerif.ttf", "dejavu-serif"},
    {"DejaVuSerif-Bold.ttf", "dejavu-serif-bold"},
    {"DejaVuSerif-Italic.ttf", "dejavu-serif-italic"},
    {"DejaVuSerif-BoldItalic.ttf", "dejavu-serif-bold-italic"},
    {"DejaVuSansMono.ttf", "dejavu-sans-mono", true},
    {"Symbola_hint.ttf", "symbola"},
    {"Symbola_hint.ttf", "symbola-mono", true},
}};
static_assert(face_name(Face::serif_bold) == "serif-bold" && face_name(Face::mono) == "mono");

// Each face's fonts in the order they are asked, by Face: its own, the DejaVu face of the same
// weight and slant (Greek, arrows, box drawing, most operators), Symbola for the rest.
constexpr std::array<std::array<FontId, 3>, 5> chains = {{
    {0, 5, 10},
    {1, 6, 10},
    {2, 7, 10},
    {3, 8, 10},
    {4, 9, 11},
}};

}  // namespace

std::size_t font_count() { return catalogue.size(); }
std::string_view font_file(FontId id) { return id < catalogue.size() ? catalogue[id].file : ""; }
std::string_view font_name(FontId id) { return id < catalogue.size() ? catalogue[id].name : "?"; }
std::span<const FontId> font_chain(Face face) { return chains.at(static_cast<std::size_t>(face)); }

Font FontFiles::load(FontId id) const { return Font::load(path(id)); }
std::filesystem::path FontFiles::path(FontId id) const { return dir_ / font_file(id); }

Fonts::Fonts(std::filesystem::path dir) : Fonts(std::make_unique<FontFiles>(std::move(dir))) {}
Fonts::Fonts(std::unique_ptr<const FontSource> source)
    : source_(std::move(source)), loaded_(catalogue.size()), cells_(catalogue.size(), 0) {}
Fonts::~Fonts() = default;

const Font& Fonts::font(FontId id) const {
    auto& slot = loaded_.at(id);
    if (slot) return *slot;
    auto f = std::make_unique<Font>(source_->load(id));
    if (catalogue[id].cells) {
        // The cell in the fallback's own thousandths of an em: a monospaced font's own (DejaVu
        // Sans Mono's 602, set at 600/602 of the size, its box drawing then meets PT Mono's);
        // else PT Mono's 600 at the size that matches the x-heights, rounded to a whole
        // thousandth so that the grid is exact (fallback_size).
        const Font& mono = get(Face::mono);
        const double matched = mono.advance(U' ') * f->x_height() / mono.x_height();
        cells_[id] = std::max(1, f->fixed_pitch() ? f->advance(U' ') : static_cast<int>(std::lround(matched)));
        f->fit_to_cells(cells_[id]);
    }
    slot = std::move(f);
    return *slot;
}

FontId Fonts::resolve_fallback(Face face, char32_t c) const {
    for (FontId id : font_chain(face))
        if (font(id).has_glyph(c)) return id;
    return own_font(face);
}

Sp Fonts::fallback_size(Face face, FontId id, Sp size) const {
    const Font& f = font(id);
    if (const int cell = cells_[id]) {  // a cell of the fallback at this size = PT Mono's cell
        const Sp mono_cell = get(Face::mono).advance(U' ');
        return (size * mono_cell + cell / 2) / cell;
    }
    return round_to_sp(static_cast<double>(size) * get(face).x_height() / f.x_height());
}

}  // namespace zapros::text
