// The tag writer (issue 19 §3; research note §3–§5): pages and a structure made by hand, written
// tagged, read back through qpdf --json=2 and checked against Tagged PDF's rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "image_pages.hpp"
#include "tagged_pdf.hpp"
#include "text/font.hpp"

using namespace zapros;
using namespace zapros::test::tagged;
using compose::Role;
using zapros::test::Json;

namespace {

const text::Font& serif() {
    static const text::Font f = text::Font::load(test::source_dir() / "fonts" / "PTF55F.ttf");
    return f;
}

// The subset of every character the hand-made pages draw.
const output::FontData& fonts() {
    static const output::FontData f = [] {
        std::vector<char32_t> codes;
        for (char32_t c = U' '; c < 0x7F; ++c) codes.push_back(c);
        for (char32_t c = U'А'; c <= U'я'; ++c) codes.push_back(c);
        return output::FontData{serif().subset(codes)};
    }();
    return f;
}

para::Run run(Sp x, Sp y, std::string text, Tag tag) {
    para::Run r;
    r.x = x, r.y = y, r.text = std::move(text), r.size = pt(10), r.tag = tag;
    return r;
}

Tag content(int element, int order) { return Tag{element, order, Tag::Artifact::none}; }
Tag artifact(Tag::Artifact a) { return Tag{-1, 0, a}; }

// A line of runs at height y (points from the top), drawn left to right.
page::Placed line(double y, std::vector<para::Run> runs) {
    page::Placed pl;
    pl.x = pt(40), pl.y = pt(y);
    Sp x = 0;
    for (para::Run& r : runs) r.x = x, x += pt(60);
    pl.line.runs = std::move(runs);
    pl.line.height = pt(10);
    return pl;
}

// The hand-made letter: two pages. Page 1: the title (H1); a paragraph "Please see", a URL link,
// "for details.", a note mark (Reference > Link); the note separator (a rule); the note (Lbl,
// P) that continues on page 2; the page number. Page 2: the note's end; a numbered list whose
// item's body holds a second link; a table with a header cell; a figure with alt text and a
// decorative image; the page number. Plus a paragraph with no content anywhere.
struct Letter {
    compose::Structure s;
    page::Pages pages;
    image::Images images;
    int h1, p, url, ref, mark, note, lbl, note_p, list, li, item_lbl, lbody, url2, table, tr1, th, tr2, td, figure, empty;
    std::shared_ptr<const std::string> address = std::make_shared<const std::string>("https://example.org/");

    Letter() {
        s.add(Role::document, -1);
        h1 = s.add(Role::h, 0);
        s.elements[static_cast<std::size_t>(h1)].level = 1;
        const int h1_text = s.next_order();
        p = s.add(Role::p, 0);
        const int before = s.next_order();
        url = s.add(Role::link, p);
        s.elements[static_cast<std::size_t>(url)].contents = "example.org";
        const int url_text = s.next_order();
        const int after = s.next_order();
        ref = s.add(Role::reference, p);
        mark = s.add(Role::link, ref);
        s.elements[static_cast<std::size_t>(mark)].contents = "Note 1";
        const int mark_text = s.next_order();
        note = s.add(Role::note, p);
        s.elements[static_cast<std::size_t>(note)].note = 1;
        lbl = s.add(Role::lbl, note);
        const int lbl_text = s.next_order();
        note_p = s.add(Role::p, note);
        const int note_text = s.next_order();
        empty = s.add(Role::p, 0);
        list = s.add(Role::l, 0);
        s.elements[static_cast<std::size_t>(list)].numbering = compose::Numbering::decimal;
        li = s.add(Role::li, list);
        item_lbl = s.add(Role::lbl, li);
        const int item_lbl_text = s.next_order();
        lbody = s.add(Role::lbody, li);
        const int lbody_text = s.next_order();
        url2 = s.add(Role::link, lbody);  // no contents: the annotation says the URL
        const int url2_text = s.next_order();
        table = s.add(Role::table, 0);
        tr1 = s.add(Role::tr, table);
        th = s.add(Role::th, tr1);
        const int th_text = s.next_order();
        tr2 = s.add(Role::tr, table);
        td = s.add(Role::td, tr2);
        const int td_text = s.next_order();
        figure = s.add(Role::figure, 0);
        s.elements[static_cast<std::size_t>(figure)].alt = "Скан 𝄞";
        const int figure_order = s.next_order();

        pages.width = pt(400), pages.height = pt(300);
        page::Page& one = pages.pages.emplace_back();
        one.number = 1;
        one.lines.push_back(line(30, {run(0, 0, "Title", content(h1, h1_text))}));
        page::Placed body = line(50, {run(0, 0, "Please see", content(p, before)), run(0, 0, "example.org", content(url, url_text)),
                                      run(0, 0, "for details.", content(p, after)), run(0, 0, "1", content(mark, mark_text))});
        body.line.links.push_back({pt(60), -pt(10), pt(60), pt(12), address, 0, content(url, url_text)});
        body.line.links.push_back({pt(180), -pt(10), pt(10), pt(12), nullptr, 1, content(mark, mark_text)});
        one.lines.push_back(body);
        page::Placed rule;
        rule.x = pt(40), rule.y = pt(200);
        rule.line.rules.push_back({0, 0, pt(100), pt(0.5)});
        one.lines.push_back(rule);
        page::Placed note_line = line(220, {run(0, 0, "1", content(lbl, lbl_text)), run(0, 0, "The note", content(note_p, note_text))});
        note_line.line.anchor = 1;
        one.lines.push_back(note_line);
        one.lines.push_back(line(280, {run(0, 0, "1", artifact(Tag::Artifact::pagination))}));

        page::Page& two = pages.pages.emplace_back();
        two.number = 2;
        two.lines.push_back(line(30, {run(0, 0, "text.", content(note_p, note_text))}));
        page::Placed item = line(50, {run(0, 0, "1.", content(item_lbl, item_lbl_text)), run(0, 0, "See", content(lbody, lbody_text)),
                                      run(0, 0, "site", content(url2, url2_text))});
        item.line.links.push_back({pt(120), -pt(10), pt(60), pt(12), address, 0, content(url2, url2_text)});
        two.lines.push_back(item);
        two.lines.push_back(line(70, {run(0, 0, "Head", content(th, th_text))}));
        two.lines.push_back(line(90, {run(0, 0, "Cell", content(td, td_text))}));
        images.add(test::images::gray3x2);
        page::Placed pictures;
        pictures.x = pt(40), pictures.y = pt(100);
        pictures.line.images.push_back({0, 0, pt(12), pt(8), 0, "Скан 𝄞", content(figure, figure_order)});
        pictures.line.images.push_back({pt(20), 0, pt(12), pt(8), 0, "", artifact(Tag::Artifact::layout)});
        two.lines.push_back(pictures);
        two.lines.push_back(line(280, {run(0, 0, "2", artifact(Tag::Artifact::pagination))}));
    }

    std::string pdf(output::Standard standard = output::Standard::a_2u, bool with_structure = true) const {
        output::Settings settings;
        settings.srgb_profile = test::srgb_profile();
        settings.standard = standard;
        settings.structure = with_structure ? &s : nullptr;
        return output::write_pdf(pages, {}, fonts(), &images, settings);
    }
};

fs::path written(const std::string& pdf, const std::string& name) {
    const fs::path dir = test::temp_dir("tags-" + name);
    test::write(dir / "t.pdf", pdf);
    return dir / "t.pdf";
}

std::string problems_of(const Pdf& pdf) {
    std::string out;
    for (const std::string& p : check(pdf)) out += p + '\n';
    return out;
}

}  // namespace

TEST_CASE("a hand-made letter's structure tree holds its content in logical order, every MCID and link reached back", "[tag][pdf]") {
    const Letter letter;
    const fs::path file = written(letter.pdf(), "letter");
    const Pdf pdf = read(file);
    CHECK(problems_of(pdf) == "");
    test::images::check_clean(file);  // qpdf --check and mutool: no warning
    const auto info = test::run({"pdfinfo", file.string()});
    const std::size_t tagged = info.out.find("Tagged:");
    REQUIRE(tagged != std::string::npos);
    CHECK(info.out.substr(tagged, info.out.find('\n', tagged) - tagged).find("yes") != std::string::npos);
    // Page 1's MCIDs in drawing order: H1 0, P 1, Link 2, P 3, the mark's Link 4, Lbl 5, the
    // note's P 6; page 2's: the note's P 0, Lbl 1, LBody 2, Link 3, TH 4, TD 5, Figure 6. The
    // paragraph's text sits on both sides of its Link; the note's P goes on to page 2 (an MCR);
    // the empty paragraph is left out.
    CHECK(tree(pdf).dump ==
          "Document[H1[0:0] P[0:1 Link[0:2 objr0] 0:3 Reference[Link[0:4 objr0]] Note[Lbl[0:5] P[0:6 1:0]]] "
          "L[LI[Lbl[1:1] LBody[1:2 Link[1:3 objr1]]]] Table[TR[TH[1:4]] TR[TD[1:5]]] Figure[1:6]]");
}

TEST_CASE("a table's empty cells and rows stay in the tree, so every cell keeps its column", "[tag][pdf]") {
    // A second column with an empty head and an empty cell, and a last row of empty cells: a
    // screen reader counts a cell's column among the TR's kids, so the filled cell of a row whose
    // first cell is empty would read under the first column's head if the empty one were left
    // out (PDF/UA-1 §7.5: tables tagged as their rows and columns are).
    Letter letter;
    letter.s.add(Role::th, letter.tr1);
    letter.s.add(Role::td, letter.tr2);
    const int tr3 = letter.s.add(Role::tr, letter.table);
    letter.s.add(Role::td, tr3);
    letter.s.add(Role::td, tr3);
    const Pdf pdf = read(written(letter.pdf(), "empty-cells"));
    CHECK(problems_of(pdf) == "");
    const std::string dump = tree(pdf).dump;
    CHECK(dump.find("Table[TR[TH[1:4] TH[]] TR[TD[1:5] TD[]] TR[TD[] TD[]]]") != std::string::npos);
    // An element with no content and no table around it is still left out.
    CHECK(dump.find("Document[H1[0:0] P[0:1") != std::string::npos);
}

TEST_CASE("tagged elements carry their attributes: list numbering, header scope, figure alt, note ID", "[tag][pdf]") {
    const Letter letter;
    const Pdf pdf = read(written(letter.pdf(), "attributes"));
    std::map<std::string, const Json*> by_type;
    for (const std::string& e : tree(pdf).elements) by_type.emplace(pdf.at(e)["/S"].s, &pdf.at(e));
    const Json& l = pdf.get((*by_type.at("/L"))["/A"]);
    CHECK(l["/O"].s == "/List");
    CHECK(l["/ListNumbering"].s == "/Decimal");
    const Json& th = pdf.get((*by_type.at("/TH"))["/A"]);
    CHECK(th["/O"].s == "/Table");
    CHECK(th["/Scope"].s == "/Column");
    CHECK((*by_type.at("/Figure"))["/Alt"].s == "u:Скан 𝄞");
    CHECK((*by_type.at("/Note"))["/ID"].s == "u:note-1");
    CHECK_FALSE(by_type.at("/P")->has("/A"));
    // The catalog and the pages.
    const Json& root = pdf.get(pdf.catalog()["/StructTreeRoot"]);
    CHECK(root["/ParentTreeNextKey"].n == 2 + 3);  // two pages, three link annotations
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(pdf.at(pdf.pages[i])["/StructParents"].n == static_cast<double>(i));
        CHECK(pdf.at(pdf.pages[i])["/Tabs"].s == "/S");
    }
    // The annotations: /StructParent ascending from the page count, /Contents from the element,
    // else the URL.
    std::vector<std::pair<double, std::string>> annots;
    for (const std::string& page : pdf.pages)
        for (const Json& a : pdf.at(page)["/Annots"].a) annots.emplace_back(pdf.at(a.s)["/StructParent"].n, pdf.at(a.s)["/Contents"].s);
    CHECK(annots == std::vector<std::pair<double, std::string>>{{2, "u:example.org"}, {3, "u:Note 1"}, {4, "u:https://example.org/"}});
}

TEST_CASE("artifacts: the page number as pagination, rules and decorative images as layout, all outside tagged content", "[tag][pdf]") {
    const Letter letter;
    const Pdf pdf = read(written(letter.pdf(), "artifacts"));
    const Marks one = marks(content(pdf, pdf.pages[0])), two = marks(content(pdf, pdf.pages[1]));
    CHECK(one.problems.empty());
    CHECK(two.problems.empty());
    CHECK(one.artifacts == std::vector<std::string>{"/Layout", "/Pagination"});
    CHECK(one.drawn_in_artifacts == std::vector<std::string>{"f", "TJ"});
    CHECK(two.artifacts == std::vector<std::string>{"/Pagination", "/Layout"});
    CHECK(two.drawn_in_artifacts == std::vector<std::string>{"TJ", "Do"});
    CHECK(two.drawn.at(6) == "Do");  // the figure
    CHECK(two.mcids.at(6).second == "/Figure");
    // No /Span /Alt wrapper around the figure any more: its alt is on the element.
    CHECK(content(pdf, pdf.pages[1]).find("/Alt") == std::string::npos);
}

TEST_CASE("a run that stands for other text sits in its ActualText span inside its element's sequence", "[tag][pdf]") {
    Letter letter;
    para::Run hyphen = letter.pages.pages[0].lines[0].line.runs[0];
    hyphen.text = "-";
    hyphen.actual = "\u00AD";
    letter.pages.pages[0].lines[0].line.runs.push_back(hyphen);
    const Pdf pdf = read(written(letter.pdf(), "actual"));
    CHECK(problems_of(pdf) == "");
    const std::string c = content(pdf, pdf.pages[0]);
    const std::size_t h1 = c.find("/H1 <</MCID 0>> BDC"), span = c.find("/Span << /ActualText <FEFF00AD> >> BDC"),
                      next = c.find("/P <</MCID 1>> BDC");
    CHECK(h1 < span);
    CHECK(span < next);  // the hyphen in the heading's sequence, before the paragraph's
    CHECK(marks(c).drawn.at(0) == "TJ TJ");
}

TEST_CASE("tagged output is deterministic, and its /ID follows the structure", "[tag][pdf]") {
    Letter letter;
    const std::string a = letter.pdf(), b = letter.pdf();
    CHECK(a == b);
    const auto id = [](const std::string& pdf) {  // the trailer's /ID [<…> <…>], nothing after it
        const std::size_t at = pdf.rfind("/ID");
        return pdf.substr(at, pdf.find(']', at) - at);
    };
    letter.s.elements[static_cast<std::size_t>(letter.figure)].alt = "Другой скан";  // only the tree changes
    const std::string c = letter.pdf();
    CHECK(id(a) != id(c));
    letter.s.elements[static_cast<std::size_t>(letter.figure)].alt = "Скан 𝄞";
    letter.s.elements[static_cast<std::size_t>(letter.list)].numbering = compose::Numbering::lower_alpha;
    CHECK(id(a) != id(letter.pdf()));
}

TEST_CASE("no standard, or no structure, gives the untagged PDF byte for byte", "[tag][pdf]") {
    const Letter letter;
    const std::string untagged = letter.pdf(output::Standard::none, false);
    CHECK(letter.pdf(output::Standard::none, true) == untagged);
    CHECK(untagged.find("/StructTreeRoot") == std::string::npos);
    // A standard without a structure (hand-made pages only) is archival but never tagged.
    CHECK(!read(written(letter.pdf(output::Standard::a_2u, false), "archival-only")).catalog().has("/StructTreeRoot"));
    CHECK(read(written(letter.pdf(), "tagged")).catalog().has("/StructTreeRoot"));
    // Untagged, the figure keeps its /Span /Alt wrapper and nothing else is marked.
    const Pdf pdf = read(written(untagged, "untagged"));
    const std::string two = content(pdf, pdf.pages[1]);
    CHECK(test::occurrences(two, "BDC") == 1);
    CHECK(two.find("/Span << /Alt") != std::string::npos);
}

TEST_CASE("content of no element in a tagged PDF is drawn as a plain artifact", "[tag][pdf]") {
    Letter letter;
    letter.pages.pages[0].lines[0].line.runs[0].tag = Tag{};  // the title: no element, no artifact
    letter.pages.pages[0].lines[0].line.runs.push_back(run(pt(100), 0, "x", Tag{999, 0, Tag::Artifact::none}));  // out of range
    const Pdf pdf = read(written(letter.pdf(), "untagged-runs"));
    CHECK(problems_of(pdf) == "");
    const Marks m = marks(content(pdf, pdf.pages[0]));
    CHECK(m.artifacts == std::vector<std::string>{"/Layout", "BMC", "/Pagination"});  // the rule, the two runs, the page number
    CHECK(m.drawn_in_artifacts.at(1) == "TJ TJ");  // one sequence for both
    CHECK(tree(pdf).dump.rfind("Document[P[0:0 ", 0) == 0);  // the H1, empty now, is left out
}

TEST_CASE("thousands of elements and pages: kids grouped past libharu's arrays, the ParentTree split into leaves", "[tag][pdf]") {
    compose::Structure s;
    s.add(Role::document, -1);
    page::Pages pages;
    pages.width = pt(400), pages.height = pt(300);
    const int per_page = 15, count = 9000;  // 600 pages: 600 ParentTree keys; 9000 Document kids
    for (int i = 0; i < count; ++i) {
        const int p = s.add(Role::p, 0);
        if (i % per_page == 0) pages.pages.emplace_back().number = static_cast<int>(pages.pages.size()) + 1;
        pages.pages.back().lines.push_back(line(10 + (i % per_page) * 15, {run(0, 0, "p", content(p, s.next_order()))}));
    }
    output::Settings settings;
    settings.srgb_profile = test::srgb_profile();
    settings.structure = &s;
    const Pdf pdf = read(written(output::write_pdf(pages, {}, fonts(), nullptr, settings), "thousands"));
    CHECK(problems_of(pdf) == "");
    const Json& root = pdf.get(pdf.catalog()["/StructTreeRoot"]);
    CHECK(pdf.get(root["/ParentTree"]).has("/Kids"));
    const Json& document = pdf.get(root["/K"]);
    REQUIRE(document["/K"].a.size() == 2);  // 8191 paragraphs and 809 in two groups
    CHECK(pdf.get(document["/K"].a[0])["/S"].s == "/Div");
    CHECK(pdf.get(document["/K"].a[0])["/K"].a.size() == std::size_t{8191});  // libharu's arrays: Tags::max_array
}

TEST_CASE("a page of more MCIDs than an array holds draws the rest as artifacts and stays valid", "[tag][pdf]") {
    compose::Structure s;
    s.add(Role::document, -1);
    page::Pages pages;
    pages.width = pt(400), pages.height = pt(300);
    page::Page& page = pages.pages.emplace_back();
    page::Placed pl = line(20, {});
    for (int i = 0; i < 8200; ++i) pl.line.runs.push_back(run(0, 0, "p", content(s.add(Role::p, 0), s.next_order())));
    page.lines.push_back(pl);
    output::Settings settings;
    settings.srgb_profile = test::srgb_profile();
    settings.structure = &s;
    const Pdf pdf = read(written(output::write_pdf(pages, {}, fonts(), nullptr, settings), "full-page"));
    CHECK(problems_of(pdf) == "");
    const Marks m = marks(content(pdf, pdf.pages[0]));
    CHECK(m.mcids.size() == std::size_t{8191});  // Tags::max_array
    CHECK(m.artifacts == std::vector<std::string>(1, "BMC"));
}

TEST_CASE("a real render's content has no untagged piece", "[tag][e2e]") {
    const fs::path dir = test::temp_dir("tags-render");
    for (const char* name : {"mediazona-cybercrime-ru.md", "mediazona-cybercrime-en.md"}) {
        fs::copy_file(test::source_dir() / "requests" / name, dir / name, fs::copy_options::overwrite_existing);
        REQUIRE(test::run_zapros({"render", name, "-o", "r.pdf"}, dir).status == 0);
        const Pdf pdf = read(dir / "r.pdf");
        // Untagged content is drawn as "/Artifact BMC" (Tags::mark); compose/ tags every run.
        for (const std::string& page : pdf.pages) {
            const Marks m = marks(content(pdf, page));
            CHECK(std::count(m.artifacts.begin(), m.artifacts.end(), "BMC") == 0);
        }
    }
}

// By hand (hidden): zapros_tests "[measure]" prints the size and time of a four-page letter with
// and without tags: 40 lines a page of eight words, paragraphs of five lines, a link in every
// third paragraph, a page number.
TEST_CASE("measure: a four-page letter tagged and untagged", "[.][measure]") {
    compose::Structure s;
    s.add(Role::document, -1);
    page::Pages pages;
    pages.width = pt(595), pages.height = pt(842);
    auto address = std::make_shared<const std::string>("https://example.org/");
    int p = -1, paragraph = 0;
    for (int n = 0; n < 4; ++n) {
        page::Page& page = pages.pages.emplace_back();
        page.number = n + 1;
        for (int k = 0; k < 40; ++k) {
            if (k % 5 == 0) p = s.add(Role::p, 0), ++paragraph;
            const int order = s.next_order();
            std::vector<para::Run> runs;
            for (int w = 0; w < 8; ++w) runs.push_back(run(0, 0, "Слово", content(p, order)));
            page::Placed pl = line(40 + k * 18, std::move(runs));
            if (paragraph % 3 == 0 && k % 5 == 2) {
                const int link = s.add(Role::link, p);
                pl.line.runs[4].tag = content(link, s.elements[static_cast<std::size_t>(link)].order);
                pl.line.runs[5].tag = content(p, s.next_order());
                pl.line.runs[6].tag = pl.line.runs[7].tag = pl.line.runs[5].tag;
                pl.line.links.push_back({pt(240), -pt(10), pt(60), pt(12), address, 0, pl.line.runs[4].tag});
            }
            page.lines.push_back(pl);
        }
        page.lines.push_back(line(800, {run(0, 0, std::to_string(n + 1), artifact(Tag::Artifact::pagination))}));
    }
    output::Settings with;
    with.srgb_profile = test::srgb_profile();
    with.structure = &s;
    const output::Settings* tagged = &with;
    std::vector<std::size_t> sizes;
    for (const auto* settings : {static_cast<const output::Settings*>(nullptr), tagged}) {
        const output::Settings use = settings ? *settings : output::Settings{.standard = output::Standard::none};
        std::size_t size = 0;
        const auto start = std::chrono::steady_clock::now();
        const int times = 50;
        for (int i = 0; i < times; ++i) size = output::write_pdf(pages, {}, fonts(), nullptr, use).size();
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count() / times;
        WARN((settings ? "tagged" : "untagged") << ": " << size << " bytes, " << ms << " ms; " << s.elements.size() << " elements");
        sizes.push_back(size);
    }
    CHECK(sizes[1] > sizes[0]);  // the tree and the marks cost bytes
}
