// The letter's structure tree (compose/tags.cpp) as the pages point into it: small requests
// dumped as indented text (tests/structure_check.hpp) and compared with the tree worked out by
// hand from their source, the rules checked one by one, and the tree's invariants over the
// layout property test's generated documents.
#include <catch2/catch.hpp>

#include <fstream>

#include "layout_support.hpp"
#include "png_writer.hpp"
#include "property/generate.hpp"
#include "property/markdown.hpp"
#include "property/runner.hpp"
#include "structure_check.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

struct Tagged {
    cli::Typeset typeset;
    const compose::Structure& structure() const { return typeset.document->structure; }
    std::string dump() const { return test::dump_structure(structure(), typeset.pages); }
    std::vector<std::string> violations() const { return test::structure_violations(structure(), typeset.pages); }
};

// The request (front matter lines, body) typeset in a directory holding scan.png.
Tagged typeset(const std::string& yaml, const std::string& body) {
    const auto dir = test::temp_dir("tags");
    test::write(dir / "scan.png", test::png(300, 150));
    test::write(dir / "r.md", test::request_text(yaml, body));
    Diagnostics d((dir / "r.md").string());
    auto t = test::typeset_file(dir / "r.md", d);
    INFO(test::messages(d).size());
    REQUIRE(t);
    return Tagged{std::move(*t)};
}

// The elements of a role, in index order.
std::vector<const compose::Element*> all(const compose::Structure& s, compose::Role role) {
    std::vector<const compose::Element*> out;
    for (const compose::Element& e : s.elements)
        if (e.role == role) out.push_back(&e);
    return out;
}

}  // namespace

TEST_CASE("the tree follows the source: headings, a link, a note, nested lists, a quote, a table, figures, code",
          "[tag][compose]") {
    const Tagged t = typeset(test::minimal_yaml,
                             "# Раздел\n\n### Подраздел\n\n"
                             "Смотрите <https://example.org> и сноску[^1] здесь.\n\n"
                             "1. Первый\n   - вложенный\n2. Второй\n\n"
                             "> Цитата\n\n"
                             "| A | B |\n|---|---|\n| 1 | 2 |\n\n"
                             "![Схема](scan.png \"Рисунок\")\n\n"
                             "![](scan.png)\n\n"
                             "```\nкод\n```\n\n"
                             "[^1]: Текст сноски.\n");
    CHECK(t.violations() == std::vector<std::string>{});
    // Read in source order: the addressees' Div, the title's H1, "#" as H2 and "###" clamped
    // to H3; the paragraph's text, its URL's Link, its mark's Reference and the Note right
    // after, then the rest of its text; the note's number its Lbl. The nested bullet list sits
    // in its item's LBody ("–" is no numbering scheme); the table's header cells are TH with a
    // column scope; the figure with alt text is a Figure holding its image, its caption a P
    // after it; the figure without alt text has no element (its image is an artifact); the code
    // block is one Code; "Дата, место" closes the letter with two signature lines' blanks (23
    // underscores each) to fill in. No-break spaces are glue, drawn as no run: "1" alone in Lbl.
    CHECK(t.dump() ==
          "Document\n"
          "  Div\n"
          "    P \"Министерство\"\n"
          "  H1 \"Запрос\"\n"
          "  H2 \"Раздел\"\n"
          "  H3 \"Подраздел\"\n"
          "  P\n"
          "    \"Смотрите\"\n"
          "    Link contents=https://example.org \"https://example.org\"\n"
          "    \"и сноску\"\n"
          "    Reference\n"
          "      Link contents=Сноска 1 \"1\"\n"
          "    Note 1\n"
          "      Lbl \"1\"\n"
          "      P \"Текст сноски.\"\n"
          "    \"здесь.\"\n"
          "  L decimal\n"
          "    LI\n"
          "      Lbl \"1.\"\n"
          "      LBody\n"
          "        P \"Первый\"\n"
          "        L none\n"
          "          LI\n"
          "            Lbl \"–\"\n"
          "            LBody\n"
          "              P \"вложенный\"\n"
          "    LI\n"
          "      Lbl \"2.\"\n"
          "      LBody\n"
          "        P \"Второй\"\n"
          "  BlockQuote\n"
          "    P \"Цитата\"\n"
          "  Table\n"
          "    TR\n"
          "      TH column \"A\"\n"
          "      TH column \"B\"\n"
          "    TR\n"
          "      TD \"1\"\n"
          "      TD \"2\"\n"
          "  Figure alt=Схема \"[image]\"\n"
          "  P \"Рисунок\"\n"
          "  Code \"код\"\n"
          "  P \"Дата, место: " + std::string(46, '_') + "\"\n");
}

TEST_CASE("the sender's block reads as a Div of one P per line, as it is set", "[tag][compose]") {
    // Three lines of from: three paragraphs, so that a screen reader stops after the outlet's
    // name and its address instead of reading them as one sentence.
    const Tagged t = typeset(test::minimal_yaml + "from: |\n  Медиазона\n  Москва, ул. Тверская, 1\n  info@example.org\n", "Т.\n");
    const std::string dump = t.dump();
    INFO(dump);
    CHECK(dump.find("\n  Div\n    P \"Медиазона\"\n    P \"Москва, ул. Тверская, 1\"\n    P \"info@example.org\"\n") !=
          std::string::npos);
    CHECK(t.violations() == std::vector<std::string>{});
}

TEST_CASE("a link whose text changes face is one Link element, its annotation's", "[tag][compose]") {
    // Three spans (bold, italic, plain) under one URL: one Link holding all their text, since a
    // Link without the annotation's OBJR is announced as a link that goes nowhere.
    const Tagged t = typeset(test::minimal_yaml, "См. [**закон** *о СМИ* целиком](https://example.org/law).\n");
    const std::string dump = t.dump();
    INFO(dump);
    CHECK(all(t.structure(), compose::Role::link).size() == 1);
    CHECK(dump.find("Link contents=https://example.org/law") != std::string::npos);
    CHECK(t.violations() == std::vector<std::string>{});
}

TEST_CASE("a heading is never more than one level below the heading before it; the title is the H1", "[tag][compose]") {
    // "#" → H2 under the title; "####" → H5 clamped to H3 (one below H2); "##" → H3 as
    // written; "######" → H7, at most H6, clamped to H4 (one below H3).
    const Tagged t = typeset(test::minimal_yaml, "# А\n\n#### Б\n\n## В\n\n###### Г\n");
    std::vector<int> levels;
    for (const compose::Element* h : all(t.structure(), compose::Role::h)) levels.push_back(h->level);
    CHECK(levels == std::vector<int>{1, 2, 3, 3, 4});
    CHECK(t.violations() == std::vector<std::string>{});
}

TEST_CASE("a note marked twice reads once, right after its first mark", "[tag][compose]") {
    const Tagged t = typeset(test::minimal_yaml, "Первый[^1] абзац.\n\nВторой[^1] абзац.\n\n[^1]: Сноска.\n");
    CHECK(t.violations() == std::vector<std::string>{});
    const auto notes = all(t.structure(), compose::Role::note);
    REQUIRE(notes.size() == 1);
    CHECK(all(t.structure(), compose::Role::reference).size() == 2);
    // Under the first paragraph (the first P after the title), its Reference the kid before it.
    const auto& els = t.structure().elements;
    const compose::Element& parent = els[static_cast<std::size_t>(notes.front()->parent)];
    CHECK(parent.role == compose::Role::p);
    CHECK(t.dump().find("  P\n    \"Первый\"\n    Reference\n      Link contents=Сноска 1 \"1\"\n    Note 1\n") !=
          std::string::npos);
}

TEST_CASE("page numbers and a table's header row repeated on the next page are pagination artifacts",
          "[tag][page]") {
    std::string body = "| Заголовок | Б |\n|---|---|\n";
    for (int i = 0; i < 80; ++i) body += "| строка " + std::to_string(i) + " | текст |\n";
    const Tagged t = typeset(test::minimal_yaml, body);
    CHECK(t.violations() == std::vector<std::string>{});
    REQUIRE(t.typeset.pages.pages.size() >= 2);
    int headers = 0, numbers = 0;
    for (const page::Page& pg : t.typeset.pages.pages) {
        for (const page::Placed& pl : pg.lines) {
            for (const para::Run& r : pl.line.runs) {
                if (r.text == std::to_string(pg.number) && pl.y == t.typeset.document->style.page_number_baseline) {
                    CHECK(r.tag.artifact == Tag::Artifact::pagination);
                    ++numbers;
                }
                if (r.text != "Заголовок") continue;
                ++headers;
                // Read once, where the table starts; drawn again on each later page.
                if (pg.number == 1) CHECK(r.tag.is_content());
                else CHECK(r.tag.artifact == Tag::Artifact::pagination);
            }
        }
    }
    CHECK(numbers == static_cast<int>(t.typeset.pages.pages.size()) - 1);  // from page 2
    CHECK(headers == static_cast<int>(t.typeset.pages.pages.size()));
}

TEST_CASE("list markers too deep to hang still read as the items' Lbl", "[tag][compose]") {
    std::string body;
    for (int depth = 0; depth < 14; ++depth) body += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- пункт\n";
    const Tagged t = typeset(test::minimal_yaml, body);
    CHECK(t.violations() == std::vector<std::string>{});
    const std::string dump = t.dump();
    // Every item's Lbl holds its marker (tied to the text by a no-break space, a glue no run
    // draws, when it opens the text).
    std::size_t lbls = 0;
    for (std::size_t at = 0; (at = dump.find("Lbl \"–", at)) != std::string::npos; ++at) ++lbls;
    CHECK(lbls == 14);
}

TEST_CASE("a full letter: letterhead, sender, requisites, addressees in reading order; the signature line an artifact",
          "[tag][compose]") {
    Diagnostics d("example-full-ru.md");
    const auto ts = test::typeset_file(test::source_dir() / "requests" / "example-full-ru.md", d);
    REQUIRE(ts);
    const compose::Structure& s = ts->document->structure;
    CHECK(test::structure_violations(s, ts->pages) == std::vector<std::string>{});
    // The Document's first kids: the logo's Figure, the letterhead's P (name, then its lines), a
    // Div for the sender when there is one, the number and the letter answered (drawn under the
    // sender), the addressees' Div, then the title: the text twin's order.
    const std::string dump = test::dump_structure(s, ts->pages);
    INFO(dump);
    const std::size_t logo = dump.find("\n  Figure alt=Логотип"), name = dump.find("\n  P \"Интернет-издание");
    const std::size_t addressees = dump.find("\n  Div\n    P \"Министерство"), number = dump.find("\n  P \"Исх.");
    const std::size_t reply = dump.find("\n  P \"На №"), title = dump.find("\n  H1 ");
    CHECK(logo < name);
    CHECK(name < number);
    CHECK(number < reply);
    CHECK(reply < addressees);
    CHECK(addressees < title);
    CHECK(title != std::string::npos);
    // The signature block: a Div whose row is a P of the role and the name, the scan a Figure.
    CHECK(dump.find("\n  Div\n    P\n      \"Главный редактор\"\n      \"С. С. Смирнов\"\n    Figure alt=Подпись") !=
          std::string::npos);
    int lines = 0;
    for (const page::Page& pg : ts->pages.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::Run& r : pl.line.runs)
                if (r.text.size() > 10 && r.text.find_first_not_of('_') == std::string::npos) {
                    CHECK(r.tag.artifact == Tag::Artifact::layout);
                    ++lines;
                }
    CHECK(lines == 1);
}
