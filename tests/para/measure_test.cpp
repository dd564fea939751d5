// One line model: the breaker judges a line and the packer sets it from the same measure, so a
// packed line is as wide as the breaker computed it, and ends within its measure. Paragraphs are
// generated from the model request (Russian) and the seed text (English): every alignment,
// hyphens (pattern, explicit, repeated), faces mixed inside words, fallback fonts, kerning pairs,
// URLs, code spans, no-break and thin spaces, note marks, at many measures.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "layout_support.hpp"
#include "para/measure.hpp"
#include "para/typeset.hpp"
#include "property/random.hpp"
#include "support.hpp"

using namespace zapros;
using para::Item;
using Breaks = std::vector<std::size_t>;

namespace {

std::vector<std::string> words_in(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::vector<std::string> words;
    for (std::string w; in >> w;)
        if (w != "---" && w.find(':') == std::string::npos) words.push_back(w);
    return words;
}

const std::vector<std::string>& russian() {
    static const auto w = words_in(test::source_dir() / "requests/mediazona-cybercrime-ru.md");
    return w;
}
const std::vector<std::string>& english() {
    static const auto w = words_in(test::source_dir() / "tests/data/seed-en.txt");
    return w;
}

// Words that bring what the running text seldom does: kerning pairs, explicit hyphens, Greek and
// symbols from the fallback fonts, a thin space inside a number, a no-break space.
const std::vector<std::string> rare = {
    "AVATAR",       "«Ту-154»",       "WAVE",           "Tokyo",       "LYRA",        "Ty",
    "P.V.",         "Г. Г. Гусев",    "УФСБ",           "из-за",       "кто-нибудь",  "северо-западный",
    "well-known",   "state-of-the-art", "αβγδ",         "λόγος",       "x → y",       "a ≤ b",
    "∑",            "10\u202F000",    "т.\u00A0е.",     "2014\u00A0г.", "Frankfurt-am-Main",
    "информационно-телекоммуникационных", "международно-правовой"};

const std::vector<std::string> urls = {
    "http://www.mid.ru/en/foreign_policy/news/-/asset_publisher/cKNonkJE02Bw/content/id/2702537",
    "https://example.org/a%20b/c?d=e&f=g#h", "https://zona.media/"};

const std::vector<std::string> code = {"std::vector<int>", "render_file()", "O_CREAT|O_EXCL", "x=1;y=2"};

constexpr Face faces[] = {Face::serif, Face::serif_bold, Face::serif_italic, Face::serif_bold_italic};

struct Case {
    compose::Paragraph p;
    Sp width = 0;
    para::Params params;
};

Case generate(property::Random& r) {
    Case c;
    compose::Paragraph& p = c.p;
    const Sp size = pt(r.pick(std::vector<double>{9, 10, 11, 12, 14}));
    p.size = size;
    p.leading = size * 5 / 4;
    p.align = r.pick(std::vector<compose::Align>{compose::Align::justify, compose::Align::justify, compose::Align::left,
                                                 compose::Align::center, compose::Align::right});
    p.hyphenate = r.percent(85);
    p.lang = r.percent(50) ? Lang::ru : Lang::en;
    p.first = r.percent(30) ? pt(18) : 0;
    p.left = r.percent(20) ? pt(r.between(5, 30)) : 0;
    p.right = r.percent(10) ? pt(r.between(5, 30)) : 0;
    c.width = pt(r.between(90, 470));
    c.params.repeat_hyphen = r.percent(30);
    if (r.percent(15)) c.params.expansion = 0;
    const auto& source = p.lang == Lang::ru ? russian() : english();
    const int count = r.between(5, 90);
    std::size_t at = static_cast<std::size_t>(r.below(static_cast<int>(source.size())));
    Face face = Face::serif;
    for (int k = 0; k < count; ++k) {
        compose::Span s{.face = face, .size = size, .pos = {3, 1}};
        const int kind = r.below(100);
        if (kind < 4) {
            s.text = r.pick(urls);
            s.url = true;
            s.link = s.text;
        } else if (kind < 8) {
            s.text = r.pick(code);
            s.face = Face::mono;
            s.code = true;
        } else if (kind < 16) {
            s.text = r.pick(rare);
        } else if (kind < 18) {
            s.text = std::to_string(r.between(1, 9));
            s.note = 1;
            s.rise = size / 3;
            s.size = size * 2 / 3;
        } else if (kind < 19 && !p.spans.empty()) {
            p.spans.push_back(compose::Span{.line_break = true});
            continue;
        } else {
            s.text = source[at++ % source.size()];
            // A change of face inside a word: its pieces join without a space.
            if (r.percent(10) && s.text.size() > 4) {
                compose::Span tail = s;
                const std::size_t cut = s.text.size() / 2;
                std::size_t c0 = cut;
                while (c0 < s.text.size() && (static_cast<unsigned char>(s.text[c0]) & 0xC0) == 0x80) ++c0;
                tail.text = s.text.substr(c0);
                tail.face = faces[r.below(4)];
                s.text = s.text.substr(0, c0);
                p.spans.push_back(s);
                p.spans.push_back(tail);
                p.spans.push_back(compose::Span{.text = " ", .face = face, .size = size});
                continue;
            }
        }
        if (r.percent(12)) face = faces[r.below(4)];
        if (s.note == 0) s.text += " ";
        p.spans.push_back(s);
    }
    return c;
}

std::string text_of(const compose::Paragraph& p) {
    std::string s;
    for (const compose::Span& sp : p.spans) s += sp.line_break ? "\\\\" : sp.text;
    return s;
}

// Where a line's last glyph ends as drawn, from the runs alone (fonts, kerns, scale).
Sp drawn_end(const para::Line& l) {
    Sp end = 0;
    for (const para::Run& r : l.runs) end = std::max(end, r.x + test::run_width(r));
    return end;
}

void finish(std::vector<Item>& items) {
    items.push_back(Item::penalty_item(para::infinite_penalty));
    items.push_back(Item::glue(0, 0, 0, pt(1)));
    items.push_back(Item::penalty_item(-para::infinite_penalty));
}

// Two boxes of 10 pt with `brk` between them, at a measure of 15 pt, ending in \parfillskip or
// in a bare forced break; lines must keep their badness within 100 on every pass, so that a line
// without stretch to fill it is no line at all and the breaks tell whether a rule gave it some.
para::LineBreaks split_in_two(const Item& brk, bool parfill) {
    std::vector<Item> items{Item::box(pt(10)), brk, Item::box(pt(10))};
    if (parfill) finish(items);
    else items.push_back(Item::penalty_item(-para::infinite_penalty));
    para::LinebreakParams p;
    p.pretolerance = -1;
    p.tolerance = 100;
    p.final_tolerance = 100;
    return para::break_lines(items, para::Measure{{pt(15)}}, p);
}

}  // namespace

TEST_CASE("every packed line is as wide as the breaker measured it and ends within its measure", "[measure]") {
    property::Random r(15);
    int lines = 0, leads = 0, hyphens = 0, posts = 0, scaled = 0;
    for (int n = 0; n < 400; ++n) {
        const Case c = generate(r);
        const compose::Paragraph& p = c.p;
        INFO("paragraph " << n << " at " << to_pt(c.width) << " pt: " << text_of(p));
        // What typeset() does, step by step, to read the breaker's lines.
        const Sp line_width = c.width - p.left - p.right;
        const para::Measure measure{{line_width}, {0}};
        const para::ItemList items = para::build(p, line_width, test::resources(), c.params);
        para::LinebreakParams lb = c.params.linebreak;
        lb.emergency_stretch = round_to_sp(c.params.emergency_stretch_em * static_cast<double>(p.size));
        const para::LineBreaks breaks = para::break_lines(items.items, measure, lb);
        Diagnostics diags("t.md");
        const std::vector<para::Line> packed = para::typeset(p, c.width, test::resources(), c.params, diags);
        REQUIRE(packed.size() == breaks.at.size());
        REQUIRE(breaks.lines.size() == breaks.at.size());
        for (std::size_t k = 0; k < packed.size(); ++k) {
            INFO("line " << k);
            const para::Line& l = packed[k];
            const para::Extent& e = breaks.lines[k];
            CHECK(std::abs(l.natural - e.width) <= pt(0.01));
            const bool overfull = e.width - e.shrink - e.box_shrink > line_width;
            CHECK(l.overfull == overfull);
            if (!l.overfull) {
                CHECK(l.width <= p.left + line_width);
                CHECK(drawn_end(l) <= p.left + line_width + pt(0.01));
            }
            ++lines;
            hyphens += l.hyphen;
            for (const para::Run& run : l.runs) scaled += run.scale != 1000;
            const para::LineStart start = k == 0 ? para::line_start(items.items, 0) : para::after_break(items.items, breaks.at[k - 1]);
            leads += start.lead != 0;
            posts += start.post >= 0;
        }
    }
    // The paragraphs reach what the rules are about.
    CHECK(lines > 3000);
    CHECK(leads > 10);
    CHECK(hyphens > 100);
    CHECK(posts > 5);
    CHECK(scaled > 500);
}

TEST_CASE("a line ending inside a word takes the ragged end its break brings", "[measure][linebreak]") {
    // 10 | 10 at measure 15: together 20, overfull; the first alone is 5 short, which only the
    // break's own stretch (9) can fill (badness 17).
    Item brk = Item::penalty_item(0);
    brk.stretch = pt(9);
    const para::LineBreaks b = split_in_two(brk, true);
    CHECK(b.at == Breaks{1, 5});
    REQUIRE(b.lines.size() == 2);
    CHECK(b.lines[0].stretch == pt(9));
}

TEST_CASE("a line ending inside centred text takes the fil its break brings", "[measure][linebreak]") {
    Item brk = Item::penalty_item(0);
    brk.fil = pt(1);
    CHECK(split_in_two(brk, true).at == Breaks{1, 5});
}

TEST_CASE("the line after a break inside a word starts with the glue its break brings", "[measure][linebreak]") {
    // As above, but the second line ends at a forced break without \parfillskip: 5 short, it is
    // a line only with the stretch (9) the break before it opens it with.
    Item brk = Item::penalty_item(0);
    brk.stretch = pt(9);
    brk.post_stretch = pt(9);
    const para::LineBreaks b = split_in_two(brk, false);
    CHECK(b.at == Breaks{1, 3});
    REQUIRE(b.lines.size() == 2);
    CHECK(b.lines[1].stretch == pt(9));
}

TEST_CASE("the line after a break inside centred text starts with the fil its break brings", "[measure][linebreak]") {
    Item brk = Item::penalty_item(0);
    brk.fil = pt(1);
    brk.post_fil = pt(1);
    CHECK(split_in_two(brk, false).at == Breaks{1, 3});
}

TEST_CASE("a line drops the kern before its first letter, unless a repeated hyphen stands before it", "[measure]") {
    Item word = Item::box(pt(10));
    word.lead = pt(-1);  // the kern that tucked this piece under the letter before the break
    Item plain = Item::penalty_item(50, 0, true);
    Item repeat = plain;
    repeat.post = 0;
    repeat.post_width = pt(3);
    for (const auto& [brk, width] : {std::pair{plain, pt(11)}, std::pair{repeat, pt(13)}}) {
        const std::vector<Item> items{Item::box(pt(10)), brk, word, Item::penalty_item(-para::infinite_penalty)};
        const para::LineStart start = para::after_break(items, 1);
        CHECK(start.first == 2);
        CHECK(para::measure(items, start, 3).width == width);
        CHECK(para::break_lines(items, para::Measure{{pt(10)}}, {}).lines.back().width == width);
    }
}

TEST_CASE("glyphs scaled box by box to fill a line with no glue end within its measure", "[measure]") {
    // Two boxes of 1000050 sp with all the line's flexibility in their glyphs, 20001 sp short or
    // over: the scale falls on a whole per mille (±1.0 %), where each box rounds half away from
    // zero to a sp more (1010050.5, 990049.5) and the pair ends 1 sp past the measure (or, shrunk,
    // is 1 sp too long to fit: overfull). The packer takes the scale a step further.
    para::ItemList list;
    list.fragments.assign(2, para::Fragment{.text = "a", .size = pt(10), .width = 1000050});
    for (const Sp sign : {1, -1}) {
        INFO((sign > 0 ? "widened" : "narrowed"));
        list.items.clear();
        for (int f = 0; f < 2; ++f) {
            Item box = Item::box(1000050, f);
            box.stretch = box.shrink = 10000 + f;
            list.items.push_back(box);
        }
        list.items.push_back(Item::penalty_item(-para::infinite_penalty));
        const Sp width = 2000100 + sign * 20001;
        const std::vector<para::Line> lines = para::pack(list, {2}, para::Measure{{width}}, 0, pt(7), pt(3));
        REQUIRE(lines.size() == 1);
        CHECK_FALSE(lines[0].overfull);
        CHECK(lines[0].width <= width);
    }
}

TEST_CASE("the widest unit, measured a few items at a time, is the widest box of the paragraph set at width 1", "[para]") {
    // widest_unit forgets the items it has measured; the whole list at width 1 (an item per
    // letter) must give the same width, whatever stands around the letters.
    const std::string texts[] = {"Ш\u00ADШ", "AVAV VAVA", "информационно-телекоммуникационных", "αβγδ → λόγος ≤ 10\u202F000",
                                 "e\u0301te\u0301 %41%42 https://example.org/a/b?c=d", std::string(300, 'W') + " ii",
                                 "Главный редактор С.\u00A0В.\u00A0Лавров", "Ту-154 — WAVE\u2009Tokyo", "Ш-Ш"};
    for (const std::string& text : texts)
        for (const compose::Align align : {compose::Align::justify, compose::Align::left, compose::Align::center})
            for (const bool repeat : {false, true}) {
                INFO(text);
                para::Params params;
                params.repeat_hyphen = repeat;
                const compose::Paragraph p = test::paragraph_of(text, align);
                const para::ItemList all = para::build(p, 1, test::resources(), params);
                CHECK(para::widest_unit(p, test::resources(), params) == para::widest_box(all.items, 0));
            }
}
