// Golden pages: small requests typeset and compared with the checked-in tests/golden/NAME.lines,
// which holds what a reader sees: each line's position and words. Not the full trace of --trace
// (each kern, glyph scale, rule and link): a change to kerning or to a rounding of font units
// would touch every file while the breaks stay put, and a review of such a diff passes over the
// one line that moved. ZAPROS_UPDATE_GOLDEN=1 rewrites them; update deliberately and say why in
// the commit. Each test also asserts the behaviour its request was made for, so that a wrong
// layout cannot be blessed by an update.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>

#include "base/files.hpp"
#include "layout_support.hpp"
#include "letter_parts.hpp"
#include "support.hpp"

using namespace zapros;
using zapros::test::typeset_file;

namespace {

std::string position(Sp v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", to_pt(v));
    return buf;
}

// A line of text as a reader sees it: where its baseline is, where it starts, its words. A
// frame (the requisites, a table row, a signature row) holds several such lines: a run more than
// 8 pt above or below the one before starts another (a mark is raised less); columns on one
// baseline are parted by " | ".
struct Seen {
    Sp y = 0, x = 0;
    std::string words;
};

std::vector<Seen> seen(const page::Placed& pl) {
    std::vector<Seen> out;
    const para::Run* prev = nullptr;
    for (const para::Run& r : pl.line.runs) {
        if (!prev || std::abs(r.y - prev->y) > pt(8)) {
            out.push_back({pl.y + r.y, pl.x + r.x, ""});
        } else if (!prev->space_after && r.x > prev->x + test::run_width(*prev) + pt(1)) {
            out.back().words += " | ";
        }
        out.back().y = std::max(out.back().y, pl.y + r.y);  // a mark's rise is not the baseline
        out.back().x = std::min(out.back().x, pl.x + r.x);
        out.back().words += r.text + (r.space_after ? " " : "");
        prev = &r;
    }
    for (Seen& l : out)
        while (!l.words.empty() && l.words.back() == ' ') l.words.pop_back();
    return out;
}

// "page N", then each line of text, top to bottom: "baseline left-end words", in points from
// the page's top left to 0.1 pt; a note's first line says so. After a line's text, each of its
// images: "image FILE left top width height".
std::string lines_of(const cli::Typeset& t) {
    std::string out;
    for (const page::Page& p : t.pages.pages) {
        out += "page " + std::to_string(p.number) + "\n";
        for (const page::Placed& pl : p.lines) {
            for (const Seen& l : seen(pl))
                out += (pl.line.anchor ? "note " + std::to_string(pl.line.anchor) + ": " : "") + position(l.y) + " " +
                       position(l.x) + " " + l.words + "\n";
            for (const para::ImageBox& b : pl.line.images)
                out += "image " + t.images->paths().at(static_cast<std::size_t>(b.image)).filename().string() + " " +
                       position(pl.x + b.x) + " " + position(pl.y + b.y) + " " + position(b.width) + " " + position(b.height) + "\n";
        }
    }
    return out;
}

// tests/golden/NAME.lines of the request SOURCE.md, changed by `edit` after parsing (the
// letter's parts are filled by hand until the front matter reads them).
cli::Typeset golden(const std::string& name, const std::filesystem::path& source,
                    const std::function<void(request::Request&)>& edit) {
    const auto dir = test::source_dir() / "tests" / "golden";
    Diagnostics diags(source.string());
    auto parsed = request::parse(diags.file(), read_file(source), diags);
    INFO(Catch::Detail::stringify(test::messages(diags)));
    REQUIRE(parsed);
    edit(*parsed);
    auto t = test::pipeline().typeset(*parsed, diags);
    INFO(Catch::Detail::stringify(test::messages(diags)));
    REQUIRE(t);
    const std::string trace = lines_of(*t);
    const auto expected = dir / (name + ".lines");
    const char* update = std::getenv("ZAPROS_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") write_file_atomic(expected, trace);
    REQUIRE(std::filesystem::exists(expected));
    CHECK(trace == read_file(expected));
    CHECK(test::footnote_invariant_violations(t->pages).empty());
    return std::move(*t);
}

cli::Typeset golden(const std::string& name) {
    return golden(name, test::source_dir() / "tests" / "golden" / (name + ".md"), [](request::Request&) {});
}

}  // namespace

TEST_CASE("golden: one paragraph is justified on one page without a page number", "[golden]") {
    const auto t = golden("one-paragraph");
    REQUIRE(t.pages.pages.size() == 1);
    // Every line of the paragraph but its last ends exactly at the right margin.
    const Sp right = t.pages.width - compose::Style{}.margin_right;
    const auto first = test::lines_containing(t.pages, "Редакция");
    const auto last = test::lines_containing(t.pages, "получения.");
    REQUIRE(first.size() == 1);
    REQUIRE(last.size() == 1);
    const auto body = test::body_lines(t.pages.pages[0]);
    const auto from = std::find(body.begin(), body.end(), first.front());
    const auto to = std::find(body.begin(), body.end(), last.front());
    REQUIRE(to - from >= 2);
    for (auto it = from; it != to; ++it) CHECK((*it)->x + (*it)->line.width == right);
    CHECK((*to)->x + (*to)->line.width < right);
    CHECK(test::count_text(t.pages, "1") == 0);  // no page number
}

TEST_CASE("golden: a mark on a page's last line keeps its note on that page", "[golden]") {
    const auto t = golden("note-on-last-line");
    REQUIRE(t.pages.pages.size() == 2);
    CHECK(test::mark_page(t.pages, 1) == 1);
    CHECK(test::note_page(t.pages, 1) == 1);
    // The mark's line is the last body line of page 1.
    const auto body = test::body_lines(t.pages.pages[0]);
    REQUIRE_FALSE(body.empty());
    CHECK(std::find(body.back()->line.notes.begin(), body.back()->line.notes.end(), 1) != body.back()->line.notes.end());
}

TEST_CASE("golden: a note that does not fit moves its mark's line to the next page", "[golden]") {
    const auto t = golden("note-moves-line");
    CHECK(test::mark_page(t.pages, 1) == 2);
    CHECK(test::note_page(t.pages, 1) == 2);
}

TEST_CASE("golden: a note longer than half a page splits and continues on the next page", "[golden]") {
    const auto t = golden("long-note");
    const int page = test::mark_page(t.pages, 1);
    CHECK(test::note_page(t.pages, 1) == page);
    REQUIRE(static_cast<int>(t.pages.pages.size()) > page);
    // The next page's note area continues the note (its lines carry no anchor).
    CHECK(test::note_lines(t.pages.pages[static_cast<std::size_t>(page)]) > 0);
}

TEST_CASE("golden: twenty notes on one page all stay with their marks", "[golden]") {
    const auto t = golden("twenty-notes");
    for (int n = 1; n <= 20; ++n) CHECK(test::note_page(t.pages, n) == test::mark_page(t.pages, n));
    CHECK(test::note_page(t.pages, 20) == 1);
}

TEST_CASE("golden: nested lists number 1) then a. then i. and indent each level", "[golden]") {
    const auto t = golden("nested-lists");
    const Sp x1 = test::x_of(t.pages, "1)"), xa = test::x_of(t.pages, "a."), xi = test::x_of(t.pages, "i.");
    CHECK(x1 < xa);
    CHECK(xa < xi);
    CHECK(test::count_text(t.pages, "ii.") == 1);
    CHECK(test::count_text(t.pages, "c.") == 1);
    CHECK(test::count_text(t.pages, "3)") == 1);
    CHECK(test::count_text(t.pages, "–") == 2);  // Russian bullets
}

TEST_CASE("golden: a block quote is indented and its notes sit on its page", "[golden]") {
    const auto t = golden("quote-with-note");
    const auto quote = test::lines_containing(t.pages, "кончается");
    REQUIRE_FALSE(quote.empty());
    const auto nested = test::lines_containing(t.pages, "Вложенная");
    REQUIRE_FALSE(nested.empty());
    CHECK(test::line_left(*nested.front()) > test::line_left(*quote.front()));
    CHECK(test::note_page(t.pages, 2) == test::mark_page(t.pages, 2));
}

TEST_CASE("golden: a long URL breaks after its punctuation and never runs into the margin", "[golden]") {
    const auto t = golden("long-url");
    const Sp right = t.pages.width - compose::Style{}.margin_right;
    for (const auto& p : t.pages.pages)
        for (const auto& pl : p.lines) {
            CHECK_FALSE(pl.line.overfull);
            CHECK(pl.x + pl.line.width <= right);
        }
    CHECK(test::lines_containing(t.pages, "https://www.example.gov.ru").size() == 1);
}

TEST_CASE("golden: the signature block takes the text's last two lines across a page break", "[golden]") {
    const auto t = golden("signature-at-page-break");
    REQUIRE(t.pages.pages.size() == 2);
    const auto sig = test::lines_containing(t.pages, "Главный");
    REQUIRE(sig.size() == 1);
    const auto body = test::body_lines(t.pages.pages[1]);
    // Page 2: two lines of text, the signature row, the date.
    REQUIRE(body.size() == 4);
    CHECK(body[2] == sig.front());
}

TEST_CASE("golden: the whole official letter, in both letterhead layouts and both languages", "[golden]") {
    for (const char* lang : {"ru", "en"})
        for (const bool centered : {false, true}) {
            const std::string name = std::string("full-letter-") + lang + (centered ? "-centered" : "");
            INFO(name);
            const auto t = golden(name, test::source_dir() / "tests" / "golden" / (std::string("full-letter-") + lang + ".md"),
                                  [centered](request::Request& r) { test::add_letter_parts(r.meta, centered); });
            CHECK(test::zone_violations(t.pages).empty());
            // Every part printed: the number, the letter answered, the salutation, both
            // enclosures, the courtesy phrase, the executor; the logo, the scan and the seal.
            const std::string text = test::all_text(t.pages);
            const std::vector<std::string> ru{"Исх.", "17/2024", "На", "123", "01.03.2024", "Уважаемый",
                                              "Приложение:", "2.", "уважением,", "Сидорова"};
            const std::vector<std::string> en{"Ref.", "17/2024", "reply", "123", "Dear", "Enclosures:", "2.",
                                              "sincerely,", "Sidorova"};
            const std::vector<std::string>& words = std::string(lang) == "ru" ? ru : en;
            for (const std::string& w : words) {
                INFO(w);
                CHECK(text.find(w) != std::string::npos);
            }
            CHECK(t.images->size() == 3);
        }
}

TEST_CASE("golden: the showcase request sets every part of the letter from its own front matter", "[golden]") {
    // requests/example-full-ru.md as a user writes it: the parser, the images (decoded from
    // requests/images) and the layout, read back line by line.
    const auto t = golden("example-full-ru", test::source_dir() / "requests" / "example-full-ru.md", [](request::Request&) {});
    CHECK(test::zone_violations(t.pages).empty());
    const std::string text = test::all_text(t.pages);
    for (const char* w : {"Исх.", "17/2024", "15.03.2024", "1/12-3456", "01.03.2024", "коллеги!", "Приложение:", "уважением,",
                          "Рис.", "Иванова", "zapros@example.org"}) {
        INFO(w);
        CHECK(text.find(w) != std::string::npos);
    }
    REQUIRE(t.images);
    CHECK(t.images->size() == 4);  // the logo, the screenshot, the signature, the seal
}
