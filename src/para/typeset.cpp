#include "para/typeset.hpp"

#include <cstdio>

namespace zapros::para {

std::vector<Line> typeset(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params,
                          Diagnostics& diags) {
    const Sp line_width = width - p.left - p.right;
    const ItemList items = build(p, line_width, res, params, diags);  // collect and measure
    LinebreakParams lb = params.linebreak;
    lb.emergency_stretch = round_to_sp(params.emergency_stretch_em * static_cast<double>(p.size));
    const Measure measure{{line_width}};
    const std::vector<std::size_t> breaks = linebreak(items.items, measure, lb);  // choose breaks
    const Sp height = p.leading * 7 / 10;
    std::vector<Line> lines = pack(items, breaks, measure, p.left, height, p.leading - height);  // place

    if (!p.label.empty() && !lines.empty()) {
        Sp x = p.label_x;
        for (const compose::Span& s : p.label) {
            lines.front().runs.insert(lines.front().runs.begin(),
                                      Run{.x = x, .y = -s.rise, .text = s.text, .face = s.face, .size = s.size});
            x += res.fonts.get(s.face).advance(U' ') * s.size / 1000;
        }
    }
    for (const Line& l : lines) {
        if (!l.overfull) continue;
        char amount[32];
        std::snprintf(amount, sizeof amount, "%.1f", to_pt(l.width - p.left - line_width));
        diags.warning(p.pos, std::string("overfull line: a line of this paragraph runs ") + amount +
                                 " pt into the margin");
    }
    return lines;
}

}  // namespace zapros::para
