// Golden twins: the model letters (requests/*.md) as text, compared with tests/golden/NAME.txt.
// ZAPROS_UPDATE_GOLDEN=1 rewrites them, as it does the golden pages; update deliberately and say
// why in the commit. Each test also asserts what the twin must show of its letter, so that a
// wrong twin cannot be blessed by an update.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "base/files.hpp"
#include "base/utf8.hpp"
#include "layout_support.hpp"
#include "output/text.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

std::string golden_twin(const std::string& name) {
    Diagnostics diags(name + ".md");
    const auto t = test::typeset_file(test::source_dir() / "requests" / (name + ".md"), diags);
    INFO(Catch::Detail::stringify(test::messages(diags)));
    REQUIRE(t);
    const std::string text = output::write_text(*t->document);
    const auto expected = test::source_dir() / "tests" / "golden" / (name + ".txt");
    const char* update = std::getenv("ZAPROS_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") write_file_atomic(expected, text);
    REQUIRE(std::filesystem::exists(expected));
    CHECK(text == read_file(expected));
    // Valid UTF-8, every line without blanks at its end, one line end at the end.
    CHECK(!utf8::first_invalid(text));
    CHECK(text.find(" \n") == std::string::npos);
    CHECK(text.ends_with("\n"));
    CHECK(!text.ends_with("\n\n"));
    return text;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("golden twin: the Russian model letter with its lists, quote and notes", "[golden][text]") {
    const std::string text = golden_twin("mediazona-cybercrime-ru");
    // The letterhead, then the three addressees, each a block of its own, then the title.
    // (Short words are tied to the next by a no-break space, as in the PDF.)
    CHECK(text.rfind("Интернет-издание «Медиазона»\nСвидетельство о\u00A0регистрации СМИ Эл", 0) == 0);
    CHECK(has(text, "\n\nМинистерство иностранных дел Российской Федерации\n\nФедеральная служба безопасности"));
    CHECK(has(text, "\n\nИнформационный запрос\n\n"));
    // The heading as a paragraph; the quote's paragraphs each after "> ", a ">" line between.
    CHECK(has(text, "\n\nПредыстория вопроса\n\n"));
    CHECK(has(text, "\n>\n> С.\u00A0В.\u00A0Лавров: "));
    // The note marks as [1] in the text, the notes last, one a line.
    CHECK(has(text, "хакерской деятельностью»[1]."));
    CHECK(text.ends_with("\n\n[1] http://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2702537\n"
                         "[2] http://www.mid.ru/foreign_policy/official_documents/-/asset_publisher/CptlCk6BZ29/content/id/191666\n"
                         "[3] http://www.un.org/ga/search/view_doc.asp?symbol=A/69/723&referer=/english/&Lang=E\n"
                         "[4] http://government.ru/media/files/5AMAccs7mSIXgbfflUa785WwMWcABDJw.pdf\n"));
    // The tight list's items one a line; the nested ordered list indented under its item.
    CHECK(has(text, "общества;\n– распространение информации"));
    CHECK(has(text, "в\u00A0электронном виде.\n2) В\u00A0пределах вашей компетенции ответить на\u00A0следующие вопросы:\n   a. При каких"));
    // The signature row: the role and the line to sign on (no name given).
    CHECK(has(text, "\n\nГлавный редактор ___"));
}

TEST_CASE("golden twin: the English model letter", "[golden][text]") {
    const std::string text = golden_twin("mediazona-cybercrime-en");
    CHECK(has(text, "[1]"));
    CHECK(has(text, "\n\n[1] http"));
    CHECK(has(text, "“"));  // English quotes
}

TEST_CASE("golden twin: the full example with every letter part", "[golden][text]") {
    const std::string text = golden_twin("example-full-ru");
    CHECK(has(text, "\u00A0"));  // no-break spaces kept as they are
    // The registration lines under the letterhead, the addressee's three lines, the opening.
    CHECK(has(text, "zapros@example.org, zona.media\nИсх.\u00A0№\u00A017/2024 от\u00A015.03.2024\nНа\u00A0№"));
    CHECK(has(text, "\n\nМинистерство внутренних дел\nРоссийской Федерации\nул."));
    CHECK(has(text, "\n\nИнформационный запрос\n\nУважаемые коллеги!\n\n"));
    // The figure as its alt text and caption.
    CHECK(has(text, "\n\n[Снимок экрана страницы сайта министерства] Рис."));
    // The enclosures numbered, the courtesy line, the signature row with its name, the place,
    // the executor's three lines, then the note.
    CHECK(has(text, "\n\nПриложение:\n1. Копия свидетельства"));
    CHECK(has(text, "\n\nС\u00A0уважением,\nГлавный редактор ___"));
    CHECK(has(text, "___ С.\u00A0С.\u00A0Смирнов\n\nМосква\n\nИ.\u00A0И.\u00A0Иванова\n"));
    CHECK(has(text, "\nzapros@example.org\n\n[1] https://"));
}
