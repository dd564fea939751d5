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

TEST_CASE("GitHub's format escapes %, CR and LF in the message, and also : and , in the file name", "[diagnostic]") {
    // The rules of actions/toolkit's command.ts: a property value ends at ',' and the command's
    // properties at '::', so a file named "a:b,c.md" must not add a property or end them.
    CHECK(github_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
    CHECK(github_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b");
    const Diagnostic d{Severity::error, "dir/a:b,c.md", {3, 7}, "50% of\nthe line: x, y", {}};
    CHECK(format_github(d) == "::error file=dir/a%3Ab%2Cc.md,line=3,col=7::50%25 of%0Athe line: x, y");
    CHECK(format(d, DiagnosticFormat::github) == format_github(d));
}

TEST_CASE("GitHub's format: warnings as ::warning, hints as ::notice, no position without line and col", "[diagnostic]") {
    const Diagnostic w{Severity::warning, "r.md", {2, 0}, "odd", "try this"};
    CHECK(format_github(w) == "::warning file=r.md,line=2::odd\n::notice file=r.md,line=2::try this");
    const Diagnostic whole{Severity::error, "r.md", {}, "cannot read", {}};
    CHECK(format_github(whole) == "::error file=r.md::cannot read");
    const Diagnostic nobody{Severity::error, "", {}, "no fonts", {}};
    CHECK(format_github(nobody) == "::error::no fonts");
}

TEST_CASE("GitHub's format shows an escape sequence a request put in a message, as gcc's does", "[diagnostic]") {
    const Diagnostic d{Severity::error, "r.md", {1, 1}, "x\x1b[31m", {}};
    CHECK(format_github(d) == "::error file=r.md,line=1,col=1::x\\x1b[31m");
}

TEST_CASE("a file name that is not UTF-8 still gives valid JSON, each stray byte as U+FFFD", "[diagnostic]") {
    // A request committed as "a\xe9.md" (Latin-1): GitLab's reader rejects a report with raw 0xE9.
    const Diagnostic d{Severity::error, "a\xe9.md", Pos{1, 1}, "x \xff\xfe y", {}};
    const std::string j = format_json(d);
    CHECK(j.find("\"file\":\"a\\ufffd.md\"") != std::string::npos);
    CHECK(j.find("\"message\":\"x \\ufffd\\ufffd y\"") != std::string::npos);
    CHECK(json_string("Запрос \"1\"") == "\"Запрос \\\"1\\\"\"");  // valid UTF-8 as it is
}

TEST_CASE("gcc's format shows a line end in a file's name, so that the name cannot forge a line", "[diagnostic]") {
    const Diagnostic d{Severity::error, "x\nfake.md:1:1: error: y", Pos{1, 1}, "m", {}};
    CHECK(format_gcc(d) == "x\\nfake.md:1:1: error: y:1:1: error: m");
}
