// Pathological inputs in the spirit of cmark's test suite: deep nesting, long runs of
// delimiters, many backticks, glued note marks. Each must come out right (and, as
// bench/pathological measures, in time linear in its size); only the result is asserted here.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

const std::string head = "---\ntitle: T\nto: X\n---\n";

std::string all_text(const page::Pages& pages) {
    std::string s;
    for (const auto& p : pages.pages)
        for (const auto& pl : p.lines)
            for (const auto& r : pl.line.runs) s += r.text;
    return s;
}

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + needle.size())) ++n;
    return n;
}

}  // namespace

TEST_CASE("ten thousand nested block quotes are one error, not a crash", "[pathological]") {
    Diagnostics d("p.md");
    CHECK_FALSE(test::typeset_text(head + std::string(10000, '>') + " x\n", d));
    CHECK(test::messages(d).front() == "5:33: error: blocks nest deeper than 32 levels");
}

TEST_CASE("ten thousand unmatched emphasis openers print as asterisks", "[pathological]") {
    std::string body;
    for (int i = 0; i < 10000; ++i) body += "*a ";
    Diagnostics d("p.md");
    const auto t = test::typeset_text(head + body + "\n", d);
    REQUIRE(t);
    CHECK(count(all_text(t->pages), "*a") == 10000);
}

TEST_CASE("deeply nested emphasis is refused past the limit", "[pathological]") {
    Diagnostics d("p.md");
    const auto t = test::typeset_text(head + std::string(500, '*') + "a" + std::string(500, '*') + "\n", d);
    CHECK_FALSE(t);
    CHECK(d.all().front().message == "inline markup nest deeper than 32 levels");
}

TEST_CASE("runs of backticks of every length stay text", "[pathological]") {
    std::string body;
    for (int i = 1; i < 300; ++i) body += std::string(static_cast<std::size_t>(i), '`') + "a";
    Diagnostics d("p.md");
    const auto t = test::typeset_text(head + body + "\n", d);
    REQUIRE(t);
    CHECK(count(all_text(t->pages), "a") >= 299);
}

TEST_CASE("ten thousand nested brackets print as brackets", "[pathological]") {
    Diagnostics d("p.md");
    const auto t = test::typeset_text(head + std::string(10000, '[') + "a" + std::string(10000, ']') + "\n", d);
    REQUIRE(t);
    const std::string text = all_text(t->pages);
    CHECK(count(text, "[") == 10000);
    CHECK(count(text, "]") == 10000);
}

TEST_CASE("thousands of unclosed link openers print as text", "[pathological]") {
    std::string body;
    for (int i = 0; i < 5000; ++i) body += "[a](";
    Diagnostics d("p.md");
    const auto t = test::typeset_text(head + body + "\n", d);
    REQUIRE(t);
    CHECK(count(all_text(t->pages), "(") == 5000);
}

TEST_CASE("two thousand note marks glued to text keep every note with its mark", "[pathological]") {
    std::string body, notes;
    for (int i = 0; i < 2000; ++i) {
        body += "x[^" + std::to_string(i) + "]";
        notes += "[^" + std::to_string(i) + "]: Сноска " + std::to_string(i) + ".\n\n";
    }
    Diagnostics d("p.md");
    const auto t = test::typeset_text(head + body + "\n\n" + notes, d);
    REQUIRE(t);
    CHECK(test::note_page(t->pages, 2000) > 0);
    for (const auto& p : t->pages.pages)
        for (const auto& pl : p.lines) CHECK_FALSE(pl.line.overfull);
}
