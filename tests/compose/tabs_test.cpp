// Tabs in code: a code block's tab goes to the next stop of four characters, counted in
// characters (not bytes: a Cyrillic letter is two); a tab in a code span or an HTML <pre>, which
// no font has a glyph for, is a space, never a box.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

cli::Typeset typeset(const std::string& body, Diagnostics& d) {
    auto t = test::typeset_text("---\ntitle: Запрос\nto: Министерство\n---\n\n" + body, d);
    REQUIRE(t);
    return std::move(*t);
}

}  // namespace

TEST_CASE("a code block's tab stops every four characters, counted in characters", "[compose][tabs]") {
    Diagnostics d("r.md");
    const auto t = typeset("```\nкир\tx\nab\ty\n\tz\n```\n", d);
    CHECK(test::messages(d).empty());
    const std::string text = test::all_text(t.pages);
    INFO(text);
    CHECK(text.find("кир x") != std::string::npos);  // "кир" ends at column 3: one space to 4
    CHECK(text.find("ab  y") != std::string::npos);
    CHECK(text.find("    z") != std::string::npos);
}

TEST_CASE("a tab in a code span or an HTML <pre> prints as a space, not a box with a warning", "[compose][tabs]") {
    Diagnostics d("r.md");
    const auto t = typeset("Код `a\tb` в тексте.\n\n<pre>\nc\td\n</pre>\n", d);
    for (const std::string& m : test::messages(d)) CHECK(m.find("U+0009") == std::string::npos);
    const std::string text = test::all_text(t.pages);
    INFO(text);
    CHECK(text.find('\t') == std::string::npos);
    CHECK(test::x_of(t.pages, "b") > test::x_of(t.pages, "a"));
    CHECK(test::x_of(t.pages, "d") > test::x_of(t.pages, "c"));
}
