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
        const Sp gap = baselineskip(leading, depth_, l.height);
        if (floated_ >= 0) out_[static_cast<std::size_t>(floated_)].float_glue = baselineskip(leading, float_.depth, l.height);
        add(std::move(l), gap, penalty);
    }

    // A frame (requisites, a table row): `gap` between its top and the previous box's bottom;
    // header: the table header to repeat when a page starts at this frame.
    void frame(para::Line l, Sp gap, int penalty, int header = -1) {
        if (floated_ >= 0) out_[static_cast<std::size_t>(floated_)].float_glue = gap;
        add(std::move(l), gap, penalty);
        out_.back().header = header;
    }

    // A figure, `before` and `after` the space around it, that the page builder may move to the
    // next page. What joins the boxes around it in its absence is kept on it (VItem::float_glue);
    // after another float, what joins the boxes around both (a later float moves whenever an
    // earlier one does).
    void floating(para::Line l, Sp before, Sp after, int penalty) {
        const Float around = floated_ >= 0 ? float_ : Float{depth_, pending_};
        space(before);
        add(std::move(l), 0, penalty);
        floated_ = static_cast<int>(out_.size()) - 1;
        float_ = around;
        out_.back().floating = true;
        float_after_ = after;
    }

    // The penalty between the last two boxes, or nullptr when there are fewer than two.
    VItem* last_penalty() { return last_penalty_ >= 0 ? &out_[static_cast<std::size_t>(last_penalty_)] : nullptr; }
    bool empty() const { return first_; }

private:
    Sp baselineskip(Sp leading, Sp depth, Sp height) const {
        const Sp gap = leading - depth - height;
        return gap < fp_.lineskip_limit ? fp_.lineskip : gap;
    }

    void add(para::Line l, Sp gap, int penalty) {
        if (floated_ >= 0) {
            // The float's own space stands after it; without it, the space pending before it meets
            // the next box's.
            out_[static_cast<std::size_t>(floated_)].float_glue += std::max(float_.pending, pending_);
            pending_ = std::max(pending_, float_after_);
            floated_ = -1;
        }
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
    struct Float {
        Sp depth = 0, pending = 0;  // the box's before the float and the space pending there
    } float_;
    int floated_ = -1;    // the float just added, until the next box comes
    Sp float_after_ = 0;  // its space after
};

}  // namespace zapros::flow
