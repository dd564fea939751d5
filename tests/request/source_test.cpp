// Bytes: UTF-8 only, BOM, line ends, NUL, empty files, no front matter.
#include <catch2/catch.hpp>

#include "request/source.hpp"
#include "support.hpp"

using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;

TEST_CASE("a UTF-8 byte order mark is skipped and does not shift columns", "[bytes]") {
    const auto p = parse("\xEF\xBB\xBF" + request_text("title: Запрос\nto: 5\n"));
    CHECK(messages(p.diags) == Strings{"3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number"});
    CHECK(parse("\xEF\xBB\xBF" + request_text(minimal_yaml)).req);
}

TEST_CASE("CRLF line ends are accepted and positions stay right", "[bytes]") {
    const auto p = parse("---\r\ntitle: Запрос\r\nto: 5\r\n---\r\nТекст.\r\n");
    CHECK(messages(p.diags) == Strings{"3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number"});
    const auto ok = parse("---\r\ntitle: Запрос\r\nto: МИД\r\n---\r\nТекст\r\nдальше.\r\n");
    REQUIRE(ok.req);
    CHECK(ok.req->meta.to[0].name.value == "МИД");
    CHECK(ok.req->blocks[0].inlines.size() == 3);  // text, soft break, text
}

TEST_CASE("invalid UTF-8 is an error at its line and column", "[bytes]") {
    const auto p = parse(request_text(minimal_yaml, "Текст\nеще т\xFF\n"));
    CHECK(messages(p.diags) == Strings{"6:6: error: the file is not UTF-8: invalid byte 0xFF"});
}

TEST_CASE("a CP1251 file is named as such, not read as mojibake", "[bytes]") {
    // "---\ntitle: Запрос\n…" in Windows-1251.
    const std::string cp1251 = "---\ntitle: \xC7\xE0\xEF\xF0\xEE\xF1\nto: \xCC\xE8\xED\xE8\xF1\xF2\xE5\xF0\xF1\xF2\xE2\xEE\n---\n";
    const auto p = parse(cp1251);
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) ==
          Strings{"2:8: error: the file is not UTF-8: byte 0xC7 here, and the file looks like CP1251 Cyrillic text"});
    CHECK(p.diags.all()[0].hint == "convert it: iconv -f CP1251 -t UTF-8 FILE > FILE.new");
}

TEST_CASE("a KOI8-R file is named as such", "[bytes]") {
    // "Запрос Министерство" in KOI8-R: mostly lower-case letters, 0xC0–0xDF.
    const std::string koi8 = "---\ntitle: \xFA\xC1\xD0\xD2\xCF\xD3\nto: \xED\xC9\xCE\xC9\xD3\xD4\xC5\xD2\xD3\xD4\xD7\xCF\n---\n";
    const auto p = parse(koi8);
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags.all()[0].message == "the file is not UTF-8: byte 0xFA here, and the file looks like KOI8-R Cyrillic text");
}

TEST_CASE("a UTF-16 file gets a message saying so", "[bytes]") {
    const auto p = parse(std::string("\xFF\xFE-\0-\0-\0", 8));
    CHECK(messages(p.diags) == Strings{"1:1: error: the file is UTF-16; zapros reads UTF-8 only"});
}

TEST_CASE("a NUL byte is an error at its position", "[bytes]") {
    const auto p = parse(request_text(minimal_yaml, std::string("Текст\0", 11) + "\n"));
    CHECK(messages(p.diags) == Strings{"5:6: error: NUL byte in the file; a request is plain text"});
}

TEST_CASE("an empty file says what a request starts with", "[bytes]") {
    const auto p = parse("");
    CHECK(messages(p.diags) == Strings{"1:1: error: the file is empty; a request starts with front matter: a line "
                                       "'---', YAML keys (title, to, …), and a line '---'"});
}

TEST_CASE("a file that is only a BOM is empty", "[bytes]") {
    CHECK(parse("\xEF\xBB\xBF").diags.all()[0].message.rfind("the file is empty", 0) == 0);
}

TEST_CASE("a file without front matter says what is expected", "[bytes]") {
    const auto p = parse("# Запрос\n\nТекст.\n");
    CHECK(messages(p.diags) == Strings{"1:1: error: no front matter; a request starts with front matter: a line "
                                       "'---', YAML keys (title, to, …), and a line '---'"});
}

TEST_CASE("front matter that is never closed says so", "[bytes]") {
    const auto p = parse("---\ntitle: Запрос\n");
    CHECK(messages(p.diags) == Strings{"1:1: error: the front matter is not closed: no line '---' after the first one"});
}

TEST_CASE("a lone CR ends a line", "[bytes]") {
    const auto p = parse("---\rtitle: Запрос\rto: 5\r---\rТекст.\r");
    CHECK(messages(p.diags) == Strings{"3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number"});
}

TEST_CASE("a column counter counts on along a line and agrees with the line's own count", "[bytes]") {
    zapros::Diagnostics d("t.md");
    const auto src = zapros::request::Source::load("ab\nяблоко и груша\nx\n", d);
    REQUIRE(src);
    zapros::request::ColumnCounter columns(*src);
    // Forward along line 2, back on it, to another line and back: each as counted from scratch.
    for (const auto& [line, byte_col] : std::vector<std::pair<int, int>>{{2, 1}, {2, 3}, {2, 14}, {2, 7}, {2, 99}, {1, 2}, {2, 16}, {3, 1}}) {
        INFO(line << ":" << byte_col);
        CHECK(columns.pos(line, byte_col) == src->pos_from_byte_col(line, byte_col));
    }
}
