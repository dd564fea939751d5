// Document → the text twin: each block of the letter as lines of plain text, in reading order.
#include "output/text.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zapros::output {

namespace {

using compose::Paragraph;
using compose::Span;

class TextWriter {
public:
    explicit TextWriter(const TextSettings& s) : s_(s) {}

    void block(const compose::Block& b);
    void note(const compose::Note& n, bool first);
    void group(const std::vector<Paragraph>& ps, bool separate_each = false);
    TextTwin finish() {
        if (!t_.text.empty()) t_.text += '\n';
        return std::move(t_);
    }

private:
    void paragraph(const Paragraph& p, bool run_on = false);
    void closing(const compose::Closing& c);
    void table(const compose::Table& t);
    void figure(const compose::Figure& f);
    // Ends the line before: with no line between when the block runs on, else with a blank
    // line, which inside a quote shared with the block before keeps the quote's marks.
    void separate(bool run_on, int quote_depth);
    std::string quote(int depth) const;
    // Appends the spans to out, continuation after each forced line break.
    void spans(const std::vector<Span>& in, std::string& out, std::vector<TextSource>& sources,
               const std::string& continuation) const;

    const TextSettings& s_;
    TextTwin t_;
    int quote_depth_ = 0;  // the last block's
};

std::string TextWriter::quote(int depth) const {
    std::string q;
    for (int i = 0; i < depth; ++i) q += s_.quote;
    return q;
}

void TextWriter::separate(bool run_on, int quote_depth) {
    if (!t_.text.empty()) {
        t_.text += '\n';
        if (!run_on) {
            std::string q = quote(std::min(quote_depth, quote_depth_));
            while (!q.empty() && q.back() == ' ') q.pop_back();
            t_.text += q + '\n';
        }
    }
    quote_depth_ = quote_depth;
}

void TextWriter::spans(const std::vector<Span>& in, std::string& out, std::vector<TextSource>& sources,
                       const std::string& continuation) const {
    for (std::size_t i = 0; i < in.size(); ++i) {
        const Span& s = in[i];
        if (s.line_break) {
            out += '\n' + continuation;
            continue;
        }
        if (s.rise != 0 && s.note == 0) continue;  // the raised comma between two marks: "[1][2]" needs none
        const std::size_t begin = out.size();
        out += s.note != 0 ? "[" + std::to_string(s.note) + "]" : s.text;
        if (s.pos.line > 0 && out.size() > begin) sources.push_back({begin, out.size(), s.pos});
        // A link's target, which the PDF keeps behind its text, follows the text here.
        if (!s.link.empty() && !s.url && (i + 1 == in.size() || in[i + 1].link != s.link)) out += " (" + s.link + ")";
    }
}

void TextWriter::paragraph(const Paragraph& p, bool run_on) {
    separate(run_on || p.tight || p.code_line > 1, p.quote_depth);
    const std::string q = quote(p.quote_depth);
    const auto indent = [this](int levels) { return std::string(static_cast<std::size_t>(std::max(levels, 0) * s_.list_indent), ' '); };
    // An item's markers, outermost first, stand where their lists' text starts.
    t_.text += q + indent(p.list_depth - static_cast<int>(p.labels.size()));
    for (const compose::Label& l : p.labels) t_.text += l.span.text + ' ';
    const std::size_t start = t_.text.size();
    spans(p.spans, t_.text, t_.sources, q + indent(p.list_depth));
    if (t_.text.size() == start)  // an empty code line or item: no blanks at the line's end
        while (!t_.text.empty() && t_.text.back() == ' ') t_.text.pop_back();
}

void TextWriter::group(const std::vector<Paragraph>& ps, bool separate_each) {
    for (std::size_t i = 0; i < ps.size(); ++i) paragraph(ps[i], i > 0 && !separate_each);
}

void TextWriter::closing(const compose::Closing& c) {
    if (c.courtesy) paragraph(*c.courtesy);
    for (std::size_t i = 0; i < c.rows.size(); ++i) {
        const compose::SignatureRow& row = c.rows[i];
        paragraph(row.role, i > 0 || c.courtesy);
        t_.text += (row.role.spans.empty() ? "" : " ") + c.line.text;
        if (!row.name.empty()) {
            t_.text += ' ';
            spans(row.name, t_.text, t_.sources, "");
        }
    }
    if (!c.date_place.spans.empty()) paragraph(c.date_place);
}

// Rows of cells parted by " | ", each column as wide as its widest cell (in characters), a line
// of dashes under the header; a cell's line breaks become spaces.
void TextWriter::table(const compose::Table& t) {
    struct Cell {
        std::string text;
        std::vector<TextSource> sources;
        std::size_t chars = 0;
        compose::Align align = compose::Align::left;
    };
    std::vector<std::vector<Cell>> rows;
    std::vector<std::size_t> width;
    for (const auto& row : t.rows) {
        std::vector<Cell>& r = rows.emplace_back();
        for (std::size_t c = 0; c < row.size(); ++c) {
            Cell& cell = r.emplace_back();
            spans(row[c].spans, cell.text, cell.sources, "");
            std::replace(cell.text.begin(), cell.text.end(), '\n', ' ');
            cell.chars = utf8::length(cell.text);
            cell.align = row[c].align;
            if (width.size() <= c) width.resize(c + 1, 0);
            width[c] = std::max(width[c], cell.chars);
        }
    }
    separate(false, 0);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        if (r > 0) t_.text += '\n';
        std::string line;
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const Cell& cell = rows[r][c];
            const std::size_t room = width[c] - cell.chars;
            const std::size_t before = cell.align == compose::Align::right ? room
                                       : cell.align == compose::Align::center ? room / 2 : 0;
            if (c > 0) line += s_.cell_gap;
            line.append(before, ' ');
            for (const TextSource& src : cell.sources)
                t_.sources.push_back({t_.text.size() + line.size() + src.begin, t_.text.size() + line.size() + src.end, src.pos});
            line += cell.text;
            line.append(room - before, ' ');
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        t_.text += line;
        if (r == 0 && rows.size() > 1) {
            t_.text += '\n';
            for (std::size_t c = 0; c < width.size(); ++c)
                t_.text += std::string(c > 0 ? s_.header_gap : "") + std::string(width[c], '-');
        }
    }
}

// "[alt] caption", either alone when the other is empty; nothing for an image with neither.
void TextWriter::figure(const compose::Figure& f) {
    const int depth = f.caption.empty() ? 0 : f.caption.front().quote_depth;
    if (f.alt.empty() && f.caption.empty()) return;
    separate(false, depth);
    const std::size_t begin = t_.text.size();
    t_.text += quote(depth);
    if (!f.alt.empty()) t_.text += "[" + f.alt + "]";
    if (f.pos.line > 0) t_.sources.push_back({begin, t_.text.size(), f.pos});
    for (const Paragraph& p : f.caption) {
        if (t_.text.size() > begin + quote(depth).size()) t_.text += ' ';
        spans(p.spans, t_.text, t_.sources, quote(depth));
    }
}

void TextWriter::block(const compose::Block& b) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
        paragraph(*p);
    } else if (const auto* h = std::get_if<compose::Header>(&b)) {
        group(h->banner);
        group(h->sender);
        group(h->addressees, true);
    } else if (const auto* c = std::get_if<compose::Closing>(&b)) {
        closing(*c);
    } else if (const auto* t = std::get_if<compose::Table>(&b)) {
        table(*t);
    } else if (const auto* f = std::get_if<compose::Figure>(&b)) {
        figure(*f);
    } else if (std::holds_alternative<compose::Rule>(b)) {
        separate(false, 0);
        t_.text += s_.rule;
    }
}

// A note opens with its number tied to its text ("1\u00A0…", compose/letter.cpp): here "[1] …",
// as its marks read. The notes after the first run on, one a line.
void TextWriter::note(const compose::Note& n, bool first) {
    for (std::size_t i = 0; i < n.blocks.size(); ++i) {
        const auto* p = std::get_if<Paragraph>(&n.blocks[i]);
        const std::string number = std::to_string(n.number) + "\u00A0";
        if (i > 0 || !p || p->spans.empty() || p->spans.front().text != number) {
            block(n.blocks[i]);
            continue;
        }
        Paragraph opening = *p;
        opening.spans.front().text = "[" + std::to_string(n.number) + "] ";
        paragraph(opening, !first);
    }
}

}  // namespace

TextTwin text_twin(const compose::Document& doc, const TextSettings& settings) {
    TextWriter w(settings);
    for (const compose::Block& b : doc.blocks) w.block(b);
    w.group(doc.foot);
    for (std::size_t i = 0; i < doc.notes.size(); ++i) w.note(doc.notes[i], i == 0);
    return w.finish();
}

std::string write_text(const compose::Document& doc) { return text_twin(doc).text; }

}  // namespace zapros::output
