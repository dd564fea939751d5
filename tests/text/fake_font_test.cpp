// The made-up monospaced face that flow and page tests count on (hand_layout.hpp): Fonts asks
// it as it asks the installation's files, and it answers with round numbers.
#include <catch2/catch.hpp>

#include "hand_layout.hpp"
#include "text/fonts.hpp"

using namespace zapros;

TEST_CASE("the made-up face is half an em wide for every character, with no kerning", "[text][fonts]") {
    const text::Fonts& fonts = test::fake_fonts();
    for (char32_t c : {U'a', U'W', U' ', U'-', U'Ж', U'€', char32_t{0x1F600}, char32_t{0x10FFFF}}) {
        CAPTURE(static_cast<int>(c));
        CHECK(fonts.covers(Face::serif, c));
        CHECK(fonts.resolve(Face::serif, c) == text::own_font(Face::serif));
        CHECK(fonts.get(Face::serif).advance(c) == 500);
    }
    CHECK(fonts.get(Face::mono).kern(U'A', U'V') == 0);
    CHECK(fonts.size_in(Face::serif_bold, text::own_font(Face::serif_bold), pt(10)) == pt(10));
}

TEST_CASE("a made-up face covers only what a test asks, and the others of the chain lack it as well", "[text][fonts]") {
    const text::Fonts fonts(test::monospaced({{U'a', U'z'}}));
    CHECK(fonts.covers(Face::serif, U'q'));
    CHECK_FALSE(fonts.covers(Face::serif, U'Q'));
    CHECK(fonts.resolve(Face::serif, U'Q') == text::own_font(Face::serif));  // drawn as .notdef
    CHECK(fonts.get(Face::serif).advance(U'Q') == 500);
}

TEST_CASE("a made-up face cannot be embedded in a PDF", "[text][fonts]") {
    CHECK_THROWS_AS(test::fake_fonts().get(Face::serif).subset({U'a'}), text::FontError);
}
