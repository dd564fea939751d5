// What the PDF gives back for runs that stand for other text than their glyphs (para::Run::
// actual): a placeholder for a character no font has, a hyphen added at a break, GOST's repeated
// hyphen. Read from outside: the content streams through qpdf, the text through pdftotext.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <string_view>

#include "base/utf8.hpp"
#include "output/pdf.hpp"
#include "support.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

struct Rendered {
    test::Run run;
    std::string text;  // pdftotext
    std::string qdf;   // the PDF with its streams uncompressed (qpdf --qdf), strings in hex
};

Rendered render(const std::string& name, const std::string& yaml, const std::string& body) {
    const fs::path dir = test::temp_dir("actual-" + name);
    test::write(dir / "r.md", "---\ntitle: T\nto: X\n" + yaml + "---\n" + body + "\n");
    Rendered r;
    r.run = test::run_zapros({"render", "r.md"}, dir);
    REQUIRE(r.run.status == 0);
    r.text = test::run({"pdftotext", (dir / "r.pdf").string(), "-"}).out;
    REQUIRE(test::run({"qpdf", "--qdf", "--object-streams=disable", (dir / "r.pdf").string(), (dir / "q.pdf").string()}).status == 0);
    r.qdf = test::read(dir / "q.pdf");
    return r;
}

// Hex digits → bytes.
std::string bytes_of(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
    return out;
}

// UTF-16BE with its byte order mark → UTF-8.
std::string from_utf16(const std::string& b) {
    REQUIRE(b.rfind("\xFE\xFF", 0) == 0);
    std::string out;
    for (std::size_t i = 2; i + 1 < b.size(); i += 2) {
        char32_t u = static_cast<unsigned char>(b[i]) << 8 | static_cast<unsigned char>(b[i + 1]);
        if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
            const char32_t low = static_cast<unsigned char>(b[i + 2]) << 8 | static_cast<unsigned char>(b[i + 3]);
            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
            i += 2;
        }
        utf8::append(out, u);
    }
    return out;
}

// Each ActualText span of the content streams: its text, and the glyph codes it draws.
struct Span {
    std::string actual;  // UTF-8
    std::string utf16;   // as written, its byte order mark included
    std::vector<unsigned> codes;
};

// The glyph codes of a TJ's array as qpdf writes it: hex strings of 2-byte codes.
std::vector<unsigned> codes_of(std::string_view tj) {
    std::vector<unsigned> out;
    for (std::size_t at = tj.find('<'); at != std::string_view::npos; at = tj.find('<', at + 1)) {
        const std::size_t end = tj.find('>', at);
        for (std::size_t k = at + 1; k + 4 <= end; k += 4) out.push_back(static_cast<unsigned>(std::stoul(std::string(tj.substr(k, 4)), nullptr, 16)));
    }
    return out;
}

// Each "/Span << /ActualText <…> >> BDC [ … ] TJ EMC" of the content streams.
std::vector<Span> spans(const std::string& qdf) {
    std::vector<Span> out;
    const std::string open = "/Span << /ActualText <";
    for (std::size_t at = qdf.find(open); at != std::string::npos; at = qdf.find(open, at + 1)) {
        const std::size_t hex = at + open.size(), hex_end = qdf.find('>', hex);
        const std::size_t tj = qdf.find(" >> BDC [", hex_end), tj_end = qdf.find("] TJ\nEMC\n", hex_end);
        REQUIRE(tj == hex_end + 1);
        REQUIRE(tj_end != std::string::npos);
        const std::string utf16 = bytes_of(qdf.substr(hex, hex_end - hex));
        out.push_back({from_utf16(utf16), utf16, codes_of(std::string_view(qdf).substr(tj, tj_end - tj))});
    }
    return out;
}

// The glyph codes of every text operation (each TJ's array).
std::vector<unsigned> all_codes(const std::string& qdf) {
    std::vector<unsigned> out;
    for (std::size_t end = qdf.find("] TJ"); end != std::string::npos; end = qdf.find("] TJ", end + 1)) {
        const std::size_t start = qdf.rfind('[', end);
        const auto c = codes_of(std::string_view(qdf).substr(start, end - start));
        out.insert(out.end(), c.begin(), c.end());
    }
    return out;
}

// A paragraph of `word` `times` over: the measure breaks some of them.
Rendered repeated(const std::string& name, const std::string& yaml, const std::string& word, int times) {
    std::string body;
    for (int i = 0; i < times; ++i) body += word + " ";
    return render(name, yaml, body + "конец.");
}

// The spans of the content streams, each checked to draw one glyph that reads as `actual`.
std::vector<Span> hyphens(const Rendered& r, const std::string& actual) {
    const auto s = spans(r.qdf);
    for (const Span& h : s) {
        CHECK(h.actual == actual);
        CHECK(h.codes.size() == 1);
    }
    return s;
}

std::size_t count(const std::string& hay, const std::string& needle) { return test::occurrences(hay, needle); }

}  // namespace

TEST_CASE("a character no font has prints a placeholder, never CID 0, and pdftotext gives the character back", "[pdf][notdef][e2e]") {
    const auto r = render("notdef", "lang: en\n", "Sign \uE000 and \U00010000\uE001, *slanted \uE002* and `code \uE003`.");
    // The warnings, exactly as before the placeholder.
    const std::string fonts = " is in none of zapros's fonts (PT Serif, DejaVu Serif, Symbola); it prints as a box\n";
    CHECK(r.run.err == "r.md:6:6: warning: character U+E000 '\uE000'" + fonts +
                           "r.md:6:12: warning: character U+10000 '\U00010000'" + fonts +
                           "r.md:6:13: warning: character U+E001 '\uE001'" + fonts +
                           "r.md:6:25: warning: character U+E002 '\uE002'" + fonts +
                           "r.md:6:38: warning: character U+E003 '\uE003' is in none of zapros's fonts (PT Mono, DejaVu Sans Mono, "
                           "Symbola); it prints as a box\n");
    // Glyph 0 is drawn nowhere (PDF/A-2 6.2.11.8, PDF/UA-1 7.21.8): every code of every TJ.
    const auto codes = all_codes(r.qdf);
    CHECK(codes.size() > 40);
    CHECK(std::count(codes.begin(), codes.end(), 0u) == 0);
    // Each run of placeholders sits in a span whose ActualText holds the characters (and the
    // space drawn after them): one glyph per character.
    std::vector<std::string> actual;
    for (const Span& s : spans(r.qdf)) {
        actual.push_back(s.actual);
        const std::size_t chars = utf8::length(s.actual) - (s.actual.ends_with(' ') ? 1 : 0);
        CHECK(s.codes.size() == chars + (s.actual.ends_with(' ') ? 1 : 0));
    }
    CHECK(actual == std::vector<std::string>{"\uE000 ", "\U00010000\uE001", "\uE002 ", "\uE003"});
    // pdftotext (poppler honours ActualText) reads the author's characters, and no box.
    CHECK(r.text.find("Sign \uE000 and \U00010000\uE001, slanted \uE002 and code \uE003.") != std::string::npos);
    CHECK(r.text.find("\u25A1") == std::string::npos);
}

TEST_CASE("a hyphen added at a break reads as U+00AD: pdftotext gives each word whole", "[pdf][hyphen][e2e]") {
    const std::string word = "высокопревосходительство";
    const auto r = repeated("hyphen", "", word, 30);
    // Every hyphen drawn at a line end is a span reading U+00AD; none reads as "-".
    const auto s = hyphens(r, "\u00AD");
    REQUIRE(s.size() >= 3);
    CHECK(r.text.find('-') == std::string::npos);
    // Each soft hyphen ends a line; joined there, the words are the source's, all 30 of them.
    CHECK(count(r.text, "\u00AD") == s.size());
    CHECK(count(r.text, "\u00AD\n") == s.size());
    const std::string joined = std::regex_replace(r.text, std::regex("\u00AD\n"), "");
    CHECK(count(joined, word) == 30);
}

TEST_CASE("with pdf-standard none a break hyphen still reads as U+00AD, in an untagged PDF", "[pdf][hyphen][e2e]") {
    // README: none is the old PDF but for these spans (the old one drew the hyphen in the word's
    // TJ, read as "-").
    const auto r = repeated("hyphen-none", "pdf-standard: none\n", "высокопревосходительство", 30);
    CHECK(hyphens(r, "\u00AD").size() >= 3);
    CHECK(r.qdf.find("/StructTreeRoot") == std::string::npos);
    CHECK(r.qdf.find("/MCID") == std::string::npos);
}

TEST_CASE("GOST's repeated hyphen reads as nothing: the author's hyphen is read once", "[pdf][hyphen][e2e]") {
    const auto r = repeated("repeat", "hyphenate: false\nrepeat-hyphen: true\n", "информационно-телекоммуникационных", 24);
    // The copies at a line's start are spans with an empty ActualText (a byte order mark only).
    const auto s = hyphens(r, "");
    REQUIRE_FALSE(s.empty());
    // No line of the text starts with a hyphen; the author's 24 hyphens are all that is read,
    // less those poppler itself drops at a line's end (it joins any line ending in "-").
    CHECK(r.text.find("\n-") == std::string::npos);
    CHECK(count(r.text, "-") + s.size() == 24);
    CHECK(count(r.text, "информационно-\n") == 0);
}

TEST_CASE("an ActualText is cut to a PDF string's 32,767 bytes, never inside a surrogate pair", "[pdf][notdef]") {
    // No line holds so many characters; the cut guards what a run could carry.
    const text::Font dejavu = text::Font::load(test::source_dir() / "fonts" / "DejaVuSerif.ttf");
    output::FontData fonts(text::font_count());
    const text::FontId id = 5;
    REQUIRE(text::font_name(id) == "dejavu-serif");
    fonts[id] = dejavu.subset({text::placeholder});
    std::string astral;
    for (int i = 0; i < 9000; ++i) astral += "\U00010000";  // 4 bytes each in UTF-16
    // The byte order mark and 8,191 pairs fill 32,766 bytes; after "a", 8,190 pairs and the
    // next pair's high half would, and that half is dropped.
    for (const auto& [actual, bytes] : {std::pair{astral, 32766u}, std::pair{"a" + astral, 32764u}}) {
        page::Pages pages;
        pages.width = pt(200);
        pages.height = pt(300);
        page::Page& p = pages.pages.emplace_back();
        para::Line line;
        line.runs.push_back(para::Run{.x = 0, .y = 0, .text = "\u25A1", .font = id, .size = pt(12), .actual = actual});
        p.lines.push_back({pt(10), pt(20), line});
        const fs::path dir = test::temp_dir("actual-cap");
        test::write(dir / "r.pdf", output::write_pdf(pages, {}, fonts, nullptr, {.srgb_profile = test::srgb_profile()}));
        REQUIRE(test::run({"qpdf", "--qdf", "--object-streams=disable", (dir / "r.pdf").string(), (dir / "q.pdf").string()}).status == 0);
        const auto s = spans(test::read(dir / "q.pdf"));
        REQUIRE(s.size() == 1);
        CHECK(s[0].utf16.size() == bytes);
        CHECK(actual.rfind(s[0].actual, 0) == 0);  // a prefix, whole characters
        const unsigned last = static_cast<unsigned char>(s[0].utf16[s[0].utf16.size() - 2]);
        CHECK((last < 0xD8 || last > 0xDB));  // no high surrogate without its pair
    }
}

TEST_CASE("a silent run (GOST's copy of a hyphen) is drawn inside an empty ActualText, so it reads as nothing", "[pdf][notdef]") {
    const text::Font dejavu = text::Font::load(test::source_dir() / "fonts" / "DejaVuSerif.ttf");
    output::FontData fonts(text::font_count());
    const text::FontId id = 5;
    REQUIRE(text::font_name(id) == "dejavu-serif");
    fonts[id] = dejavu.subset({U'-', U'a'});
    page::Pages pages;
    pages.width = pt(200);
    pages.height = pt(300);
    para::Line line;
    line.runs.push_back(para::Run{.x = 0, .y = 0, .text = "-", .font = id, .size = pt(12), .silent = true});
    line.runs.push_back(para::Run{.x = pt(10), .y = 0, .text = "a", .font = id, .size = pt(12)});
    pages.pages.emplace_back().lines.push_back({pt(10), pt(20), line});
    const fs::path dir = test::temp_dir("actual-silent");
    test::write(dir / "r.pdf", output::write_pdf(pages, {}, fonts, nullptr, {.standard = output::Standard::none}));
    REQUIRE(test::run({"qpdf", "--qdf", (dir / "r.pdf").string(), (dir / "q.pdf").string()}).status == 0);
    const auto s = spans(test::read(dir / "q.pdf"));
    REQUIRE(s.size() == 1);  // the copy alone; the plain run has none
    CHECK(s[0].utf16 == "\xFE\xFF");  // a byte order mark and nothing: no text
    CHECK(s[0].codes.size() == 1);
}
