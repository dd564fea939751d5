#include "flow/flow.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "flow/frames.hpp"
#include "flow/stack.hpp"

namespace zapros::flow {

namespace {

class Flower {
public:
    Flower(const compose::Document& doc, const para::Resources& res, const para::Params& params,
           Diagnostics& diags, const FlowParams& fp)
        : doc_(doc), frames_{doc.style, res, params, diags}, fp_(fp), diags_(diags),
          limit_(static_cast<Sp>(fp.max_pages) * doc.style.text_height()) {}

    Flow run() {
        Flow out;
        out.max_pages = fp_.max_pages;
        Stacker body(out.body, fp_);
        headers_ = &out.headers;
        body_ = &out.body;
        Pos at;
        for (std::size_t i = 0; i < doc_.blocks.size(); ++i) {
            const compose::Block& b = doc_.blocks[i];
            at = pos_of(b, at);
            const std::size_t first = out.body.size();
            block(b, body);
            if (!barrier_set_ && (i >= doc_.text_end || std::holds_alternative<compose::Closing>(b)))
                barrier_set_ = mark_barrier(out.body, first);
            if (const Sp tallest = count_lines(); tallest > doc_.style.text_height()) {
                too_tall(b, at, tallest);
                out.refused = true;
                return out;
            }
            if (filled_ > limit_) {
                diags_.error(at, too_many_pages(fp_.max_pages));
                out.refused = true;
                return out;
            }
        }
        foot(out.body);
        body_ = nullptr;
        headers_ = nullptr;  // a table in a note repeats no header: notes are split otherwise
        for (const compose::Note& n : doc_.notes) {
            VList& v = out.notes.emplace_back();
            out.note_pos.push_back(n.pos);
            Stacker st(v, fp_);
            keep_next_ = false;
            for (const compose::Block& b : n.blocks) block(b, st);
            for (VItem& it : v)
                if (it.kind == VItem::Kind::line) {
                    it.line.anchor = n.number;
                    break;
                }
        }
        return out;
    }

private:
    // Where a block's text starts; `last` for one without text of its own (a rule).
    static Pos pos_of(const compose::Block& b, Pos last) {
        if (const auto* p = std::get_if<compose::Paragraph>(&b)) return p->pos;
        if (const auto* t = std::get_if<compose::Table>(&b)) return t->pos;
        if (const auto* h = std::get_if<compose::Header>(&b)) return h->sender.empty() ? last : h->sender.front().pos;
        if (const auto* c = std::get_if<compose::Closing>(&b)) return c->rows.empty() ? c->date_place.pos : c->rows.front().role.pos;
        if (const auto* f = std::get_if<compose::Figure>(&b)) return f->pos;
        return last;
    }

    // A page holds either one line (however tall) or lines whose heights and depths add up to at
    // most its text's height, so the body's lines, each counted at most a page tall, fill at least
    // that many pages: more than max_pages pages' worth is refused before the rest is set (notes,
    // glue and page breaks only add pages).
    Sp tall(const para::Line& l) const { return std::min(l.height + l.depth, doc_.style.text_height()); }

    // Counts the body's lines added since the last call into filled_; the tallest of them.
    Sp count_lines() {
        Sp tallest = 0;
        for (; counted_ < body_->size(); ++counted_) {
            const VItem& it = (*body_)[counted_];
            if (it.kind != VItem::Kind::line) continue;
            filled_ += tall(it.line);
            tallest = std::max(tallest, it.line.height + it.line.depth);
        }
        return tallest;
    }

    // A line no page can hold: paragraphs and table rows split into lines a page holds, but the
    // requisites and the signatures are set as one frame each.
    void too_tall(const compose::Block& b, Pos at, Sp tallest) {
        const std::string size = std::to_string(static_cast<long>(to_pt(tallest) + 0.5)) + " pt, and a page's text is " +
                                 std::to_string(static_cast<long>(to_pt(doc_.style.text_height()))) + " pt tall";
        if (const auto* h = std::get_if<compose::Header>(&b)) {
            if (!h->addressees.empty()) at = h->addressees.front().pos;
            diags_.error(at, "the requisites (the addressees and the sender beside them) are taller than a page: " + size,
                         "fewer or shorter addressees or sender lines (GOST R 7.0.97 addresses a letter to at most four)");
        } else if (std::holds_alternative<compose::Closing>(b)) {
            diags_.error(at, "the signatures and the date are taller than a page: " + size, "fewer or shorter signatures");
        } else {
            diags_.error(at, "this block is taller than a page: " + size);
        }
    }

    // Penalty between lines k−1 and k of a paragraph of n lines (TeX ch. 15: \clubpenalty,
    // \widowpenalty, \brokenpenalty; the rule: no lone line of a paragraph of 3 or more).
    int interline(std::size_t k, std::size_t n, bool prev_hyphen) const {
        long p = 0;
        if (n == 2) p += fp_.two_line_penalty;
        if (n >= 3 && k == 1) p += fp_.club_penalty;
        if (n >= 3 && k == n - 1) p += fp_.widow_penalty;
        if (prev_hyphen) p += fp_.broken_penalty;
        return static_cast<int>(std::min<long>(p, para::infinite_penalty));
    }

    int before_block() {
        const int p = keep_next_ ? para::infinite_penalty : 0;
        keep_next_ = false;
        return p;
    }

    void block(const compose::Block& b, Stacker& st) {
        if (const auto* p = std::get_if<compose::Paragraph>(&b)) {
            paragraph(*p, st);
        } else if (const auto* r = std::get_if<compose::Rule>(&b)) {
            st.space(r->space_before);
            st.frame(frames_.rule(*r), 0, before_block());
            st.space(r->space_after);
        } else if (const auto* t = std::get_if<compose::Table>(&b)) {
            table(*t, st);
        } else if (const auto* h = std::get_if<compose::Header>(&b)) {
            st.frame(frames_.header(*h), 0, before_block());
        } else if (const auto* c = std::get_if<compose::Closing>(&b)) {
            closing(*c, st);
        } else if (const auto* f = std::get_if<compose::Figure>(&b)) {
            figure(*f, st);
        }
    }

    // A table's rows, each as bands (a line of its cells each). A row splits between its bands
    // only when it must, and one taller than a page as a paragraph would; the header row stays
    // with the first, and repeats at the top of each page the table runs on to, unless it is
    // itself too tall for that.
    void table(const compose::Table& t, Stacker& st) {
        // A table in the body is set only until it passes the page limit.
        const Sp room = body_ ? limit_ - filled_ : std::numeric_limits<Sp>::max();
        std::vector<std::vector<para::Line>> rows = frames_.table(t, room);
        if (rows.empty()) return;
        for (std::vector<para::Line>& row : rows) {
            ++rows_;
            for (para::Line& band : row) band.row = rows_;
        }
        Sp header_height = 0;
        for (const para::Line& band : rows.front()) header_height += band.height + band.depth;
        const bool repeat = headers_ && rows.size() > 1 &&
                            header_height <= static_cast<Sp>(fp_.header_repeat_share * static_cast<double>(doc_.style.text_height()));
        int header = -1;
        if (repeat) {
            header = static_cast<int>(headers_->size());
            headers_->push_back(rows.front());
        }
        st.space(t.space_before);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            Sp height = 0;
            for (const para::Line& band : rows[r]) height += band.height + band.depth;
            const bool tall = height > doc_.style.text_height();
            for (std::size_t k = 0; k < rows[r].size(); ++k) {
                int penalty = k == 0 ? 0 : tall ? interline(k, rows[r].size(), false) : fp_.row_split_penalty;
                if (r == 0 && k == 0) penalty = before_block();
                else if ((r == 0 && repeat) || (r == 1 && k == 0)) penalty = para::infinite_penalty;
                st.frame(std::move(rows[r][k]), 0, penalty, r > 0 ? header : -1);
            }
        }
        st.space(t.space_after);
    }

    void paragraph(const compose::Paragraph& p, Stacker& st) {
        std::vector<para::Line> lines = frames_.lines(p);
        st.space(p.space_before);
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const int penalty = k == 0 ? before_block() : interline(k, lines.size(), lines[k - 1].hyphen);
            st.line(std::move(lines[k]), p.leading, penalty);
        }
        st.space(p.space_after);
        keep_next_ = p.keep_with_next;
    }

    void figure(const compose::Figure& f, Stacker& st) {
        if (f.floating) return st.floating(frames_.figure(f), f.space_before, f.space_after, before_block());
        st.space(f.space_before);
        st.frame(frames_.figure(f), 0, before_block());
        st.space(f.space_after);
    }

    // The executor's lines, after everything, for the page builder to set at the foot of the
    // last page's text area: a page of its own only when the last page has no room for it.
    void foot(VList& body) {
        if (doc_.foot.empty()) return;
        body.push_back(VItem::of_penalty(0));
        body.push_back(VItem::of_glue(doc_.style.executor_before));
        body.push_back(VItem::of_line(frames_.stack(doc_.foot)));
        body.back().bottom = true;
    }

    // The closing never starts a page alone: it keeps the text's last two lines with it, and the
    // courtesy phrase stays with the signatures.
    void closing(const compose::Closing& c, Stacker& st) {
        if (VItem* last = st.last_penalty()) last->penalty = para::infinite_penalty;
        keep_next_ = true;
        if (c.courtesy) {
            compose::Paragraph courtesy = *c.courtesy;
            courtesy.keep_with_next = true;
            paragraph(courtesy, st);
        }
        st.space(c.space_before);
        const std::vector<para::Line> rows = frames_.signatures(c);
        for (const para::Line& row : rows) {
            st.frame(row, 0, before_block());
            st.space(c.row_gap);
            keep_next_ = true;
        }
        if (c.date_place.spans.empty()) return;  // the date stands in the registration number
        st.space(c.date_before);
        keep_next_ = true;
        compose::Paragraph date = c.date_place;
        date.keep_with_next = false;
        paragraph(date, st);
    }

    // Marks the first line from `first` on as the figures' barrier; whether there was one.
    static bool mark_barrier(VList& body, std::size_t first) {
        for (std::size_t k = first; k < body.size(); ++k)
            if (body[k].kind == VItem::Kind::line) return body[k].barrier = true;
        return false;
    }

    const compose::Document& doc_;
    Frames frames_;
    const FlowParams& fp_;
    Diagnostics& diags_;
    const Sp limit_;            // max_pages pages' text height
    bool barrier_set_ = false;
    Sp filled_ = 0;             // the body's lines so far, each at most a page tall
    std::size_t counted_ = 0;   // the body's items counted in filled_
    const VList* body_ = nullptr;  // while the body is set
    bool keep_next_ = false;
    int rows_ = 0;  // table rows so far: each row's bands share its number
    std::vector<std::vector<para::Line>>* headers_ = nullptr;  // the body's, where tables register theirs
};

}  // namespace

Flow flow(const compose::Document& doc, const para::Resources& res, const para::Params& params,
          Diagnostics& diags, const FlowParams& fp) {
    return Flower(doc, res, params, diags, fp).run();
}

}  // namespace zapros::flow
