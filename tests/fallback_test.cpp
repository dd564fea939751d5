// Font fallback end to end (issue 14): what PT Serif and PT Mono lack is drawn from DejaVu and
// Symbola, read back from the PDF with mutool trace (each glyph's font, size, id and position),
// mutool extract (the embedded programs), pdftotext, qpdf and pdffonts.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

#include "base/utf8.hpp"
#include "support.hpp"
#include "text/font.hpp"
#include "text/fonts.hpp"
#include "text/sfnt_reader.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

struct Rendered {
    fs::path dir, pdf;
    test::Run run;
};

Rendered render(const std::string& name, const std::string& body) {
    Rendered r;
    r.dir = test::temp_dir("fallback-" + name);
    r.pdf = r.dir / "r.pdf";
    test::write(r.dir / "r.md", "---\ntitle: Запрос\nto: Министерство\n---\n" + body);
    r.run = test::run_zapros({"render", "r.md"}, r.dir);
    return r;
}

// A glyph as mutool trace shows it: its font's PostScript name (the subset tag dropped), the
// font size, the character, the glyph id and the position.
struct Glyph {
    std::string font;
    double size = 0;
    std::string ch;
    int glyph = 0;
    double x = 0, y = 0;
};

std::string attribute(const std::string& line, const std::string& name) {
    const std::size_t at = line.find(" " + name + "=\"");
    if (at == std::string::npos) return "";
    const std::size_t from = at + name.size() + 3;
    return line.substr(from, line.find('"', from) - from);
}

std::vector<Glyph> trace(const fs::path& pdf) {
    const auto r = test::run({"mutool", "trace", pdf.string()});
    REQUIRE(r.status == 0);
    std::vector<Glyph> out;
    std::istringstream in(r.out);
    std::string font;
    double size = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.find("<span ") != std::string::npos) {
            font = attribute(line, "font");
            font = font.substr(font.find('+') + 1);
            std::istringstream trm(attribute(line, "trm"));
            double a, b, c;
            trm >> a >> b >> c >> size;
        } else if (line.find("<g ") != std::string::npos) {
            out.push_back({font, size, attribute(line, "unicode"), std::stoi(attribute(line, "glyph")),
                           std::stod(attribute(line, "x")), std::stod(attribute(line, "y"))});
        }
    }
    return out;
}

const Glyph& find(const std::vector<Glyph>& glyphs, const std::string& ch) {
    for (const Glyph& g : glyphs)
        if (g.ch == ch) return g;
    FAIL("no glyph for " << ch);
    return glyphs.front();
}

const text::Font& shipped(const std::string& file) {
    static std::map<std::string, text::Font> loaded;
    auto it = loaded.find(file);
    if (it == loaded.end()) it = loaded.emplace(file, text::Font::load(test::source_dir() / "fonts" / file)).first;
    return it->second;
}

const std::string mixed = "Сигма Σ, стрелка →, знак ℋ, **жирная α**, *курсив λ*, смайлик 😀.\n";

}  // namespace

TEST_CASE("Greek letters and symbols that printed as boxes are drawn from a font that has each", "[fallback][e2e]") {
    const Rendered r = render("boxes", "Буквы α и Σ, знаки ≈, →, ∞ и ℋ.\n");
    REQUIRE(r.run.status == 0);
    CHECK(r.run.err.empty());  // no character named as missing
    const auto glyphs = trace(r.pdf);
    for (const char* c : {"α", "Σ", "≈", "→", "∞", "ℋ"}) {
        INFO(c);
        CHECK(find(glyphs, c).glyph != 0);  // not .notdef, the box
    }
}

TEST_CASE("a paragraph mixing Cyrillic, Greek and symbols takes each glyph from its font, at the face's x-height",
          "[fallback][e2e]") {
    const Rendered r = render("mixed", mixed);
    REQUIRE(r.run.status == 0);
    const auto glyphs = trace(r.pdf);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"С", "PTSerif-Regular"}, {"Σ", "DejaVuSerif"},     {"→", "DejaVuSerif"},        {"ℋ", "Symbola"},
        {"ж", "PTSerif-Bold"},    {"α", "DejaVuSerif-Bold"}, {"λ", "DejaVuSerif-Italic"}, {"😀", "Symbola"}};
    for (const auto& [ch, font] : expected) {
        INFO(ch);
        CHECK(find(glyphs, ch).font == font);
        CHECK(find(glyphs, ch).glyph != 0);
    }
    // Lower case stands as tall in each: size × x-height is the face's own.
    const std::vector<std::tuple<std::string, std::string, std::string, std::string>> pairs = {
        {"Σ", "DejaVuSerif.ttf", "С", "PTF55F.ttf"},
        {"ℋ", "Symbola_hint.ttf", "С", "PTF55F.ttf"},
        {"α", "DejaVuSerif-Bold.ttf", "ж", "PTF75F.ttf"},
        {"λ", "DejaVuSerif-Italic.ttf", "у", "PTF56F.ttf"}};
    for (const auto& [fallback, file, own, own_file] : pairs) {
        INFO(fallback);
        const double fallback_x = find(glyphs, fallback).size * shipped(file).x_height();
        const double own_x = find(glyphs, own).size * shipped(own_file).x_height();
        CHECK(fallback_x == Approx(own_x).epsilon(0.001));
    }
}

TEST_CASE("a fallback's subset embeds only the glyphs drawn from it", "[fallback][e2e]") {
    const Rendered r = render("subset", mixed);
    REQUIRE(r.run.status == 0);
    const auto glyphs = trace(r.pdf);
    const fs::path out = r.dir / "extracted";
    fs::create_directories(out);
    REQUIRE(test::run({"mutool", "extract", r.pdf.string()}, out).status == 0);
    int fallbacks = 0;
    for (const auto& entry : fs::directory_iterator(out)) {
        if (entry.path().extension() != ".ttf") continue;
        const std::string bytes = test::read(entry.path());
        const text::Font font = text::Font::parse(bytes, entry.path().string());
        if (font.family() == "PT Serif") continue;
        ++fallbacks;
        // The glyphs that must be there: .notdef, those the trace shows drawn from this font
        // (the characters its map holds) and the glyphs they are built of.
        const test::Sfnt sfnt(bytes);
        std::set<int> expected = {0};
        std::set<int> todo;
        for (const Glyph& g : glyphs) {
            std::u32string c;
            for (std::size_t i = 0; i < g.ch.size();) c += utf8::next(g.ch, i);
            if (c.size() == 1 && c[0] != U' ' && font.has_glyph(c[0])) todo.insert(g.glyph);
        }
        CHECK_FALSE(todo.empty());
        while (!todo.empty()) {
            const int g = *todo.begin();
            todo.erase(todo.begin());
            if (!expected.insert(g).second) continue;
            for (std::uint16_t part : sfnt.components(static_cast<std::uint16_t>(g))) todo.insert(part);
        }
        std::set<int> embedded;
        for (int g = 0; g < sfnt.glyph_count(); ++g)
            if (!sfnt.outline(static_cast<std::uint16_t>(g)).empty()) embedded.insert(g);
        INFO(font.family() << " " << entry.path().filename().string());
        CHECK(embedded == expected);
        CHECK(sfnt.glyph_count() == *expected.rbegin() + 1);  // the count ends at the last one kept
    }
    CHECK(fallbacks == 4);  // DejaVu Serif, its bold and italic, Symbola
}

TEST_CASE("an emoji costs a PDF a few kilobytes, not the metrics of the 8,774 glyphs before it", "[fallback][e2e]") {
    // Glyph ids stay the font's own, so a subset of Symbola holding 😀 lists metrics for every
    // glyph below it: real, they cost 15 KB; zeros for the glyphs not kept, next to nothing.
    const Rendered plain = render("cost-plain", "Текст.\n");
    const Rendered emoji = render("cost-emoji", "Текст 😀.\n");
    REQUIRE(plain.run.status == 0);
    REQUIRE(emoji.run.status == 0);
    CHECK(find(trace(emoji.pdf), "😀").font == "Symbola");
    CHECK(fs::file_size(emoji.pdf) - fs::file_size(plain.pdf) < 4000);
}

TEST_CASE("Symbola drawn in text and in code is two fonts with two names, one file in the depfile", "[fallback][e2e]") {
    // The same glyphs, proportional in one and fitted to PT Mono's cells in the other.
    const Rendered r = render("twofold", "😀\n\n```\n😀\n```\n");
    REQUIRE(r.run.status == 0);
    const auto fonts = test::run({"pdffonts", r.pdf.string()});
    std::set<std::string> names;
    std::istringstream rows(fonts.out);
    for (std::string row; std::getline(rows, row);)
        if (row.find("+Symbola ") != std::string::npos) names.insert(row.substr(0, row.find(' ')));
    CHECK(names.size() == 2);
    REQUIRE(test::run_zapros({"render", "r.md", "-o", "r.pdf", "--depfile", "r.d"}, r.dir).status == 0);
    const std::string dep = test::read(r.dir / "r.d");
    int mentions = 0;  // once among the PDF's prerequisites, once as a target of its own (make's -MP)
    for (std::size_t at = dep.find("Symbola_hint.ttf"); at != std::string::npos; at = dep.find("Symbola_hint.ttf", at + 1)) ++mentions;
    CHECK(mentions == 2);
}

TEST_CASE("pdftotext gives back the paragraph's characters, an emoji beyond the BMP included", "[fallback][e2e]") {
    const std::string line = "Сигма Σ, стрелка →, знак ℋ, жирная α, курсив λ, смайлик 😀 ∞.";
    const Rendered r = render("extract", line + "\n");
    REQUIRE(r.run.status == 0);
    const auto text = test::run({"pdftotext", r.pdf.string(), "-"});
    REQUIRE(text.status == 0);
    CHECK(text.err.empty());
    std::istringstream in(text.out);
    bool found = false;
    for (std::string l; std::getline(in, l);) found = found || l == line;
    INFO(text.out);
    CHECK(found);
}

TEST_CASE("a character no shipped font has is a warning naming it and its position; the letter renders", "[fallback][e2e]") {
    const Rendered r = render("cjk", "Иероглиф 字 здесь.\n");
    CHECK(r.run.status == 0);
    CHECK(r.run.err.find("r.md:5:10: warning: character U+5B57 '字' is in none of zapros's fonts (PT Serif, DejaVu Serif, "
                         "Symbola); it prints as a box") != std::string::npos);
    CHECK(fs::exists(r.pdf));
}

TEST_CASE("a letter drawing from the fallbacks renders to the same bytes twice, and every tool reads it cleanly",
          "[fallback][e2e]") {
    const Rendered r = render("twice", mixed + "\n```\n╭─α─╮ 😀\n```\n");
    REQUIRE(r.run.status == 0);
    REQUIRE(test::run_zapros({"render", "r.md", "-o", "again.pdf"}, r.dir).status == 0);
    CHECK(test::read(r.pdf) == test::read(r.dir / "again.pdf"));
    const auto qpdf = test::run({"qpdf", "--check", r.pdf.string()});
    CHECK(qpdf.status == 0);
    CHECK(qpdf.out.find("No syntax or stream encoding errors found") != std::string::npos);
    const auto fonts = test::run({"pdffonts", r.pdf.string()});
    std::istringstream rows(fonts.out);
    std::string row;
    std::getline(rows, row);
    std::getline(rows, row);
    int count = 0;
    for (; std::getline(rows, row); ++count) {
        INFO(row);
        CHECK(row.find(" yes yes yes ") != std::string::npos);  // embedded, subset, ToUnicode
    }
    CHECK(count == 10);  // PT Serif ×3, PT Mono, DejaVu Serif ×3, DejaVu Sans Mono, Symbola ×2
    const auto mutool = test::run({"mutool", "draw", "-q", "-F", "txt", "-o", "/dev/null", r.pdf.string()});
    CHECK(mutool.status == 0);
    std::istringstream err(mutool.err);
    for (std::string line; std::getline(err, line);)
        if (line != "warning: ICC support is not available") FAIL_CHECK("mutool: " << line);
}

TEST_CASE("in a code block every glyph keeps PT Mono's grid, box drawing, Greek and emoji included", "[fallback][e2e]") {
    const Rendered r = render("grid", "```\n┌──╭─┐\n│α😀→│\n╰────┘\n```\n");
    REQUIRE(r.run.status == 0);
    const auto glyphs = trace(r.pdf);
    const Glyph& corner = find(glyphs, "┌");
    REQUIRE(corner.font == "PTMono-Regular");
    const double cell = corner.size * 0.6;  // PT Mono: 600/1000 em
    int checked = 0;
    std::map<double, double> line_end;  // y → x of the line's last glyph
    for (const Glyph& g : glyphs) {
        if (g.y > corner.y + 1 || g.y < corner.y - 3 * corner.size) continue;  // the code block's lines
        const double cells = (g.x - corner.x) / cell;
        INFO(g.ch << " in " << g.font << " at " << cells << " cells");
        CHECK(std::abs(cells - std::round(cells)) < 0.01);
        line_end[g.y] = std::max(line_end[g.y], g.x);
        ++checked;
    }
    CHECK(checked == 17);
    CHECK(find(glyphs, "╭").font == "DejaVuSansMono");
    CHECK(find(glyphs, "😀").font == "Symbola");
    CHECK(find(glyphs, "→").x - find(glyphs, "😀").x == Approx(2 * cell).margin(0.01));  // an emoji takes two cells
    REQUIRE(line_end.size() == 3);
    for (const auto& [y, x] : line_end) CHECK(x == Approx(corner.x + 5 * cell).margin(0.01));  // the right edges align
}

TEST_CASE("a Russian letter never reads a fallback font: with them broken it renders the same bytes", "[fallback][e2e]") {
    const fs::path data = test::temp_dir("fallback-broken");
    fs::create_directories(data / "fonts");
    for (text::FontId id = 0; id < text::font_count(); ++id) {
        const fs::path to = data / "fonts" / text::font_file(id);
        if (id < all_faces.size()) fs::copy_file(test::source_dir() / "fonts" / text::font_file(id), to, fs::copy_options::overwrite_existing);
        else test::write(to, "not a font");
    }
    fs::create_directory_symlink(test::source_dir() / "hyph", data / "hyph");
    fs::create_directory_symlink(test::source_dir() / "icc", data / "icc");
    const fs::path md = test::source_dir() / "requests" / "mediazona-cybercrime-ru.md";
    const auto broken = test::run({"env", "ZAPROS_DATA_DIR=" + data.string(), test::binary().string(), "render", md.string(), "-o",
                                   (data / "broken.pdf").string()});
    INFO(broken.err);
    REQUIRE(broken.status == 0);
    REQUIRE(test::run_zapros({"render", md.string(), "-o", (data / "whole.pdf").string()}).status == 0);
    CHECK(test::read(data / "broken.pdf") == test::read(data / "whole.pdf"));
    // The same installation does fail a letter that needs a fallback.
    test::write(data / "greek.md", "---\ntitle: T\nto: X\n---\nα\n");
    CHECK(test::run({"env", "ZAPROS_DATA_DIR=" + data.string(), test::binary().string(), "render", (data / "greek.md").string()}).status ==
          3);
}
