// The catalogue and each face's chain of fonts (text/fonts.cpp): which font draws a character,
// the size a fallback is set at, the monospaced grid, and that a face's own characters never
// read a fallback.
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "base/utf8.hpp"
#include "support.hpp"
#include "text/fonts.hpp"

using namespace zapros;
using text::Fonts;
namespace fs = std::filesystem;

namespace {

const Fonts& fonts() {
    static const Fonts f(test::source_dir() / "fonts");
    return f;
}

std::string drawn_by(Face face, char32_t c) { return std::string(text::font_name(fonts().resolve(face, c))); }

constexpr Face serif_faces[] = {Face::serif, Face::serif_bold, Face::serif_italic, Face::serif_bold_italic};

}  // namespace

TEST_CASE("a face draws what its own font lacks from the fallback of its style, then from Symbola", "[fonts]") {
    CHECK(drawn_by(Face::serif, U'ж') == "serif");
    CHECK(drawn_by(Face::serif, U'≈') == "serif");  // PT Serif has it
    CHECK(drawn_by(Face::serif, U'α') == "dejavu-serif");
    CHECK(drawn_by(Face::serif_bold, U'α') == "dejavu-serif-bold");
    CHECK(drawn_by(Face::serif_italic, U'λ') == "dejavu-serif-italic");
    CHECK(drawn_by(Face::serif_bold_italic, U'Σ') == "dejavu-serif-bold-italic");
    CHECK(drawn_by(Face::serif, U'→') == "dejavu-serif");
    CHECK(drawn_by(Face::serif, U'ℋ') == "symbola");  // not in DejaVu Serif
    CHECK(drawn_by(Face::serif_bold, 0x1F600) == "symbola");
    CHECK(drawn_by(Face::mono, U'─') == "mono");  // PT Mono has 40 of the box-drawing characters
    CHECK(drawn_by(Face::mono, U'╭') == "dejavu-sans-mono");
    CHECK(drawn_by(Face::mono, U'α') == "dejavu-sans-mono");
    CHECK(drawn_by(Face::mono, 0x1F600) == "symbola-mono");
    CHECK(drawn_by(Face::serif, U'字') == "serif");  // in none: the face's own .notdef
    CHECK_FALSE(fonts().covers(Face::serif, U'字'));
    CHECK(fonts().covers(Face::mono, 0x1F600));
}

TEST_CASE("every face covers Greek, letterlike symbols, arrows, operators, currency signs, box drawing and emoticons",
          "[fonts]") {
    // The blocks issue 14 names, their characters assigned in Unicode 14; SOM SIGN U+20C0 is in
    // no font Debian 12 has.
    const std::vector<std::pair<char32_t, char32_t>> blocks = {
        {0x370, 0x3FF}, {0x2100, 0x214F}, {0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x20A0, 0x20BF}, {0x2500, 0x257F}, {0x1F600, 0x1F64F}};
    auto unassigned = [](char32_t c) {
        return c == 0x378 || c == 0x379 || (c >= 0x380 && c <= 0x383) || c == 0x38B || c == 0x38D || c == 0x3A2;
    };
    for (Face face : all_faces)
        for (const auto& [first, last] : blocks)
            for (char32_t c = first; c <= last; ++c) {
                if (unassigned(c)) continue;
                INFO(face_name(face) << " U+" << std::hex << static_cast<unsigned>(c));
                CHECK(fonts().covers(face, c));
            }
    CHECK_FALSE(fonts().covers(Face::serif, 0x20C0));
}

TEST_CASE("a fallback is set at the size that gives its lower case the face's x-height", "[fonts]") {
    const Sp size = pt(12);
    for (Face face : serif_faces)
        for (char32_t c : {U'α', U'ℋ', char32_t{0x1F600}}) {
            const text::FontId id = fonts().resolve(face, c);
            INFO(face_name(face) << " " << text::font_name(id));
            REQUIRE(id != text::own_font(face));
            const Sp fallback = fonts().size_in(face, id, size);
            CHECK(fallback != size);
            CHECK(static_cast<double>(fallback) * fonts().font(id).x_height() ==
                  Approx(static_cast<double>(size) * fonts().get(face).x_height()).epsilon(1e-6));
        }
    CHECK(fonts().size_in(Face::serif, text::own_font(Face::serif), size) == size);
}

TEST_CASE("in code a fallback's glyphs take whole cells of PT Mono's grid", "[fonts]") {
    const Sp size = pt(10);
    const Sp cell = size * fonts().get(Face::mono).advance(U' ') / 1000;  // 6 pt
    auto width = [&](char32_t c) {
        const text::FontId id = fonts().resolve(Face::mono, c);
        return fonts().font(id).advance(c) * fonts().size_in(Face::mono, id, size) / 1000;
    };
    // DejaVu Sans Mono is monospaced: set at 600/602 of the size, a glyph is one cell, and its
    // box drawing, drawn to the edges of its own 602, meets PT Mono's.
    const text::Font own_widths = text::Font::load(test::source_dir() / "fonts" / "DejaVuSansMono.ttf");
    for (char32_t c : {U'╭', U'α', U'⇒', U'∀'}) {
        INFO(test::read_u32(std::u32string(1, c)));
        CHECK(std::abs(width(c) - cell) <= 1);
        CHECK(std::abs(own_widths.advance(c) * fonts().size_in(Face::mono, fonts().resolve(Face::mono, c), size) / 1000 - cell) <= 1);
    }
    // Symbola is not: at the size that matches the x-heights, each advance is rounded up to
    // whole cells (an emoji takes two), a zero advance stays zero.
    const text::FontId symbola = fonts().resolve(Face::mono, 0x1F600);
    CHECK(std::abs(width(0x1F600) - 2 * cell) <= 2);
    CHECK(std::abs(width(U'ℯ') - cell) <= 1);
    CHECK(fonts().font(symbola).advance(0x301) == 0);
    CHECK(static_cast<double>(fonts().size_in(Face::mono, symbola, size)) * fonts().font(symbola).x_height() ==
          Approx(static_cast<double>(size) * fonts().get(Face::mono).x_height()).epsilon(0.002));
}

TEST_CASE("a face's own characters never read a fallback font", "[fonts]") {
    // An installation of the faces' own fonts alone: the Russian model's every character
    // resolves without asking for a fallback, and the first Greek letter does ask.
    const fs::path dir = test::temp_dir("fonts-own-only");
    for (Face face : all_faces) fs::copy_file(test::source_dir() / "fonts" / text::font_file(text::own_font(face)), dir / text::font_file(text::own_font(face)));
    const Fonts own_only(dir);
    const std::string text = test::read(test::source_dir() / "requests" / "mediazona-cybercrime-ru.md");
    for (Face face : serif_faces)
        for (std::size_t i = 0; i < text.size();) {
            const char32_t c = utf8::next(text, i);
            if (c >= 0x20) CHECK(own_only.resolve(face, c) == text::own_font(face));
        }
    CHECK_THROWS_AS(own_only.resolve(Face::serif, U'α'), text::FontError);
}
