#pragma once
// What a line of items measures: the one authority on a line's width, as TeX's \hpack is (TeX
// §649). The breaker judges every candidate line by it and the packer sets the chosen lines by
// it, so the two cannot disagree on a line (a line the breaker accepted once came out wider than
// the packer allowed). Three rules make a line: what an item inside it adds, how it starts after
// a break, what the break it ends at brings. The breaker applies them to running sums (a line is
// the difference of two), the packer and the flow to the items of one line.
#include <cstddef>
#include <span>

#include "para/items.hpp"

namespace zapros::para {

struct Extent {
    Sp width = 0;        // natural
    Sp stretch = 0;      // the glue's, finite
    Sp fil = 0;          // the glue's, of order fil
    Sp shrink = 0;       // the glue's
    Sp box_stretch = 0;  // the glyphs' (font expansion)
    Sp box_shrink = 0;
    Sp expandable = 0;   // the width of the glyphs expansion scales (a hyphen added at the end too)

    Extent& operator+=(const Extent& o) {
        width += o.width;
        stretch += o.stretch;
        fil += o.fil;
        shrink += o.shrink;
        box_stretch += o.box_stretch;
        box_shrink += o.box_shrink;
        expandable += o.expandable;
        return *this;
    }
    Extent& operator-=(const Extent& o) {
        width -= o.width;
        stretch -= o.stretch;
        fil -= o.fil;
        shrink -= o.shrink;
        box_stretch -= o.box_stretch;
        box_shrink -= o.box_shrink;
        expandable -= o.expandable;
        return *this;
    }
    friend Extent operator+(Extent a, const Extent& b) { return a += b; }
    friend Extent operator-(Extent a, const Extent& b) { return a -= b; }
    friend bool operator==(const Extent&, const Extent&) = default;
};

// What an item inside a line adds: a box its width and its glyphs' flexibility, glue its own,
// a penalty (a break not taken) nothing. Inline: the breaker calls it for every item on every pass.
inline void add(Extent& e, const Item& it) {
    switch (it.type) {
    case Item::Type::box:
        e.width += it.width;
        e.box_stretch += it.stretch;
        e.box_shrink += it.shrink;
        if (it.stretch > 0) e.expandable += it.width;
        break;
    case Item::Type::glue:
        e.width += it.width;
        e.stretch += it.stretch;
        e.fil += it.fil;
        e.shrink += it.shrink;
        break;
    case Item::Type::penalty: break;
    }
}

// How a line begins.
struct LineStart {
    std::size_t first = 0;  // the first item it keeps
    int post = -1;          // the fragment printed before it (GOST's repeated hyphen), or −1
    Sp lead = 0;            // the kern dropped from its first box (it belonged to the letter before)
    Extent extent;          // what the start adds: the repeated hyphen, the glue a break brings
                            // (post_stretch, post_fil), less the dropped kern
};

// A line from item `first` with no break before it (a paragraph's first line; a piece measured
// as a line of its own): its first box's leading kern dropped.
LineStart line_start(std::span<const Item> items, std::size_t first);

// The line after the break at item b: glue and penalties after a break vanish up to the next box
// or forced break (TeX §837, §879), and so does that box's leading kern, unless the break
// repeats a hyphen before it.
LineStart after_break(std::span<const Item> items, std::size_t b);

// What the break a line ends at brings it: a penalty its width (a hyphen, which expansion scales
// with the line's glyphs) and the line end's glue (a ragged margin, centring's fil); glue nothing.
Extent line_end(const Item& brk);

// The line from `start` to the break at item `to`.
Extent measure(std::span<const Item> items, const LineStart& start, std::size_t to);

// The widest of boxes [from, items.size() − 1), each measured as a line of its own: after the
// break before it (or as a line's start), up to the item after it. Each depends on its two
// neighbours only, so a list may be measured a few items at a time.
Sp widest_box(std::span<const Item> items, std::size_t from);

}  // namespace zapros::para
