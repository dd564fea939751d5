#include "text/fonts.hpp"

namespace zapros::text {

std::string_view font_file(Face face) {
    switch (face) {
    case Face::serif: return "PTF55F.ttf";
    case Face::serif_italic: return "PTF56F.ttf";
    case Face::serif_bold: return "PTF75F.ttf";
    case Face::serif_bold_italic: return "PTF76F.ttf";
    case Face::mono: return "PTM55F.ttf";
    }
    return "";
}

std::filesystem::path Fonts::path(Face face) const { return dir_ / font_file(face); }

const Font& Fonts::get(Face face) const {
    auto& slot = loaded_[static_cast<std::size_t>(face)];
    if (!slot) slot = std::make_unique<Font>(Font::load(path(face)));
    return *slot;
}

}  // namespace zapros::text
