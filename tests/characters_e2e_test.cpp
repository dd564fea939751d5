// What the invisible and special characters of pasted text give back from the PDF: pdftotext's
// text, and the PDF's own map from glyphs to characters (which pdftotext folds for spaces).
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace zapros;

namespace {

struct Rendered {
    std::string text;     // pdftotext
    std::string unicode;  // the ToUnicode maps, uncompressed
};

Rendered render(const std::string& body) {
    const auto dir = test::temp_dir("characters");
    test::write(dir / "r.md", "---\ntitle: T\nto: X\n---\n\n" + body + "\n");
    const auto r = test::run_zapros({"render", "r.md"}, dir);
    REQUIRE(r.status == 0);
    Rendered out;
    out.text = test::run({"pdftotext", (dir / "r.pdf").string(), "-"}).out;
    REQUIRE(test::run({"qpdf", "--qdf", "--object-streams=disable", (dir / "r.pdf").string(), (dir / "q.pdf").string()}).status == 0);
    out.unicode = test::read(dir / "q.pdf");
    return out;
}

}  // namespace

TEST_CASE("invisible characters give nothing back from the PDF", "[characters][e2e]") {
    const auto r = render("A[\u200B]B C[\u200C]D E[\u200D]F G[\u2060]H I[\uFEFF]J K[\uFE0F]L M[\u00AD]N");
    for (const char* pair : {"A[]B", "C[]D", "E[]F", "G[]H", "I[]J", "K[]L", "M[]N"}) {
        INFO(pair << " in " << r.text);
        CHECK(r.text.find(pair) != std::string::npos);
    }
}

TEST_CASE("U+2011 gives back U+2011, the hyphen it prints as", "[characters][e2e]") {
    const auto r = render("O[\u2011]P");
    CHECK(r.text.find("O[\u2011]P") != std::string::npos);
}

TEST_CASE("thin, narrow no-break and figure spaces are mapped to themselves; pdftotext folds them to a space", "[characters][e2e]") {
    const auto r = render("Q[\u2009]R S[\u202F]T U[\u2007]V");
    for (const char* pair : {"Q[ ]R", "S[ ]T", "U[ ]V"}) CHECK(r.text.find(pair) != std::string::npos);
    for (const char* code : {"> <2009>", "> <202F>", "> <2007>"}) {
        INFO(code);
        CHECK(r.unicode.find(code) != std::string::npos);
    }
}

TEST_CASE("characters no font has give no other character back from the PDF", "[characters][e2e]") {
    const auto r = render("W[\u4E2D\u6587 \uD55C\uAD6D\uC5B4]Z");
    for (const char* other : {"\u6587\u6587", "\u4E2D\u4E2D", "\u6587 \u6587"}) {
        INFO(r.text);
        CHECK(r.text.find(other) == std::string::npos);
    }
    // Glyph 0 maps to nothing: "<0000>" opens only the code space ranges.
    for (std::size_t at = r.unicode.find("\n<0000> <"); at != std::string::npos; at = r.unicode.find("\n<0000> <", at + 1))
        CHECK(r.unicode.substr(at, 14) == "\n<0000> <FFFF>");
}

TEST_CASE("a fixed-width space no font has in a code block's line is warned about, as any character", "[characters][e2e]") {
    const auto dir = test::temp_dir("characters");
    test::write(dir / "r.md", "---\ntitle: T\nto: X\n---\n\n```\nx\u3000y\n```\n\nx\u3000y\n");
    const auto r = test::run_zapros({"render", "r.md"}, dir);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("r.md:7:2: warning: character U+3000") != std::string::npos);
    CHECK(r.err.find("r.md:10:") == std::string::npos);  // in text it is a gap of its width
}
