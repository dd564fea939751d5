// The vertical list's penalties: widow and club lines, headings kept with what follows, the
// closing kept with the text's last two lines.
#include <catch2/catch.hpp>

#include <map>

#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "layout_support.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

flow::Flow flow_of(const std::string& body) {
    Diagnostics d("t.md");
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\n" + body, d);
    REQUIRE(req);
    const auto doc = compose::letter(*req, test::pipeline().fonts(), d);
    const text::Dictionaries dictionaries(test::source_dir() / "hyph");
    const para::Resources res{test::pipeline().fonts(), &dictionaries};
    return flow::flow(doc, res, para::Params{}, d);
}

// The penalties between consecutive lines, in order (glue skipped).
std::vector<int> penalties(const flow::VList& v) {
    std::vector<int> out;
    for (const auto& it : v)
        if (it.kind == flow::VItem::Kind::penalty) out.push_back(it.penalty);
    return out;
}

const std::string four_lines =
    "Редакция направляет настоящий запрос в соответствии с законом о средствах массовой информации и "
    "просит ответить в установленный срок. Ответ на запрос должен быть дан в течение семи дней, а "
    "уведомление об отсрочке или отказе — в течение трёх дней со дня его получения.\n";

}  // namespace

TEST_CASE("a paragraph of three lines or more never leaves its first or last line alone", "[flow]") {
    // header, title | 4 lines | closing rows. Between the paragraph's lines: club (after line 1),
    // free (after line 2), widow+closing (before line 4).
    const auto p = penalties(flow_of(four_lines).body);
    REQUIRE(p.size() >= 5);
    CHECK(p[1] == 0);       // title → paragraph: a legal break
    CHECK(p[2] == 10000);   // after the first line
    CHECK(p[3] < 10000);    // in the middle
    CHECK(p[4] == 10000);   // before the last line
}

TEST_CASE("a heading stays with the lines that follow it", "[flow]") {
    const auto p = penalties(flow_of("## Заголовок\n\n" + four_lines + "\n" + four_lines).body);
    REQUIRE(p.size() >= 3);
    CHECK(p[2] == 10000);  // heading → its paragraph's first line
}

TEST_CASE("the closing never starts a page: the last two text lines come with it", "[flow]") {
    const auto p = penalties(flow_of(four_lines).body);
    // The last penalties: before the text's last line, then before the signature block (which
    // has no rows here: date/place directly).
    REQUIRE(p.size() >= 2);
    CHECK(p[p.size() - 1] == 10000);
    CHECK(p[p.size() - 2] == 10000);
}

TEST_CASE("a note's first line is the anchor its mark links to", "[flow]") {
    const auto f = flow_of("Текст[^1].\n\n[^1]: Сноска.\n");
    REQUIRE(f.notes.size() == 1);
    const auto& first = f.notes[0].front();
    REQUIRE(first.kind == flow::VItem::Kind::line);
    CHECK(first.line.anchor == 1);
}

TEST_CASE("each note keeps where it is defined, for errors about it", "[flow]") {
    const auto f = flow_of("Текст[^b] и[^a].\n\n[^a]: Первая.\n\n[^b]: Вторая.\n");
    REQUIRE(f.note_pos.size() == 2);
    CHECK(f.note_pos[0].line == 9);  // note 1 is [^b], marked first
    CHECK(f.note_pos[1].line == 7);
}

TEST_CASE("a table's header row stays with its first row; later rows may start a page", "[flow]") {
    const auto f = flow_of("| Вопрос | Ответ |\n|---|---|\n| Первый | да |\n| Второй | нет |\n| Третий | да |\n\nТекст.\n\nЕщё текст.\n");
    std::map<int, int> before;  // row → the penalty before its first band
    int last = 0;
    for (const auto& it : f.body) {
        if (it.kind == flow::VItem::Kind::penalty) last = it.penalty;
        if (it.kind == flow::VItem::Kind::line && it.line.row > 0 && !before.count(it.line.row)) before[it.line.row] = last;
        if (it.kind == flow::VItem::Kind::line) last = 0;
    }
    REQUIRE(before.size() == 4);
    CHECK(before[2] == 10000);  // header → first row
    CHECK(before[3] < 10000);   // first row → second
}
