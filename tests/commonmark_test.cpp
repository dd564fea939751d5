// A conformance test nobody wrote for us: every example of the GFM 0.29 spec (which holds all of
// CommonMark's, plus tables, strikethrough, autolinks and footnotes) and of cmark-gfm's extension
// tests, typeset as a request's body: every visible word of the example's expected HTML must
// reach the pages, the same number of times, and in the same order unless notes move it.
// Examples whose raw HTML zapros drops by design (with a warning) are checked for not failing only.
#include <catch2/catch.hpp>

#include <map>
#include <sstream>

#include "base/utf8.hpp"
#include "layout_support.hpp"
#include "support.hpp"

namespace {

struct Example {
    int number = 0;
    std::string section;
    std::string markdown;
    std::string html;
};

// The spec's examples: a fence line of 32 backticks and "example", the Markdown, a line ".",
// the HTML, the closing fence. "→" stands for a tab.
std::vector<Example> examples(const std::string& text) {
    std::vector<Example> out;
    std::istringstream in(text);
    const std::string fence(32, '`');
    std::string section;
    int state = 0;  // 0 outside, 1 markdown, 2 html
    Example ex;
    for (std::string line; std::getline(in, line);) {
        if (state == 0) {
            if (line.rfind("#", 0) == 0) section = line.substr(line.find(' ') + 1);
            if (line.rfind(fence + " example", 0) == 0) {
                state = 1;
                ex = Example{static_cast<int>(out.size()) + 1, section, {}, {}};
            }
        } else if (line == fence) {
            out.push_back(ex);
            state = 0;
        } else if (state == 1 && line == ".") {
            state = 2;
        } else {
            for (std::size_t at; (at = line.find("→")) != std::string::npos;) line.replace(at, 3, "\t");
            (state == 1 ? ex.markdown : ex.html) += line + "\n";
        }
    }
    return out;
}

std::string decode_entities(const std::string& s) {
    static const std::map<std::string, std::string> named = {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}};
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            const std::size_t end = s.find(';', i);
            if (end != std::string::npos && end - i < 10) {
                const std::string name = s.substr(i + 1, end - i - 1);
                if (named.count(name)) {
                    out += named.at(name);
                    i = end;
                    continue;
                }
                if (!name.empty() && name[0] == '#') {
                    const bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
                    zapros::utf8::append(out, static_cast<char32_t>(std::stoul(name.substr(hex ? 2 : 1), nullptr, hex ? 16 : 10)));
                    i = end;
                    continue;
                }
            }
        }
        out += s[i];
    }
    return out;
}

// Visible text of HTML: tags removed, entities decoded.
std::string html_text(const std::string& html) {
    std::string out;
    bool tag = false;
    for (char c : html) {
        if (c == '<') tag = true, out += ' ';
        else if (c == '>') tag = false;
        else if (!tag) out += c;
    }
    return decode_entities(out);
}

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string cur;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = zapros::utf8::next(text, i);
        if (zapros::utf8::is_letter(c) || zapros::utf8::is_digit(c)) zapros::utf8::append(cur, c);
        else if (!cur.empty()) out.push_back(cur), cur.clear();
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

// The text the pages show, lines joined, a word hyphenated at a line's end rejoined. Runs are
// joined with a space: a run ends at a space, a change of face or a cell's edge, as a tag does in
// the expected HTML (which is read with a space for every tag).
std::string page_text(const zapros::page::Pages& pages) {
    std::string out;
    for (const auto& p : pages.pages)
        for (const auto& pl : p.lines) {
            std::string line;
            for (const auto& r : pl.line.runs) line += (line.empty() ? "" : " ") + r.text;
            if (pl.line.hyphen && !line.empty() && line.back() == '-') line.pop_back();
            else line += ' ';
            out += line;
        }
    return out;
}

// Letters and digits only: where a tag or a run boundary falls (a space or not) is layout, not
// content ("a<http://x>" prints as "ahttp…" as a browser shows it).
std::u32string letters(const std::string& text) {
    std::u32string out;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = zapros::utf8::next(text, i);
        if (zapros::utf8::is_letter(c) || zapros::utf8::is_digit(c)) out += c;
    }
    return out;
}

bool is_subsequence(const std::u32string& small, const std::u32string& big) {
    std::size_t k = 0;
    for (char32_t c : big)
        if (k < small.size() && c == small[k]) ++k;
    return k == small.size();
}

void check_spec(const std::string& file, std::size_t at_least) {
    const auto all = examples(zapros::test::read(zapros::test::source_dir() / "tests" / "data" / "specs" / file));
    REQUIRE(all.size() >= at_least);
    int checked = 0;
    for (const Example& ex : all) {
        zapros::Diagnostics d("example.md");
        const auto t = zapros::test::typeset_text("---\ntitle: T\nto: X\n---\n" + ex.markdown, d);
        INFO(file << " example " << ex.number << " (" << ex.section << "):\n" << ex.markdown);
        // Errors only for what a request must not contain: a missing image, an undefined note.
        bool dropped_html = false, expected_error = false;
        for (const auto& diag : d.all()) {
            dropped_html |= diag.message.find("raw HTML") != std::string::npos;
            expected_error |= diag.message.find("not found") != std::string::npos ||
                              diag.message.find("is not defined") != std::string::npos ||
                              diag.message.find("outside the request") != std::string::npos;
        }
        if (!t) {
            CHECK(expected_error);
            continue;
        }
        if (dropped_html) continue;
        const std::string html = html_text(ex.html), pages = page_text(t->pages);
        const std::u32string stream = letters(pages);
        // Every word is there (as many times), spaces aside…
        std::map<std::u32string, int> need;
        for (const auto& w : words(html)) ++need[letters(w)];
        for (const auto& [w, n] : need) {
            int found = 0;
            for (std::size_t at = stream.find(w); at != std::u32string::npos; at = stream.find(w, at + w.size())) ++found;
            INFO("word '" << zapros::test::read_u32(w) << "'");
            CHECK(found >= n);
        }
        // …and in order, unless notes moved to the foot of the page.
        if (ex.html.find("footnote") == std::string::npos) CHECK(is_subsequence(letters(html), stream));
        ++checked;
    }
    CHECK(checked > static_cast<int>(at_least) * 3 / 4);
}

}  // namespace

TEST_CASE("every visible word of every GFM spec example reaches the page", "[commonmark]") {
    check_spec("gfm-spec.txt", 600);
}

TEST_CASE("every visible word of every cmark-gfm extension example reaches the page", "[commonmark]") {
    check_spec("gfm-extensions.txt", 20);
}

TEST_CASE("every CommonMark 0.31.2 example typesets without failing", "[commonmark]") {
    // The newer spec than our cmark-gfm 0.29: the expected HTML may differ, so only that each
    // example either typesets or fails with one of a request's own errors.
    const auto all = examples(zapros::test::read(zapros::test::source_dir() / "tests" / "data" / "specs" / "commonmark-spec.txt"));
    REQUIRE(all.size() >= 600);
    for (const Example& ex : all) {
        zapros::Diagnostics d("example.md");
        const auto t = zapros::test::typeset_text("---\ntitle: T\nto: X\n---\n" + ex.markdown, d);
        if (t) continue;
        INFO("example " << ex.number << ":\n" << ex.markdown << Catch::Detail::stringify(zapros::test::messages(d)));
        bool own = false;
        for (const auto& diag : d.all())
            own |= diag.message.find("not found") != std::string::npos || diag.message.find("is not defined") != std::string::npos ||
                   diag.message.find("outside the request") != std::string::npos;
        CHECK(own);
    }
}
