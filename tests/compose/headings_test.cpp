// Headings as compose sets them: bold, ragged, unhyphenated, and held to what follows them (the
// flow turns that into a break no page may take: tests/flow/flow_test.cpp).
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "layout_support.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

TEST_CASE("a heading asks to stay with what follows it, the paragraphs around it do not", "[compose]") {
    Diagnostics diags("t.md");
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\nПервый абзац.\n\n## Заголовок\n\nВторой абзац.\n", diags);
    REQUIRE(req);
    const compose::Document doc = compose::letter(*req, test::pipeline().fonts(), diags);
    std::vector<std::pair<std::string, bool>> keeps;  // each body paragraph's first words and whether it keeps
    for (const compose::Block& b : doc.blocks)
        if (const auto* p = std::get_if<compose::Paragraph>(&b); p && !p->spans.empty())
            keeps.emplace_back(p->spans.front().text, p->keep_with_next);
    const auto heading = std::find_if(keeps.begin(), keeps.end(), [](const auto& k) { return k.first.rfind("Заголовок", 0) == 0; });
    REQUIRE(heading != keeps.end());
    CHECK(heading->second);
    for (const auto& [text, keep] : keeps)
        if (text.rfind("Первый", 0) == 0 || text.rfind("Второй", 0) == 0) CHECK_FALSE(keep);
}
