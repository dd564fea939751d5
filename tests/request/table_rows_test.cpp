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
