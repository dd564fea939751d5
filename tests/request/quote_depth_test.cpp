// Block quotes nested past the limit are refused before cmark-gfm reads the body; a '>' that
// may be code or HTML is left to cmark. With minimal_yaml the body starts on line 5.
#include <catch2/catch.hpp>

#include "support.hpp"

using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("block quotes nested past the limit are refused before the body is read", "[body]") {
    // Line 5 nests lists too deep, which only reading the body finds; line 7's quotes are
    // refused before it, and alone.
    const auto p = parse(request_text(minimal_yaml, repeat("- ", 40) + "x\n\n" + repeat(">", 40) + " x\n"));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"7:33: error: blocks nest deeper than 32 levels"});
}

TEST_CASE("the early refusal names the quote the body would name", "[body]") {
    const auto p = parse(request_text(minimal_yaml, "Текст.\n\n" + repeat("> ", 40) + "x\n"));
    CHECK(messages(p.diags) == Strings{"7:65: error: blocks nest deeper than 32 levels"});
}

TEST_CASE("a run of '>' that may be code or HTML is left to cmark", "[body]") {
    const std::string deep = repeat(">", 40);
    for (const std::string& body : {"```\n" + deep + "\n```\n", "~~~\n" + deep + "\n~~~\n", "<div>\n" + deep + "\n</div>\n",
                                    "    " + deep + "\n", "\t" + deep + "\n", ">     " + deep + "\n"}) {
        INFO(body);
        const auto p = parse(request_text(minimal_yaml, body));
        CHECK(p.req);
    }
}
