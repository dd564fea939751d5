// The page builder. For each page, in the manner of TeX's (TeXbook ch. 15):
//   search — add boxes from the top (glue and penalties at the top vanish); at each penalty
//            < 10000 note the cost of breaking there: badness of the page's shortfall + penalty;
//            a box that does not fit (with the notes its marks bring) ends the search, and the
//            cheapest break seen (the latest among equals) is taken;
//   fill   — add the same boxes again up to that break and place them: body lines from the top
//            margin down (under a table's repeated header row when the page opens inside one),
//            notes at the bottom margin under a short rule, the executor (VItem::bottom) on them.
// Notes ride with the line that marks them and start on its page (notes.hpp): a line whose
// notes cannot start there moves to the next page. "Page full" is a value (Added::moved), not an
// exception.
#include "page/paginate.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "page/bands.hpp"
#include "page/floats.hpp"
#include "page/notes.hpp"

namespace zapros::page {

namespace {

class Paginator {
public:
    Paginator(flow::Flow flow, const compose::Style& style, const para::Resources& res, const para::Params& params,
              Diagnostics& diags, const PageParams& pp)
        : flow_(std::move(flow)), style_(style), res_(res), params_(params), diags_(diags),
          room_(style.text_height()), notes_(flow_, style, pp), placed_(notes_.count() + 1, false) {}

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
            if (out.pages.size() >= flow_.max_pages) {
                diags_.error({}, flow::too_many_pages(flow_.max_pages));
                break;
            }
            Break b = search(start, spill);
            defer_floats(flow_.body, start, b, style_.figure_after);
            Fill f = fill(start, b.end, spill);
            for (const Chunk& c : f.notes.chunks) placed_[static_cast<std::size_t>(c.note)] = true;
            for (const Chunk& c : f.notes.spill) placed_[static_cast<std::size_t>(c.note)] = true;
            if (f.overflow) overflow(f);
            out.pages.push_back(place(start, b.end, f, static_cast<int>(out.pages.size()) + 1));
            spill = std::move(f.notes.spill);
            start = b.next;
        }
        number(out);
        return out;
    }

private:
    struct Fill {
        Sp body = 0;          // from the top of the first box to the bottom of the last
        Sp glue = 0;          // pending glue since the last box
        bool any = false;     // a line of the body is on the page
        bool overflow = false;  // the notes of its first line do not fit even one line each
        NoteArea notes;
    };

    Sp header_height(int h) const {
        Sp total = 0;
        for (const para::Line& band : flow_.headers[static_cast<std::size_t>(h)]) total += band.height + band.depth;
        return total;
    }

    enum class Added { ok, moved };

    // Adds a body line and the notes it marks; `moved` when it must go to the next page instead
    // (f is then unchanged). The first line of a page is always taken, under its table's header
    // row when it opens the page inside a table.
    Added add_line(Fill& f, const flow::VItem& it) const {
        const para::Line& line = it.line;
        Fill g = f;
        const Sp top = !f.any && it.header >= 0 ? header_height(it.header) : 0;
        g.body = f.any ? f.body + f.glue + line.height + line.depth : top + line.height + line.depth;
        g.glue = 0;
        g.any = true;
        // The page's first line settles the notes held over too: their lines may mark notes.
        const bool marks = mark(g, line.notes);
        const bool fits = marks || !f.any ? settle(g, g.body, !f.any) : true;
        if (!fits) {
            if (f.any) return Added::moved;
            g.overflow = true;
        }
        if (f.any && g.body + notes_.height(g.notes.chunks) > room_) return Added::moved;
        f = std::move(g);
        return Added::ok;
    }

    // Marks notes `numbers` as starting on the page unless they started already; true when
    // one did not.
    bool mark(Fill& g, const std::vector<int>& numbers) const {
        bool any = false;
        for (int n : numbers) any = start(g, n) || any;
        return any;
    }

    bool start(Fill& g, int n) const {
        if (n < 1 || static_cast<std::size_t>(n) > notes_.count() || placed_[static_cast<std::size_t>(n)] ||
            std::binary_search(g.notes.marked.begin(), g.notes.marked.end(), n))  // started already, here or before
            return false;
        // In reading order, which numbers them: a table's cells may be read in another order
        // than its bands are added.
        g.notes.marked.insert(std::upper_bound(g.notes.marked.begin(), g.notes.marked.end(), n), n);
        return true;
    }

    // A note started on the page by a mark in another note's line.
    struct Nested {
        int in = 0;            // the note whose line holds the mark
        std::size_t line = 0;  // that line
    };

    // Arranges the note area for the notes marked on the page, then for the notes marked in the
    // note lines it prints, and theirs, round by round until no new mark appears (each round
    // starts a new note, so at most the notes' count). When those cannot all start on the page,
    // the line with the last mark printed that can wait goes on to the next page with what
    // follows it (lower(), NoteArea::ceilings), and it tries again; each try lowers a ceiling, so
    // it ends. False when the notes do not fit even so.
    bool settle(Fill& g, Sp body, bool forced) const {
        const Fill base = g;
        std::vector<std::pair<int, std::size_t>> ceilings = base.notes.ceilings;
        while (true) {
            Fill h = base;
            h.notes.ceilings = ceilings;
            bool fits = notes_.arrange(h.notes, body, forced);
            std::vector<std::vector<Nested>> rounds;
            while (fits) {
                rounds.push_back(mark_nested(h));
                if (rounds.back().empty()) break;
                fits = notes_.arrange(h.notes, body, forced);
            }
            const bool retry = !fits && std::any_of(rounds.rbegin(), rounds.rend(), [&](const auto& r) { return lower(ceilings, r, base); });
            if (!retry) {
                g = std::move(h);
                return fits;
            }
        }
    }

    // Lowers the ceiling of the note holding the last of the marks `nested` (in the order the page
    // prints them) that can wait, to that mark's line; false when none can. One mark a try, so
    // that the page keeps all it can. The page keeps its first held-over line (a page of notes
    // alone would print nothing, and the next the same); a note started on it keeps its first
    // (Notes::arrange).
    static bool lower(std::vector<std::pair<int, std::size_t>>& ceilings, const std::vector<Nested>& nested, const Fill& base) {
        for (auto m = nested.rbegin(); m != nested.rend(); ++m) {
            if (!base.notes.held.empty() && base.notes.held.front().note == m->in && base.notes.held.front().from == m->line) continue;
            std::size_t& ceiling = NoteArea::entry(ceilings, m->in, NoteArea::none);
            if (m->line >= ceiling) continue;
            ceiling = m->line;
            return true;
        }
        return false;
    }

    // Starts the notes marked in the note lines the page prints, each note keeping the lines up
    // to its mark on the page (NoteArea::floors); the ones started.
    std::vector<Nested> mark_nested(Fill& g) const {
        std::vector<Nested> started;
        for (const Chunk& c : g.notes.chunks)
            for (std::size_t k = c.from; k < c.to; ++k)
                for (int n : notes_.line(c.note, k).notes) {
                    if (!start(g, n)) continue;
                    std::size_t& floor = NoteArea::entry(g.notes.floors, c.note, 0);
                    floor = std::max(floor, k + 1);
                    started.push_back({c.note, k});
                }
        return started;
    }

    // The page's cost if it ended now (TeX's page_goal test with a ragged bottom: a third of the
    // page's height stands in for stretch, so a page half empty costs about 340).
    int cost(const Fill& f) const {
        const Sp used = f.body + notes_.height(f.notes.chunks);
        return para::badness(room_ - used, room_ / 3);
    }

    // Whether the floating line at j, which is not the page's first, is kept with what stands
    // before it (a heading's keep-with-next): it then moves only with that.
    bool kept_before(std::size_t j) const {
        while (j-- > 0 && flow_.body[j].kind == flow::VItem::Kind::glue) {}
        return j < flow_.body.size() && flow_.body[j].kind == flow::VItem::Kind::penalty &&
               flow_.body[j].penalty >= para::infinite_penalty;
    }

    // Floats (floats.hpp): a floating line that does not fit a page holding text is deferred,
    // and so is every floating line after it on the page, so that figures keep their order; the
    // search goes on as if the deferred were not there (the glue around each replaced by its
    // float_glue, as defer_floats() will), and no break stands between a deferred float and the
    // next line taken, so that it always has a page to go to.
    Break search(std::size_t start, const std::vector<Chunk>& spill) const {
        const flow::VList& body = flow_.body;
        Fill f;
        f.notes = notes_.open(spill);
        long best_cost = std::numeric_limits<long>::max();
        std::size_t best = 0, last_any = 0;
        std::vector<std::size_t> deferred;
        bool waiting = false;
        std::optional<Sp> swap;  // the glue after a deferred float, as defer_floats() sets it
        Sp last_glue = 0;
        const flow::VItem* last_line = nullptr;
        const auto at = [&](std::size_t end, std::size_t next) {
            while (!deferred.empty() && deferred.back() >= end) deferred.pop_back();
            return Break{end, next, std::move(deferred)};
        };
        for (std::size_t j = start; j < body.size(); ++j) {
            const flow::VItem& it = body[j];
            if (it.kind == flow::VItem::Kind::glue) {
                last_glue = swap.value_or(it.glue);
                swap.reset();
                if (f.any) f.glue += last_glue;
                continue;
            }
            if (it.kind == flow::VItem::Kind::penalty) {
                if (!f.any || waiting) continue;
                last_any = j;
                if (it.penalty >= para::infinite_penalty) continue;
                const long c = static_cast<long>(cost(f)) + it.penalty;
                if (c <= best_cost) {
                    best_cost = c;
                    best = j;
                }
                continue;
            }
            if (it.floating && f.any && (!deferred.empty() || !fits(f, it)) && !kept_before(j)) {
                f.glue -= last_glue;
                deferred.push_back(j);
                waiting = true;
                swap = glue_without(it, last_line, style_.figure_after);
                continue;
            }
            if (((it.floating || it.barrier) && !deferred.empty()) || add_line(f, it) == Added::moved) {
                if (best) return at(best, best + 1);
                if (last_any) return at(last_any, last_any + 1);  // no allowed break: the latest
                return at(j, j);
            }
            waiting = false;
            last_glue = 0;
            last_line = &it;
        }
        return at(body.size(), body.size());
    }

    bool fits(const Fill& f, const flow::VItem& it) const {
        Fill g = f;
        return add_line(g, it) == Added::ok;
    }

    Fill fill(std::size_t start, std::size_t end, const std::vector<Chunk>& spill) const {
        Fill f;
        f.notes = notes_.open(spill);
        for (std::size_t j = start; j < end; ++j) {
            const flow::VItem& it = flow_.body[j];
            if (it.kind == flow::VItem::Kind::glue && f.any) f.glue += it.glue;
            if (it.kind == flow::VItem::Kind::line && add_line(f, it) == Added::moved) f.any = true;  // search saw the same: never
        }
        // A page of continued notes alone (after the body's end) brings the notes they mark.
        if (!f.any && !settle(f, 0, true)) f.overflow = true;
        return f;
    }

    // The notes of one line (and those their notes mark) cannot all start on its page, even with
    // a line each: the one promise this layout cannot keep, so it is an error.
    void overflow(const Fill& f) {
        std::string list;
        for (int n : f.notes.marked) list += (list.empty() ? "" : ", ") + std::to_string(n);
        const std::size_t first = f.notes.marked.empty() ? 0 : static_cast<std::size_t>(f.notes.marked.front());
        const Pos at = first > 0 && first <= flow_.note_pos.size() ? flow_.note_pos[first - 1] : Pos{};
        diags_.error(at, "notes " + list + " are marked on one page's first line (or in the notes it starts), and even a "
                         "line of each is more than a page holds: they cannot start on their marks' page",
                     "split the paragraph, or put fewer marks on one line or in one note");
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
        auto put = [&](para::Line line) {
            const Sp baseline = y + glue + line.height;
            const Sp depth = line.depth;
            page.lines.push_back({x, baseline, std::move(line)});
            y = baseline + depth;
            glue = 0;
            any = true;
        };
        const std::vector<Chunk>& chunks = f.notes.chunks;
        const Sp notes_top = style_.page_height - style_.margin_bottom - (chunks.empty() ? 0 : notes_.height(chunks));
        for (std::size_t j = start; j < end; ++j) {
            flow::VItem& it = body[j];
            if (it.kind == flow::VItem::Kind::glue && any) glue += it.glue;
            if (it.kind != flow::VItem::Kind::line) continue;
            if (!any && it.header >= 0) {
                // A table's header row again: drawn for the page, read once (at the table's start).
                for (para::Line band : flow_.headers[static_cast<std::size_t>(it.header)]) {
                    for (para::Run& r : band.runs) r.tag = Tag{.artifact = Tag::Artifact::pagination};
                    put(std::move(band));
                }
            }
            // The executor rests on the note area (or the bottom margin): the notes belong to
            // the text above, and their rule keeps its place under the text.
            if (it.bottom) glue = std::max(glue, notes_top - it.line.depth - it.line.height - y);
            put(std::move(it.line));
        }
        page.body_lines = page.lines.size();
        join_row_bands(page);
        // A table row split here is closed at the page's foot.
        if (page.body_lines > 0) {
            para::Line& last = page.lines[page.body_lines - 1].line;
            last.rules.insert(last.rules.end(), last.closing.begin(), last.closing.end());
        }
        if (!chunks.empty()) {
            Sp top = notes_top;
            para::Line rule;
            rule.rules.push_back({0, 0, style_.note_rule_width, style_.note_rule_thickness});
            page.lines.push_back({x, top + style_.note_skip / 3, std::move(rule)});
            Sp ny = top + style_.note_skip;
            for (std::size_t k = 0; k < chunks.size(); ++k) {
                const Chunk& c = chunks[k];
                if (k > 0) ny += style_.note_gap;
                for (std::size_t n = c.from; n < c.to; ++n) {
                    if (n > c.from) ny += notes_.before(c.note, n);
                    para::Line& line = notes_.line(c.note, n);
                    const Sp baseline = ny + line.height;
                    const Sp depth = line.depth;
                    page.lines.push_back({x, baseline, std::move(line)});
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
            para.tag = Tag{.artifact = Tag::Artifact::pagination};  // a page number is never read as text
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
    Sp room_;
    Notes notes_;
    std::vector<bool> placed_;
};

}  // namespace

Pages paginate(flow::Flow flow, const compose::Style& style, const para::Resources& res, const para::Params& params,
               Diagnostics& diags, const PageParams& pp) {
    if (flow.refused) return {};
    return Paginator(std::move(flow), style, res, params, diags, pp).run();
}

}  // namespace zapros::page
