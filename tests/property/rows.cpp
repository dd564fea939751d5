// Table rows in the word check. A row reads cell after cell. A row taller than the room left is
// set as bands, one per line of its cells, and each page draws its part of the row cell by cell
// (src/page/bands.cpp): a row split across pages reads page by page, each page showing every
// unfinished cell's next lines, and a later cell's words come before an earlier cell's
// continuation. A page after the table's first may begin with the header row again.
//
// So a row is matched page by page: on each page, each unfinished cell shows a run of its next
// words, perhaps starting with the rest of a word broken at the last page's end and perhaps
// ending with the first letters of one broken at this page's end. Where the row goes on, the
// runs fill the page to its end and each ends where a line (or a cell's text) begins. The
// longest runs are tried first, and a page's runs give way when the next pages cannot be read
// after them (a cell's last word may match the next cell's first by chance). A row that cannot
// be read so is read word by word as any text, which reports what is missing.
#include <algorithm>

#include "base/utf8.hpp"
#include "words.hpp"

namespace zapros::property {

namespace {

constexpr int row_tries = 20000;  // placements of runs tried per row before giving up

}  // namespace

std::pair<std::size_t, std::size_t> WordMatcher::words_of(const TableWords& t) {
    if (t.rows.empty() || t.rows.front().empty()) return {0, 0};
    return {t.rows.front().front().first, t.rows.back().back().last};
}

std::size_t WordMatcher::table(const TableWords& t, std::size_t w) {
    std::string header;
    for (const TableWords::Cell& c : t.rows.front())
        for (std::size_t k = c.first; k < c.last; ++k) header += s_.words[k];
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const Cells& cells = t.rows[r];
        if (cells.empty()) continue;
        const std::size_t first = cells.front().first, last = cells.back().last;
        if (last <= w) continue;  // resynchronised past it
        if (first >= w && (first == last || row(cells, r == 0 ? std::string() : header))) {
            w = last;
            continue;
        }
        for (w = std::max(w, first); w < last;) w = word(w);
    }
    return w;
}

bool WordMatcher::row(const Cells& cells, const std::string& header) {
    const std::vector<std::size_t> starts = row_starts(cells, header);
    if (!starts.empty()) at_ = starts.front();  // past a repeated header, whether or not the row reads so
    for (const std::size_t start : starts)
        if (const std::size_t end = read_row(cells, header, start); end != none) {
            found(end);
            return true;
        }
    return false;
}

std::size_t WordMatcher::read_row(const Cells& cells, const std::string& header, std::size_t pos) const {
    RowState st;
    for (const TableWords::Cell& c : cells) st.next.push_back(c.first), st.rest.emplace_back();
    RowRead read{cells, header, row_tries};
    return fill(read, st, 0, pos, r_.piece_at(pos)) ? st.pos : none;
}

std::vector<std::size_t> WordMatcher::row_starts(const Cells& cells, const std::string& header) const {
    const std::size_t w0 = cells.front().first;  // the row's first word, whichever cell holds it
    if (first_) {  // the body opens with the table: where its first word stands, or begins
        std::vector<std::size_t> starts;
        if (const std::size_t at = anchor(w0); at != none) starts.push_back(at);
        // A first word broken at a page's end stands nowhere whole: where its first letters do.
        std::size_t length = 0;
        for (int n = 0; n < 4 && length < s_.words[w0].size(); ++n) utf8::next(s_.words[w0], length);
        const std::string head = s_.words[w0].substr(0, length);
        for (std::size_t hit = text_.find(head, at_); hit != none && starts.size() < 20; hit = text_.find(head, hit + 1))
            if (starts.empty() || hit != starts.front()) starts.push_back(hit);
        return starts;
    }
    const std::size_t piece = r_.piece_before(at_);
    if (at_ < r_.end_of(piece) || at_ == text_.size()) {
        // Right where the last word ended (its first word may be broken), or after a list's
        // label ("a." of a nested list).
        const std::size_t hit = find_near(s_.words[w0], at_);
        return hit == none || hit == at_ ? std::vector<std::size_t>{at_} : std::vector<std::size_t>{at_, hit};
    }
    // The last row ended a page: this one goes on at the top of the next, under the header.
    const std::size_t next = next_page(piece);
    return next < r_.pieces.size() ? std::vector<std::size_t>{under_header(r_.pieces[next].from, header)} : std::vector<std::size_t>{};
}

std::size_t WordMatcher::next_page(std::size_t piece) const {
    do ++piece;
    while (piece < r_.pieces.size() && r_.pieces[piece].from == r_.end_of(piece));
    return piece;
}

std::size_t WordMatcher::under_header(std::size_t pos, const std::string& header) const {
    return !header.empty() && text_.compare(pos, header.size(), header) == 0 ? pos + header.size() : pos;
}

bool WordMatcher::fill(RowRead& read, RowState& st, std::size_t c, std::size_t pos, std::size_t piece) const {
    const Cells& cells = read.cells;
    if (--read.budget < 0) return false;
    while (c < cells.size() && st.next[c] == cells[c].last && st.rest[c].empty()) ++c;
    const std::size_t end = r_.end_of(piece);
    if (c == cells.size()) {
        bool finished = true;
        for (std::size_t k = 0; k < cells.size(); ++k) finished = finished && st.next[k] == cells[k].last && st.rest[k].empty();
        st.pos = pos;
        if (finished) return true;
        // Where the row goes on, its part fills the page, and the next page takes it on.
        const std::size_t next = next_page(piece);
        if (pos != end || next == r_.pieces.size()) return false;
        return fill(read, st, 0, under_header(r_.pieces[next].from, read.header), next);
    }
    struct Run {
        std::size_t end, next;
        std::string_view rest;
    };
    // Shortest first. The shortest shows no letters: a narrow cell's lines on a page may hold
    // only a code span's "== ==" (but never when a broken word's rest is due there).
    std::vector<Run> runs;
    if (st.rest[c].empty()) runs.push_back({pos, st.next[c], {}});
    // The rest of a word broken at the last page's end, then the next words; any of them may be
    // broken at this page's end, its first letters ending the cell's lines where a line begins.
    std::size_t p = pos;
    for (std::size_t k = st.rest[c].empty() ? st.next[c] : st.next[c] - 1; k < cells[c].last; ++k) {
        const std::string_view unit = k < st.next[c] ? st.rest[c] : std::string_view(s_.words[k]);
        std::size_t same = 0;
        while (same < unit.size() && p + same < end && text_[p + same] == unit[same]) ++same;
        // The next cell's first letters may go on with the unit's: each line start it matches
        // through is a place the cell's lines may end.
        for (std::size_t e = p + 1; e <= p + std::min(same, unit.size() - 1); ++e)
            if (r_.boundary_at(e)) runs.push_back({e, k + 1, unit.substr(e - p)});
        if (same < unit.size()) break;
        p += unit.size();
        runs.push_back({p, k + 1, {}});
    }
    for (auto it = runs.rbegin(); it != runs.rend(); ++it) {
        const bool goes_on = it->next < cells[c].last || !it->rest.empty();
        if (goes_on && it->end != pos && !r_.boundary_at(it->end)) continue;
        RowState next = st;
        next.next[c] = it->next, next.rest[c] = it->rest;
        if (fill(read, next, c + 1, it->end, piece)) {
            st = std::move(next);
            return true;
        }
    }
    return false;
}

}  // namespace zapros::property
