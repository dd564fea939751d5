// List markers: each at its own list's place, never over the text, at any width and depth.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

cli::Typeset typeset(const std::string& body) {
    Diagnostics d("r.md");
    auto t = test::typeset_text("---\ntitle: Запрос\nto: Министерство\n---\n\n" + body, d);
    REQUIRE(t);
    return std::move(*t);
}

}  // namespace

TEST_CASE("a list's text hangs far enough right for its widest marker", "[lists]") {
    const auto t = typeset("999999998. Первый пункт\n999999999. Второй пункт\n");
    CHECK(test::zone_violations(t.pages) == std::vector<std::string>{});
    const Sp marker_end = test::x_of(t.pages, "999999999.") + test::run_width(test::lines_containing(t.pages, "999999999.").front()->line.runs.front());
    CHECK(test::x_of(t.pages, "Второй") >= marker_end + compose::Style{}.list_label_gap);
    // A short list keeps the usual indent.
    const auto s = typeset("1. Первый\n2. Второй\n");
    CHECK(test::x_of(s.pages, "Второй") - test::x_of(s.pages, "2.") == compose::Style{}.list_indent);
}

TEST_CASE("items opening with a list show every marker, outermost first, at each depth", "[lists]") {
    const auto t = typeset("- 1. - a\n");
    CHECK(test::zone_violations(t.pages) == std::vector<std::string>{});
    const auto lines = test::lines_containing(t.pages, "a");
    REQUIRE(!lines.empty());
    const auto& runs = lines.back()->line.runs;
    REQUIRE(runs.size() == 4);
    CHECK(runs[0].text == "–");
    CHECK(runs[1].text == "1.");
    CHECK(runs[2].text == "–");
    CHECK(runs[3].text == "a");
    CHECK(runs[0].x < runs[1].x);
    CHECK(runs[1].x < runs[2].x);
    CHECK(runs[2].x < runs[3].x);
}

TEST_CASE("lists and quotes nested deeper than the measure allows keep the text on the page, markers inline", "[lists]") {
    std::string body;
    for (int depth = 0; depth < 11; ++depth)  // two levels of nesting each: 30 with the quotes
        body += std::string(static_cast<std::size_t>(depth) * 3, ' ') + "1. Пункт уровня " + std::to_string(depth) + "\n";
    // Inside eight quotes (which take what they may), lists run out of room before nesting does.
    std::string quoted;
    for (std::size_t at = 0, next; at < body.size(); at = next + 1) {
        next = body.find('\n', at);
        quoted += std::string(8, '>') + " " + body.substr(at, next - at) + "\n";
    }
    const auto t = typeset(quoted.substr(0, quoted.size()) + "\n" + std::string(25, '>') +
                           " Глубокая цитата с текстом, который должен остаться на странице.\n");
    CHECK(test::zone_violations(t.pages) == std::vector<std::string>{});
    CHECK(test::lines_containing(t.pages, "Глубокая").size() == 1);
    // The deepest items carry their markers at the start of their text, tied to it.
    const auto deepest = test::lines_containing(t.pages, "10");
    REQUIRE(deepest.size() == 1);
    CHECK(deepest.front()->line.runs.front().text == "a.");  // the eleventh level counts a., b.
}

TEST_CASE("a bullet set at the start of its text, too deep to hang, stays the list's dash", "[lists]") {
    // The typographic rules would make "– " at a paragraph's start an em dash.
    std::string body;
    for (int depth = 0; depth < 11; ++depth) body += std::string(8, '>') + " " + std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- пункт " + std::to_string(depth) + "\n";
    const auto t = typeset(body);
    const auto deepest = test::lines_containing(t.pages, "10");
    REQUIRE(deepest.size() == 1);
    CHECK(deepest.front()->line.runs.front().text == "–");
}

TEST_CASE("a code line wrapped where the measure has no room to spare continues without a hang", "[lists]") {
    const std::string q(25, '>');  // quotes take what they may, down to the narrowest measure
    const auto t = typeset(q + " ```\n" + q + " " + std::string(120, '7') + "\n" + q + " ```\n");
    CHECK(test::zone_violations(t.pages) == std::vector<std::string>{});
    const auto lines = test::lines_containing(t.pages, "7777");
    REQUIRE(lines.size() >= 3);
    for (const auto* l : lines) CHECK(test::line_left(*l) == test::line_left(*lines.front()));
}
