#pragma once
// Inside flow/: appends boxes to a vertical list with TeX's interline glue (\baselineskip with
// \lineskip as the floor) and the penalties between them.
#include "flow/flow.hpp"

namespace zapros::flow {

class Stacker {
public:
    Stacker(VList& out, const FlowParams& fp) : out_(out), fp_(fp) {}

    // Space before the next box; touching spaces merge, the larger wins.
    void space(Sp s) { pending_ = std::max(pending_, s); }

    // A line whose baseline goes `leading` below the previous one's (plus any pending space).
    void line(para::Line l, Sp leading, int penalty) {
        Sp gap = leading - depth_ - l.height;
        if (gap < fp_.lineskip_limit) gap = fp_.lineskip;
        add(std::move(l), gap, penalty);
    }

    // A frame (requisites, a table row): `gap` between its top and the previous box's bottom;
    // header: the table header to repeat when a page starts at this frame.
    void frame(para::Line l, Sp gap, int penalty, int header = -1) {
        add(std::move(l), gap, penalty);
        out_.back().header = header;
    }

    // The penalty between the last two boxes, or nullptr when there are fewer than two.
    VItem* last_penalty() { return last_penalty_ >= 0 ? &out_[static_cast<std::size_t>(last_penalty_)] : nullptr; }
    bool empty() const { return first_; }

private:
    void add(para::Line l, Sp gap, int penalty) {
        if (!first_) {
            last_penalty_ = static_cast<int>(out_.size());
            out_.push_back(VItem::of_penalty(penalty));
            out_.push_back(VItem::of_glue(gap + pending_));
        }
        pending_ = 0;
        first_ = false;
        depth_ = l.depth;
        out_.push_back(VItem::of_line(std::move(l)));
    }

    VList& out_;
    const FlowParams& fp_;
    bool first_ = true;
    Sp depth_ = 0;
    Sp pending_ = 0;
    int last_penalty_ = -1;
};

}  // namespace zapros::flow
