// End to end: the model requests rendered to PDF and read back with poppler, qpdf and mutool.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "base/utf8.hpp"
#include "compose/labels.hpp"
#include "layout_support.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;
using test::run;
using Words = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

// Words as pdftotext gives them back: runs of letters and digits; a hyphen between letters is
// dropped. A hyphen added at a line end reads as U+00AD (its ActualText) before the line's end,
// where the word is joined again; an explicit hyphen at a line end is lost to poppler, which
// joins any line ending in "-" with the next.
Words words(std::string_view text) {
    std::u32string t;
    for (std::size_t i = 0; i < text.size();) t += utf8::next(text, i);
    Words out;
    std::string cur;
    auto word_char = [](char32_t c) { return utf8::is_letter(c) || utf8::is_digit(c); };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char32_t c = t[i];
        if (word_char(c)) {
            utf8::append(cur, c);
        } else if ((c == U'-' || c == 0x2010 || c == 0xAD) && i > 0 && i + 1 < t.size() && utf8::is_letter(t[i - 1]) &&
                   (utf8::is_letter(t[i + 1]) || t[i + 1] == U'\n')) {
            if (t[i + 1] == U'\n') ++i;  // "infor-\nmation"
        } else if (!cur.empty()) {
            out.push_back(cur);
            cur.clear();
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The visible text of Markdown, in reading order: what a reader of the rendered Markdown sees,
// with list labels as the PDF prints them and note marks as their numbers.
void inline_text(const std::vector<request::Inline>& in, std::string& out) {
    for (const request::Inline& x : in) {
        switch (x.kind) {
        case request::Inline::Kind::text:
        case request::Inline::Kind::code: out += x.text; break;
        case request::Inline::Kind::soft_break:
        case request::Inline::Kind::hard_break: out += ' '; break;
        case request::Inline::Kind::note_ref: out += std::to_string(x.note); break;
        default: inline_text(x.children, out);
        }
    }
}

void block_text(const std::vector<request::Block>& blocks, int ordered_depth, std::string& out) {
    for (const request::Block& b : blocks) {
        switch (b.kind) {
        case request::Block::Kind::list: {
            int n = b.start;
            for (const request::Block& item : b.children) {
                if (b.ordered) out += compose::ordered_label(n++, ordered_depth, b.delim) + " ";
                block_text(item.children, ordered_depth + (b.ordered ? 1 : 0), out);
            }
            break;
        }
        case request::Block::Kind::quote: block_text(b.children, ordered_depth, out); break;
        case request::Block::Kind::code: out += b.text + "\n"; break;
        default:
            inline_text(b.inlines, out);
            out += '\n';
        }
    }
}

struct Model {
    request::Request req;
    Words body;
    std::vector<Words> notes;
    std::string pdf;
    std::vector<Words> pages;  // page numbers removed
};

Model render(const std::string& name) {
    Model m;
    const fs::path md = test::source_dir() / "requests" / (name + ".md");
    Diagnostics diags(md.string());
    auto req = request::parse(md.string(), test::read(md), diags);
    REQUIRE(req);
    m.req = *req;
    std::string text;
    block_text(m.req.blocks, 0, text);
    m.body = words(text);
    for (const request::Note& n : m.req.notes) {
        std::string t = std::to_string(n.number) + " ";
        block_text(n.blocks, 0, t);
        m.notes.push_back(words(t));
    }
    const fs::path dir = test::temp_dir("e2e-" + name);
    const auto r = test::run_zapros({"render", md.string(), "-o", (dir / "out.pdf").string()});
    REQUIRE(r.status == 0);
    m.pdf = (dir / "out.pdf").string();
    const auto info = run({"pdfinfo", m.pdf});
    std::istringstream in(info.out);
    int pages = 0;
    for (std::string line; std::getline(in, line);)
        if (line.rfind("Pages:", 0) == 0) pages = std::stoi(line.substr(6));
    REQUIRE(pages > 0);
    for (int k = 1; k <= pages; ++k) {
        const auto t = run({"pdftotext", "-f", std::to_string(k), "-l", std::to_string(k), m.pdf, "-"});
        Words w = words(t.out);
        if (k >= 2 && !w.empty() && w.front() == std::to_string(k)) w.erase(w.begin());  // the page number
        m.pages.push_back(std::move(w));
    }
    return m;
}

// Where needle starts in hay as a contiguous run, or npos.
std::size_t find(const Words& hay, const Words& needle, std::size_t from = 0) {
    if (needle.empty() || hay.size() < needle.size()) return std::string::npos;
    for (std::size_t i = from; i + needle.size() <= hay.size(); ++i)
        if (std::equal(needle.begin(), needle.end(), hay.begin() + static_cast<std::ptrdiff_t>(i))) return i;
    return std::string::npos;
}

void check_words_in_order(const Model& m) {
    // All pages together, each note's words taken out where they stand.
    Words all;
    for (const Words& p : m.pages) all.insert(all.end(), p.begin(), p.end());
    for (const Words& note : m.notes) {
        const std::size_t at = find(all, note);
        INFO("note: " << Catch::Detail::stringify(note));
        REQUIRE(at != std::string::npos);
        all.erase(all.begin() + static_cast<std::ptrdiff_t>(at), all.begin() + static_cast<std::ptrdiff_t>(at + note.size()));
    }
    // What is left holds the body's words as one run, in order (requisites before, closing after).
    const Words head(m.body.begin(), m.body.begin() + 8);
    const std::size_t start = find(all, head);
    REQUIRE(start != std::string::npos);
    REQUIRE(all.size() >= start + m.body.size());
    for (std::size_t i = 0; i < m.body.size(); ++i) {
        INFO("body word " << i << " of " << m.body.size());
        REQUIRE(all[start + i] == m.body[i]);
    }
}

void check_notes_on_their_marks_page(const Model& m) {
    for (std::size_t n = 0; n < m.notes.size(); ++n) {
        // The mark: the four body words ending with the note's number.
        const std::string mark = std::to_string(n + 1);
        std::size_t at = std::string::npos;
        for (std::size_t i = 3; i < m.body.size(); ++i) {
            const std::string& w = m.body[i];
            if (w.size() > mark.size() && w.compare(w.size() - mark.size(), mark.size(), mark) == 0 &&
                !utf8::is_digit(static_cast<unsigned char>(w[w.size() - mark.size() - 1]))) {
                at = i;
                break;
            }
            if (w == mark && i > 0) {
                at = i;
                break;
            }
        }
        REQUIRE(at != std::string::npos);
        const Words call(m.body.begin() + static_cast<std::ptrdiff_t>(at - 3), m.body.begin() + static_cast<std::ptrdiff_t>(at + 1));
        int mark_page = 0, note_page = 0;
        for (std::size_t k = 0; k < m.pages.size(); ++k) {
            if (!mark_page && find(m.pages[k], call) != std::string::npos) mark_page = static_cast<int>(k) + 1;
            if (!note_page && find(m.pages[k], m.notes[n]) != std::string::npos) note_page = static_cast<int>(k) + 1;
        }
        INFO("note " << n + 1 << ", call " << Catch::Detail::stringify(call));
        CHECK(mark_page > 0);
        CHECK(note_page == mark_page);
    }
}

void check_tools_accept(const Model& m) {
    const auto text = run({"pdftotext", m.pdf, "/dev/null"});
    CHECK(text.status == 0);
    CHECK(text.err.empty());  // no "Syntax Warning: Invalid 'begincidrange'"
    const auto fonts = run({"pdffonts", m.pdf});
    std::istringstream rows(fonts.out);
    std::string row;
    int count = 0;
    std::getline(rows, row);
    std::getline(rows, row);
    while (std::getline(rows, row)) {
        ++count;
        INFO(row);
        CHECK(row.find("+PT") != std::string::npos);        // a subset (TAG+Name)
        CHECK(row.find(" yes yes yes ") != std::string::npos);  // embedded, subset, ToUnicode
    }
    CHECK(count >= 1);
    const auto qpdf = run({"qpdf", "--check", m.pdf});
    CHECK(qpdf.status == 0);
    CHECK(qpdf.out.find("No syntax or stream encoding errors found") != std::string::npos);
    const auto mutool = run({"mutool", "draw", "-q", "-F", "txt", "-o", "/dev/null", m.pdf});
    CHECK(mutool.status == 0);
    std::istringstream err(mutool.err);
    for (std::string line; std::getline(err, line);) {
        if (line == "warning: ICC support is not available") continue;  // Debian's mupdf build
        FAIL_CHECK("mutool: " << line);
    }
}

}  // namespace

TEST_CASE("the English model request reads back word for word with each note on its mark's page", "[e2e]") {
    const Model m = render("mediazona-cybercrime-en");
    CHECK(m.notes.size() == 4);
    check_words_in_order(m);
    check_notes_on_their_marks_page(m);
}

TEST_CASE("the Russian model request reads back word for word with each note on its mark's page", "[e2e]") {
    const Model m = render("mediazona-cybercrime-ru");
    CHECK(m.notes.size() == 4);
    check_words_in_order(m);
    check_notes_on_their_marks_page(m);
}

TEST_CASE("the model PDFs open without a warning in pdftotext, qpdf and mutool, fonts embedded as subsets", "[e2e]") {
    check_tools_accept(render("mediazona-cybercrime-en"));
    check_tools_accept(render("mediazona-cybercrime-ru"));
}

TEST_CASE("the English PDF holds every word of the seed letter's body and notes in order", "[e2e]") {
    // The seed is the text of the original PDF; its words (the requisites and page furniture
    // aside) must come back from ours in the same order.
    const Model m = render("mediazona-cybercrime-en");
    Words all;
    for (const Words& p : m.pages) all.insert(all.end(), p.begin(), p.end());
    const Words seed = words(test::read(test::source_dir() / "tests" / "data" / "seed-en.txt"));
    std::size_t at = 0;
    for (const std::string& w : seed) {
        // Each seed word appears, in order (notes may come earlier in ours: at the foot of
        // a page, not where the seed's page broke).
        std::size_t found = std::string::npos;
        for (std::size_t i = at; i < all.size(); ++i)
            if (all[i] == w) {
                found = i;
                break;
            }
        if (found == std::string::npos)
            for (std::size_t i = 0; i < all.size(); ++i)
                if (all[i] == w) found = i;
        INFO("seed word: " << w);
        REQUIRE(found != std::string::npos);
        at = found + 1;
    }
}

TEST_CASE("rendering the same request twice gives the same bytes", "[e2e]") {
    const fs::path md = test::source_dir() / "requests" / "mediazona-cybercrime-ru.md";
    const fs::path dir = test::temp_dir("e2e-twice");
    REQUIRE(test::run_zapros({"render", md.string(), "-o", (dir / "a.pdf").string()}).status == 0);
    REQUIRE(test::run_zapros({"render", md.string(), "-o", (dir / "b.pdf").string()}).status == 0);
    CHECK(test::read(dir / "a.pdf") == test::read(dir / "b.pdf"));
}

TEST_CASE("the PDF's document information carries title, author and creator in UTF-16", "[e2e]") {
    const fs::path dir = test::temp_dir("e2e-info");
    test::write(dir / "r.md", "---\ntitle: Запрос «О контрактах» № 1\nto: МИД\nsignatures:\n  - {role: Редактор, name: С. С. Смирнов}\n---\nТекст.\n");
    REQUIRE(test::run_zapros({"render", "r.md"}, dir).status == 0);
    const auto info = run({"pdfinfo", (dir / "r.pdf").string()});
    CHECK(info.out.find("Title:           Запрос «О контрактах» № 1\n") != std::string::npos);
    CHECK(info.out.find("Author:          С. С. Смирнов\n") != std::string::npos);
    CHECK(info.out.find("Creator:         zapros " ZAPROS_VERSION "\n") != std::string::npos);
    CHECK(info.out.find("CreationDate") == std::string::npos);  // no date from the clock
}

TEST_CASE("no line of the model requests starts with a dash or ends with a tied short word", "[e2e]") {
    const std::vector<std::string> tied = {"в", "к", "с", "о", "у", "и", "а", "но", "на", "по", "за", "от", "до", "из",
                                           "не", "ни", "В", "К", "С", "О", "У", "И", "А", "№", "ст.", "п.", "ч.", "г.",
                                           "a", "I", "No."};
    for (const char* name : {"mediazona-cybercrime-ru", "mediazona-cybercrime-en"}) {
        Diagnostics d(name);
        const auto t = test::typeset_file(test::source_dir() / "requests" / (std::string(name) + ".md"), d);
        REQUIRE(t);
        int lines = 0;
        for (const auto& page : t->pages.pages)
            for (const auto& pl : page.lines) {
                if (pl.line.runs.empty()) continue;
                ++lines;
                INFO(name << ", line starting " << pl.line.runs.front().text);
                // A list's bullet is its label, not a dash in the text.
                const bool bullet = pl.line.runs.front().text == "–" && pl.line.runs.size() > 1;
                const std::string& first = pl.line.runs[bullet ? 1 : 0].text;
                CHECK(first.rfind("—", 0) != 0);
                CHECK(first.rfind("–", 0) != 0);
                std::string last = pl.line.runs.back().text;
                CHECK(std::find(tied.begin(), tied.end(), last) == tied.end());
            }
        CHECK(lines > 50);
    }
}
