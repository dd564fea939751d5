// Knuth–Plass line breaking. The outline, as in TeX §813ff:
//   for each pass (pretolerance without pattern hyphens, tolerance with them, then tolerance
//   plus emergency stretch, then the final one: any line that fits, with the last resorts):
//     walk the items, keeping running sums of width, stretch and shrink;
//     at each legal breakpoint, try a line from every active node to here: deactivate nodes
//     whose line would be overfull (or that a forced break passes), and remember per fitness
//     class the cheapest feasible line (badness ≤ threshold);
//     turn those into new active nodes (each within adj_demerits of the best);
//   the paragraph's end is reached with at least one active node → trace back the cheapest.
// On the final pass, when the only remaining node would be lost to an overfull line, TeX keeps
// it anyway (§851 "artificial_demerits"), so a paragraph always gets lines.
#include "para/linebreak.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace zapros::para {

int badness(Sp shortfall, Sp flexibility) {
    if (shortfall <= 0) return 0;
    if (flexibility <= 0) return infinite_penalty;
    const double r = static_cast<double>(shortfall) / static_cast<double>(flexibility);
    if (r > 4.65) return infinite_penalty;  // 100 · 4.65³ > 10000
    return std::min(infinite_penalty, static_cast<int>(std::lround(100.0 * r * r * r)));
}

namespace {

// The running sums at the first item a line after the break at b keeps, less what that line
// starts with (after_break): a line is then the sums at its end less these (TeX's break_width,
// §837), the same line measure() gives.
Extent sums_after(std::span<const Item> items, std::size_t b, Extent sums) {
    const LineStart start = after_break(items, b);
    for (std::size_t i = b; i < start.first; ++i) add(sums, items[i]);
    return sums - start.extent;
}

// What sums_after is for the paragraph's start: its first line starts as line_start() says.
Extent sums_before(std::span<const Item> items) { return Extent{} - line_start(items, 0).extent; }

// The line from the break whose sums_after is `after` to a break with running sums `sums` that
// brings `end` (line_end).
Extent line_of(const Extent& sums, const Extent& after, const Extent& end) { return sums - after + end; }

enum Fitness { very_loose = 0, loose = 1, decent = 2, tight = 3 };

// An active breakpoint (TeX's active node): what a line starting after it needs to know.
struct Node {
    std::size_t line = 0;      // lines before this break
    int fitness = decent;
    bool flagged = false;      // the break is a hyphen
    Extent after;              // sums_after this break
    double demerits = 0;
    int passive = 0;           // this break in passive_, for the trace back
};

// Every break ever chosen as the end of a best line (TeX's passive node): only what the trace
// back needs, so a long paragraph's breaker stays small.
struct Passive {
    std::size_t position = 0;  // the break's item (for the start: 0, no break)
    int prev = -1;
};

class Breaker {
public:
    Breaker(std::span<const Item> items, const Measure& measure, const LinebreakParams& params)
        : items_(items), measure_(measure), params_(params) {}

    // One pass; an empty result when no feasible set of lines was found.
    std::vector<std::size_t> pass(int threshold, bool hyphens, Sp background_stretch, bool final) {
        threshold_ = threshold;
        hyphens_ = hyphens;
        last_resorts_ = final;
        background_ = background_stretch;
        final_ = final;
        passive_.assign(1, Passive{});
        active_.assign(1, Node{.after = sums_before(items_)});
        Extent sums;
        for (std::size_t i = 0; i < items_.size() && !active_.empty(); ++i) {
            const Item& it = items_[i];
            if (it.type == Item::Type::glue && i > 0 && items_[i - 1].type == Item::Type::box) try_break(i, sums);
            if (it.type == Item::Type::penalty && it.penalty < infinite_penalty && (hyphens_ || !it.pattern) &&
                (last_resorts_ || !it.emergency))
                try_break(i, sums);
            add(sums, it);
        }
        if (active_.empty()) return {};
        // Every node still active ends at the final forced break; take the cheapest.
        const Node* best = &active_.front();
        for (const Node& a : active_)
            if (a.demerits < best->demerits) best = &a;
        std::vector<std::size_t> breaks;
        for (int n = best->passive; n > 0; n = passive_[static_cast<std::size_t>(n)].prev)
            breaks.push_back(passive_[static_cast<std::size_t>(n)].position);
        std::reverse(breaks.begin(), breaks.end());
        return breaks;
    }

private:
    void try_break(std::size_t b, const Extent& sums) {
        const Item& brk = items_[b];
        const int penalty = brk.type == Item::Type::penalty ? brk.penalty : 0;
        const bool forced = penalty <= -infinite_penalty;
        const bool flagged = brk.type == Item::Type::penalty && brk.flagged;
        const Extent at = sums + line_end(brk);  // a line to here is `at` less its node's after

        struct Candidate {
            double demerits = std::numeric_limits<double>::infinity();
            bool found = false;
            std::size_t line = 0;  // of the node the line starts from
            int passive = 0;
        };
        std::array<Candidate, 4> best;
        std::vector<Node>& keep = keep_;  // the nodes that stay active (storage kept between breaks)
        keep.clear();
        for (std::size_t k = 0; k < active_.size(); ++k) {
            const Node& node = active_[k];
            const Sp width = measure_.width(node.line);
            // line_of(), read field by field: only what this line's judgement needs.
            auto line = [&](Sp Extent::*f) { return at.*f - node.after.*f; };
            const Sp natural = line(&Extent::width);
            int bad = 0;
            int fitness = decent;
            bool overfull = false;
            if (natural < width) {
                if (line(&Extent::fil) > 0) {
                    bad = 0;
                } else {
                    bad = badness(width - natural, line(&Extent::stretch) + line(&Extent::box_stretch) + background_);
                    fitness = bad > 99 ? very_loose : bad > 12 ? loose : decent;
                }
            } else if (natural > width) {
                const Sp shrink = line(&Extent::shrink) + line(&Extent::box_shrink);
                if (natural - width > shrink) {
                    overfull = true;
                    bad = infinite_penalty + 1;
                } else {
                    bad = badness(natural - width, shrink);
                    fitness = bad > 12 ? tight : decent;
                }
            }
            // An overfull line, or a forced break, ends this node's life (§851).
            const bool deactivate = overfull || forced;
            // §854: on the last pass, rather than lose the last active node, accept its line.
            const bool artificial = overfull && final_ && k + 1 == active_.size() && keep.empty() &&
                                    std::all_of(best.begin(), best.end(), [](const Candidate& c) { return !c.found; });
            if (artificial || (!overfull && bad <= threshold_)) {
                double d = 0;
                if (!artificial) {
                    d = params_.line_penalty + bad;
                    d *= d;
                    if (penalty > 0) d += static_cast<double>(penalty) * penalty;
                    else if (penalty > -infinite_penalty) d -= static_cast<double>(penalty) * penalty;
                    if (flagged && node.flagged) d += params_.double_hyphen_demerits;
                    if (forced && node.flagged) d += params_.final_hyphen_demerits;
                    if (std::abs(fitness - node.fitness) > 1) d += params_.adj_demerits;
                }
                d += node.demerits;
                if (d < best[fitness].demerits) best[fitness] = {d, true, node.line, node.passive};
            }
            if (!deactivate) keep.push_back(node);
        }
        active_.swap(keep);

        double least = std::numeric_limits<double>::infinity();
        for (const Candidate& c : best) least = std::min(least, c.demerits);
        if (least == std::numeric_limits<double>::infinity()) return;
        const Extent after = sums_after(items_, b, sums);
        for (int f = 0; f < 4; ++f) {
            const Candidate& c = best[f];
            if (!c.found || c.demerits > least + params_.adj_demerits) continue;
            passive_.push_back({b, c.passive});
            Node n;
            n.line = c.line + 1;
            n.fitness = f;
            n.flagged = flagged;
            n.after = after;
            n.demerits = c.demerits;
            n.passive = static_cast<int>(passive_.size()) - 1;
            active_.push_back(n);
        }
    }

    std::span<const Item> items_;
    const Measure& measure_;
    const LinebreakParams& params_;
    int threshold_ = 0;
    bool hyphens_ = true;
    bool last_resorts_ = false;
    Sp background_ = 0;
    bool final_ = false;
    std::vector<Passive> passive_;
    std::vector<Node> active_;
    std::vector<Node> keep_;  // try_break's next active list, swapped with active_
};

}  // namespace

LineBreaks break_lines(std::span<const Item> items, const Measure& measure, const LinebreakParams& params) {
    LineBreaks out;
    out.at = linebreak(items, measure, params);
    // The chosen lines, summed as the passes summed them.
    Extent sums, after = sums_before(items);
    std::size_t n = 0;
    for (std::size_t i = 0; i < items.size() && n < out.at.size(); ++i) {
        if (i == out.at[n]) {
            out.lines.push_back(line_of(sums, after, line_end(items[i])));
            after = sums_after(items, i, sums);
            ++n;
        }
        add(sums, items[i]);
    }
    return out;
}

std::vector<std::size_t> linebreak(std::span<const Item> items, const Measure& measure,
                                   const LinebreakParams& params) {
    Breaker breaker(items, measure, params);
    if (params.pretolerance >= 0) {
        auto at = breaker.pass(params.pretolerance, false, 0, false);
        if (!at.empty()) return at;
    }
    auto at = breaker.pass(params.tolerance, true, 0, false);
    if (!at.empty()) return at;
    if (params.emergency_stretch > 0) {
        at = breaker.pass(params.tolerance, true, params.emergency_stretch, false);
        if (!at.empty()) return at;
    }
    return breaker.pass(params.final_tolerance, true, params.emergency_stretch, true);
}

}  // namespace zapros::para
