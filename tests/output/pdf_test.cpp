// The PDF writer: links, note links, text operations, fonts embedded only when used.
#include <catch2/catch.hpp>

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

// The text of every TJ operation, decoded from its UCS-2 hex strings (kerning numbers dropped).
std::vector<std::string> tj_texts(const std::string& pdf) {
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
                for (std::size_t k = 0; k + 4 <= hex.size(); k += 4)
                    utf8::append(text, static_cast<char32_t>(std::stoul(hex.substr(k, 4), nullptr, 16)));
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

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
    return n;
}

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
    // the line's last word, is kerned by 63 and carries none. (qpdf writes hex in lower case.)
    CHECK(pdf.find("[<0041>103<0056>") != std::string::npos);
    CHECK(pdf.find("[<0054>63<006f>] TJ") != std::string::npos);
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
