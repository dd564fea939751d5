#include "layout_support.hpp"

#include <algorithm>
#include <map>

#include "base/files.hpp"
#include "base/utf8.hpp"
#include "support.hpp"

namespace zapros::test {

cli::Pipeline& pipeline() {
    static cli::Pipeline p({source_dir() / "fonts", source_dir() / "hyph", source_dir() / "schema" / "request.schema.json",
                            source_dir() / "icc" / "sRGB.icc"});
    return p;
}

compose::Paragraph paragraph_of(const std::string& text, compose::Align align) {
    compose::Paragraph p;
    p.spans.push_back(compose::Span{.text = text, .face = Face::serif, .size = pt(12), .pos = {3, 1}});
    p.size = pt(12);
    p.leading = pt(15);
    p.align = align;
    return p;
}

const para::Resources& resources() {
    static const text::Dictionaries dictionaries(source_dir() / "hyph");
    static const para::Resources res{pipeline().fonts(), &dictionaries};
    return res;
}

std::string pieces(const para::ItemList& l) {
    std::string s;
    for (const para::Item& it : l.items) {
        if (it.type == para::Item::Type::box && it.fragment >= 0) s += l.fragments[static_cast<std::size_t>(it.fragment)].text;
        else if (it.type == para::Item::Type::glue && it.width > 0) s += ' ';
        else if (it.type == para::Item::Type::penalty && it.penalty < para::infinite_penalty && it.penalty > -para::infinite_penalty)
            s += it.emergency ? "!" : it.flagged ? (it.width > 0 ? "=" : "|") : "/";
    }
    return s;
}

std::optional<cli::Typeset> typeset_file(const std::filesystem::path& md, Diagnostics& diags) {
    return pipeline().typeset(md.string(), read_file(md), diags);
}

std::optional<cli::Typeset> typeset_text(const std::string& md, Diagnostics& diags) {
    return pipeline().typeset(diags.file(), md, diags);
}

int mark_page(const page::Pages& p, int note) {
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)  // in the body or in another note
            if (std::find(pl.line.notes.begin(), pl.line.notes.end(), note) != pl.line.notes.end()) return pg.number;
    return 0;
}

int note_page(const page::Pages& p, int note) {
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)
            if (pl.line.anchor == note) return pg.number;
    return 0;
}

std::vector<std::string> footnote_invariant_violations(const page::Pages& p) {
    std::map<int, bool> notes;
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)
            for (int n : pl.line.notes) notes[n] = true;
    std::vector<std::string> out;
    for (const auto& [n, _] : notes) {
        const int m = mark_page(p, n), s = note_page(p, n);
        if (m != s)
            out.push_back("note " + std::to_string(n) + ": mark on page " + std::to_string(m) + ", note on page " +
                          std::to_string(s));
    }
    return out;
}

std::vector<const page::Placed*> body_lines(const page::Page& p) {
    std::vector<const page::Placed*> out;
    for (std::size_t i = 0; i < p.body_lines; ++i) out.push_back(&p.lines[i]);
    return out;
}

int note_lines(const page::Page& p) {
    int n = 0;
    for (std::size_t i = p.body_lines; i < p.lines.size(); ++i)
        n += !p.lines[i].line.runs.empty() && p.lines[i].y > p.lines[p.body_lines].y;  // not the page number
    return n;
}

std::vector<const page::Placed*> lines_containing(const page::Pages& p, const std::string& word) {
    std::vector<const page::Placed*> out;
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::Run& r : pl.line.runs)
                if (r.text.find(word) != std::string::npos) {
                    out.push_back(&pl);
                    break;
                }
    return out;
}

int count_text(const page::Pages& p, const std::string& run_text) {
    int n = 0;
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::Run& r : pl.line.runs) n += r.text == run_text;
    return n;
}

Sp x_of(const page::Pages& p, const std::string& run_text) {
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::Run& r : pl.line.runs)
                if (r.text == run_text) return pl.x + r.x;
    return -1;
}

Sp run_width(const para::Run& r) {
    const text::Font& font = pipeline().fonts().font(r.font);
    std::u32string chars;
    for (std::size_t i = 0; i < r.text.size();) chars += utf8::next(r.text, i);
    std::size_t end = chars.size();
    while (end > 0 && chars[end - 1] == U' ') --end;  // blank at the end: nothing drawn
    long units = 0;
    for (std::size_t k = 0; k < end; ++k) units += font.advance(chars[k]);
    for (const para::Kern& k : r.kerns)
        if (k.index < end) units += k.amount;
    return static_cast<Sp>(static_cast<double>(units) * static_cast<double>(r.size) / 1000.0 * r.scale / 1000.0);
}

std::vector<std::string> zone_violations(const page::Pages& p, const compose::Style& style) {
    std::vector<std::string> out;
    const Sp tolerance = pt(0.5);
    const Sp left = style.margin_left - tolerance, right = style.page_width - style.margin_right + tolerance;
    const Sp top = style.margin_top - tolerance, bottom = style.page_height - style.margin_bottom + tolerance;
    auto say = [&out](const page::Page& pg, const para::Run& r, const std::string& what) {
        out.push_back("page " + std::to_string(pg.number) + ": '" + r.text + "' " + what);
    };
    for (const page::Page& pg : p.pages) {
        for (const page::Placed& pl : pg.lines) {
            const bool page_number = pl.y < style.margin_top;
            struct Box {
                Sp x0, x1, y, size;
            };
            std::vector<Box> boxes;  // of the line's runs so far (a frame holds several baselines)
            for (const para::Run& r : pl.line.runs) {
                const Sp x0 = pl.x + r.x, x1 = x0 + run_width(r);
                if (x0 < left) say(pg, r, "starts " + std::to_string(to_pt(left - x0)) + " pt left of the margin");
                if (x1 > right) say(pg, r, "ends " + std::to_string(to_pt(x1 - right)) + " pt past the right margin");
                if (!page_number && (pl.y + r.y < top || pl.y + r.y > bottom)) say(pg, r, "stands outside the text area");
                if (run_width(r) == 0) continue;
                for (const Box& b : boxes)
                    if (x0 < b.x1 - tolerance && b.x0 < x1 - tolerance && std::abs(b.y - r.y) < std::max(b.size, r.size) * 3 / 4)
                        say(pg, r, "overlaps another run of its line");
                boxes.push_back({x0, x1, r.y, r.size});
            }
        }
    }
    return out;
}

std::string all_text(const page::Pages& p) {
    std::string s;
    for (const page::Page& pg : p.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::Run& r : pl.line.runs) s += r.text;
    return s;
}

Sp line_left(const page::Placed& pl) {
    Sp x = pl.line.runs.empty() ? 0 : pl.line.runs.front().x;
    for (const para::Run& r : pl.line.runs) x = std::min(x, r.x);
    return pl.x + x;
}

}  // namespace zapros::test
