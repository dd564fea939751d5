#include "hand_layout.hpp"

#include <cstdio>

namespace zapros::test {

namespace {

class Monospaced final : public text::FontSource {
public:
    explicit Monospaced(std::vector<std::pair<char32_t, char32_t>> covers) : covers_(std::move(covers)) {}
    text::Font load(text::FontId id) const override {
        return text::Font::monospaced("monospaced " + std::string(text::font_name(id)), 500, covers_);
    }
    std::filesystem::path path(text::FontId id) const override { return std::string(text::font_name(id)) + ".fake"; }

private:
    std::vector<std::pair<char32_t, char32_t>> covers_;
};

}  // namespace

std::unique_ptr<text::FontSource> monospaced(std::vector<std::pair<char32_t, char32_t>> covers) {
    return std::make_unique<Monospaced>(std::move(covers));
}

const text::Fonts& fake_fonts() {
    static const text::Fonts fonts(monospaced());
    return fonts;
}

const para::Resources& fake_resources() {
    static const para::Resources res{fake_fonts(), nullptr};
    return res;
}

compose::Style hand_style(int lines) {
    compose::Style s;
    s.page_width = s.margin_left + s.margin_right + pt(114);
    s.page_height = s.margin_top + s.margin_bottom + lines * hand_line;
    s.note_skip = hand_line;
    s.note_gap = 0;
    return s;
}

std::string hand_word(int line, char which) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d%c", line, which);
    return buf;
}

std::string hand_text(int first, int lines) {
    std::string s;
    for (int l = first; l < first + lines; ++l)
        for (char w : {'a', 'b', 'c', 'd'}) s += (s.empty() ? "" : " ") + hand_word(l, w);
    return s;
}

compose::Paragraph hand_lines(int first, int n) { return hand_paragraph({hand_span(hand_text(first, n))}); }

std::vector<std::string> numbered(int first, int n) {
    std::vector<std::string> out;
    for (int l = first; l < first + n; ++l) out.push_back(hand_text(l, 1));
    return out;
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

compose::Span hand_span(std::string text) { return compose::Span{.text = std::move(text), .face = Face::serif, .size = pt(12)}; }

compose::Span hand_mark(int note) {
    return compose::Span{.text = std::to_string(note), .face = Face::serif, .size = pt(7.8), .rise = pt(4.32), .note = note};
}

compose::Paragraph hand_paragraph(std::vector<compose::Span> spans) {
    compose::Paragraph p;
    p.spans = std::move(spans);
    p.size = pt(12);
    p.leading = hand_line;
    p.hyphenate = false;
    return p;
}

compose::Note hand_note(int number, int lines) {
    std::string text;
    for (int l = 1; l <= lines; ++l)
        for (char w : {'a', 'b', 'c', 'd'})
            text += (text.empty() ? "n" : " n") + std::to_string(number) + std::to_string(l) + w;
    return compose::Note{.number = number, .pos = {100 + number, 1}, .blocks = {hand_paragraph({hand_span(text)})}};
}

compose::Closing hand_closing() {
    compose::Closing c;
    c.date_place = hand_paragraph({hand_span("дата")});
    c.date_place.align = compose::Align::left;
    c.line = hand_span("____");
    return c;
}

compose::Document hand_document(int lines_per_page, std::vector<compose::Block> blocks, std::vector<compose::Note> notes) {
    compose::Document doc;
    doc.style = hand_style(lines_per_page);
    doc.blocks = std::move(blocks);
    doc.notes = std::move(notes);
    return doc;
}

flow::Flow hand_flow(const compose::Document& doc, Diagnostics& d) { return flow::flow(doc, fake_resources(), para::Params{}, d); }

page::Pages hand_pages(const compose::Document& doc, Diagnostics& d, const page::PageParams& pp) {
    static const para::Params params;
    return page::paginate(hand_flow(doc, d), doc.style, fake_resources(), params, d, pp);
}

std::string line_text(const para::Line& l) {
    std::string s;
    for (const para::Run& r : l.runs) s += r.text + (r.space_after ? " " : "");
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

std::vector<std::string> body_text(const page::Pages& p, int page) {
    const page::Page& pg = p.pages.at(static_cast<std::size_t>(page - 1));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < pg.body_lines; ++i) out.push_back(line_text(pg.lines[i].line));
    return out;
}

std::vector<std::string> note_text(const page::Pages& p, int page) {
    const page::Page& pg = p.pages.at(static_cast<std::size_t>(page - 1));
    std::vector<std::string> out;
    // The rule, then the notes' lines; the page number (high above them) comes last.
    for (std::size_t i = pg.body_lines + 1; i < pg.lines.size() && pg.lines[i].y > pg.lines[pg.body_lines].y; ++i)
        out.push_back(line_text(pg.lines[i].line));
    return out;
}

}  // namespace zapros::test
