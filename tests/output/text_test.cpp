// The text twin (output/text.cpp): each block kind of the letter as plain text, written from the
// composed Document. Composed with the fake fonts (the twin reads no metrics); each expected
// text follows from the rule its test names.
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "hand_layout.hpp"
#include "output/text.hpp"
#include "png_writer.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

// The twin of a request with the given front matter and body, composed in its own directory
// (a figure's file is written there first when given).
std::string twin(const std::string& yaml, const std::string& body, const std::string& png = {}) {
    const auto dir = test::temp_dir("text-twin");
    if (!png.empty()) test::write(dir / "scan.png", png);
    Diagnostics d((dir / "r.md").string());
    const auto req = request::parse((dir / "r.md").string(), test::request_text(yaml, body), d);
    REQUIRE(req);
    image::Images images;
    const compose::Document doc = compose::letter(*req, test::fake_fonts(), images, d);
    REQUIRE(!d.has_errors());
    return output::write_text(doc);
}

std::string body_twin(const std::string& body) { return twin(test::minimal_yaml, body); }

// The part of the twin between the title's line and the closing's date line: the body.
std::string body_of(const std::string& text) {
    const std::string title = "\nЗапрос\n\n";
    const std::size_t from = text.find(title);
    REQUIRE(from != std::string::npos);
    const std::size_t to = text.find("\n\nДата, место:");
    REQUIRE(to != std::string::npos);
    return text.substr(from + title.size(), to - from - title.size());
}

}  // namespace

TEST_CASE("the twin's paragraphs are unwrapped, one a line, a blank line between them", "[text]") {
    // A soft line break in the source is a space; however long the paragraph, it stays one line.
    std::string long_line;
    for (int i = 0; i < 60; ++i) long_line += "слово ";
    const std::string text = body_twin("Первая строка\nвторая строка.\n\n" + long_line + "конец.\n");
    CHECK(body_of(text) == "Первая строка вторая строка.\n\n" + long_line + "конец.");
}

TEST_CASE("the twin keeps the letter's typography: quotes, dashes and no-break spaces", "[text]") {
    // Russian quotes are «»; a dash between words is an em dash tied to the word before by a
    // no-break space (text/typography), which the twin keeps as U+00A0.
    const std::string text = body_twin("Газета \"Правда\" - это издание.\n");
    CHECK(body_of(text) == "Газета «Правда»\u00A0— это издание.");
}

TEST_CASE("the twin opens with the sender, each addressee block, the title", "[text]") {
    const std::string text = twin("title: Запрос\nfrom: |\n  Редакция\n  Адрес редакции\n"
                                  "to:\n  - |\n    Министерство\n    юстиции\n  - Служба\n  - {name: Агентство, address: Житная улица}\n",
                                  "Текст.\n");
    // The sender's lines run on; each addressee is a block of its own, its lines kept, its
    // postal address under its name.
    CHECK(text.rfind("Редакция\nАдрес редакции\n\nМинистерство\nюстиции\n\nСлужба\n\nАгентство\nЖитная улица\n\nЗапрос\n\nТекст.\n\n", 0) == 0);
}

TEST_CASE("the twin's lists keep their markers, items of a tight list one a line, nested ones indented", "[text]") {
    CHECK(body_of(body_twin("Вводный абзац:\n\n- один\n- два\n  1. вложенный\n  2. второй\n- три\n")) ==
          "Вводный абзац:\n\n– один\n– два\n   1. вложенный\n   2. второй\n– три");
    // A loose list's items are paragraphs: a blank line between them.
    CHECK(body_of(body_twin("1) один\n\n2) два\n")) == "1) один\n\n2) два");
    // An item opening with a list shows both markers, the outer first.
    CHECK(body_of(body_twin("- 1. внутри\n")) == "– 1. внутри");
    // An item's second paragraph stands under the item's text.
    CHECK(body_of(body_twin("1. первый\n\n   продолжение\n")) == "1. первый\n\n   продолжение");
}

TEST_CASE("the twin sets quotes off with \"> \" per line and level", "[text]") {
    CHECK(body_of(body_twin("> первый\n>\n> второй\n>\n> > вложенный\n\nпосле\n")) ==
          "> первый\n>\n> второй\n>\n> > вложенный\n\nпосле");
    // A forced line break inside a quote continues the quote.
    CHECK(body_of(body_twin("> строка  \n> следующая\n")) == "> строка\n> следующая");
}

TEST_CASE("the twin writes code lines as written, blank ones included, run on", "[text]") {
    CHECK(body_of(body_twin("До:\n\n```\nif (x)\n    y();\n\nz();\n```\n\nПосле.\n")) ==
          "До:\n\nif (x)\n    y();\n\nz();\n\nПосле.");
    // Inside a quote an empty code line keeps the quote's mark, with no blank after it.
    CHECK(body_of(body_twin("> ```\n> a\n>\n> b\n> ```\n")) == "> a\n>\n> b");
}

TEST_CASE("the twin writes headings as paragraphs", "[text]") {
    CHECK(body_of(body_twin("## Предыстория\n\nТекст.\n")) == "Предыстория\n\nТекст.");
}

TEST_CASE("the twin writes a table as rows of aligned cells under a ruled header", "[text]") {
    // Columns as wide as their widest cell, in characters (Cyrillic letters are two bytes); the
    // second right-aligned, the third centred.
    CHECK(body_of(body_twin("| Орган | Срок | Итог |\n|---|---:|:---:|\n| МИД | 7 | да |\n| ФСБ России | 30 | нет |\n")) ==
          "Орган      | Срок | Итог\n"
          "-----------+------+-----\n"
          "МИД        |    7 |  да\n"
          "ФСБ России |   30 | нет");
}

TEST_CASE("the twin writes a figure as its alt text and caption", "[text]") {
    const std::string png = test::png(40, 20);
    CHECK(body_of(twin(test::minimal_yaml, "![Схема](scan.png \"Рис. 1. Схема сети\")\n", png)) == "[Схема] Рис.\u00A01. Схема сети");
    CHECK(body_of(twin(test::minimal_yaml, "![Схема](scan.png)\n", png)) == "[Схема]");
    CHECK(body_of(twin(test::minimal_yaml, "![](scan.png \"Подпись\")\n", png)) == "Подпись");
}

TEST_CASE("the twin marks notes as [1] and lists them at the end", "[text]") {
    const std::string text = body_twin("Текст[^a] и ещё[^b][^c].\n\n[^a]: Первая.\n[^b]: Вторая.\n[^c]: Третья.\n");
    // Marks side by side get no comma between them in brackets. (A one-letter word is tied to
    // the next by a no-break space, as in the PDF.)
    CHECK(body_of(text) == "Текст[1] и\u00A0ещё[2][3].");
    CHECK(text.ends_with("\n\n[1] Первая.\n[2] Вторая.\n[3] Третья.\n"));
}

TEST_CASE("the twin follows a link's text with its URL, an autolink with nothing", "[text]") {
    CHECK(body_of(body_twin("См. [сайт](https://example.org/a) и <https://example.org/b>.\n")) ==
          "См. сайт (https://example.org/a) и\u00A0https://example.org/b.");
}

TEST_CASE("the twin keeps the thematic break as a line", "[text]") {
    CHECK(body_of(body_twin("До.\n\n---\n\nПосле.\n")) == "До.\n\n* * *\n\nПосле.");
}

TEST_CASE("the twin keeps the letter's parts: letterhead, number, opening, enclosures, closing, executor", "[text]") {
    const std::string text = twin(
        "title: Запрос\nto: Министерство\n"
        "letterhead:\n  name: Редакция\n  lines: [Свидетельство, Адрес]\n"
        "number: 17/2024\ndate: 2024-03-15\nplace: Москва\nopening: Уважаемый коллега!\nclosing: С уважением,\n"
        "enclosures:\n  - Устав\n  - Свидетельство\n"
        "signatures:\n  - {role: Главный редактор, name: И. И. Иванов}\n  - {role: Юрист}\n"
        "executor: {name: П. П. Петров, phone: +7 495 000-00-00}\n",
        "Текст.\n");
    // The letterhead's name and lines run on with the number under them; the opening before the
    // text; the enclosures' heading and its numbered entries; the courtesy line and the rows (the
    // role, the line to sign on, the name); the place (the date is in the number); the executor.
    const std::size_t at = text.find("Редакция\nСвидетельство\nАдрес\nИсх.\u00A0№\u00A017/2024 от\u00A015.03.2024\n\nМинистерство\n\n"
                                     "Запрос\n\nУважаемый коллега!\n\nТекст.\n\nПриложение:\n1. Устав\n2. Свидетельство\n\n"
                                     "С\u00A0уважением,\nГлавный редактор ");
    CHECK(at == 0);
    CHECK(text.find("\nЮрист _") != std::string::npos);
    CHECK(text.find(" И.\u00A0И.\u00A0Иванов\n") != std::string::npos);
    CHECK(text.ends_with("\n\nМосква\n\nП.\u00A0П.\u00A0Петров\n+7 495 000-00-00\n"));
}

TEST_CASE("a copy's twin differs from the file copy's only in the addressee lines", "[text]") {
    // The split copies (one addressee each) are the file copy with `to` cut to one addressee;
    // their twins must differ from the file copy's in the addressee block alone.
    const auto p = test::parse(test::request_text("title: Запрос\nto: [Министерство, Служба, Агентство]\n"
                                                  "signatures: [{role: Редактор, name: И. И. Иванов}]\n",
                                                  "Текст[^1].\n\n- пункт\n\n[^1]: Примечание.\n"));
    REQUIRE(p.req);
    auto lines = [](const request::Request& r) {
        Diagnostics d("t.md");
        const std::string text = output::write_text(compose::letter(r, test::fake_fonts(), d));
        std::vector<std::string> out;
        for (std::size_t at = 0; at < text.size();) {
            const std::size_t end = text.find('\n', at);
            out.push_back(text.substr(at, end - at));
            at = end + 1;
        }
        return out;
    };
    const std::vector<std::string> file = lines(*p.req);
    request::Request copy = *p.req;
    copy.meta.to = {p.req->meta.to[1]};
    const std::vector<std::string> one = lines(copy);
    std::size_t same_start = 0, same_end = 0;
    while (same_start < one.size() && file[same_start] == one[same_start]) ++same_start;
    while (same_end < one.size() - same_start && file[file.size() - 1 - same_end] == one[one.size() - 1 - same_end]) ++same_end;
    CHECK(std::vector<std::string>(file.begin() + static_cast<std::ptrdiff_t>(same_start), file.end() - static_cast<std::ptrdiff_t>(same_end)) ==
          std::vector<std::string>{"Министерство", "", "Служба", "", "Агентство"});
    CHECK(std::vector<std::string>(one.begin() + static_cast<std::ptrdiff_t>(same_start), one.end() - static_cast<std::ptrdiff_t>(same_end)) ==
          std::vector<std::string>{"Служба"});
}
