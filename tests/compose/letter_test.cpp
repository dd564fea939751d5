// The letter's form: fixed words per language, dates, list labels, missing characters.
#include <catch2/catch.hpp>

#include "compose/labels.hpp"
#include "compose/letter.hpp"
#include "layout_support.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

compose::Document compose_text(const std::string& md, Diagnostics& diags) {
    const auto req = request::parse("t.md", md, diags);
    REQUIRE(req);
    return compose::letter(*req, test::pipeline().fonts(), diags);
}

}  // namespace

TEST_CASE("a date is written in words with its parts held together", "[compose]") {
    CHECK(compose::format_date({2016, 6, 5}, Lang::ru) == "5\u00A0июня\u00A02016\u00A0г.");
    CHECK(compose::format_date({2016, 6, 5}, Lang::en) == "June\u00A05, 2016");
    CHECK(compose::format_date({2017, 12, 31}, Lang::ru) == "31\u00A0декабря\u00A02017\u00A0г.");
}

TEST_CASE("ordered labels: the source's delimiter, then letters, then roman numerals", "[compose]") {
    using request::ListDelim;
    CHECK(compose::ordered_label(2, 0, ListDelim::paren) == "2)");
    CHECK(compose::ordered_label(2, 0, ListDelim::period) == "2.");
    CHECK(compose::ordered_label(5, 1, ListDelim::paren) == "e.");
    CHECK(compose::ordered_label(27, 1, ListDelim::paren) == "aa.");
    CHECK(compose::ordered_label(4, 2, ListDelim::paren) == "iv.");
    CHECK(compose::ordered_label(9, 2, ListDelim::paren) == "ix.");
}

TEST_CASE("the fixed words come from the language's table", "[compose]") {
    CHECK(compose::labels(Lang::ru).date_place == "Дата, место");
    CHECK(compose::labels(Lang::en).date_place == "Date, place");
    CHECK(compose::labels(Lang::ru).bullet == "–");
    CHECK(compose::labels(Lang::en).bullet == "•");
}

TEST_CASE("without date and place the closing leaves blanks labelled in the letter's language", "[compose]") {
    Diagnostics d("t.md");
    const auto doc = compose_text("---\ntitle: T\nlang: en\nto: X\nsignatures:\n  - role: Editor in cheif\n---\nText.\n", d);
    const auto& closing = std::get<compose::Closing>(doc.blocks.back());
    REQUIRE(closing.rows.size() == 1);
    CHECK(closing.rows[0].name.empty());  // a blank line to sign the name
    REQUIRE_FALSE(closing.date_place.spans.empty());
    CHECK(closing.date_place.spans[0].text.rfind("Date, place: ___", 0) == 0);
}

TEST_CASE("a character no font of the face's chain has is a warning naming it, its position and the fonts", "[compose]") {
    // ⁴ is not in PT Serif but in DejaVu Serif, 😀 in Symbola: no warning (they used to be
    // boxes, and 😀 a U+FFFD); 字 is in none, in the body and in code.
    Diagnostics d("t.md");
    compose_text("---\ntitle: T\nto: X\n---\nСноска⁴ и смайлик 😀, иероглиф 字 и `字`.\n", d);
    CHECK(test::messages(d) ==
          std::vector<std::string>{"5:31: warning: character U+5B57 '字' is in none of zapros's fonts (PT Serif, DejaVu Serif, "
                                   "Symbola); it prints as a box",
                                   "5:36: warning: character U+5B57 '字' is in none of zapros's fonts (PT Mono, DejaVu Sans "
                                   "Mono, Symbola); it prints as a box"});
}

TEST_CASE("invisible characters and spaces of a fixed width are never named as missing", "[compose]") {
    // No font has U+E0100 (a variation selector), U+061C (a direction mark) or U+3000 (the
    // ideographic space); PT Serif has none of U+200B, U+2060, U+FE0F, U+2009, U+202F. No box is
    // drawn for any of them.
    Diagnostics d("t.md");
    compose_text("---\ntitle: T\nto: X\n---\nа\u200Bб\u2060в❤\uFE0F г\u2009д\u202Fе\u2007ж\u3000з\U000E0100и\u061Cк\n", d);
    CHECK(test::messages(d).empty());
}

TEST_CASE("the PDF's author is the first signatory, else the sender", "[compose]") {
    Diagnostics d("t.md");
    auto doc = compose_text("---\ntitle: T\nto: X\nfrom: |\n  Медиазона\n  Москва\n---\nТ.\n", d);
    CHECK(doc.info.author == "Медиазона");
    doc = compose_text("---\ntitle: T\nto: X\nfrom: Медиазона\nsignatures: [{role: Р, name: С. С. Смирнов}]\n---\nТ.\n", d);
    CHECK(doc.info.author == "С. С. Смирнов");
}

TEST_CASE("the text announced for hyphenation holds the words the letter adds and decoded entities", "[compose]") {
    // Hyphenation keeps only the patterns of the words it is told about: a word missing here
    // (a month name the source never spells, a letter written as an entity) would break with
    // a partial dictionary.
    Diagnostics d("t.md");
    const auto dated = compose_text(test::request_text(test::minimal_yaml + "date: 2017-09-03\n",
                                                       "Издание &#1078;&#1091;&#1088;&#1085;&#1072;&#1083;[^1].\n\n"
                                                       "[^1]: Сноска.\n"),
                                    d);
    const std::string text = compose::text_of(dated);
    for (const char* word : {"сентября", "журнал", "Сноска", "Запрос", "Министерство", "место"}) {
        INFO(word);
        CHECK(text.find(word) != std::string::npos);
    }
    const auto undated = compose_text(test::request_text(test::minimal_yaml), d);
    CHECK(compose::text_of(undated).find("Дата, место") != std::string::npos);
}

TEST_CASE("a month name the letter writes hyphenates as with the whole dictionary", "[compose]") {
    // The first document of a pipeline loads only its words' patterns; "сентября" is not in
    // the source (the date is 2017-09-03), and prepared from the source alone it had no breaks.
    const auto dir = test::source_dir();
    cli::Pipeline fresh({dir / "fonts", dir / "hyph", dir / "schema" / "request.schema.json"});
    Diagnostics d("t.md");
    REQUIRE(fresh.typeset("t.md", test::request_text(test::minimal_yaml + "date: 2017-09-03\n"), d));
    const text::Hyphenator whole(dir / "hyph" / "hyph_ru.dic", 2, 2);
    REQUIRE_FALSE(whole.points("сентября").empty());
    CHECK(fresh.dictionaries().russian()->points("сентября") == whole.points("сентября"));
}
