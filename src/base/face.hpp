#pragma once
#include <array>
#include <cstdint>
#include <string_view>

namespace zapros {

// The typefaces a letter uses; fonts/ holds one TrueType file for each.
enum class Face : std::uint8_t { serif, serif_bold, serif_italic, serif_bold_italic, mono };

inline constexpr std::array<Face, 5> all_faces = {Face::serif, Face::serif_bold, Face::serif_italic,
                                                  Face::serif_bold_italic, Face::mono};

constexpr std::string_view face_name(Face f) {
    switch (f) {
    case Face::serif: return "serif";
    case Face::serif_bold: return "serif-bold";
    case Face::serif_italic: return "serif-italic";
    case Face::serif_bold_italic: return "serif-bold-italic";
    case Face::mono: return "mono";
    }
    return "?";
}

constexpr Face with_bold(Face f) {
    return f == Face::serif ? Face::serif_bold : f == Face::serif_italic ? Face::serif_bold_italic : f;
}
constexpr Face with_italic(Face f) {
    return f == Face::serif ? Face::serif_italic : f == Face::serif_bold ? Face::serif_bold_italic : f;
}

}  // namespace zapros
