// The invisible and special characters of pasted text: what each prints, and where a line may
// break at it — alone between spaces, inside a word, at a line's end and inside a URL. (What
// pdftotext gives back is in tests/characters_e2e_test.cpp.)
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

std::string items(const std::string& text, bool url = false) {
    compose::Paragraph p = test::paragraph_of(text);
    p.hyphenate = false;  // only the characters' own breaks
    p.spans[0].url = url;
    return test::pieces(para::build(p, pt(400), test::resources(), {}));
}

// The text each line draws, in a measure narrow enough that "aaaa bbbb" cannot stand on one.
std::vector<std::string> lines(const std::string& text, Sp width = pt(40)) {
    compose::Paragraph p = test::paragraph_of(text, compose::Align::left);
    p.hyphenate = false;
    Diagnostics d("t.md");
    std::vector<std::string> out;
    for (const para::Line& l : para::typeset(p, width, test::resources(), {}, d)) {
        std::string s;
        for (const para::Run& r : l.runs) s += r.text + (r.space_after ? " " : "");
        out.push_back(s);
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("U+200B is a place to break, never drawn", "[characters]") {
    CHECK(items("aaaa\u200Bbbbb") == "aaaa/bbbb");                             // inside a word
    CHECK(items("aaaa \u200B bbbb") == "aaaa bbbb");                           // alone: nothing
    CHECK(items("http://x.org/aaaa\u200Bbbbb", true) == "http:///x./org//aaaa/bbbb");  // in a URL
    CHECK(lines("aaaa\u200Bbbbb") == Lines{"aaaa", "bbbb"});                  // at a line's end
}

TEST_CASE("U+200C, U+200D, U+2060 and U+FEFF are never drawn and hold their neighbours together", "[characters]") {
    for (const char* joiner : {"\u200C", "\u200D", "\u2060", "\uFEFF"}) {
        INFO("U+" << std::hex << static_cast<int>(static_cast<unsigned char>(joiner[2])));
        CHECK(items(std::string("aaaa") + joiner + "bbbb") == "aaaabbbb");
        // After an explicit hyphen or a URL's slash, where a line could break, it may not.
        CHECK(items(std::string("интернет-") + joiner + "издание") == "интернет-издание");
        CHECK(items(std::string("http://x.org/") + joiner + "bbbb", true) == "http:///x./org/bbbb");
        CHECK(items(std::string("a ") + joiner + " b") == "a b");  // alone: nothing
        // A break chance beside it does not undo it, before or after.
        CHECK(items(std::string("aaaa") + joiner + "\u200Bbbbb") == "aaaabbbb");
        CHECK(items(std::string("aaaa\u200B") + joiner + "bbbb") == "aaaabbbb");
    }
}

TEST_CASE("variation selectors are never drawn and stay with their character", "[characters]") {
    CHECK(items("\u263A\uFE0Faaaa") == "\u263Aaaaa");
    CHECK(items("x\uFE00") == "x");
    CHECK(items("aaaa\U000E0100bbbb") == "aaaabbbb");
}

TEST_CASE("U+00AD is a hyphen only where a line breaks at it", "[characters]") {
    CHECK(items("aaaa\u00ADbbbb") == "aaaa=bbbb");
    CHECK(lines("aaaa\u00ADbbbb") == Lines{"aaaa-", "bbbb"});
    CHECK(items("http://x.org/aaaa\u00ADbbbb", true) == "http:///x./org//aaaa/bbbb");  // never a hyphen in a URL
}

TEST_CASE("U+2011 prints as a hyphen at which a line never breaks", "[characters]") {
    CHECK(items("aaaa\u2011bbbb") == "aaaa\u2011bbbb");
    CHECK(items("aaaa-bbbb") == "aaaa-|bbbb");  // where U+002D may
    CHECK(lines("aaaa\u2011bbbb cc", pt(60)) == Lines{"aaaa\u2011bbbb", "cc"});
}

TEST_CASE("thin, narrow no-break and figure spaces keep their own widths", "[characters]") {
    auto width_of = [&](const std::string& text) {
        compose::Paragraph p = test::paragraph_of(text);
        const para::ItemList l = para::build(p, pt(400), test::resources(), {});
        Sp w = 0;
        for (const para::Item& it : l.items)
            if (it.type == para::Item::Type::box) w += it.width;
        return w;
    };
    const Sp digits = width_of("1000");
    CHECK(width_of("1\u2009000") - digits == pt(12) / 5);                          // a fifth of the em
    CHECK(width_of("1\u202F000") - digits == pt(12) / 5);
    CHECK(width_of("1\u2007000") - digits == width_of("10000") - digits);         // a digit's width
    // Justification never stretches them: they are boxes, not glue.
    compose::Paragraph p = test::paragraph_of("1\u2009000");
    for (const para::Item& it : para::build(p, pt(400), test::resources(), {}).items)
        if (it.type == para::Item::Type::glue) CHECK(it.width == 0);
}

TEST_CASE("a line may break after a thin space but not at a narrow no-break or figure space", "[characters]") {
    // Each is drawn as itself (from a fallback: PT Serif has none), so copied text keeps it.
    CHECK(items("10\u2009000") == "10\u2009/000");
    CHECK(items("10\u202F000") == "10!\u202F000");  // only as the last resort of an over-long chain
    CHECK(items("10\u2007000") == "10!\u2007000");
    CHECK(lines("aaaa\u2009bbbb") == Lines{"aaaa\u2009", "bbbb"});
    CHECK(lines("aaaa\u202Fbbbb cc", pt(60)) == Lines{"aaaa\u202Fbbbb", "cc"});
}

TEST_CASE("a combining mark stays with the letter before it, even as a last resort", "[characters]") {
    // "е" + U+0301 (a stress mark) in a word too long for its line: no break between them.
    std::string word;
    for (int i = 0; i < 40; ++i) word += "е\u0301";
    compose::Paragraph p = test::paragraph_of(word);
    p.hyphenate = false;
    const std::string built = test::pieces(para::build(p, pt(100), test::resources(), {}));
    CHECK(built.find("!\u0301") == std::string::npos);
    CHECK(built.find("\u0301!е") != std::string::npos);
}

TEST_CASE("a fixed-width space drawn from a fallback is a run of its own, so what follows stands where the layout put it", "[characters]") {
    // α, the thin space and β all come from DejaVu Serif; drawn as one run, β would stand where
    // DejaVu's own thin space ends, not at the width zapros gave it.
    compose::Paragraph p = test::paragraph_of("α\u2009β");
    Diagnostics d("t.md");
    const auto lines = para::typeset(p, pt(400), test::resources(), {}, d);
    REQUIRE(lines.size() == 1);
    std::vector<std::string> runs;
    for (const para::Run& r : lines[0].runs) runs.push_back(r.text);
    CHECK(runs == std::vector<std::string>{"α", "\u2009", "β"});
    CHECK(lines[0].runs[2].x - lines[0].runs[1].x == pt(12) / 5);
}

TEST_CASE("a %XX escape is never split, not even as a last resort", "[characters]") {
    const std::string built = items("http://x.org/a%D0%BA%D1%8Fb", true);
    INFO(built);
    for (std::size_t at = built.find('%'); at != std::string::npos; at = built.find('%', at + 1))
        CHECK(built.substr(at, 3).find('!') == std::string::npos);
    compose::Paragraph p = test::paragraph_of("http://x.org/a%D0%BA%D1%8Fb");
    p.spans[0].url = true;
    const std::string narrow = test::pieces(para::build(p, pt(5), test::resources(), {}));
    INFO(narrow);
    CHECK(narrow.find("%D0") != std::string::npos);
    CHECK(narrow.find("%8F") != std::string::npos);
}
