#include "para/typeset.hpp"

#include <algorithm>
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
                                      Run{.x = x, .y = -s.rise, .text = s.text, .font = text::own_font(s.face), .size = s.size});
            x += res.fonts.get(s.face).advance(U' ') * s.size / 1000;
        }
    }
    // One warning per paragraph: its worst line and how many there are.
    Sp worst = 0;
    int overfull = 0;
    for (const Line& l : lines)
        if (l.overfull) worst = std::max(worst, l.width - p.left - line_width), ++overfull;
    if (overfull > 0) {
        char amount[32];
        std::snprintf(amount, sizeof amount, "%.1f", to_pt(worst));
        diags.warning(p.pos, std::string("overfull line: ") +
                                 (overfull == 1 ? "a line of this paragraph runs "
                                                : std::to_string(overfull) + " lines of this paragraph run up to ") +
                                 amount + " pt into the margin");
    }
    return lines;
}

}  // namespace zapros::para
