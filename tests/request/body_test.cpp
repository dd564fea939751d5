// The body converter: one test per node type, note numbering, undefined and unused notes.
// With minimal_yaml the body starts on line 5.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace zapros::request;
using zapros::Pos;
using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;
using IK = Inline::Kind;
using BK = Block::Kind;

namespace {

Request body(const std::string& markdown) {
    auto p = parse(request_text(minimal_yaml, markdown));
    INFO(Catch::Detail::stringify(messages(p.diags)));
    REQUIRE(p.req);
    return *p.req;
}

}  // namespace

TEST_CASE("a paragraph keeps its text and position", "[body]") {
    const Request r = body("Первый абзац.\n");
    REQUIRE(r.blocks.size() == 1);
    CHECK(r.blocks[0].kind == BK::paragraph);
    CHECK(r.blocks[0].pos == Pos{5, 1});
    REQUIRE(r.blocks[0].inlines.size() == 1);
    CHECK(r.blocks[0].inlines[0].text == "Первый абзац.");
}

TEST_CASE("headings keep their level", "[body]") {
    const Request r = body("## Предыстория\n");
    CHECK(r.blocks[0].kind == BK::heading);
    CHECK(r.blocks[0].level == 2);
    CHECK(r.blocks[0].inlines[0].text == "Предыстория");
}

TEST_CASE("block quotes nest", "[body]") {
    const Request r = body("> снаружи\n>\n> > внутри\n");
    REQUIRE(r.blocks[0].kind == BK::quote);
    REQUIRE(r.blocks[0].children.size() == 2);
    CHECK(r.blocks[0].children[1].kind == BK::quote);
    CHECK(r.blocks[0].children[1].children[0].inlines[0].text == "внутри");
    CHECK(r.blocks[0].children[1].pos == Pos{7, 3});
}

TEST_CASE("bullet lists are tight or loose", "[body]") {
    const Request tight = body("- один\n- два\n");
    CHECK(tight.blocks[0].kind == BK::list);
    CHECK_FALSE(tight.blocks[0].ordered);
    CHECK(tight.blocks[0].tight);
    CHECK(tight.blocks[0].children.size() == 2);
    CHECK(tight.blocks[0].children[1].kind == BK::item);
    CHECK_FALSE(body("- один\n\n- два\n").blocks[0].tight);
}

TEST_CASE("ordered lists keep their start number and delimiter", "[body]") {
    const Request r = body("3) три\n4) четыре\n   1. вложенный\n");
    const Block& l = r.blocks[0];
    CHECK(l.ordered);
    CHECK(l.start == 3);
    CHECK(l.delim == ListDelim::paren);
    const Block& nested = l.children[1].children[1];
    CHECK(nested.kind == BK::list);
    CHECK(nested.delim == ListDelim::period);
}

TEST_CASE("code spans and code blocks keep their text", "[body]") {
    const Request r = body("Вызов `f(x)`.\n\n```json\n{\"a\": 1}\n```\n");
    CHECK(r.blocks[0].inlines[1].kind == IK::code);
    CHECK(r.blocks[0].inlines[1].text == "f(x)");
    CHECK(r.blocks[1].kind == BK::code);
    CHECK(r.blocks[1].info == "json");
    CHECK(r.blocks[1].text == "{\"a\": 1}\n");
}

TEST_CASE("emphasis, strong and strikethrough nest their children", "[body]") {
    const Request r = body("*курсив* **жирный** ~~зачёркнутый~~\n");
    const auto& in = r.blocks[0].inlines;
    CHECK(in[0].kind == IK::emph);
    CHECK(in[0].children[0].text == "курсив");
    CHECK(in[2].kind == IK::strong);
    CHECK(in[4].kind == IK::strike);
    CHECK(in[4].children[0].text == "зачёркнутый");
}

TEST_CASE("links and autolinks keep their URL", "[body]") {
    const Request r = body("[сайт](https://zona.media) и <http://government.ru/x.pdf> и www.mid.ru\n");
    const auto& in = r.blocks[0].inlines;
    CHECK(in[0].kind == IK::link);
    CHECK(in[0].url == "https://zona.media");
    CHECK(in[2].kind == IK::link);
    CHECK(in[2].url == "http://government.ru/x.pdf");
    CHECK(in[2].children[0].text == "http://government.ru/x.pdf");
    CHECK(in[4].kind == IK::link);
    CHECK(in[4].url == "http://www.mid.ru");
}

TEST_CASE("soft and hard line breaks are kept apart", "[body]") {
    const Request r = body("раз\nдва  \nтри\n");
    const auto& in = r.blocks[0].inlines;
    REQUIRE(in.size() == 5);
    CHECK(in[1].kind == IK::soft_break);
    CHECK(in[3].kind == IK::hard_break);
}

TEST_CASE("a thematic break is a rule", "[body]") {
    CHECK(body("раз\n\n---\n\nдва\n").blocks[1].kind == BK::rule);
}

TEST_CASE("tables keep alignment, header and cells", "[body]") {
    const Request r = body("| Орган | Срок |\n|:---|---:|\n| МИД | 7 дней |\n");
    const Block& t = r.blocks[0];
    REQUIRE(t.kind == BK::table);
    CHECK(t.align == std::vector<Align>{Align::left, Align::right});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].cells[0].inlines[0].text == "Орган");
    CHECK(t.rows[1].cells[1].inlines[0].text == "7 дней");
}

TEST_CASE("notes are numbered in the order of first reference", "[body]") {
    const Request r = body("a[^y] b[^x] c[^y]\n\n[^x]: Икс.\n[^y]: Игрек.\n");
    const auto& in = r.blocks[0].inlines;
    CHECK(in[1].note == 1);
    CHECK(in[3].note == 2);
    CHECK(in[5].note == 1);
    REQUIRE(r.notes.size() == 2);
    CHECK(r.notes[0].label == "[^y]");
    CHECK(r.notes[0].blocks[0].inlines[0].text == "Игрек.");
    CHECK(r.notes[1].label == "[^x]");
    CHECK(r.notes[1].pos == Pos{7, 1});
}

TEST_CASE("a note may hold several paragraphs and a list", "[body]") {
    const Request r = body("текст[^1]\n\n[^1]: Первый.\n\n    Второй.\n\n    - пункт\n");
    REQUIRE(r.notes.size() == 1);
    REQUIRE(r.notes[0].blocks.size() == 3);
    CHECK(r.notes[0].blocks[1].inlines[0].text == "Второй.");
    CHECK(r.notes[0].blocks[2].kind == BK::list);
}

TEST_CASE("a reference to an undefined note is an error at its position", "[body]") {
    const auto p = parse(request_text(minimal_yaml, "Текст со ссылкой[^нет] тут.\n"));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"5:17: error: note [^нет] is not defined"});
}

TEST_CASE("an escaped reference is text, not an undefined note", "[body]") {
    const auto p = parse(request_text(minimal_yaml, "Текст \\[^нет] тут.\n"));
    CHECK(p.req);
    CHECK(messages(p.diags).empty());
}

TEST_CASE("a note defined but never referred to is a warning at its definition", "[body]") {
    const auto p = parse(request_text(minimal_yaml, "Текст.\n\n[^лишняя]: Никто не ссылается.\n"));
    CHECK(p.req);
    CHECK(messages(p.diags) == Strings{"7:1: warning: note [^лишняя] is defined but never referred to; it is left out"});
}

TEST_CASE("a missing image file is an error at the image", "[body]") {
    const auto p = parse(request_text(minimal_yaml, "Скан: ![подпись](нет-такого.png)\n"));
    CHECK(messages(p.diags) == Strings{"5:7: error: image file 'нет-такого.png' not found (looked in .)"});
}

TEST_CASE("an empty body is a request without blocks", "[body]") {
    const auto p = parse(request_text(minimal_yaml, ""));
    REQUIRE(p.req);
    CHECK(p.req->blocks.empty());
}

TEST_CASE("a hundred thousand code spans on one line keep their columns, counted in one pass", "[body][pathological]") {
    std::string line = "ё ";
    for (int i = 0; i < 100000; ++i) line += "`к` ";
    const Request r = body(line + "\n");
    REQUIRE(r.blocks[0].inlines.size() == 200000);
    CHECK(r.blocks[0].inlines.back().pos.line == 5);
    CHECK(r.blocks[0].inlines.back().pos.col == r.blocks[0].inlines[1].pos.col + 4 * 99999);
}

TEST_CASE("block nesting deeper than the limit is an error, not a crash", "[body]") {
    const auto p = parse(request_text(minimal_yaml, std::string(200, '>') + " глубоко\n"));
    CHECK_FALSE(p.req);
    REQUIRE_FALSE(p.diags.all().empty());
    CHECK(p.diags.all()[0].message == "blocks nest deeper than 32 levels");
}

TEST_CASE("raw HTML nested deeper than the limit is an error as any block is", "[body]") {
    // 32 quotes: a paragraph inside the innermost is one level too deep, and so is the HTML.
    const auto p = parse(request_text(minimal_yaml, std::string(32, '>') + " <div>глубоко</div>\n"));
    CHECK_FALSE(p.req);
    REQUIRE_FALSE(p.diags.all().empty());
    CHECK(p.diags.all()[0].message == "blocks nest deeper than 32 levels");
}
