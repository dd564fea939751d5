#include "para/measure.hpp"

#include <algorithm>

namespace zapros::para {

namespace {

bool forced(const Item& it) { return it.type == Item::Type::penalty && it.penalty <= -infinite_penalty; }

// Drops the leading kern of the first box from `first` on (before a forced break, if any).
void drop_lead(std::span<const Item> items, LineStart& s) {
    for (std::size_t i = s.first; i < items.size() && !forced(items[i]); ++i) {
        const Item& it = items[i];
        if (it.type != Item::Type::box) continue;
        s.lead = it.lead;
        s.extent.width -= it.lead;
        if (it.stretch > 0) s.extent.expandable -= it.lead;
        return;
    }
}

}  // namespace

LineStart line_start(std::span<const Item> items, std::size_t first) {
    LineStart s;
    s.first = first;
    drop_lead(items, s);
    return s;
}

LineStart after_break(std::span<const Item> items, std::size_t b) {
    LineStart s;
    s.first = b + 1;
    while (s.first < items.size() && items[s.first].type != Item::Type::box && !forced(items[s.first])) ++s.first;
    const Item& brk = items[b];
    if (brk.type == Item::Type::penalty) {
        s.post = brk.post;
        s.extent.width += brk.post_width;
        s.extent.stretch += brk.post_stretch;
        s.extent.fil += brk.post_fil;
    }
    if (s.post < 0 && s.first < items.size() && items[s.first].type == Item::Type::box) drop_lead(items, s);
    return s;
}

Extent line_end(const Item& brk) {
    Extent e;
    if (brk.type != Item::Type::penalty) return e;
    e.width = brk.width;
    e.stretch = brk.stretch;
    e.fil = brk.fil;
    // The hyphen scales with the line's glyphs: left out of the width the scale is reckoned on,
    // it widened a full line past its measure.
    if (brk.fragment >= 0) e.expandable = brk.width;
    return e;
}

Extent measure(std::span<const Item> items, const LineStart& start, std::size_t to) {
    Extent e = start.extent;
    for (std::size_t i = start.first; i < to; ++i) add(e, items[i]);
    return e + line_end(items[to]);
}

Sp widest_box(std::span<const Item> items, std::size_t from) {
    Sp widest = 0;
    for (std::size_t i = from; i + 1 < items.size(); ++i) {
        if (items[i].type != Item::Type::box) continue;
        const LineStart start = i > 0 && items[i - 1].type != Item::Type::box ? after_break(items, i - 1) : line_start(items, i);
        widest = std::max(widest, measure(items, start, i + 1).width);
    }
    return widest;
}

}  // namespace zapros::para
