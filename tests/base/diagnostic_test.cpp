// Diagnostics as they reach a terminal or a CI log: one line each, whatever a request puts in them.
#include <catch2/catch.hpp>

#include "base/diagnostic.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("a control character a request puts in a message cannot forge a line or drive the terminal", "[diagnostic]") {
    // A quoted YAML key may hold a line end and an escape: "ab\nfake.md:1:1: error: x\e[31m".
    const auto p = test::parse(test::request_text(test::minimal_yaml + "\"ab\\nfake.md:1:1: error: x\\e[31m\": 1\n"));
    REQUIRE(p.diags.size() == 1);
    const std::string line = format_gcc(p.diags.all().front());
    CHECK(line.find("ab\\nfake.md:1:1: error: x\\x1b[31m") != std::string::npos);
    const std::string first = line.substr(0, line.find('\n'));  // the note, on a line of its own
    CHECK(first.find('\x1b') == std::string::npos);
    CHECK(std::count(line.begin(), line.end(), '\n') == 1);
}

TEST_CASE("a message quoting a megabyte of the request is cut at a character boundary", "[diagnostic]") {
    const auto p = test::parse(test::request_text(test::minimal_yaml + "date: " + std::string(1 << 20, '9') + "\n"));
    REQUIRE_FALSE(p.diags.all().empty());
    for (const Diagnostic& d : p.diags.all()) {
        CHECK(d.message.size() <= Diagnostics::max_message_bytes + 3);
        CHECK(d.hint.size() <= Diagnostics::max_message_bytes + 3);
    }
    Diagnostics cyrillic("t.md");
    cyrillic.error({1, 1}, std::string(2000, 'x').substr(0, 999) + "ыыы");
    const std::string& m = cyrillic.all().front().message;
    CHECK(m == std::string(999, 'x') + "…");  // "ы" at byte 999 does not fit whole: cut before it
}
