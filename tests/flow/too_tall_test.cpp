// A frame no page can hold: the requisites are set as one frame, so three hundred addressees
// are taller than any page. It is an error at the first addressee, saying what and how tall;
// before, the page builder took it for notes that could not start on their page ("notes  are
// marked…", with no notes named).
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("addressees taller than a page are an error at the first of them", "[flow]") {
    std::string md = "---\ntitle: T\nto:\n";
    for (int i = 0; i < 300; ++i) md += "  - Министерство номер " + std::to_string(i) + "\n";
    md += "---\nТекст.\n";
    Diagnostics d("t.md");
    CHECK_FALSE(test::typeset_text(md, d));
    const auto m = test::messages(d);
    REQUIRE_FALSE(m.empty());
    CHECK(m.front().rfind("4:5: error: the requisites (the addressees and the sender beside them) are taller than a page: ", 0) == 0);
    for (const std::string& line : m) CHECK(line.find("notes ") == std::string::npos);
}

TEST_CASE("two hundred signatures are set over pages, a row at a time", "[flow]") {
    std::string md = "---\ntitle: T\nto: X\nsignatures:\n";
    for (int i = 0; i < 200; ++i) md += "  - {role: Главный редактор, name: Иванов И. И.}\n";
    md += "---\nТекст.\n";
    Diagnostics d("t.md");
    const auto t = test::typeset_text(md, d);
    REQUIRE(t);
    CHECK(t->pages.pages.size() > 3);
}
