// The page builder. For each page, in the manner of TeX's (TeXbook ch. 15):
//   search — add boxes from the top (glue and penalties at the top vanish); at each penalty
//            < 10000 note the cost of breaking there: badness of the page's shortfall + penalty;
//            a box that does not fit (with the notes its marks bring) ends the search, and the
//            cheapest break seen (the latest among equals) is taken;
//   fill   — add the same boxes again up to that break and place them: body lines from the top
//            margin down, notes at the bottom margin under a short rule.
// Notes ride with the line that marks them. A note that does not fit moves that line to the next
// page; a long one (≥ note_split_min lines) that fits at least note_min_lines is split instead,
// and its rest opens the next page's notes. "Page full" is a value (Stop), not an exception.
#include "page/paginate.hpp"

#include <algorithm>
#include <limits>
#include <set>

namespace zapros::page {

namespace {

// One line of a note, with what stands before it.
struct NoteLine {
    para::Line* line = nullptr;  // in the flow's note list; moved onto its page when placed
    Sp before = 0;       // glue from the previous line's bottom
    int penalty = 0;     // for splitting the note before this line
};

struct Chunk {
    int note = 0;  // 1-based
    std::size_t from = 0, to = 0;
};

struct Break {
    std::size_t end = 0;   // the page holds body items [start, end)
    std::size_t next = 0;  // the next page starts here
};

class Paginator {
public:
    Paginator(flow::Flow flow, const compose::Style& style, const para::Resources& res, const para::Params& params,
              Diagnostics& diags, const PageParams& pp)
        : flow_(std::move(flow)), style_(style), res_(res), params_(params), diags_(diags), pp_(pp),
          room_(style.text_height()), placed_(flow_.notes.size() + 1, false) {
        for (flow::VList& v : flow_.notes) {
            std::vector<NoteLine>& lines = notes_.emplace_back();
            Sp glue = 0;
            int penalty = 0;
            for (flow::VItem& it : v) {
                if (it.kind == flow::VItem::Kind::glue) glue += it.glue;
                else if (it.kind == flow::VItem::Kind::penalty) penalty = it.penalty;
                else {
                    lines.push_back({&it.line, lines.empty() ? 0 : glue, penalty});
                    glue = 0;
                    penalty = 0;
                }
            }
        }
    }

    Pages run() {
        Pages out;
        out.width = style_.page_width;
        out.height = style_.page_height;
        const flow::VList& body = flow_.body;
        std::size_t start = 0;
        std::vector<Chunk> spill;
        while (true) {
            while (start < body.size() && body[start].kind != flow::VItem::Kind::line) ++start;
            if (start >= body.size() && spill.empty()) break;
            if (out.pages.size() >= pp_.max_pages) {
                diags_.error({}, "the document would have more than " + std::to_string(pp_.max_pages) + " pages");
                break;
            }
            const Break b = search(start, spill);
            Fill f = fill(start, b.end, spill);
            for (const Chunk& c : f.chunks) placed_[static_cast<std::size_t>(c.note)] = true;
            for (const Chunk& c : f.spill) placed_[static_cast<std::size_t>(c.note)] = true;
            out.pages.push_back(place(start, b.end, f, static_cast<int>(out.pages.size()) + 1));
            spill = std::move(f.spill);
            start = b.next;
        }
        number(out);
        return out;
    }

private:
    struct Fill {
        Sp body = 0;             // from the top of the first box to the bottom of the last
        Sp glue = 0;             // pending glue since the last box
        bool any = false;        // a box is on the page
        std::vector<Chunk> chunks;
        std::vector<Chunk> spill;  // notes continued on the next page
        std::set<int> local;     // notes started on this page
    };

    Sp note_height(const Chunk& c) const {
        const std::vector<NoteLine>& lines = notes_[static_cast<std::size_t>(c.note - 1)];
        Sp h = 0;
        for (std::size_t k = c.from; k < c.to; ++k)
            h += (k > c.from ? lines[k].before : 0) + lines[k].line->height + lines[k].line->depth;
        return h;
    }

    Sp notes_height(const std::vector<Chunk>& chunks) const {
        if (chunks.empty()) return 0;
        Sp h = style_.note_skip;
        for (std::size_t k = 0; k < chunks.size(); ++k) h += note_height(chunks[k]) + (k > 0 ? style_.note_gap : 0);
        return h;
    }

    // The room a further chunk may take, given what is on the page.
    Sp added_cost(const std::vector<Chunk>& chunks) const { return chunks.empty() ? style_.note_skip : style_.note_gap; }

    // The most lines of chunk c (from c.from) that fit in `room`, splitting only where allowed.
    std::size_t fitting_lines(const Chunk& c, Sp room, bool need_allowed_split) const {
        const std::vector<NoteLine>& lines = notes_[static_cast<std::size_t>(c.note - 1)];
        std::size_t best = c.from;
        Sp h = 0;
        for (std::size_t k = c.from; k < c.to; ++k) {
            h += (k > c.from ? lines[k].before : 0) + lines[k].line->height + lines[k].line->depth;
            if (h > room) break;
            const bool allowed = k + 1 >= c.to || lines[k + 1].penalty < para::infinite_penalty || !need_allowed_split;
            if (allowed) best = k + 1;
        }
        return best;
    }

    Sp note_cap() const { return static_cast<Sp>(pp_.note_share * static_cast<double>(room_)); }

    // Places the continued notes at the top of the page's note area.
    void take_spill(Fill& f, const std::vector<Chunk>& spill) const {
        const Sp cap = note_cap();
        bool full = false;
        for (const Chunk& c : spill) {
            if (full) {
                f.spill.push_back(c);
                continue;
            }
            const Sp room = cap - notes_height(f.chunks) - added_cost(f.chunks);
            std::size_t k = fitting_lines(c, room, true);
            if (k == c.from && f.chunks.empty()) k = std::max(fitting_lines(c, room, false), c.from + 1);
            if (k > c.from) f.chunks.push_back({c.note, c.from, k});
            if (k < c.to) {
                f.spill.push_back({c.note, k, c.to});
                full = true;
            }
        }
    }

    enum class Added { ok, moved };

    // Adds a body line and the notes it marks; `moved` when it must go to the next page instead
    // (f is then unchanged). The first line of a page is always taken.
    Added add_line(Fill& f, const para::Line& line) const {
        Fill g = f;
        g.body = f.any ? f.body + f.glue + line.height + line.depth : line.height + line.depth;
        g.glue = 0;
        g.any = true;
        std::vector<int> marks;
        for (int n : line.notes)
            if (n >= 1 && static_cast<std::size_t>(n) <= notes_.size() && !placed_[static_cast<std::size_t>(n)] &&
                !g.local.count(n) && std::find(marks.begin(), marks.end(), n) == marks.end())
                marks.push_back(n);
        bool spilling = !g.spill.empty();  // later notes must not overtake a continued one
        for (std::size_t m = 0; m < marks.size(); ++m) {
            const int n = marks[m];
            const Chunk whole{n, 0, notes_[static_cast<std::size_t>(n - 1)].size()};
            g.local.insert(n);
            if (spilling) {
                if (f.any) return Added::moved;
                g.spill.push_back(whole);
                continue;
            }
            const Sp room = room_ - g.body - notes_height(g.chunks) - added_cost(g.chunks);
            if (note_height(whole) <= room) {
                g.chunks.push_back(whole);
                continue;
            }
            const bool last = m + 1 == marks.size();
            std::size_t k = whole.from;
            if (!f.any) {
                k = fitting_lines(whole, room, true);  // the first line of a page: split what must be
            } else if (last && whole.to >= pp_.note_split_min) {
                // A split note takes at most the notes' share of the page (TeX's \dimen\footins),
                // so that the text goes on under its mark.
                const Sp share = note_cap() - notes_height(g.chunks) - added_cost(g.chunks);
                k = fitting_lines(whole, std::min(room, share), true);
                if (k < pp_.note_min_lines) return Added::moved;
            } else {
                return Added::moved;
            }
            if (k > whole.from) g.chunks.push_back({n, whole.from, k});
            g.spill.push_back({n, k, whole.to});
            spilling = true;
        }
        if (f.any && g.body + notes_height(g.chunks) > room_) return Added::moved;
        f = std::move(g);
        return Added::ok;
    }

    // The page's cost if it ended now (TeX's page_goal test with a ragged bottom: a third of the
    // page's height stands in for stretch, so a page half empty costs about 340).
    int cost(const Fill& f) const {
        const Sp used = f.body + notes_height(f.chunks);
        return para::badness(room_ - used, room_ / 3);
    }

    Break search(std::size_t start, const std::vector<Chunk>& spill) const {
        const flow::VList& body = flow_.body;
        Fill f;
        take_spill(f, spill);
        long best_cost = std::numeric_limits<long>::max();
        std::size_t best = 0, last_any = 0;
        for (std::size_t j = start; j < body.size(); ++j) {
            const flow::VItem& it = body[j];
            if (it.kind == flow::VItem::Kind::glue) {
                if (f.any) f.glue += it.glue;
            } else if (it.kind == flow::VItem::Kind::penalty) {
                if (!f.any) continue;
                last_any = j;
                if (it.penalty >= para::infinite_penalty) continue;
                const long c = static_cast<long>(cost(f)) + it.penalty;
                if (c <= best_cost) {
                    best_cost = c;
                    best = j;
                }
            } else if (add_line(f, it.line) == Added::moved) {
                if (best) return {best, best + 1};
                if (last_any) return {last_any, last_any + 1};  // no allowed break: the latest
                return {j, j};
            }
        }
        return {body.size(), body.size()};
    }

    Fill fill(std::size_t start, std::size_t end, const std::vector<Chunk>& spill) const {
        Fill f;
        take_spill(f, spill);
        for (std::size_t j = start; j < end; ++j) {
            const flow::VItem& it = flow_.body[j];
            if (it.kind == flow::VItem::Kind::glue && f.any) f.glue += it.glue;
            if (it.kind == flow::VItem::Kind::line) {
                if (add_line(f, it.line) == Added::moved) {  // cannot happen: search saw the same
                    f.any = true;
                }
            }
        }
        return f;
    }

    // Moves the page's lines out of the vertical list (each is placed once; what stays behind
    // keeps its height and depth, all a later search reads).
    Page place(std::size_t start, std::size_t end, const Fill& f, int number) {
        Page page;
        page.number = number;
        flow::VList& body = flow_.body;
        const Sp x = style_.margin_left;
        Sp y = style_.margin_top;  // the bottom of the last box placed
        Sp glue = 0;
        bool any = false;
        for (std::size_t j = start; j < end; ++j) {
            flow::VItem& it = body[j];
            if (it.kind == flow::VItem::Kind::glue && any) glue += it.glue;
            if (it.kind != flow::VItem::Kind::line) continue;
            const Sp baseline = y + glue + it.line.height;
            const Sp depth = it.line.depth;
            page.lines.push_back({x, baseline, std::move(it.line)});
            y = baseline + depth;
            glue = 0;
            any = true;
        }
        page.body_lines = page.lines.size();
        if (!f.chunks.empty()) {
            Sp top = style_.page_height - style_.margin_bottom - notes_height(f.chunks);
            para::Line rule;
            rule.rules.push_back({0, 0, style_.note_rule_width, style_.note_rule_thickness});
            page.lines.push_back({x, top + style_.note_skip / 3, std::move(rule)});
            Sp ny = top + style_.note_skip;
            for (std::size_t k = 0; k < f.chunks.size(); ++k) {
                const Chunk& c = f.chunks[k];
                const std::vector<NoteLine>& lines = notes_[static_cast<std::size_t>(c.note - 1)];
                if (k > 0) ny += style_.note_gap;
                for (std::size_t n = c.from; n < c.to; ++n) {
                    if (n > c.from) ny += lines[n].before;
                    const Sp baseline = ny + lines[n].line->height;
                    const Sp depth = lines[n].line->depth;
                    page.lines.push_back({x, baseline, std::move(*lines[n].line)});
                    ny = baseline + depth;
                }
            }
        }
        return page;
    }

    // Page numbers from page 2, centred in the top margin (GOST R 7.0.97); none on one page.
    void number(Pages& out) const {
        if (out.pages.size() < 2) return;
        for (Page& p : out.pages) {
            if (p.number < 2) continue;
            compose::Paragraph para;
            para.align = compose::Align::center;
            para.size = style_.page_number_size;
            para.leading = style_.page_number_size;
            para.hyphenate = false;
            para.spans.push_back(compose::Span{.text = std::to_string(p.number), .face = Face::serif,
                                               .size = style_.page_number_size});
            std::vector<para::Line> lines = para::typeset(para, style_.measure(), res_, params_, diags_);
            if (!lines.empty()) p.lines.push_back({style_.margin_left, style_.page_number_baseline, std::move(lines.front())});
        }
    }

    flow::Flow flow_;
    const compose::Style& style_;
    const para::Resources& res_;
    const para::Params& params_;
    Diagnostics& diags_;
    const PageParams& pp_;
    Sp room_;
    std::vector<std::vector<NoteLine>> notes_;
    std::vector<bool> placed_;
};

}  // namespace

Pages paginate(flow::Flow flow, const compose::Style& style, const para::Resources& res, const para::Params& params,
               Diagnostics& diags, const PageParams& pp) {
    return Paginator(std::move(flow), style, res, params, diags, pp).run();
}

}  // namespace zapros::page
