// Body images: one among a paragraph's own inlines is a figure, the text around it paragraphs
// before and after; one where no figure can stand keeps its alt text, with a warning that says
// why. With minimal_yaml the body starts on line 5; each test's image file exists beside it.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace zapros::request;
using zapros::Pos;
using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::request_text;
using Strings = std::vector<std::string>;
using BK = Block::Kind;

namespace {

struct Read {
    Request req;
    Strings messages;
    std::filesystem::path dir;
};

Read body(const std::string& markdown) {
    const auto dir = zapros::test::temp_dir("figures");
    zapros::test::write(dir / "scan.png", "read by compose/, not here");
    auto p = zapros::test::parse(request_text(minimal_yaml, markdown), (dir / "r.md").string());
    INFO(Catch::Detail::stringify(messages(p.diags)));
    REQUIRE(p.req);
    return {*p.req, messages(p.diags), dir};
}

}  // namespace

TEST_CASE("an image alone in its paragraph is a figure with its file, alt text and caption", "[body][figure]") {
    const Read r = body("![копия *свидетельства*](scan.png \"Свидетельство о регистрации\")\n");
    CHECK(r.messages.empty());
    REQUIRE(r.req.blocks.size() == 1);
    const Block& f = r.req.blocks[0];
    CHECK(f.kind == BK::figure);
    CHECK(f.pos == Pos{5, 1});
    CHECK(f.image.file.value == "scan.png");
    CHECK(f.image.file.pos == Pos{5, 1});
    CHECK(f.image.path == r.dir / "scan.png");
    CHECK(f.text == "копия свидетельства");
    CHECK(f.info == "Свидетельство о регистрации");
    CHECK(r.req.reads == Strings{(r.dir / "scan.png").string()});
}

TEST_CASE("a paragraph with text and an image splits into paragraph, figure, paragraph", "[body][figure]") {
    // "До " is three characters: the image at column 4, 17 long; " после." from column 21, the
    // blank left out.
    const Read r = body("До ![скан](scan.png) после.\n");
    REQUIRE(r.req.blocks.size() == 3);
    CHECK(r.req.blocks[0].kind == BK::paragraph);
    CHECK(r.req.blocks[0].pos == Pos{5, 1});
    REQUIRE(r.req.blocks[0].inlines.size() == 1);
    CHECK(r.req.blocks[0].inlines[0].text == "До");
    CHECK(r.req.blocks[1].kind == BK::figure);
    CHECK(r.req.blocks[1].pos == Pos{5, 4});
    CHECK(r.req.blocks[2].kind == BK::paragraph);
    CHECK(r.req.blocks[2].pos == Pos{5, 22});
    REQUIRE(r.req.blocks[2].inlines.size() == 1);
    CHECK(r.req.blocks[2].inlines[0].text == "после.");
}

TEST_CASE("an image on a line of its own inside a paragraph leaves no line break around it", "[body][figure]") {
    const Read r = body("Первый *абзац*\n![скан](scan.png)\n![скан](scan.png)\nвторой.\n");
    REQUIRE(r.req.blocks.size() == 4);
    CHECK(r.req.blocks[0].inlines.size() == 2);  // "Первый ", the emphasis
    CHECK(r.req.blocks[1].pos == Pos{6, 1});
    CHECK(r.req.blocks[2].pos == Pos{7, 1});
    CHECK(r.req.blocks[3].pos == Pos{8, 1});
    REQUIRE(r.req.blocks[3].inlines.size() == 1);
    CHECK(r.req.blocks[3].inlines[0].text == "второй.");
}

TEST_CASE("a figure in a list item or a quote stays in it", "[body][figure]") {
    const Read list = body("- ![скан](scan.png)\n");
    REQUIRE(list.req.blocks[0].children.size() == 1);
    const Block& item = list.req.blocks[0].children[0];
    REQUIRE(item.children.size() == 1);
    CHECK(item.children[0].kind == BK::figure);
    CHECK(item.children[0].pos == Pos{5, 3});
    const Read quote = body("> Текст.\n>\n> ![скан](scan.png)\n");
    REQUIRE(quote.req.blocks[0].children.size() == 2);
    CHECK(quote.req.blocks[0].children[1].kind == BK::figure);
    CHECK(quote.req.blocks[0].children[1].pos == Pos{7, 3});
}

TEST_CASE("an image where no figure can stand prints its alt text with a warning saying why", "[body][figure]") {
    const auto warning = [](const std::string& at, const std::string& where) {
        return at + ": warning: an image " + where + " is not drawn; the alt text 'скан' is printed instead";
    };
    CHECK(body("# ![скан](scan.png)\n").messages == Strings{warning("5:3", "in a heading")});
    CHECK(body("*![скан](scan.png)*\n").messages == Strings{warning("5:2", "inside a link or emphasis")});
    CHECK(body("[![скан](scan.png)](https://zona.media)\n").messages == Strings{warning("5:2", "inside a link or emphasis")});
    CHECK(body("| a |\n|---|\n| ![скан](scan.png) |\n").messages == Strings{warning("7:3", "in a table cell")});
    const Read note = body("Текст[^1].\n\n[^1]: ![скан](scan.png)\n");
    CHECK(note.messages == Strings{warning("7:7", "in a note")});
    CHECK(note.req.notes[0].blocks[0].inlines[0].text == "скан");
    const Read heading = body("# Глава ![скан](scan.png)\n");
    CHECK(heading.req.blocks[0].kind == BK::heading);
    CHECK(heading.req.blocks[0].inlines[0].text == "Глава скан");
    CHECK(heading.req.reads.size() == 1);
}

TEST_CASE("a remote image stays its alt text with a warning, in the paragraph", "[body][figure]") {
    const Read r = body("Скан: ![копия](https://zona.media/a.png)\n");
    CHECK(r.messages == Strings{"5:7: warning: remote images are not fetched; the alt text 'копия' is printed instead"});
    REQUIRE(r.req.blocks.size() == 1);
    CHECK(r.req.blocks[0].inlines[0].text == "Скан: копия");
}

TEST_CASE("a missing figure file is an error at the image, after the text before it", "[body][figure]") {
    const auto p = zapros::test::parse(request_text(minimal_yaml, "Текст.\n\nСкан: ![подпись](нет.png \"Копия\")\n"));
    CHECK_FALSE(p.req);
    CHECK(messages(p.diags) == Strings{"7:7: error: image file 'нет.png' not found (looked in .)"});
}
