// The page builder's limits and rules. The first tests run on documents made by hand in the
// made-up monospaced face (hand_layout.hpp): four words a line, lines of 15 pt, a page of N
// lines; each states the pages it expects and why. The notes' interplay over many pages below
// runs on requests, in the same face.
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "hand_layout.hpp"
#include "layout_support.hpp"
#include "page/paginate.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;
using test::hand_lines;
using test::hand_text;
using test::numbered;
using test::operator+;
using Lines = std::vector<std::string>;

namespace {

page::Pages paginate_with(const std::string& body, const page::PageParams& pp, Diagnostics& d) {
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\n" + body, d);
    REQUIRE(req);
    const auto doc = compose::letter(*req, test::fake_fonts(), d);
    const para::Params params;
    return page::paginate(flow::flow(doc, test::fake_resources(), params, d), doc.style, test::fake_resources(), params, d, pp);
}

}  // namespace

TEST_CASE("a document longer than the page limit is an error", "[page]") {
    // 60 lines at 10 a page would take 6 pages; the limit stops at 2, the first 20 lines. Set
    // on the flow's product: the flow would refuse it before (flow_test.cpp).
    Diagnostics d("t.md");
    const compose::Document doc = test::hand_document(10, {hand_lines(1, 60)});
    flow::Flow f = test::hand_flow(doc, d);
    f.max_pages = 2;
    const auto pages = page::paginate(std::move(f), doc.style, test::fake_resources(), para::Params{}, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(test::body_text(pages, 2) == numbered(11, 10));
    CHECK(test::messages(d) == std::vector<std::string>{"0:0: error: the document would have more than 2 pages"});
}

TEST_CASE("no page ends with a lone first line or starts with a lone last line", "[page]") {
    // Eight paragraphs of four lines, 32 lines, on pages of 7. Within a paragraph a break is
    // allowed only after its second line. Page 1 holds lines 1–7, but line 7 is the third of
    // paragraph 2 and would leave its last line alone: the page ends after line 6. Page 2 holds
    // 7–13, but 13 would be paragraph 4's first alone: it ends after 12. And so on: 6 lines a
    // page, the last page lines 31–32.
    std::vector<compose::Block> blocks;
    for (int p = 0; p < 8; ++p) blocks.push_back(hand_lines(4 * p + 1, 4));
    Diagnostics d("t.md");
    const auto pages = test::hand_pages(test::hand_document(7, blocks), d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(pages.pages.size() == 6);
    for (int p = 1; p <= 5; ++p) {
        CAPTURE(p);
        CHECK(test::body_text(pages, p) == numbered(6 * p - 5, 6));
    }
    CHECK(test::body_text(pages, 6) == numbered(31, 2));
}

TEST_CASE("pages are numbered from the second, centred at the top", "[page]") {
    // 20 lines on pages of 10: two pages. "2" at 10 pt is 5 pt wide, centred in 114 pt: 54.5 pt in.
    Diagnostics d("t.md");
    const auto doc = test::hand_document(10, {hand_lines(1, 20)});
    const auto pages = test::hand_pages(doc, d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(pages.pages[0].lines.size() == 10);  // no number
    const page::Placed& number = pages.pages[1].lines.back();
    CHECK(test::line_text(number.line) == "2");
    CHECK(number.y == doc.style.page_number_baseline);
    CHECK(test::line_left(number) == doc.style.margin_left + pt(54.5));
}

TEST_CASE("the closing takes the text's last two lines to the next page", "[page]") {
    // A paragraph of four lines, one of one line, the date: 6 lines on pages of 5. The
    // paragraph may break only after its line 2 (club after 1, widow before 4); the date keeps
    // to the last line; and the closing keeps the text's last two lines, 4 and 5, together, so
    // the break between the paragraphs is out too. Page 1: lines 1–2; page 2: 3–5 and the date.
    // (Without that rule page 1 would take lines 1–4, and line 5 go alone with the date.)
    Diagnostics d("t.md");
    const auto pages = test::hand_pages(test::hand_document(5, {hand_lines(1, 4), hand_lines(5, 1), test::hand_closing()}), d);
    CHECK_FALSE(d.has_errors());
    REQUIRE(pages.pages.size() == 2);
    CHECK(test::body_text(pages, 1) == numbered(1, 2));
    CHECK(test::body_text(pages, 2) == numbered(3, 3) + Lines{"дата"});
}

TEST_CASE("a note that does not fit moves its mark's line to the next page, and the note goes with it", "[page]") {
    // Six lines of text on pages of 6, note 1 marked at the end of line 5. The note has 3
    // lines, too few to split, and takes 4 lines of the page with its skip. Lines 1–5 and the
    // note need 9: line 5 moves on, and page 1 ends after line 4. Page 2: lines 5–6 and the
    // note, 2 + 4 = 6. (Were the note sent on instead, page 1 would hold all six lines, and the
    // note would start on a page without its mark.)
    const auto para = test::hand_paragraph({test::hand_span(hand_text(1, 5)), test::hand_mark(1), test::hand_span(" " + hand_text(6, 1))});
    Diagnostics d("t.md");
    const auto pages = test::hand_pages(test::hand_document(6, {para}, {test::hand_note(1, 3)}), d);
    CHECK_FALSE(d.has_errors());
    CHECK(pages.pages.size() == 2);
    REQUIRE(pages.pages.size() >= 2);
    CHECK(test::body_text(pages, 1) == numbered(1, 4));
    CHECK(test::note_text(pages, 1).empty());
    CHECK(test::body_text(pages, 2) == Lines{"005a 005b 005c 005d1", "006a 006b 006c 006d"});
    CHECK(test::note_text(pages, 2) == Lines{"n11a n11b n11c n11d", "n12a n12b n12c n12d", "n13a n13b n13c n13d"});
}

TEST_CASE("a note that fits stays beside its mark on the page's last line", "[page]") {
    // The mark at the end of line 2, the note of 3 lines: 2 + 4 = 6 lines, page 1 exactly.
    const auto para = test::hand_paragraph({test::hand_span(hand_text(1, 2)), test::hand_mark(1), test::hand_span(" " + hand_text(3, 4))});
    Diagnostics d("t.md");
    const auto pages = test::hand_pages(test::hand_document(6, {para}, {test::hand_note(1, 3)}), d);
    REQUIRE(pages.pages.size() == 2);
    CHECK(test::body_text(pages, 1) == Lines{"001a 001b 001c 001d", "002a 002b 002c 002d1"});
    CHECK(test::note_text(pages, 1).size() == 3);
    CHECK(test::body_text(pages, 2) == numbered(3, 4));
}

// The notes' interplay over many pages (continued notes giving way, chains, marks inside
// notes), on requests in the made-up face. These assert the footnote invariant and bounds, not
// pages counted line by line: the rules behind them are counted by hand on hand-made notes in
// notes_test.cpp.

namespace {

std::string words(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += i % 7 == 6 ? "запрос " : "слово ";
    return s;
}

// Lines of note `note` on page `page` (1-based).
int note_lines_on(const page::Pages& pages, int page, const std::string& first_word) {
    int n = 0;
    for (const auto& pl : pages.pages[static_cast<std::size_t>(page - 1)].lines)
        for (const auto& r : pl.line.runs)
            if (r.text.find(first_word) != std::string::npos) {
                ++n;
                break;
            }
    return n;
}

}  // namespace

TEST_CASE("a note continued from the page before gives way so that a note marked on this page starts here", "[page]") {
    // Note 1 runs over three pages; note 2 is marked near the top of page 2, where note 1's
    // continuation would otherwise take all the room the notes may have.
    Diagnostics d("t.md");
    std::string long_note;
    for (int i = 0; i < 1500; ++i) long_note += "продолжение ";
    auto make = [&](const std::string& mark) {
        return paginate_with(words(200) + "первая[^1] " + words(300) + "вторая" + mark + " " + words(600) + "\n\n[^1]: " +
                                 long_note + (mark.empty() ? "" : "\n\n[^2]: Короткая вторая сноска.") + "\n",
                             page::PageParams{}, d);
    };
    const auto pages = make("[^2]");
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
    const int second = test::mark_page(pages, 2);
    REQUIRE(second >= 2);
    CHECK(test::note_page(pages, 2) == second);
    // The marked line stays where the text put it: on the page it stands on without the mark.
    const auto unmarked = make("");
    CHECK(test::lines_containing(unmarked, "вторая").size() == 1);
    int page_unmarked = 0;
    for (const auto& p : unmarked.pages)
        for (const auto* pl : test::body_lines(p))
            for (const auto& r : pl->line.runs)
                if (r.text == "вторая") page_unmarked = p.number;
    CHECK(second == page_unmarked);
    // Note 1 is continued on that page too, before note 2, and again after it.
    CHECK(note_lines_on(pages, second, "продолжение") > 0);
    CHECK(note_lines_on(pages, second + 1, "продолжение") > 0);
}

TEST_CASE("a page's first line brings its notes onto that page even when a continuation fills the notes' share", "[page]") {
    // With every line of the text marked, some page opens with a marked line while note 1
    // still runs on: its note must start there all the same.
    std::string body, notes = "[^1]: ";
    for (int i = 0; i < 1200; ++i) notes += "длинная ";
    for (int n = 2; n <= 40; ++n) {
        body += words(12) + "метка[^" + std::to_string(n) + "] ";
        notes += "\n\n[^" + std::to_string(n) + "]: Сноска " + std::to_string(n) + ".";
    }
    Diagnostics d("t.md");
    const auto pages = paginate_with("начало[^1] " + body + "\n\n" + notes + "\n", page::PageParams{}, d);
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("notes marked on one line whose first lines alone fill more than a page are an error", "[page]") {
    // A line can carry only so many marks in practice; made by hand, 70 notes of a 12 pt line
    // each need 950 pt on a page of 728.
    flow::Flow f;
    para::Line line;
    line.height = pt(9);
    line.depth = pt(3);
    for (int n = 1; n <= 70; ++n) {
        line.notes.push_back(n);
        para::Line note;
        note.height = pt(9);
        note.depth = pt(3);
        note.anchor = n;
        f.notes.push_back({flow::VItem::of_line(note)});
        f.note_pos.push_back({100 + n, 1});
    }
    f.body.push_back(flow::VItem::of_line(line));
    Diagnostics d("t.md");
    const compose::Style style;
    const para::Resources& res = test::fake_resources();
    page::paginate(std::move(f), style, res, {}, d);
    REQUIRE(d.has_errors());
    CHECK(test::messages(d)[0].find("cannot start on their marks' page") != std::string::npos);
    CHECK(test::messages(d)[0].rfind("101:1: error: notes 1, 2,", 0) == 0);  // at the first one's definition
}

TEST_CASE("a note marked only inside another note starts on the page of that mark", "[page]") {
    Diagnostics d("t.md");
    const auto pages = paginate_with("Текст[^a].\n\n[^a]: Примечание со ссылкой[^b].\n\n[^b]: Вложенное[^c].\n\n"
                                     "[^c]: Третье примечание.\n",
                                     page::PageParams{}, d);
    CHECK_FALSE(d.has_errors());
    for (int n = 1; n <= 3; ++n) {
        CAPTURE(n);
        CHECK(test::note_page(pages, n) == 1);
    }
    CHECK(test::lines_containing(pages, "Третье").size() == 1);
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
}

TEST_CASE("a mark in a note's continuation brings its note onto the continuation's page", "[page]") {
    // Note 1 runs over several pages after the body has ended; the mark of note 2 is in its
    // last words, printed pages after the body's last line.
    std::string long_note;
    for (int i = 0; i < 2500; ++i) long_note += "продолжение ";
    Diagnostics d("t.md");
    const auto pages = paginate_with(words(40) + "первая[^1].\n\n[^1]: " + long_note + "конец[^2].\n\n[^2]: Вторая сноска.\n",
                                     page::PageParams{}, d);
    CHECK_FALSE(d.has_errors());
    const int mark = test::mark_page(pages, 2);
    CHECK(mark >= 3);
    CHECK(test::note_page(pages, 2) == mark);
    CHECK(test::lines_containing(pages, "Вторая").size() == 1);
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
}

TEST_CASE("a note started by a mark in a continued note never pushes that mark off its page", "[page]") {
    // The mark of note 2 stands in the middle of note 1's continuation, and note 2 is too long
    // to start beside all of it: note 1 keeps its lines up to the mark, and note 2 takes the rest.
    std::string before, after, second;
    for (int i = 0; i < 1300; ++i) before += "продолжение ";
    for (int i = 0; i < 1200; ++i) after += "дальше ";
    for (int i = 0; i < 700; ++i) second += "вторая ";
    Diagnostics d("t.md");
    const auto pages = paginate_with(words(40) + "первая[^1].\n\n[^1]: " + before + "середина[^2] " + after + "\n\n[^2]: " + second + "\n",
                                     page::PageParams{}, d);
    CHECK_FALSE(d.has_errors());
    const int mark = test::mark_page(pages, 2);
    CHECK(mark >= 2);
    CHECK(test::note_page(pages, 2) == mark);
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
}

TEST_CASE("a continued note whose next line is taller than the notes' share still goes on, a line at a time", "[page]") {
    // Made by hand: note 1 is a line, then one of 700 pt (a page is 728, notes take at most 60 %
    // of one when they continue), then a line.
    flow::Flow f;
    para::Line line;
    line.height = pt(9);
    line.depth = pt(3);
    line.notes.push_back(1);
    f.body.push_back(flow::VItem::of_line(line));
    flow::VList note;
    for (Sp h : {pt(9), pt(700), pt(9)}) {
        para::Line l;
        l.height = h;
        l.depth = pt(3);
        if (note.empty()) l.anchor = 1;
        else note.push_back(flow::VItem::of_glue(pt(2)));
        note.push_back(flow::VItem::of_line(l));
    }
    f.notes.push_back(note);
    f.note_pos.push_back({9, 1});
    Diagnostics d("t.md");
    const compose::Style style;
    const para::Resources& res = test::fake_resources();
    const auto pages = page::paginate(std::move(f), style, res, {}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(pages.pages.size() <= 3);
}

TEST_CASE("a chain of notes, each marking the next at its end, fills its pages", "[page]") {
    // Where the chain cannot go on on a page, the latest note that can waits with its mark's line
    // (not the earliest: that leaves pages short). A note here is some 250 characters of 5 pt
    // in a measure of 467.7 pt, 2 or 3 lines of 12 pt, 2 pt apart: about 19 notes to a page of
    // 728.5 pt, so 60 need 4 pages besides the requisites' page; they take 5 pages in all.
    std::string notes;
    for (int n = 1; n <= 60; ++n) notes += "\n\n[^n" + std::to_string(n) + "]: " + words(40) + (n < 60 ? "[^n" + std::to_string(n + 1) + "]" : "") + ".";
    Diagnostics d("t.md");
    const auto pages = paginate_with("Текст[^n1].\n" + notes + "\n", page::PageParams{}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
    CHECK(pages.pages.size() <= 6);
}

TEST_CASE("a chain of one-line notes longer than a page, marked in a continued note, is an error, not a run of empty pages", "[page]") {
    std::string long_note, chain;
    for (int i = 0; i < 2500; ++i) long_note += "продолжение ";
    for (int n = 1; n <= 90; ++n) chain += "\n\n[^n" + std::to_string(n) + "]: N" + (n < 90 ? "[^n" + std::to_string(n + 1) + "]" : "");
    Diagnostics d("t.md");
    paginate_with("Текст[^a].\n\n[^a]: " + long_note + "здесь[^n1] " + long_note + "\n" + chain + "\n", page::PageParams{}, d);
    REQUIRE(d.has_errors());
    const auto m = test::messages(d);
    CHECK(m[0].find("cannot start on their marks' page") != std::string::npos);
    CHECK(std::none_of(m.begin(), m.end(), [](const std::string& s) { return s.find("would have more than") != std::string::npos; }));
}

TEST_CASE("a continued note full of marks keeps as many of its lines as their notes leave room for", "[page]") {
    // Each of its lines marks a few one-line notes: a page holds many such lines with their
    // notes, not one (which it did when every mark of a round waited at once).
    std::string note, notes;
    for (int j = 0; j < 60; ++j) {
        note += "слово слово слово слово слово q[^q" + std::to_string(j) + "] ";
        notes += "\n\n[^q" + std::to_string(j) + "]: сноска " + std::to_string(j) + ".";
    }
    Diagnostics d("t.md");
    const auto pages = paginate_with("Текст[^p].\n\n[^p]: " + note + "\n" + notes + "\n", page::PageParams{}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
    CHECK(pages.pages.size() <= 3);
}
