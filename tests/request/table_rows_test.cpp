// The widest table cmark-gfm is given to read (request/table_rows.hpp).
#include <catch2/catch.hpp>

#include "request/table_rows.hpp"
#include "support.hpp"

using zapros::request::max_table_columns;
using zapros::test::messages;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;

namespace {

std::string row(std::size_t cells, const std::string& cell) {
    std::string s;
    for (std::size_t i = 0; i < cells; ++i) s += "|" + cell;
    return s + "|\n";
}

}  // namespace

TEST_CASE("a table of as many columns as allowed is read", "[tables]") {
    const auto p = parse(request_text(zapros::test::minimal_yaml, row(max_table_columns, "a") + row(max_table_columns, "-")));
    REQUIRE(p.req);
    CHECK(messages(p.diags).empty());
}

TEST_CASE("a delimiter row of one column too many is refused at its line", "[tables]") {
    const auto p = parse(request_text(zapros::test::minimal_yaml, row(2, "a") + row(max_table_columns + 1, "-")));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"6:1: error: a table of 101 columns does not fit across the page"});
}

TEST_CASE("a body row of too many cells is refused, in a block quote too", "[tables]") {
    const auto p = parse(request_text(zapros::test::minimal_yaml, "> |a|b|\n> |-|:-:|\n> " + row(max_table_columns + 1, "x")));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"7:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("escaped pipes do not count as cells", "[tables]") {
    const auto p = parse(request_text(zapros::test::minimal_yaml, "|a|b|\n|-|-|\n|" + std::string(200, 'x') +
                                                                      [] { std::string s; for (int i = 0; i < 200; ++i) s += "\\|"; return s; }() + "|y|\n"));
    REQUIRE(p.req);
}

TEST_CASE("a line of many pipes in a paragraph without a delimiter row is text", "[tables]") {
    const auto p = parse(request_text(zapros::test::minimal_yaml, "a\n" + row(max_table_columns + 1, "x") + "\n|-|-|\n"));
    REQUIRE(p.req);
}

TEST_CASE("a table too wide is one error at its header, not one per row", "[tables]") {
    const std::size_t n = max_table_columns + 1;
    const auto p = parse(request_text(zapros::test::minimal_yaml, row(n, "a") + row(n, "-") + row(n, "b") + row(n, "c")));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"5:1: error: a table of 101 columns does not fit across the page"});
}

namespace {

const std::string wide = row(max_table_columns + 1, "x");  // 101 cells
const std::string full = row(max_table_columns, "h");      // as many as allowed
const std::string dashes = row(max_table_columns, "-");

Strings refusal(const std::string& body) {
    const auto p = parse(request_text(zapros::test::minimal_yaml, body));
    CHECK_FALSE(p.req);
    return messages(p.diags);
}

bool accepted(const std::string& body) {
    const auto p = parse(request_text(zapros::test::minimal_yaml, body));
    CHECK_FALSE(p.diags.has_errors());
    return p.req.has_value();
}

}  // namespace

// Lines cmark-gfm keeps as code or HTML are never read as rows, whatever their pipes.
TEST_CASE("many pipes near a delimiter row in a fenced code block are code", "[tables]") {
    CHECK(accepted("```\n|a|b|\n|-|-|\n" + wide + "```\n"));
}

TEST_CASE("many pipes near a delimiter row in an indented code block are code", "[tables]") {
    CHECK(accepted("    |a|b|\n    |-|-|\n    " + wide));
}

TEST_CASE("many pipes near a delimiter row in a pre block are HTML", "[tables]") {
    CHECK(accepted("<pre>\n|a|b|\n|-|-|\n" + wide + "</pre>\n"));
}

TEST_CASE("in a block quote, text after a quoted blank line that ends a table is not a row", "[tables]") {
    CHECK(accepted("> |a|b|\n> |-|-|\n>\n> " + wide));
}

TEST_CASE("lines after a delimiter row whose header has another cell count are text", "[tables]") {
    CHECK(accepted("|a|b|c|\n|-|-|\n" + wide));
}

TEST_CASE("many pipes over a setext underline are a heading, not a table", "[tables]") {
    CHECK(accepted(wide + "---\n"));
}

TEST_CASE("many pipes a blank line before a table are text", "[tables]") {
    CHECK(accepted(wide + "\n|a|b|\n|-|-|\n"));
}

// cmark-gfm parses every line before a delimiter row as a row while it looks for the header: the
// line stays text, but the time is quadratic in its cells all the same.
TEST_CASE("many pipes in the paragraph of a table are refused, though they stay text", "[tables]") {
    CHECK(refusal("a\n" + wide + "|a|b|\n|-|-|\n") ==
          Strings{"6:1: error: a line of 101 cells before a table's delimiter row is read as a table row"});
}

TEST_CASE("a wide header over a narrow delimiter row is refused at the header", "[tables]") {
    CHECK(refusal(wide + "|-|-|\n") == Strings{"5:1: error: a table of 101 columns does not fit across the page"});
}

TEST_CASE("each delimiter row is tried: a table may start after one whose header does not match", "[tables]") {
    CHECK(refusal("a|b|c\n|-|-|\n|a|b|\n|-|-|\n" + wide) ==
          Strings{"9:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("a delimiter row in a table's body is a body row", "[tables]") {
    CHECK(refusal(full + dashes + "|c|\n" + row(max_table_columns + 1, "-")) ==
          Strings{"8:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("the line that ends a table is read as its row", "[tables]") {
    CHECK(refusal("|a|b|\n|-|-|\n> " + wide) == Strings{"7:1: error: a table row of 102 cells does not fit across the page"});
}

TEST_CASE("a list item after a table's list item is not the table's row", "[tables]") {
    CHECK(accepted("- |a|b|\n  |-|-|\n- " + wide));
}

TEST_CASE("a table's body row over a setext underline is refused", "[tables]") {
    CHECK(refusal("|a|b|\n|-|-|\n" + wide + "---\n") ==
          Strings{"7:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("a wide table row is refused in a bullet list item", "[tables]") {
    CHECK(refusal("- " + full + "  " + dashes + "  |c|\n  " + wide) ==
          Strings{"8:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("a wide table row is refused in an ordered list item", "[tables]") {
    CHECK(refusal("1. " + full + "   " + dashes + "   " + wide) ==
          Strings{"7:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("a wide table row is refused in a list item in a block quote", "[tables]") {
    CHECK(refusal("> 1) " + full + ">    " + dashes + ">    " + wide) ==
          Strings{"7:1: error: a table row of 101 cells does not fit across the page"});
}

TEST_CASE("a wide table row is refused in a block quote in a list item", "[tables]") {
    CHECK(refusal("- > " + full + "  > " + dashes + "  > " + wide) ==
          Strings{"7:1: error: a table row of 101 cells does not fit across the page"});
}

// cmark-gfm tries each delimiter row with the line before it as a header, reading the whole
// paragraph before it again: 8,000 such pairs in one paragraph took minutes.
TEST_CASE("a paragraph of more delimiter rows that start no table than allowed is refused at the first past it", "[tables]") {
    std::string body;
    for (int i = 0; i < zapros::request::max_delimiter_tries; ++i) body += "x\n|-|-|\n";
    CHECK(accepted(body + "y\n"));
    const Strings m = refusal(body + "x\n|-|-|\n");
    REQUIRE_FALSE(m.empty());
    const int line = 3 + 2 * zapros::request::max_delimiter_tries + 2 + 1;  // front matter, the pairs, the last "|-|-|"
    CHECK(m.front() == std::to_string(line) + ":1: error: a paragraph with more than 10 lines shaped like a table's delimiter row (|---|) that start no table");
}

TEST_CASE("delimiter rows that each start a table are no tries: many small tables are read", "[tables]") {
    std::string body;
    for (int i = 0; i < 50; ++i) body += "|a|b|\n|-|-|\n|c|d|\n\n";
    CHECK(accepted(body));
}
