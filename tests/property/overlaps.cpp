// No two glyph boxes overlap, and no glyph crosses a vertical rule (a table's column rule).
// A box spans a glyph's advance and a band around its baseline; the band is narrow enough that
// neighbouring lines never touch at the tightest leading (geometry.hpp). Glyphs next to each
// other in one span may overlap: that is kerning. Sweep over x: each box meets only the boxes
// still open at its left edge, about one per line of the page.
#include <algorithm>

#include "evidence.hpp"
#include "geometry.hpp"

namespace zapros::property {

namespace {

struct Item {
    Box box;
    std::size_t glyph;  // or npos for a rule
};

constexpr std::size_t rule = static_cast<std::size_t>(-1);
constexpr double slack = 0.3;  // rounding of positions in the content stream, and hairline contact

double overlap(double a0, double a1, double b0, double b1) { return std::min(a1, b1) - std::max(a0, b0); }

}  // namespace

std::vector<Failure> check_overlaps(const std::vector<PdfPage>& pages) {
    Evidence ev;
    for (const PdfPage& page : pages) {
        std::vector<Item> items;
        for (std::size_t i = 0; i < page.glyphs.size(); ++i) {
            const Glyph& g = page.glyphs[i];
            if (!g.visible() || g.width <= 0) continue;
            items.push_back({{g.x, g.y - geometry::box_depth * g.size, g.x + g.width, g.y + geometry::box_height * g.size}, i});
        }
        for (const Box& r : page.rules)
            if (r.y1 - r.y0 > 2 && r.y1 - r.y0 > r.x1 - r.x0) items.push_back({r, rule});
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.box.x0 < b.box.x0; });
        std::vector<const Item*> open;
        for (const Item& it : items) {
            std::erase_if(open, [&](const Item* o) { return o->box.x1 <= it.box.x0; });
            for (const Item* o : open) {
                if (o->glyph == rule && it.glyph == rule) continue;
                const bool with_rule = o->glyph == rule || it.glyph == rule;
                const double dx = overlap(o->box.x0, o->box.x1, it.box.x0, it.box.x1);
                const double dy = overlap(o->box.y0, o->box.y1, it.box.y0, it.box.y1);
                if (dx <= (with_rule ? 0.05 : slack) || dy <= slack) continue;
                if (with_rule) {
                    const std::size_t g = o->glyph == rule ? it.glyph : o->glyph;
                    ev.add("a glyph crosses a column rule", "page " + std::to_string(page.number) + ": " + describe(page.glyphs[g]) + " " + context_of(page, g) +
                           " crosses a vertical rule at x=" + points(o->glyph == rule ? o->box.x0 : it.box.x0));
                    continue;
                }
                const Glyph& a = page.glyphs[o->glyph];
                const Glyph& b = page.glyphs[it.glyph];
                const std::size_t apart = o->glyph > it.glyph ? o->glyph - it.glyph : it.glyph - o->glyph;
                if (a.span == b.span && apart == 1) continue;  // kerning
                ev.add("glyphs overlap", "page " + std::to_string(page.number) + ": " + describe(a) + " " + context_of(page, o->glyph) + " overlaps " +
                       describe(b) + " " + context_of(page, it.glyph) + " by " + points(dx) + " × " + points(dy));
            }
            open.push_back(&it);
        }
    }
    std::vector<Failure> out;
    ev.into(out, Invariant::overlap);
    return out;
}

}  // namespace zapros::property
