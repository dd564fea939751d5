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

struct Sums {
    Sp width = 0, stretch = 0, shrink = 0, fil = 0;
};

enum Fitness { very_loose = 0, loose = 1, decent = 2, tight = 3 };

// An active breakpoint (TeX's active node): what a line starting after it needs to know.
struct Node {
    std::size_t line = 0;      // lines before this break
    int fitness = decent;
    bool flagged = false;      // the break is a hyphen
    Sums after;                // running sums at the first item the next line keeps
    Sp post_width = 0;         // printed at the next line's start (repeated hyphen)
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
        active_.assign(1, Node{});
        Sums sums;
        for (std::size_t i = 0; i < items_.size() && !active_.empty(); ++i) {
            const Item& it = items_[i];
            switch (it.type) {
            case Item::Type::box:  // boxes may stretch and shrink too: font expansion
                sums.width += it.width;
                sums.stretch += it.stretch;
                sums.shrink += it.shrink;
                break;
            case Item::Type::glue:
                if (i > 0 && items_[i - 1].type == Item::Type::box) try_break(i, sums);
                sums.width += it.width;
                sums.stretch += it.stretch;
                sums.shrink += it.shrink;
                sums.fil += it.fil;
                break;
            case Item::Type::penalty:
                if (it.penalty < infinite_penalty && (hyphens_ || !it.pattern) && (last_resorts_ || !it.emergency))
                    try_break(i, sums);
                break;
            }
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
    void try_break(std::size_t b, const Sums& sums) {
        const Item& brk = items_[b];
        const int penalty = brk.type == Item::Type::penalty ? brk.penalty : 0;
        const bool forced = penalty <= -infinite_penalty;
        const bool flagged = brk.type == Item::Type::penalty && brk.flagged;
        const Sp break_width = brk.type == Item::Type::penalty ? brk.width : 0;
        // A break inside a word brings its own line end: a ragged margin, or centring's fil.
        const Sp end_stretch = brk.type == Item::Type::penalty ? brk.stretch : 0;
        const Sp end_fil = brk.type == Item::Type::penalty ? brk.fil : 0;

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
            const Sp natural = sums.width - node.after.width + break_width + node.post_width;
            int bad = 0;
            int fitness = decent;
            bool overfull = false;
            if (natural < width) {
                const Sp fil = sums.fil - node.after.fil + end_fil;
                const Sp stretch = sums.stretch - node.after.stretch + background_ + end_stretch;
                if (fil > 0) {
                    bad = 0;
                } else {
                    bad = badness(width - natural, stretch);
                    fitness = bad > 99 ? very_loose : bad > 12 ? loose : decent;
                }
            } else if (natural > width) {
                const Sp shrink = sums.shrink - node.after.shrink;
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
        const Sums after = sums_after(b, sums);
        for (int f = 0; f < 4; ++f) {
            const Candidate& c = best[f];
            if (!c.found || c.demerits > least + params_.adj_demerits) continue;
            passive_.push_back({b, c.passive});
            Node n;
            n.line = c.line + 1;
            n.fitness = f;
            n.flagged = flagged;
            n.after = after;
            n.post_width = brk.type == Item::Type::penalty ? brk.post_width : 0;
            n.demerits = c.demerits;
            n.passive = static_cast<int>(passive_.size()) - 1;
            active_.push_back(n);
        }
    }

    // The sums at the first item the next line keeps: glue and penalties after a break vanish
    // (TeX §837), up to the next box or forced break; so does the kern that box carries before
    // its first letter, which belonged with the letter before the break.
    Sums sums_after(std::size_t b, Sums sums) const {
        const Item& brk = items_[b];
        if (brk.type == Item::Type::penalty) {  // the glue the next line starts with counts in it
            sums.stretch -= brk.post_stretch;
            sums.fil -= brk.post_fil;
        }
        if (brk.type == Item::Type::glue) {
            sums.width += brk.width;
            sums.stretch += brk.stretch;
            sums.shrink += brk.shrink;
            sums.fil += brk.fil;
        }
        for (std::size_t i = b + 1; i < items_.size(); ++i) {
            const Item& it = items_[i];
            if (it.type == Item::Type::box) {
                if (brk.type != Item::Type::penalty || brk.post < 0) sums.width += it.lead;
                break;
            }
            if (it.type == Item::Type::penalty && it.penalty <= -infinite_penalty && i > b) break;
            if (it.type == Item::Type::glue) {
                sums.width += it.width;
                sums.stretch += it.stretch;
                sums.shrink += it.shrink;
                sums.fil += it.fil;
            }
        }
        return sums;
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
