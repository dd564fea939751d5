// Front matter rules, one test each, asserting the exact LINE:COL and message.
// Line 1 of every request is the opening "---"; the YAML starts on line 2.
#include <catch2/catch.hpp>

#include "request/parse.hpp"
#include "support.hpp"

using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;

TEST_CASE("a request with title and to parses with defaults", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml));
    REQUIRE(p.req);
    CHECK(messages(p.diags).empty());
    CHECK(p.req->meta.title.value == "Запрос");
    CHECK(p.req->meta.lang == zapros::Lang::ru);
    REQUIRE(p.req->meta.to.size() == 1);
    CHECK(p.req->meta.to[0].name.value == "Министерство");
    CHECK_FALSE(p.req->meta.date);
    CHECK_FALSE(p.req->meta.place);
    CHECK(p.req->meta.hyphenate);
}

TEST_CASE("a missing title is an error at the front matter's first line", "[front-matter]") {
    const auto p = parse(request_text("to: Министерство\n"));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"1:1: error: missing required key 'title'"});
}

TEST_CASE("a missing addressee is an error at the front matter's first line", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\n"));
    CHECK(messages(p.diags) == Strings{"1:1: error: missing required key 'to' (the addressee)"});
}

TEST_CASE("an unknown key suggests the nearest known key", "[front-matter]") {
    const auto p = parse(request_text("titel: Запрос\nto: Министерство\n"));
    CHECK(messages(p.diags) == Strings{"1:1: error: missing required key 'title'",
                                       "2:1: error: unknown key 'titel'; did you mean 'title'?"});
}

TEST_CASE("an unknown key far from every known key lists them", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "  \nзаголовок: x\n"));
    REQUIRE(p.diags.size() == 1);
    CHECK(messages(p.diags)[0] == "5:1: error: unknown key 'заголовок'");
    CHECK(p.diags.all()[0].hint == "known keys: title, lang, to, from, date, place, signatures, hyphenate, repeat-hyphen, pdf-standard, "
                                   "letterhead, number, reply-to, opening, closing, enclosures, stamp, executor, paper, font-size, "
                                   "split, email, sent, delivered, answered");
}

TEST_CASE("a key too long to quote is cut in its message at a character boundary, with its length", "[front-matter]") {
    std::string key;
    for (int i = 0; i < 5000; ++i) key += "ключ";  // 8 bytes each: 40,000 bytes
    const auto p = parse(request_text(minimal_yaml + "? " + key + "\n: x\n"));  // explicit: yaml-cpp takes no plain key past 1,024
    REQUIRE(p.diags.size() == 1);
    const std::string cut = key.substr(0, 60);  // 60 bytes: 30 letters, a boundary
    CHECK(messages(p.diags)[0] == "4:3: error: unknown key '" + cut + "…' (40000 bytes)");
}

TEST_CASE("a duplicate key is an error at its second occurrence", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "title: Ещё\n"));
    CHECK(messages(p.diags) == Strings{"4:1: error: duplicate key 'title' (first given at line 2)"});
}

TEST_CASE("an addressee that is a number names the expected type", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\nto: 5\n"));
    CHECK(messages(p.diags) == Strings{"3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number"});
    CHECK(p.diags.all()[0].hint == "to use it as text, put it in quotes: to: \"5\"");
}

TEST_CASE("a quoted number is a string", "[front-matter]") {
    const auto p = parse(request_text("title: \"2024\"\nto: '5'\n"));
    REQUIRE(p.req);
    CHECK(p.req->meta.title.value == "2024");
}

TEST_CASE("a title that is a number names the expected type", "[front-matter]") {
    const auto p = parse(request_text("title: 2024\nto: Министерство\n"));
    CHECK(messages(p.diags) == Strings{"2:8: error: 'title' must be a string, not a number"});
}

TEST_CASE("an empty title is an error at its value", "[front-matter]") {
    const auto p = parse(request_text("title:\nto: Министерство\n"));
    REQUIRE(p.diags.size() == 1);
    CHECK(p.diags.all()[0].message == "'title' is empty");
    CHECK(p.diags.all()[0].pos.line == 2);
}

TEST_CASE("addressees may be a list, each item a string", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\nto:\n  - МИД России\n  - ФСБ России\n  - МВД России\n"));
    REQUIRE(p.req);
    REQUIRE(p.req->meta.to.size() == 3);
    CHECK(p.req->meta.to[2].name.value == "МВД России");
    CHECK(p.req->meta.to[2].name.pos == zapros::Pos{6, 5});
}

TEST_CASE("an addressee list item that is not a string is an error at the item", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\nto:\n  - МИД\n  - [a, b]\n"));
    CHECK(messages(p.diags) ==
          Strings{"5:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them; this item is none of them, not a list"});
}

TEST_CASE("an empty addressee list is an error", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\nto: []\n"));
    CHECK(messages(p.diags) == Strings{"3:5: error: 'to' is an empty list"});
}

TEST_CASE("an empty or blank addressee in the list is an error at the item", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\nto:\n  - МИД\n  - \"\"\n  - \"  \"\n"));
    CHECK(messages(p.diags) == Strings{"5:5: error: an item of 'to' is empty", "6:5: error: an item of 'to' is empty"});
    // Written empty, null, or of characters that print nothing: each at its own line.
    const auto q = parse(request_text("title: Запрос\nto:\n  - \n  - МИД\n  - \n  - ~\n  - \"\u00A0\u2009\"\n  - \"\u200B\"\n"));
    CHECK(messages(q.diags) == Strings{"4:3: error: an item of 'to' is empty", "6:5: error: an item of 'to' is empty",
                                       "7:5: error: an item of 'to' is empty", "8:5: error: an item of 'to' is empty",
                                       "9:5: error: an item of 'to' is empty"});
}

TEST_CASE("a literal block keeps its lines", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\nto: |\n  Министерство\n  иностранных дел\n"));
    REQUIRE(p.req);
    CHECK(p.req->meta.to[0].name.value == "Министерство\nиностранных дел");
}

TEST_CASE("lang accepts ru and en and nothing else", "[front-matter]") {
    CHECK(parse(request_text(minimal_yaml + "lang: en\n")).req->meta.lang == zapros::Lang::en);
    const auto p = parse(request_text(minimal_yaml + "lang: de\n"));
    CHECK(messages(p.diags) == Strings{"4:7: error: 'lang' must be 'ru' or 'en', not 'de'"});
}

TEST_CASE("the sender block is a string or a list of lines", "[front-matter]") {
    const auto a = parse(request_text(minimal_yaml + "from: Медиазона\n"));
    REQUIRE(a.req);
    CHECK(a.req->meta.from.size() == 1);
    const auto b = parse(request_text(minimal_yaml + "from: [Медиазона, Эл № ФС77-59216]\n"));
    REQUIRE(b.req);
    CHECK(b.req->meta.from.size() == 2);
    const auto c = parse(request_text(minimal_yaml + "from: {a: b}\n"));
    CHECK(messages(c.diags) == Strings{"4:7: error: 'from' must be a string or a list of strings, not a mapping"});
}

TEST_CASE("a date is YYYY-MM-DD", "[front-matter]") {
    const auto ok = parse(request_text(minimal_yaml + "date: 2017-03-23\n"));
    REQUIRE(ok.req);
    CHECK(*ok.req->meta.date == zapros::request::Date{2017, 3, 23});
    const auto bad = parse(request_text(minimal_yaml + "date: 23.03.2017\n"));
    CHECK(messages(bad.diags) ==
          Strings{"4:7: error: 'date' must be written YYYY-MM-DD, like 2017-03-23; got '23.03.2017'"});
}

TEST_CASE("a date that is not in the calendar is an error", "[front-matter]") {
    CHECK(messages(parse(request_text(minimal_yaml + "date: 2017-02-29\n")).diags) ==
          Strings{"4:7: error: 'date' 2017-02-29 is not a calendar date"});
    CHECK(parse(request_text(minimal_yaml + "date: 2016-02-29\n")).req);  // a leap year
}

TEST_CASE("place is an optional string", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "place: Москва\n"));
    REQUIRE(p.req);
    CHECK(p.req->meta.place->value == "Москва");
    CHECK(messages(parse(request_text(minimal_yaml + "place: [a]\n")).diags) ==
          Strings{"4:8: error: 'place' must be a string, not a list"});
}

TEST_CASE("signatures are a list of role and name, the name optional", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml +
                                      "signatures:\n  - role: Главный редактор\n    name: С. С. Смирнов\n"
                                      "  - role: Юрист\n"));
    REQUIRE(p.req);
    REQUIRE(p.req->meta.signatures.size() == 2);
    CHECK(p.req->meta.signatures[0].name.value == "С. С. Смирнов");
    CHECK(p.req->meta.signatures[1].role.value == "Юрист");
    CHECK(p.req->meta.signatures[1].name.value.empty());
}

TEST_CASE("a signature without a role is an error at the signature", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "signatures:\n  - name: С. С. Смирнов\n"));
    CHECK(messages(p.diags) == Strings{"5:5: error: signature without 'role'"});
}

TEST_CASE("an unknown key inside a signature suggests role or name", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "signatures:\n  - role: Редактор\n    nmae: Смирнов\n"));
    CHECK(messages(p.diags) == Strings{"6:5: error: unknown key 'nmae'; did you mean 'name'?"});
}

TEST_CASE("signatures must be a list of mappings", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "signatures: Редактор\n"));
    CHECK(messages(p.diags) == Strings{"4:13: error: 'signatures' must be a list of {role, name, image}, not a string"});
}

TEST_CASE("hyphenate is true or false", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "hyphenate: false\n"));
    REQUIRE(p.req);
    CHECK_FALSE(p.req->meta.hyphenate);
    CHECK(messages(parse(request_text(minimal_yaml + "hyphenate: no\n")).diags) ==
          Strings{"4:12: error: 'hyphenate' must be true or false, not a string"});
}

TEST_CASE("a YAML syntax error keeps yaml-cpp's position, shifted to the file", "[front-matter]") {
    const auto p = parse(request_text("title: Запрос\n\tto: x\n"));
    CHECK(messages(p.diags) == Strings{"3:1: error: YAML syntax: illegal tab when looking for indentation"});
}

TEST_CASE("an unclosed quote is an error where the string opens", "[front-matter]") {
    const auto p = parse(request_text("title: \"Запрос\nto: Министерство\n"));
    // yaml-cpp alone would swallow "to:" into the title and say nothing.
    CHECK(messages(p.diags) ==
          Strings{"1:1: error: missing required key 'to' (the addressee)",
                  "2:8: error: unclosed quote: the string opened here with \" runs to the end of the front matter"});
}

TEST_CASE("YAML aliases are refused where they stand", "[front-matter]") {
    const auto p = parse(request_text("title: &t Запрос\nto: *t\n"));
    CHECK(messages(p.diags) == Strings{"3:5: error: YAML aliases (*name) are not allowed in the front matter"});
}

TEST_CASE("front matter that is not a mapping says so", "[front-matter]") {
    const auto p = parse(request_text("- title\n- to\n"));
    CHECK(messages(p.diags) == Strings{"2:1: error: the front matter must be a mapping of keys (title: …), not a list"});
}

TEST_CASE("columns count characters, not bytes", "[front-matter]") {
    const auto p = parse(request_text("{title: Запрос, to: 5}\n"));
    CHECK(messages(p.diags) == Strings{"2:21: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number"});
}

TEST_CASE("three dots close the front matter too", "[front-matter]") {
    const auto p = parse("---\n" + minimal_yaml + "...\nТекст.\n");
    REQUIRE(p.req);
    REQUIRE(p.req->blocks.size() == 1);
    CHECK(p.req->blocks[0].pos == zapros::Pos{5, 1});
}

TEST_CASE("all diagnostics of a file come in one run, sorted by position", "[front-matter]") {
    const auto p = parse(request_text("titel: x\nto: 5\n", "Текст[^nope].\n"));
    CHECK(messages(p.diags) == Strings{"1:1: error: missing required key 'title'",
                                       "2:1: error: unknown key 'titel'; did you mean 'title'?",
                                       "3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number",
                                       "5:6: error: note [^nope] is not defined"});
}

TEST_CASE("repeat-hyphen turns on GOST's repeated hyphen", "[front-matter]") {
    const auto p = parse(request_text(minimal_yaml + "repeat-hyphen: true\n"));
    REQUIRE(p.req);
    CHECK(p.req->meta.repeat_hyphen);
    CHECK_FALSE(parse(request_text(minimal_yaml)).req->meta.repeat_hyphen);
}

TEST_CASE("pdf-standard picks the standards the PDF claims; a-2u when absent or empty", "[front-matter][pdf-standard]") {
    CHECK(parse(request_text(minimal_yaml)).req->meta.pdf_standard == zapros::request::PdfStandard::a_2u);
    CHECK(parse(request_text(minimal_yaml + "pdf-standard:\n")).req->meta.pdf_standard == zapros::request::PdfStandard::a_2u);
    CHECK(parse(request_text(minimal_yaml + "pdf-standard: a-2b\n")).req->meta.pdf_standard == zapros::request::PdfStandard::a_2b);
    CHECK(parse(request_text(minimal_yaml + "pdf-standard: none\n")).req->meta.pdf_standard == zapros::request::PdfStandard::none);
    CHECK(parse(request_text(minimal_yaml + "pdf-standard: a-2u\n")).req->meta.pdf_standard == zapros::request::PdfStandard::a_2u);
}

TEST_CASE("the command line's pdf standard wins over the front matter's", "[front-matter][pdf-standard]") {
    zapros::request::Options o;
    o.pdf_standard = zapros::request::PdfStandard::none;
    zapros::Diagnostics d("t.md");
    const auto req = zapros::request::parse("t.md", request_text(minimal_yaml + "pdf-standard: a-2b\n"), d, o);
    REQUIRE(req);
    CHECK(req->meta.pdf_standard == zapros::request::PdfStandard::none);
}

TEST_CASE("a misspelt pdf-standard is an error at its value with the nearest name", "[front-matter][pdf-standard]") {
    const auto p = parse(request_text(minimal_yaml + "pdf-standard: a2u\n"));
    CHECK_FALSE(p.req);
    REQUIRE(p.diags.size() == 1);
    CHECK(messages(p.diags)[0] == "4:15: error: 'pdf-standard' must be 'a-2u', 'a-2b' or 'none', not 'a2u'");
    CHECK(p.diags.all()[0].hint == "did you mean 'a-2u'?");
}

TEST_CASE("a pdf-standard far from every name lists them; a number is the wrong type", "[front-matter][pdf-standard]") {
    const auto far = parse(request_text(minimal_yaml + "pdf-standard: PDF/UA-2\n"));
    REQUIRE(far.diags.size() == 1);
    CHECK(messages(far.diags)[0] == "4:15: error: 'pdf-standard' must be 'a-2u', 'a-2b' or 'none', not 'PDF/UA-2'");
    CHECK(far.diags.all()[0].hint.find("a-2u (the default)") != std::string::npos);
    const auto number = parse(request_text(minimal_yaml + "pdf-standard: 2\n"));
    REQUIRE(number.diags.size() == 1);
    CHECK(messages(number.diags)[0].rfind("4:15: error: 'pdf-standard' must be 'a-2u', 'a-2b' or 'none'", 0) == 0);
}
