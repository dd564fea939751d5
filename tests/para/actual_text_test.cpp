// Runs that stand for other text than their glyphs (para::Run::actual): the placeholder printed
// for a character that no font has, and the hyphens the layout adds at a break. What the PDF
// makes of them is in tests/output/actual_text_test.cpp.
#include <catch2/catch.hpp>

#include "base/utf8.hpp"
#include "layout_support.hpp"
#include "para/typeset.hpp"

using namespace zapros;

namespace {

std::vector<para::Line> set(const compose::Paragraph& p, Sp width, const para::Params& params = {}) {
    Diagnostics diags("t.md");
    auto lines = para::typeset(p, width, test::resources(), params, diags);
    CHECK_FALSE(diags.has_errors());
    return lines;
}

compose::Paragraph ragged(const std::string& text, Face face = Face::serif) {
    compose::Paragraph p = test::paragraph_of(text, compose::Align::left);  // no glyph expansion
    p.spans[0].face = face;
    return p;
}

const para::Run* run_with_actual(const para::Line& l, const std::string& actual) {
    for (const para::Run& r : l.runs)
        if (r.actual == actual) return &r;
    return nullptr;
}

Sp placeholder_advance(text::FontId font, Sp size, int count) {
    return thousandths_of(count * test::resources().fonts.font(font).advance(text::placeholder), size);
}

}  // namespace

TEST_CASE("a character no font has prints as U+25A1 in a run of its own, the character its actual text", "[para][notdef]") {
    const text::Fonts& fonts = test::resources().fonts;
    REQUIRE_FALSE(fonts.covers(Face::serif, 0xE000));
    REQUIRE_FALSE(fonts.covers(Face::serif, 0x10000));  // Linear B: in none of the fonts either
    const auto lines = set(ragged("ab\uE000\U00010000cd ef"), pt(400));
    REQUIRE(lines.size() == 1);
    const auto& runs = lines[0].runs;
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].text == "ab");
    CHECK(runs[0].actual.empty());
    // Two characters, two placeholders, one run: from DejaVu Serif, the serif face's first
    // font that has U+25A1 (PT Serif has none), at the size that matches PT Serif's x-height.
    CHECK(runs[1].text == "\u25A1\u25A1");
    CHECK(runs[1].actual == "\uE000\U00010000");
    CHECK(text::font_name(runs[1].font) == "dejavu-serif");
    CHECK(runs[1].size == fonts.size_in(Face::serif, runs[1].font, pt(12)));
    CHECK(runs[1].kerns.empty());
    CHECK(runs[2].text == "cd");  // the word goes on in a run of its own
    CHECK(runs[2].space_after);
    CHECK(runs[2].actual.empty());
    // Measured as the glyphs it draws: the next run starts where two placeholders end.
    CHECK(runs[2].x - runs[1].x == placeholder_advance(runs[1].font, runs[1].size, 2));
}

TEST_CASE("the placeholder comes from the font of the chain closest to the text's style", "[para][notdef]") {
    for (const auto& [face, font] : {std::pair{Face::serif_italic, "dejavu-serif-italic"}, std::pair{Face::serif_bold, "dejavu-serif-bold"},
                                     std::pair{Face::mono, "mono"}}) {
        const auto lines = set(ragged("x\uE000", face), pt(400));
        REQUIRE(lines.size() == 1);
        const para::Run* r = run_with_actual(lines[0], "\uE000");
        REQUIRE(r);
        CHECK(r->text == "\u25A1");
        CHECK(text::font_name(r->font) == font);
    }
}

TEST_CASE("a word of characters no font has breaks between its placeholders, each line's run standing for its own", "[para][notdef]") {
    std::string word, drawn;
    for (int i = 0; i < 120; ++i) word += "\uE000", drawn += "\u25A1";
    const auto lines = set(ragged(word), pt(200));
    REQUIRE(lines.size() > 1);
    std::string actual, text;
    for (const para::Line& l : lines) {
        for (const para::Run& r : l.runs) {
            CHECK(utf8::length(r.text) == utf8::length(r.actual));  // one placeholder per character
            actual += r.actual;
            text += r.text;
        }
        CHECK(l.width <= pt(200));
    }
    CHECK(actual == word);
    CHECK(text == drawn);
}

TEST_CASE("a hyphen added at a break is a run of its own that stands for U+00AD", "[para][hyphen]") {
    // By the patterns and at the author's soft hyphen alike.
    for (const std::string& text : {std::string("высокопревосходительство"), std::string("aaaa\u00ADbbbb")}) {
        compose::Paragraph p = ragged(text);
        const auto lines = set(p, text.size() > 20 ? pt(80) : pt(40));
        REQUIRE(lines.size() >= 2);
        for (std::size_t n = 0; n + 1 < lines.size(); ++n) {
            INFO(text << ", line " << n);
            REQUIRE(lines[n].hyphen);
            REQUIRE(lines[n].runs.size() >= 2);
            const para::Run& hyphen = lines[n].runs.back();
            CHECK(hyphen.text == "-");
            CHECK(hyphen.actual == "\u00AD");
            CHECK_FALSE(hyphen.silent);
            const para::Run& word = lines[n].runs[lines[n].runs.size() - 2];
            CHECK(word.text.back() != '-');  // the word's letters, without the hyphen
            CHECK(word.actual.empty());
            CHECK(hyphen.x > word.x);
        }
        CHECK_FALSE(lines.back().hyphen);
        CHECK(lines.back().runs.back().actual.empty());
    }
}

TEST_CASE("GOST's repeated hyphen stands for nothing; the author's hyphen ending the line is itself", "[para][hyphen]") {
    para::Params params;
    params.repeat_hyphen = true;
    compose::Paragraph p = ragged("информационно-телекоммуникационных");
    p.hyphenate = false;
    const auto lines = set(p, pt(150), params);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].runs.back().text == "информационно-");  // the author's: no ActualText
    CHECK(lines[0].runs.back().actual.empty());
    CHECK_FALSE(lines[0].runs.back().silent);
    REQUIRE(lines[1].runs.size() == 2);
    CHECK(lines[1].runs[0].text == "-");
    CHECK(lines[1].runs[0].silent);
    CHECK(lines[1].runs[0].actual.empty());
    CHECK(lines[1].runs[1].text == "телекоммуникационных");
    CHECK_FALSE(lines[1].runs[1].silent);
}

TEST_CASE("a hyphen added at a break takes its word's tag", "[para][hyphen]") {
    // The tags compose/ gives the word's pieces; the hyphens' own fragments carry none.
    const Tag word{.element = 4, .order = 7};
    auto tagged = [&](const std::string& text, bool hyphenate, Sp width) {
        para::Params params;
        params.repeat_hyphen = true;
        compose::Paragraph p = ragged(text);
        p.hyphenate = hyphenate;
        para::ItemList items = para::build(p, width, test::resources(), params);
        for (para::Fragment& f : items.fragments)
            if (f.text != "-") f.tag = word;
        const para::Measure measure{{width}, {0}};
        return para::pack(items, para::linebreak(items.items, measure, params.linebreak), measure, 0, pt(10), pt(5));
    };
    int added = 0, repeated = 0;
    for (const auto& lines : {tagged("высокопревосходительство", true, pt(80)), tagged("информационно-телекоммуникационных", false, pt(150))})
        for (const para::Line& l : lines)
            for (const para::Run& r : l.runs) {
                CHECK(r.tag == word);
                added += r.actual == "\u00AD";
                repeated += r.silent;
            }
    CHECK(added >= 1);
    CHECK(repeated == 1);
}
