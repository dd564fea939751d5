// The property test's checker on hand-made pages: each invariant must catch the defect it names
// and pass the layout that holds it, or a green property run would prove nothing.
#include <algorithm>

#include <catch2/catch.hpp>

#include "hand_made.hpp"

using namespace zapros::property;
using namespace zapros::property::hand_made;

TEST_CASE("property: the trace reader takes glyphs, sizes and rules from mutool's XML", "[property]") {
    const std::string xml =
        "<document filename=\"t.pdf\">\n"
        "<page number=\"1\" mediabox=\"0 0 595.276 841.89\">\n"
        "<fill_path winding=\"nonzero\" transform=\"1 0 0 -1 0 841.89\">\n"
        "    <moveto x=\"85.039\" y=\"74.293\"/>\n    <lineto x=\"226.771\" y=\"74.693\"/>\n</fill_path>\n"
        "<fill_text colorspace=\"DeviceGray\" transform=\"1 0 0 -1 0 841.89\">\n"
        "    <span font=\"ABCDEF+PTSerif-Bold\" wmode=\"0\" trm=\"12.084 0 0 12\">\n"
        "        <g unicode=\"&lt;\" glyph=\"31\" x=\"100\" y=\"700.5\" adv=\".5\"/>\n"
        "        <g unicode=\"М\" glyph=\"0\" x=\"106\" y=\"700.5\" adv=\".867\"/>\n"
        "    </span>\n</fill_text>\n</page>\n</document>\n";
    const std::vector<PdfPage> pages = parse_trace(xml);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].glyphs.size() == 2);
    const Glyph& lt = pages[0].glyphs[0];
    CHECK(lt.ch == U'<');
    CHECK(lt.bold);
    CHECK(lt.y == Approx(700.5));
    CHECK(lt.width == Approx(0.5 * 12.084));  // the expansion counts
    CHECK(lt.size == Approx(12));
    CHECK(pages[0].glyphs[1].ch == U'М');
    CHECK(pages[0].glyphs[1].id == 0);
    REQUIRE(pages[0].rules.size() == 1);
    CHECK(pages[0].rules[0].y0 == Approx(74.293));  // y up from the bottom, as in PDF
    CHECK(pages[0].rules[0].x1 == Approx(226.771));
}

TEST_CASE("property: a glyph past the measure, the paper or its letter zone is caught", "[property]") {
    PdfPage p = page(1);
    set(p, "Title", 300, 700);
    p.glyphs.back().bold = true;
    for (Glyph& g : p.glyphs) g.bold = true;
    set(p, "fits", geometry::right - 24.2, 600);  // 4 × 6 pt: ends 0.2 pt past, within tolerance
    CHECK(check_zones({p}).empty());

    PdfPage off = p;
    set(off, "Zzz", geometry::right - 10, 500);
    const std::vector<Failure> f = check_zones({off});
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "right of the measure");

    PdfPage sender = p;  // 10 pt above the title: the sender's column
    set(sender, "abc", geometry::sender_right - 10, 770, 10);
    REQUIRE(check_zones({sender}).size() == 1);
    CHECK(check_zones({sender})[0].kind == "right of the sender's column");

    PdfPage low = p;
    set(low, "x", 200, geometry::bottom - 3);
    REQUIRE(check_zones({low}).size() == 1);
    CHECK(check_zones({low})[0].kind == "below the text area");
}

TEST_CASE("property: a letterhead's name is not the title; a centred letterhead spans the measure, an angular one the sender's column", "[property]") {
    auto letter = [] {
        PdfPage p = page(1);
        set(p, "Title", 280, 600);
        for (Glyph& g : p.glyphs) g.bold = true;
        set(p, "Ministry", geometry::addressee_left, 735);  // the addressees' first line
        return p;
    };
    auto bold = [](PdfPage& p, const std::string& text, double x, double y) {
        const std::size_t from = p.glyphs.size();
        set(p, text, x, y, geometry::letterhead_name_size);
        for (std::size_t i = from; i < p.glyphs.size(); ++i) p.glyphs[i].bold = true;
    };
    // Centred: the name and a 10 pt line across the measure, well above the addressees.
    PdfPage centred = letter();
    bold(centred, "The Herald newsroom", 250, 775);
    set(centred, "1 Tverskaya St, Moscow 125009, +7 495 000-00-00", 180, 763, 10);
    CHECK(check_zones({centred}).empty());

    // Angular: the name in the sender's column beside the addressees; past it, it is caught.
    PdfPage angular = letter();
    bold(angular, "The Herald", geometry::left, 730);
    CHECK(check_zones({angular}).empty());
    bold(angular, "newsroom", geometry::sender_right - 20, 718);
    const std::vector<Failure> f = check_zones({angular});
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "right of the sender's column");
}

TEST_CASE("property: the page number must read the page's number, centred in the top margin", "[property]") {
    PdfPage p = page(2);
    const double centre = (geometry::left + geometry::right) / 2;
    set(p, "2", centre - 2.5, geometry::page_number_baseline, 10);
    CHECK(check_zones({p}).empty());
    PdfPage wrong = page(2);
    set(wrong, "3", centre - 2.5, geometry::page_number_baseline, 10);
    CHECK(check_zones({wrong}).size() == 1);
}

TEST_CASE("property: two glyphs drawn over each other are caught, kerning inside a span is not", "[property]") {
    PdfPage p = page(1);
    set(p, "AV", 100, 500);
    p.glyphs[1].x -= 1.5;  // kerned into its neighbour, same span
    set(p, "next line", 100, 500 - 12, 10);
    CHECK(check_overlaps({p}).empty());

    set(p, "1)", 103, 500);  // a label drawn over "–" of another span: the "- 1)" defect
    const std::vector<Failure> f = check_overlaps({p});
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "glyphs overlap");

    PdfPage cell = page(1);
    set(cell, "word", 100, 400, 10);
    cell.rules.push_back({112, 380, 112.4, 420});  // a column rule through the word
    REQUIRE(check_overlaps({cell}).size() == 1);
    CHECK(check_overlaps({cell})[0].kind == "a glyph crosses a column rule");
}

TEST_CASE("property: a note must start on its mark's page", "[property]") {
    auto with_mark = [](int number) {
        PdfPage p = page(number);
        set(p, "Текст со сноской", 100, 700);
        set(p, "1", 200, 704.3, 7.8);  // the mark: 0.65 × 12 pt, raised
        return p;
    };
    const Written w = written({{"note 1", {"Источник", "данных"}}}, 1);

    PdfPage same = with_mark(1);
    note_rule(same, 80);
    set(same, "1 Источник данных", geometry::left, 65, 10);
    CHECK(check_notes({same}, w).empty());
    CHECK(check_words({same}, w).empty());

    PdfPage next = page(2);
    note_rule(next, 80);
    set(next, "1 Источник данных", geometry::left, 65, 10);
    const std::vector<Failure> late = check_notes({with_mark(1), next}, w);
    REQUIRE(late.size() == 1);
    CHECK(late[0].kind == "a note starts on another page");

    // A continuation line that begins with the number is not a start: its letters differ.
    PdfPage fake = with_mark(1);
    note_rule(fake, 80);
    set(fake, "1 другая строка", geometry::left, 65, 10);
    REQUIRE(check_notes({fake}, w).size() == 1);
    CHECK(check_notes({fake}, w)[0].kind == "a note does not start");

    // "page=" | "01 Источник…": a URL broken before its digits is not note 1 either.
    PdfPage zero = with_mark(1);
    note_rule(zero, 80);
    set(zero, "01 Источник данных", geometry::left, 65, 10);
    CHECK(check_notes({zero}, w).size() == 1);
}

TEST_CASE("property: marks are read by where their digits stand, not by the PDF's spans", "[property]") {
    // A row "| [^1] | [^2] авить[^3] |": its cells are drawn as one line, and the PDF may put
    // all three marks in one span. Read by span, "1" and "2" made a mark 12 for no note.
    PdfPage p = page(1);
    const int span = 77;
    set(p, "1", 100, 704.3, 6.5, span);
    set(p, "2", 200, 704.3, 6.5, span);
    set(p, "авить", 205, 700, 10, span);
    set(p, "3", 230, 704.3, 6.5, span);
    note_rule(p, 120);
    set(p, "1 один", geometry::left, 100, 10);
    set(p, "2 два", geometry::left, 88, 10);
    set(p, "3 три", geometry::left, 76, 10);
    const Written w = written({{"note 1", {"один"}}, {"note 2", {"два"}}, {"note 3", {"три"}}}, 3);
    CHECK(check_notes({p}, w).empty());

    // Digits that touch are one number: "слово¹²" reads as mark 12, whatever was meant.
    PdfPage touching = page(1);
    set(touching, "слово", 100, 700);
    set(touching, "12", 130, 704.3, 7.8);
    note_rule(touching, 120);
    set(touching, "1 один", geometry::left, 100, 10);
    set(touching, "2 два", geometry::left, 88, 10);
    const std::vector<Failure> f = check_notes({touching}, written({{"note 1", {"один"}}, {"note 2", {"два"}}}, 2));
    REQUIRE(f.size() == 2);
    CHECK(f[0].kind == "a mark is not drawn");
    CHECK(f[1].kind == "a mark for no note");
}

TEST_CASE("property: notes are numbered in the source's order, which a split table row reverses on the page", "[property]") {
    // "| … text[^1] | word[^2] |" split over two pages: the second cell and its mark 2 end on
    // page 1, the first cell's mark 1 stands on page 2. Note 2 starts on page 1, note 1 on page 2.
    PdfPage first = page(1);
    set(first, "2", 300, 704.3, 6.5);
    note_rule(first, 120);
    set(first, "2 второе примечание", geometry::left, 100, 10);
    PdfPage second = page(2);
    set(second, "1", 200, 704.3, 6.5);
    note_rule(second, 120);
    set(second, "1 первое примечание", geometry::left, 100, 10);
    const Written w = written({{"note 1", {"первое", "примечание"}}, {"note 2", {"второе", "примечание"}}}, 2);
    CHECK(check_notes({first, second}, w).empty());
    // Each start is still looked for on its mark's page.
    PdfPage late = page(2);
    note_rule(late, 120);
    set(late, "2 второе примечание", geometry::left, 100, 10);
    PdfPage marks = page(1);
    set(marks, "1", 200, 704.3, 6.5);
    set(marks, "2", 300, 704.3, 6.5);
    note_rule(marks, 120);
    set(marks, "1 первое примечание", geometry::left, 100, 10);
    const std::vector<Failure> f = check_notes({marks, late}, w);
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "a note starts on another page");
}

TEST_CASE("property: a number at a line's start is a note's start only with the note's letters after it", "[property]") {
    // Seeds 6162 and 6209 focus notes: a continuation's last line "15" at a page's foot, with no
    // letters after it on the page, agreed with every note; seed 6134: note 39 is a dash, and
    // every line "39 …" agreed with its no letters.
    auto pages = [](const std::string& continuation, const std::string& second) {
        PdfPage one = page(1);
        set(one, "1", 200, 704.3, 7.8);
        note_rule(one, 120);
        set(one, "1 Источник данных", geometry::left, 100, 10);
        set(one, continuation, geometry::left, 88, 10);
        PdfPage two = page(2);
        set(two, "2", 200, 704.3, 7.8);
        note_rule(two, 120);
        set(two, second, geometry::left, 100, 10);
        return std::vector<PdfPage>{one, two};
    };
    const Written lettered = written({{"note 1", {"Источник", "данных", "2"}}, {"note 2", {"второе"}}}, 2);
    CHECK(check_notes(pages("2", "2 второе"), lettered).empty());
    const Written dash = written({{"note 1", {"Источник", "данных", "2", "а", "судов"}}, {"note 2", {}}}, 2);
    CHECK(check_notes(pages("2 а судов", "2 —"), dash).empty());
    // Seed 25069: note 38 is "ответственности сроки были", and a continuation's line agreed
    // with it on the first 12 letters.
    const Written long_first = written({{"note 1", {"Источник", "данных", "2", "ответственности", "в", "комитета"}},
                                        {"note 2", {"ответственности", "сроки", "были"}}},
                                       2);
    CHECK(check_notes(pages("2 ответственности (в комитета", "2 ответственности сроки были"), long_first).empty());
    // Seed 25141: note 23 shows "были", "до" on its page, then note 24 starts: read on into
    // note 24, its letters did not go on as note 23's.
    PdfPage short_part = page(1);
    set(short_part, "1", 200, 704.3, 7.8);
    set(short_part, "2", 220, 704.3, 7.8);
    note_rule(short_part, 120);
    lines(short_part, {"1 были", "до", "2 второе"}, geometry::left, 100);
    PdfPage rest = page(2);
    note_rule(rest, 120);
    lines(rest, {"дел число"}, geometry::left, 100);
    CHECK(check_notes({short_part, rest}, written({{"note 1", {"были", "до", "дел", "число"}}, {"note 2", {"второе"}}}, 2)).empty());
    // Seed 9208: note 38 is "о", and a continuation's line "38 органов" began with it.
    const Written short_note = written({{"note 1", {"Источник", "данных", "2", "органов"}}, {"note 2", {"о"}}}, 2);
    CHECK(check_notes(pages("2 органов", "2 о"), short_note).empty());
    // Seed 12157 focus code: a note may open with a dash and a hard line break.
    std::vector<PdfPage> dash_first = pages("", "2 —");
    set(dash_first[1], "второе", geometry::left, 88, 10);
    CHECK(check_notes(dash_first, lettered).empty());
    // Still caught: a start on another page than the mark's.
    CHECK(check_notes(pages("2 второе", "2 второе"), lettered).size() == 1);
    CHECK(check_notes(pages("2 —", "2 —"), dash).size() == 1);
    CHECK(check_notes(pages("2 о", "2 о"), short_note).size() == 1);
}

TEST_CASE("property: a .notdef glyph fails, whatever zapros warned", "[property]") {
    PdfPage p = page(1);
    set(p, "αβ", 100, 700);
    CHECK(check_notdef({p}).empty());
    p.glyphs[1].id = 0;
    const auto failures = check_notdef({p});
    REQUIRE(failures.size() == 1);
    CHECK(failures[0].invariant == Invariant::notdef);
}

TEST_CASE("property: zapros' own verdict: a non-zero exit and an overfull warning fail", "[property]") {
    CHECK(check_render(Outcome{0, false, ""}).empty());
    CHECK(check_render(Outcome{1, false, "t.md:1:1: error: x"}).front().invariant == Invariant::exit_status);
    CHECK(check_render(Outcome{0, false, "t.md:5:1: warning: overfull line: a line runs 3 pt into the margin\n"}).front().invariant ==
          Invariant::overfull);
}

// Issue 16: images read back from the trace and checked against the images the request names.
namespace {

Written with_image(Drawn::Role role, int width, int height, const std::string& caption = "", bool centered = false) {
    Written w;
    Drawn d;
    d.role = role, d.file = "p0.png", d.picture.width = width, d.picture.height = height, d.caption = caption, d.centered = centered;
    w.images.push_back(d);
    return w;
}

void draw(PdfPage& p, double x0, double y0, double x1, double y1, int width, int height) { p.images.push_back({{x0, y0, x1, y1}, width, height}); }

std::vector<std::string> kinds(const std::vector<Failure>& f) {
    std::vector<std::string> out;
    for (const Failure& x : f) out.push_back(x.kind);
    return out;
}

}  // namespace

TEST_CASE("property: the trace reader takes an image's box and pixels from fill_image", "[property]") {
    const std::string xml =
        "<page number=\"1\" mediabox=\"0 0 595 842\">\n"
        "<fill_image alpha=\"1\" colorspace=\"DeviceRGB\" transform=\"100 0 -0 50 85 192\" width=\"4\" height=\"3\"/>\n</page>\n";
    const std::vector<PdfPage> pages = parse_trace(xml);
    REQUIRE(pages.size() == 1);
    REQUIRE(pages[0].images.size() == 1);
    const Image& im = pages[0].images[0];
    CHECK(im.width == 4);
    CHECK(im.height == 3);
    CHECK(im.box.x0 == Approx(85));
    CHECK(im.box.x1 == Approx(185));
    CHECK(im.box.y0 == Approx(600));  // y up from the bottom: 842 − 192 − 50
    CHECK(im.box.y1 == Approx(650));
}

TEST_CASE("property: a figure outside the measure, a logo outside its zone and an image not drawn are caught", "[property]") {
    PdfPage p = page(1);
    draw(p, geometry::left, 400, geometry::right, 600, 40, 30);
    const Written figure = with_image(Drawn::Role::figure, 40, 30);
    CHECK(check_images({p}, figure).empty());

    PdfPage wide = page(1);
    draw(wide, geometry::left, 400, geometry::right + 2, 600, 40, 30);
    CHECK(kinds(check_images({wide}, figure)) == std::vector<std::string>{"a figure outside the text area"});
    PdfPage low = page(2);
    draw(low, geometry::left, geometry::bottom - 3, geometry::right, 300, 40, 30);
    CHECK(kinds(check_images({low}, figure)) == std::vector<std::string>{"a figure outside the text area"});

    // An angular letterhead's logo in the sender's column; a centred one's across the measure.
    PdfPage logo = page(1);
    draw(logo, geometry::left, 720, geometry::sender_right, 770, 40, 30);
    CHECK(check_images({logo}, with_image(Drawn::Role::logo, 40, 30)).empty());
    PdfPage past = page(1);
    draw(past, geometry::left + 100, 720, geometry::sender_right + 100, 770, 40, 30);
    CHECK(kinds(check_images({past}, with_image(Drawn::Role::logo, 40, 30))) == std::vector<std::string>{"a logo outside its zone"});
    CHECK(check_images({past}, with_image(Drawn::Role::logo, 40, 30, "", true)).empty());

    CHECK(kinds(check_images({page(1)}, figure)) == std::vector<std::string>{"an image not drawn"});
    CHECK(kinds(check_images({p}, Written{})) == std::vector<std::string>{"an image not named"});
}

TEST_CASE("property: a caption over its image, or not the first lines under it, is caught", "[property]") {
    const Written w = with_image(Drawn::Role::figure, 40, 30, letters_of("Рис 1 Снимок"));
    auto figure = [] {
        PdfPage p = page(1);
        draw(p, 200, 400, 400, 600, 40, 30);
        set(p, "Текст над рисунком", geometry::left, 620);
        return p;
    };
    PdfPage good = figure();
    set(good, "Рис. 1. Снимок", 260, 400 - 14, 10);
    set(good, "Текст под рисунком", geometry::left, 400 - 40);
    CHECK(check_images({good}, w).empty());

    PdfPage over = figure();
    set(over, "Рис. 1. Снимок", 260, 405, 10);  // drawn on the image's foot
    const std::vector<std::string> k = kinds(check_images({over}, w));
    CHECK(std::find(k.begin(), k.end(), "a glyph over an image") != k.end());
    CHECK(std::find(k.begin(), k.end(), "a caption not under its image") != k.end());

    PdfPage after = figure();  // the text first, the caption below it
    set(after, "Текст под рисунком", geometry::left, 400 - 14);
    set(after, "Рис. 1. Снимок", 260, 400 - 40, 10);
    CHECK(kinds(check_images({after}, w)) == std::vector<std::string>{"a caption not under its image"});

    PdfPage far = figure();  // under it, but a page's worth of room away
    set(far, "Рис. 1. Снимок", 260, 400 - 100, 10);
    CHECK(kinds(check_images({far}, w)) == std::vector<std::string>{"a caption not under its image"});
}

TEST_CASE("property: images and zones follow the paper: US Letter's right margin is 15 mm from its edge", "[property]") {
    PdfPage p = page(1);
    p.width = 215.9 * geometry::mm, p.height = 279.4 * geometry::mm;
    set(p, "Title", 300, 600);
    for (Glyph& g : p.glyphs) g.bold = true;
    set(p, "fits", geometry::right_on(p.width) - 24, 500);
    draw(p, geometry::left, 300, geometry::right_on(p.width), 400, 40, 30);
    CHECK(check_zones({p}).empty());
    CHECK(check_images({p}, with_image(Drawn::Role::figure, 40, 30)).empty());
    set(p, "Zzz", geometry::right_on(p.width) - 10, 450);
    CHECK(kinds(check_zones({p})) == std::vector<std::string>{"right of the measure"});
}
