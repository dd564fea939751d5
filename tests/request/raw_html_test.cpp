// Raw HTML in a request's body: not interpreted, but its text printed as a browser shows it, with
// one warning per block. With minimal_yaml the body starts on line 5.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros::request;
using zapros::Pos;
using zapros::test::messages;
using Strings = std::vector<std::string>;
using IK = Inline::Kind;

namespace {

zapros::test::Parsed parse_body(const std::string& markdown) {
    return zapros::test::parse(zapros::test::request_text(zapros::test::minimal_yaml, markdown));
}

// A block's inlines as one string: text as is, "␤" a hard break, " " a soft break, code in `…`.
std::string shown(const std::vector<Inline>& inlines) {
    std::string s;
    for (const Inline& in : inlines) {
        switch (in.kind) {
        case IK::text: s += in.text; break;
        case IK::code: s += "`" + in.text + "`"; break;
        case IK::soft_break: s += " "; break;
        case IK::hard_break: s += "␤"; break;
        case IK::emph:
        case IK::strong:
        case IK::strike:
        case IK::link: s += shown(in.children); break;
        case IK::note_ref: s += "[" + std::to_string(in.note) + "]"; break;
        }
    }
    return s;
}

Strings paragraphs(const Request& r) {
    Strings out;
    for (const Block& b : r.blocks) out.push_back(shown(b.inlines));
    return out;
}

// The top-level blocks of a body that parses, each as shown().
Strings paragraphs(const std::string& markdown) {
    const auto p = parse_body(markdown);
    INFO(Catch::Detail::stringify(messages(p.diags)));
    REQUIRE(p.req);
    return paragraphs(*p.req);
}

const std::string html_ignored = "warning: raw HTML is not interpreted: its markup is left out";

}  // namespace

// The defect: an HTML block was left out whole, and the words pasted from a web page with it.
TEST_CASE("the words of a <div> block and a <table> block reach the request", "[body][html]") {
    CHECK(paragraphs("<div>\nПрошу сообщить сведения\n</div>\n\n"
                     "<table>\n<tr><td>Орган</td><td>Срок</td></tr>\n<tr><td>МИД</td><td>7 дней</td></tr>\n</table>\n") ==
          Strings{"Прошу сообщить сведения", "Орган Срок␤МИД 7 дней"});
}

TEST_CASE("an HTML block warns once, at its position, and its paragraphs stand at their lines", "[body][html]") {
    const auto p = parse_body("Текст.\n\n<div>\n<p>Первый</p>\n<p>Второй\nабзац</p>\n</div>\n");
    REQUIRE(p.req);
    CHECK(messages(p.diags) == Strings{"7:1: " + html_ignored + ", its text is printed"});
    REQUIRE(p.req->blocks.size() == 3);
    CHECK(p.req->blocks[1].kind == Block::Kind::paragraph);
    CHECK(p.req->blocks[1].pos == Pos{8, 4});
    CHECK(shown(p.req->blocks[1].inlines) == "Первый");
    CHECK(p.req->blocks[2].pos == Pos{9, 4});
    CHECK(p.req->blocks[2].inlines[2].pos == Pos{10, 1});
    CHECK(shown(p.req->blocks[2].inlines) == "Второй абзац");
}

TEST_CASE("the lines of <pre> in an HTML block are code, line by line", "[body][html]") {
    const auto p = parse_body("<pre>\n  x = 1;\n  y = 2;\n</pre>\n");
    REQUIRE(p.req);
    CHECK(paragraphs(*p.req) == Strings{"`  x = 1;`␤`  y = 2;`"});
    CHECK(p.req->blocks[0].inlines[2].pos == Pos{7, 1});
}

TEST_CASE("an HTML block inside a quote keeps the columns of its lines", "[body][html]") {
    const auto p = parse_body("> <p>раз\n>   два</p>\n");
    REQUIRE(p.req);
    const Block& para = p.req->blocks[0].children.at(0);
    CHECK(para.inlines[0].pos == Pos{5, 6});
    CHECK(para.inlines[2].pos == Pos{6, 5});
}

TEST_CASE("an HTML block that shows nothing says so and adds no block", "[body][html]") {
    const auto p = parse_body("Текст.\n\n<!-- заметка для себя -->\n");
    REQUIRE(p.req);
    CHECK(p.req->blocks.size() == 1);
    CHECK(messages(p.diags) == Strings{"7:1: " + html_ignored + "; this block shows no text"});
}

TEST_CASE("inline HTML: <br> breaks the line, other tags and comments vanish, one warning per paragraph", "[body][html]") {
    const auto p = parse_body("Цитата <...> и <b>жирно</b><!-- x -->.<br>Дальше <span>текст</span>.<br>\n\n"
                              "Без разметки.\n\n<br>Ещё <i>один</i>.\n");
    REQUIRE(p.req);
    CHECK(messages(p.diags) == Strings{"5:1: " + html_ignored + ", the text around it is printed",
                                       "9:1: " + html_ignored + ", the text around it is printed"});
    // No break opens or ends a paragraph.
    CHECK(paragraphs(*p.req) == Strings{"Цитата <...> и жирно.␤Дальше текст.", "Без разметки.", "Ещё один."});
}

TEST_CASE("a <br> on a line of its own breaks the line", "[body][html]") {
    CHECK(paragraphs("Строка одна\n<br>\nСтрока две\n") == Strings{"Строка одна␤ Строка две"});
}

TEST_CASE("inline block-level tags and cells keep words apart", "[body][html]") {
    CHECK(paragraphs("<b>a</b>: один<td>два</td><p>три\n") == Strings{"a: один два три"});
}

TEST_CASE("inline script and style hide their contents; unclosed ones show as written", "[body][html]") {
    CHECK(paragraphs("до <script>alert(*1*)</script> после <style>p{}</style> конец\n\nа <script> б\n") ==
          Strings{"до  после  конец", "а <script> б"});
}

TEST_CASE("GFM's filtered tags show as written inline", "[body][html]") {
    CHECK(paragraphs("a <title>b</title> <xmp>\n") == Strings{"a <title>b</title> <xmp>"});
}

TEST_CASE("a pasted web page reaches the PDF word for word, in order", "[body][html][e2e]") {
    zapros::Diagnostics d("web.md");
    const auto t = zapros::test::typeset_text(
        zapros::test::request_text(zapros::test::minimal_yaml,
                                   "<div class=\"article\">\n<h1>Заголовок &laquo;статьи&raquo;</h1>\n"
                                   "<p>Первый&nbsp;абзац<br>со&nbsp;строкой.</p>\n<ul><li>пункт</li><li>ещё</li></ul>\n"
                                   "<script>var hidden = 1;</script>\n</div>\n"),
        d);
    REQUIRE(t);
    std::string text;
    for (const auto& page : t->pages.pages)
        for (const auto& line : page.lines)
            for (const auto& run : line.line.runs) text += run.text + " ";
    std::size_t at = 0;
    for (const char* word : {"Заголовок", "«статьи»", "Первый", "абзац", "со", "строкой.", "пункт", "ещё"}) {
        INFO(word << " in " << text);
        at = text.find(word, at);
        CHECK(at != std::string::npos);
    }
    CHECK(text.find("hidden") == std::string::npos);
}
