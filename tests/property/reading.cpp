#include "reading.hpp"

#include <algorithm>

#include "base/utf8.hpp"
#include "geometry.hpp"

namespace zapros::property {

std::size_t Reading::piece_before(std::size_t offset) const {
    const auto first_at = std::lower_bound(pieces.begin(), pieces.end(), offset, [](const Piece& p, std::size_t o) { return p.from < o; });
    return first_at == pieces.begin() ? 0 : static_cast<std::size_t>(first_at - pieces.begin()) - 1;
}

std::size_t Reading::piece_at(std::size_t offset) const {
    const auto after = std::upper_bound(pieces.begin(), pieces.end(), offset, [](std::size_t o, const Piece& p) { return o < p.from; });
    return after == pieces.begin() ? 0 : static_cast<std::size_t>(after - pieces.begin()) - 1;
}

std::size_t Reading::end_of(std::size_t piece) const { return piece + 1 < pieces.size() ? pieces[piece + 1].from : text.size(); }

bool Reading::boundary_at(std::size_t offset) const {
    return offset == text.size() || std::binary_search(lines.begin(), lines.end(), offset);
}

namespace {

class Reader {
public:
    explicit Reader(Reading& r) : r_(r) {}

    void page(const PdfPage& p) {
        r_.pieces.push_back({r_.text.size(), p.number});
        start_line();
        page_ = &p;
        last_ = nullptr;
        columns_.clear();
        for (const Box& b : p.rules)
            if (b.y1 - b.y0 > 2 && b.y1 - b.y0 > b.x1 - b.x0) columns_.push_back(b);
    }

    void add(std::size_t i) {
        const Glyph& g = page_->glyphs[i];
        if (is_mark(g)) return;
        if (last_ && new_line(*last_, g)) start_line();
        last_ = &g;
        if (utf8::is_letter(g.ch) || utf8::is_digit(g.ch)) utf8::append(r_.text, g.ch);
    }

private:
    void start_line() {
        if (r_.lines.empty() || r_.lines.back() != r_.text.size()) r_.lines.push_back(r_.text.size());
    }

    bool new_line(const Glyph& a, const Glyph& b) const {
        if (std::abs(b.y - a.y) > 0.5 || b.x < a.x) return true;
        const double right = a.x + a.width;
        if (b.x - right < 2) return false;  // cells stand 2 × 3 pt of padding and a rule apart
        for (const Box& r : columns_)
            if (r.x0 > right - 0.5 && r.x1 < b.x + 0.5 && r.y0 < b.y + 1 && r.y1 > b.y - 1) return true;
        return false;
    }

    Reading& r_;
    const PdfPage* page_ = nullptr;
    const Glyph* last_ = nullptr;
    std::vector<Box> columns_;  // the page's vertical rules
};

}  // namespace

Reading read_body(const std::vector<PdfPage>& pages) {
    Reading r;
    Reader reader(r);
    for (const PdfPage& page : pages) {
        const Regions regions = classify(page);
        reader.page(page);
        for (std::size_t i = 0; i < page.glyphs.size(); ++i)
            if (regions.of[i] != Region::note && regions.of[i] != Region::page_number) reader.add(i);
    }
    return r;
}

std::vector<Reading> read_notes(const std::vector<PdfPage>& pages, const std::vector<std::optional<NoteStart>>& starts) {
    std::vector<std::vector<std::size_t>> area(pages.size());    // each page's note glyphs
    std::vector<std::vector<std::size_t>> begins(pages.size());  // the notes starting there, by glyph
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const Regions regions = classify(pages[p]);
        for (std::size_t i = 0; i < pages[p].glyphs.size(); ++i)
            if (regions.of[i] == Region::note) area[p].push_back(i);
    }
    for (const std::optional<NoteStart>& s : starts)
        if (s) begins[s->page].push_back(s->glyph);
    for (auto& b : begins) std::sort(b.begin(), b.end());

    std::vector<Reading> out(starts.size());
    for (std::size_t n = 0; n < starts.size(); ++n) {
        out[n].jumps = true;
        out[n].begins = starts[n].has_value();
        Reader reader(out[n]);
        const std::size_t first_page = starts[n] ? starts[n]->page : 0;
        for (std::size_t p = first_page; p < pages.size(); ++p) {
            reader.page(pages[p]);
            std::size_t from = 0, until = static_cast<std::size_t>(-1);  // glyph indices
            if (starts[n] && p == first_page) {
                const std::vector<Glyph>& gs = pages[p].glyphs;
                from = starts[n]->glyph;
                const double y = gs[from].y;
                while (from < gs.size() && utf8::is_digit(gs[from].ch) && std::abs(gs[from].y - y) < 0.5) ++from;  // its number
                const auto next = std::upper_bound(begins[p].begin(), begins[p].end(), starts[n]->glyph);
                if (next != begins[p].end()) until = *next;
            } else if (starts[n] && !begins[p].empty()) {
                until = begins[p].front();
            }
            // area[p] is in glyph order: only the note glyphs in [from, until).
            for (auto i = std::lower_bound(area[p].begin(), area[p].end(), from); i != area[p].end() && *i < until; ++i) reader.add(*i);
        }
    }
    return out;
}

}  // namespace zapros::property
