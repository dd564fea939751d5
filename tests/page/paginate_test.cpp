// The page builder's limits and rules on documents made for them.
#include <catch2/catch.hpp>

#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "layout_support.hpp"
#include "page/paginate.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

page::Pages paginate_with(const std::string& body, const page::PageParams& pp, Diagnostics& d) {
    const auto req = request::parse("t.md", "---\ntitle: T\nto: X\n---\n" + body, d);
    REQUIRE(req);
    const auto doc = compose::letter(*req, test::pipeline().fonts(), d);
    const para::Resources res{test::pipeline().fonts(), nullptr};
    const para::Params params;
    return page::paginate(flow::flow(doc, res, params, d), doc.style, res, params, d, pp);
}

std::string paragraphs(int n) {
    std::string s;
    for (int i = 0; i < n; ++i)
        s += "Редакция направляет настоящий запрос в соответствии с законом о средствах массовой информации "
             "и просит ответить в установленный срок, а уведомление об отсрочке направить в течение трёх дней.\n\n";
    return s;
}

}  // namespace

TEST_CASE("a document longer than the page limit is an error", "[page]") {
    page::PageParams pp;
    pp.max_pages = 2;
    Diagnostics d("t.md");
    const auto pages = paginate_with(paragraphs(60), pp, d);
    CHECK(pages.pages.size() == 2);
    CHECK(test::messages(d) == std::vector<std::string>{"0:0: error: the document would have more than 2 pages"});
}

TEST_CASE("no page ends with a lone first line or starts with a lone last line", "[page]") {
    Diagnostics d("t.md");
    const auto pages = paginate_with(paragraphs(40), page::PageParams{}, d);
    REQUIRE(pages.pages.size() >= 3);
    // Each paragraph is three lines or more here: a page never holds just one line of one.
    for (const auto& p : pages.pages) {
        const auto body = test::body_lines(p);
        REQUIRE(body.size() >= 2);
        // The first body line of a page continues a paragraph only if the next line does too.
        const auto starts_paragraph = [](const page::Placed* pl) {
            return !pl->line.runs.empty() && pl->line.runs.front().text == "Редакция";
        };
        if (!starts_paragraph(body[0])) CHECK_FALSE(starts_paragraph(body[1]));
        if (starts_paragraph(body.back()) && &p != &pages.pages.back()) FAIL_CHECK("a paragraph's first line ends page " << p.number);
    }
}

TEST_CASE("pages are numbered from the second, centred at the top", "[page]") {
    Diagnostics d("t.md");
    const auto pages = paginate_with(paragraphs(40), page::PageParams{}, d);
    REQUIRE(pages.pages.size() >= 2);
    for (const auto& p : pages.pages) {
        const auto& last = p.lines.back();
        const bool numbered = last.y < compose::Style{}.margin_top && !last.line.runs.empty();
        CHECK(numbered == (p.number >= 2));
        if (numbered) CHECK(last.line.runs.front().text == std::to_string(p.number));
    }
}

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
    const para::Resources res{test::pipeline().fonts(), nullptr};
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
    const para::Resources res{test::pipeline().fonts(), nullptr};
    const auto pages = page::paginate(std::move(f), style, res, {}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(pages.pages.size() <= 3);
}

TEST_CASE("a chain of notes, each marking the next at its end, fills its pages", "[page]") {
    // Where the chain cannot go on on a page, the latest note that can waits with its mark's line
    // (not the earliest: that leaves pages short).
    std::string notes;
    for (int n = 1; n <= 60; ++n) notes += "\n\n[^n" + std::to_string(n) + "]: " + words(40) + (n < 60 ? "[^n" + std::to_string(n + 1) + "]" : "") + ".";
    Diagnostics d("t.md");
    const auto pages = paginate_with("Текст[^n1].\n" + notes + "\n", page::PageParams{}, d);
    CHECK_FALSE(d.has_errors());
    CHECK(test::footnote_invariant_violations(pages) == std::vector<std::string>{});
    CHECK(pages.pages.size() <= 6);  // 5 as it is; 7 when the earliest note waits
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
