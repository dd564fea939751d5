// The structure compose/ records on each paragraph beside its layout (heading level, quote and list
// depth, code lines, tight items), for the letter's other renderings: the text twin, PDF tags.
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "hand_layout.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

// The body's paragraphs (after the header and the title), in order.
std::vector<compose::Paragraph> body(const std::string& markdown) {
    const auto p = test::parse(test::request_text(test::minimal_yaml, markdown));
    REQUIRE(p.req);
    Diagnostics d("t.md");
    const compose::Document doc = compose::letter(*p.req, test::fake_fonts(), d);
    std::vector<compose::Paragraph> out;
    for (std::size_t i = 2; i < doc.text_end; ++i)
        if (const auto* para = std::get_if<compose::Paragraph>(&doc.blocks[i])) out.push_back(*para);
    return out;
}

}  // namespace

TEST_CASE("a heading's paragraph carries its level, others none", "[compose][roles]") {
    const auto ps = body("# Один\n\n### Три\n\nТекст.\n");
    REQUIRE(ps.size() == 3);
    CHECK(ps[0].heading == 1);
    CHECK(ps[1].heading == 3);
    CHECK(ps[2].heading == 0);
}

TEST_CASE("a paragraph carries the quotes and lists around it", "[compose][roles]") {
    const auto ps = body("> а\n>\n> > б\n\n- в\n  - г\n\n    > д\n");
    REQUIRE(ps.size() == 5);
    CHECK(ps[0].quote_depth == 1);
    CHECK(ps[1].quote_depth == 2);
    CHECK(ps[2].list_depth == 1);
    CHECK(ps[2].quote_depth == 0);
    CHECK(ps[3].list_depth == 2);
    CHECK(ps[4].list_depth == 2);
    CHECK(ps[4].quote_depth == 1);
}

TEST_CASE("a code block's lines are numbered from 1, in their quotes and lists", "[compose][roles]") {
    const auto ps = body("Текст.\n\n- ```\n  x\n\n  y\n  ```\n");
    REQUIRE(ps.size() == 4);  // the text, three code lines (the item's marker hangs on the first)
    CHECK(ps[0].code_line == 0);
    CHECK(ps[1].code_line == 1);
    CHECK(ps[2].code_line == 2);
    CHECK(ps[3].code_line == 3);
    CHECK(ps[3].list_depth == 1);
    CHECK(ps[1].labels.size() == 1);
}

TEST_CASE("a tight list's later items and a nested list's items run on; a loose list's do not", "[compose][roles]") {
    const auto tight = body("- а\n- б\n  1. в\n");
    REQUIRE(tight.size() == 3);
    CHECK(!tight[0].tight);  // the list's first item follows the text before it
    CHECK(tight[1].tight);
    CHECK(tight[2].tight);   // nested: under its item
    const auto loose = body("- а\n\n- б\n");
    REQUIRE(loose.size() == 2);
    CHECK(!loose[0].tight);
    CHECK(!loose[1].tight);
}
