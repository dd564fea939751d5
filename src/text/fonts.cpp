#include "text/fonts.hpp"

#include <array>

namespace zapros::text {

namespace {

struct Entry {
    std::string_view file;
    std::string_view name;
};

// The faces' own fonts, in the order of Face.
constexpr std::array<Entry, 5> catalogue = {{
    {"PTF55F.ttf", "serif"},
    {"PTF75F.ttf", "serif-bold"},
    {"PTF56F.ttf", "serif-italic"},
    {"PTF76F.ttf", "serif-bold-italic"},
    {"PTM55F.ttf", "mono"},
}};
static_assert(face_name(Face::serif_bold) == "serif-bold" && face_name(Face::mono) == "mono");

}  // namespace

std::size_t font_count() { return catalogue.size(); }
std::string_view font_file(FontId id) { return id < catalogue.size() ? catalogue[id].file : ""; }
std::string_view font_name(FontId id) { return id < catalogue.size() ? catalogue[id].name : "?"; }

Fonts::Fonts(std::filesystem::path dir) : dir_(std::move(dir)), loaded_(catalogue.size()) {}
Fonts::~Fonts() = default;

std::filesystem::path Fonts::path(FontId id) const { return dir_ / font_file(id); }

const Font& Fonts::font(FontId id) const {
    auto& slot = loaded_.at(id);
    if (!slot) slot = std::make_unique<Font>(Font::load(path(id)));
    return *slot;
}

FontId Fonts::resolve(Face face, char32_t) const { return own_font(face); }

Sp Fonts::size_in(Face, FontId, Sp size) const { return size; }

}  // namespace zapros::text
