// The PDF writer: links, note links, text operations, fonts embedded only when used.
#include <catch2/catch.hpp>

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "base/utf8.hpp"
#include "support.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

// The PDF with its streams uncompressed (qpdf's QDF form), for reading its objects as text.
std::string qdf(const std::string& md, const std::string& name) {
    const fs::path dir = test::temp_dir("pdf-" + name);
    test::write(dir / "r.md", md);
    REQUIRE(test::run_zapros({"render", "r.md"}, dir).status == 0);
    const auto r = test::run({"qpdf", "--qdf", "--object-streams=disable", (dir / "r.pdf").string(), (dir / "q.pdf").string()});
    REQUIRE(r.status == 0);
    return test::read(dir / "q.pdf");
}

// The characters of the glyph ids the fonts' ToUnicode maps name ("<0123> <0416>" lines); the
// test documents use PT Serif's regular and bold, which number their glyphs alike.
std::map<std::uint16_t, char32_t> to_unicode(const std::string& pdf) {
    std::map<std::uint16_t, char32_t> out;
    for (std::size_t at = pdf.find("beginbfchar"); at != std::string::npos; at = pdf.find("beginbfchar", at + 1)) {
        std::istringstream in(pdf.substr(at + 11, pdf.find("endbfchar", at) - at - 11));
        for (std::string g, c; in >> g >> c;) {
            const auto glyph = static_cast<std::uint16_t>(std::stoul(g.substr(1, 4), nullptr, 16));
            const auto code = static_cast<char32_t>(std::stoul(c.substr(1, 4), nullptr, 16));
            const auto [it, added] = out.emplace(glyph, code);
            REQUIRE(it->second == code);
        }
    }
    return out;
}

// A character's glyph id as a content stream shows it after qpdf --qdf (which writes binary
// strings as hex, in lower case).
std::string glyph_hex(const std::string& pdf, char32_t c) {
    for (const auto& [glyph, code] : to_unicode(pdf))
        if (code == c) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "%04x", glyph);
            return hex;
        }
    FAIL("no glyph for U+" << std::hex << static_cast<unsigned>(c));
    return "";
}

// The text of every TJ operation, its glyph ids decoded through the ToUnicode maps (kerning
// numbers dropped).
std::vector<std::string> tj_texts(const std::string& pdf) {
    const auto chars = to_unicode(pdf);
    std::vector<std::string> out;
    for (std::size_t end = pdf.find("] TJ"); end != std::string::npos; end = pdf.find("] TJ", end + 1)) {
        const std::size_t start = pdf.rfind('[', end);
        std::string text;
        std::string hex;
        bool in = false;
        for (std::size_t i = start; i < end; ++i) {
            if (pdf[i] == '<') in = true, hex.clear();
            else if (pdf[i] == '>') {
                in = false;
                for (std::size_t k = 0; k + 4 <= hex.size(); k += 4) {
                    const auto it = chars.find(static_cast<std::uint16_t>(std::stoul(hex.substr(k, 4), nullptr, 16)));
                    utf8::append(text, it == chars.end() ? U'\uFFFD' : it->second);
                }
            } else if (in) hex += pdf[i];
        }
        out.push_back(text);
    }
    return out;
}

// Runs of white space folded into one blank.
std::string folded(const std::string& s) {
    std::string out;
    for (char c : s) {
        const bool blank = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (blank && !out.empty() && out.back() == ' ') continue;
        out += blank ? ' ' : c;
    }
    return out;
}

std::size_t count(const std::string& hay, const std::string& needle) { return test::occurrences(hay, needle); }

}  // namespace

TEST_CASE("links are clickable without a border and their URLs percent-encoded", "[pdf]") {
    const std::string pdf = qdf("---\ntitle: T\nto: X\n---\nСм. [отчёт](https://zona.media/отчёт?a=1 \"t\").\n", "links");
    CHECK(pdf.find("/URI (https://zona.media/%D0%BE%D1%82%D1%87%D1%91%D1%82?a=1)") != std::string::npos);
    CHECK(folded(pdf).find("/Border [ 0 0 0 ]") != std::string::npos);
}

TEST_CASE("a note mark links to its note and keeps the reader's zoom", "[pdf]") {
    const std::string pdf = qdf("---\ntitle: T\nto: X\n---\nТекст[^1].\n\n[^1]: Сноска.\n", "notelink");
    CHECK(count(pdf, "/Subtype /Link") == 1);
    CHECK(pdf.find("/XYZ") != std::string::npos);
    CHECK(pdf.find("null\n") != std::string::npos);
}

TEST_CASE("each word is one text operation carrying its trailing space, kerned with TJ", "[pdf]") {
    const std::string pdf = qdf("---\ntitle: T\nlang: en\nto: X\n---\nAVA To\n", "tj");
    // "AVA " opens with the AV kern (−103/1000 em, written 103) and carries its space; "To",
    // the line's last word, is kerned by 63 and carries none.
    const std::string a = glyph_hex(pdf, U'A'), v = glyph_hex(pdf, U'V'), t = glyph_hex(pdf, U'T'), o = glyph_hex(pdf, U'o');
    CHECK(pdf.find("[<" + a + ">103<" + v + ">") != std::string::npos);
    CHECK(pdf.find("[<" + t + ">63<" + o + ">] TJ") != std::string::npos);
    const auto texts = tj_texts(pdf);
    CHECK(std::find(texts.begin(), texts.end(), "AVA ") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), "To") != texts.end());
}

TEST_CASE("only the faces a document uses are embedded", "[pdf]") {
    const std::string plain = qdf("---\ntitle: T\nto: X\n---\nТекст.\n", "faces1");
    CHECK(count(plain, "/FontFile2") == 2);  // regular and bold (the title)
    const std::string more = qdf("---\ntitle: T\nto: X\n---\nТекст *курсив* `код`.\n", "faces2");
    CHECK(count(more, "/FontFile2") == 4);
}

TEST_CASE("a face is embedded as a subset of the drawn glyphs, coded by glyph id, each with its character", "[pdf]") {
    const std::string pdf = qdf("---\ntitle: T\nto: X\n---\nТекст, ёж.\n", "subset");
    CHECK(count(pdf, "/Subtype /Type0") == 2);
    CHECK(count(pdf, "/Encoding /Identity-H") == 2);
    CHECK(count(pdf, "/CIDToGIDMap /Identity") == 2);  // no 128 KB map per face
    CHECK(count(pdf, "/Length1 ") == 2);
    CHECK(pdf.find("begincidrange") == std::string::npos);
    // The ToUnicode maps name exactly the characters the text operations draw.
    std::set<char32_t> drawn, mapped;
    for (const std::string& t : tj_texts(pdf))
        for (std::size_t i = 0; i < t.size();) drawn.insert(utf8::next(t, i));
    for (const auto& [glyph, c] : to_unicode(pdf)) mapped.insert(c);
    CHECK(drawn.count(U'\uFFFD') == 0);
    CHECK(drawn == mapped);
    CHECK(drawn.count(U'ё') == 1);
}

TEST_CASE("a one-line letter stays small: fonts carry only what is drawn", "[pdf]") {
    const fs::path dir = test::temp_dir("pdf-small");
    test::write(dir / "r.md", "---\ntitle: T\nto: X\n---\nТекст.\n");
    REQUIRE(test::run_zapros({"render", "r.md"}, dir).status == 0);
    // The two faces whole would take 336 KB compressed; the drawn glyphs take 13 KB of 17.
    CHECK(fs::file_size(dir / "r.pdf") < 20000);
}

TEST_CASE("every stream is compressed and marked /FlateDecode once", "[pdf]") {
    // The writer compresses the streams itself and libharu copies them: a stream left plain,
    // marked twice or not marked would still be a PDF, but a wrong or a large one.
    const fs::path dir = test::temp_dir("pdf-deflate");
    test::write(dir / "r.md", "---\ntitle: T\nto: X\n---\nТекст *курсив*.\n");
    REQUIRE(test::run_zapros({"render", "r.md"}, dir).status == 0);
    const std::string pdf = test::read(dir / "r.pdf");
    const std::size_t streams = count(pdf, "stream\r\n");
    // The page; program and ToUnicode map of each of three faces; PDF/A's sRGB profile and XMP,
    // which alone stays plain, as XMP scanners read it (archival.cpp).
    CHECK(streams == 9);
    const std::size_t packer = count(pdf, ">>\nstream\n");
    CHECK(packer == 2);  // output/pack.cpp's object stream and cross-reference stream
    CHECK(count(pdf, "/Filter /FlateDecode") == streams - 1 + packer);
    CHECK(count(pdf, "/Filter") == streams - 1 + packer);
    CHECK(pdf.find("BT\n") == std::string::npos);  // no plain content stream
    const auto check = test::run({"qpdf", "--check", (dir / "r.pdf").string()});
    CHECK(check.status == 0);
    CHECK(check.out.find("No syntax or stream encoding errors") != std::string::npos);
}

TEST_CASE("no soft hyphen reaches the PDF; a hyphen at a break is a real hyphen", "[pdf]") {
    // Long words and few spaces: justification needs hyphens.
    std::string body = "Сло\u00ADво";
    for (int i = 0; i < 30; ++i) body += " высокопревосходительство";
    const std::string pdf = qdf("---\ntitle: T\nto: X\n---\n" + body + ".\n", "shy");
    const auto texts = tj_texts(pdf);
    REQUIRE_FALSE(texts.empty());
    bool hyphen_at_end = false;
    for (const std::string& t : texts) {
        CHECK(t.find("\u00AD") == std::string::npos);
        hyphen_at_end |= !t.empty() && t.back() == '-';
    }
    CHECK(hyphen_at_end);  // some line ends in a drawn "-"
}

TEST_CASE("a blank in a link's URL is percent-encoded", "[pdf]") {
    const std::string pdf = qdf("---\ntitle: T\nto: X\n---\nСм. [отчёт](<https://zona.media/a b>).\n", "blank-link");
    CHECK(pdf.find("/URI (https://zona.media/a%20b)") != std::string::npos);
}

TEST_CASE("a glyph code whose byte is a parenthesis or a backslash reaches the PDF as drawn", "[pdf]") {
    const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789 "
                                "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    const std::string pdf = qdf("---\ntitle: T\nto: X\nhyphenate: false\n---\n" + letters + "\n", "string-bytes");
    // The case: some glyph drawn has a code byte that a PDF string must escape.
    bool escaped = false;
    for (const auto& [glyph, c] : to_unicode(pdf))
        for (const unsigned b : {static_cast<unsigned>(glyph >> 8), static_cast<unsigned>(glyph & 0xFF)}) escaped |= b == '(' || b == ')' || b == '\\';
    REQUIRE(escaped);
    std::set<char32_t> drawn, written;
    for (const std::string& t : tj_texts(pdf))
        for (std::size_t i = 0; i < t.size();) drawn.insert(utf8::next(t, i));
    for (std::size_t i = 0; i < letters.size();) written.insert(utf8::next(letters, i));
    CHECK(drawn.count(U'\uFFFD') == 0);
    for (char32_t c : written) CHECK(drawn.count(c) == 1);
}
