// Shapes that once cost time quadratic in their size (bench/pathological measures them all at 1,
// 4 and 16 MiB). Each is run here at a size where the quadratic code took many minutes, and its
// result asserted; tests/CMakeLists.txt stops a [linear] test after 60 s, so a quadratic cost
// that comes back fails here, without a test that times anything.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace zapros;
using test::messages;
using test::parse;
using test::request_text;

namespace {

// A flood of diagnostics: the first, the last of the 1,000 shown, and the count of the rest.
void check_flood(const Diagnostics& d, const std::string& first, const std::string& last_shown, const std::string& rest) {
    const auto m = messages(d);
    REQUIRE(m.size() == Diagnostics::limit + 1);
    CHECK(m.front() == first);
    CHECK(m[Diagnostics::limit - 1] == last_shown);
    CHECK(m.back() == rest);
}

}  // namespace

TEST_CASE("300,000 unknown front matter keys are 1,000 errors and a count of the rest", "[linear]") {
    // The duplicate-key scan compared each key with every key before it: 57 s for half as many.
    std::string yaml = test::minimal_yaml;
    for (int i = 0; i < 300000; ++i) yaml += "k" + std::to_string(i) + ": v\n";
    const auto p = parse(request_text(yaml));
    CHECK_FALSE(p.req);
    check_flood(p.diags, "4:1: error: unknown key 'k0'",
                "1003:1: error: unknown key 'k999'",
                "0:0: error: 299000 more diagnostics not shown");
}

TEST_CASE("300,000 unreferenced notes between paragraphs are each warned about", "[linear]") {
    // Each definition's line was looked for among every paragraph's lines.
    std::string body;
    for (int i = 0; i < 300000; ++i) body += "[^" + std::to_string(i) + "]: n\n\nx\n\n";
    const auto p = parse(request_text(test::minimal_yaml, body));
    REQUIRE(p.req);
    check_flood(p.diags, "5:1: warning: note [^0] is defined but never referred to; it is left out",
                "4001:1: warning: note [^999] is defined but never referred to; it is left out",
                "0:0: warning: 299000 more diagnostics not shown");
}

TEST_CASE("400,000 undefined note marks on one line are each an error at its own column", "[linear]") {
    // Each mark's column was counted, and the mark looked for, from the line's start.
    std::string line;
    for (int i = 0; i < 400000; ++i) line += "x[^u" + std::to_string(i) + "] ";
    const auto p = parse(request_text(test::minimal_yaml, line + "\n"));
    CHECK_FALSE(p.req);
    // 10 marks of 7 characters, 90 of 8, 899 of 9 before the last shown.
    check_flood(p.diags, "5:2: error: note [^u0] is not defined",
                "5:" + std::to_string(2 + 10 * 7 + 90 * 8 + 899 * 9) + ": error: note [^u999] is not defined",
                "0:0: error: 399000 more diagnostics not shown");
}

TEST_CASE("a line of a million note openers without a closing bracket holds no note mark", "[linear]") {
    // Every "[^" (a note opener) was followed to the line's end, looking for its ']'.
    std::string line;
    for (int i = 0; i < 1000000; ++i) line += "[^";
    const auto p = parse(request_text(test::minimal_yaml, line + " x\n"));
    REQUIRE(p.req);
    CHECK(messages(p.diags).empty());
}

TEST_CASE("a table row of a million cells is one error, before cmark-gfm reads it", "[linear]") {
    // cmark-gfm walks a row's list of cells to its end for every cell it appends.
    std::string row;
    for (int i = 0; i < 1000000; ++i) row += "|a";
    const auto p = parse(request_text(test::minimal_yaml, "|a|b|\n|-|-|\n" + row + "|\n"));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == std::vector<std::string>{"7:1: error: a table row of 1000000 cells does not fit across the page"});
}

TEST_CASE("a code line of a million pipes beside a delimiter row is code, read without the table extension", "[linear]") {
    std::string row;
    for (int i = 0; i < 1000000; ++i) row += "|a";
    const auto p = parse(request_text(test::minimal_yaml, "```\n|a|b|\n|-|-|\n" + row + "|\n```\n"));
    REQUIRE(p.req);
    CHECK(messages(p.diags).empty());
}
