#include "para/typeset.hpp"

#include <algorithm>
#include <cstdio>

namespace zapros::para {

namespace {

std::string points(Sp v) {
    char s[32];
    std::snprintf(s, sizeof s, "%.1f", to_pt(v));
    return s;
}

// Where the word broken at item `at` starts: its first fragment, back to the space before it.
Pos word_start(const ItemList& items, std::size_t at, Pos fallback) {
    Pos found = fallback;
    for (std::size_t i = at; i-- > 0;) {
        const Item& it = items.items[i];
        if (it.type == Item::Type::glue && it.width > 0) break;
        if (it.type == Item::Type::penalty && !it.emergency && it.penalty < infinite_penalty) break;
        if (it.type == Item::Type::box && it.fragment >= 0) {
            const Pos p = items.fragments[static_cast<std::size_t>(it.fragment)].pos;
            if (p.line > 0) found = p;
        }
    }
    return found;
}

}  // namespace

std::vector<Line> typeset(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params,
                          Diagnostics& diags) {
    const Sp line_width = width - p.left - p.right;
    // A hanging indent (a wrapped code line) narrows the lines after the first.
    Measure measure{{line_width}, {0}};
    if (p.hang > 0) measure = Measure{{line_width, line_width - p.hang}, {0, p.hang}};
    const Sp narrowest = line_width - std::max<Sp>(p.hang, 0);
    const ItemList items = build(p, narrowest, res, params);  // collect and measure
    LinebreakParams lb = params.linebreak;
    lb.emergency_stretch = round_to_sp(params.emergency_stretch_em * static_cast<double>(p.size));
    const std::vector<std::size_t> breaks = linebreak(items.items, measure, lb);  // choose breaks
    const Sp height = p.leading * 7 / 10;
    std::vector<Line> lines = pack(items, breaks, measure, p.left, height, p.leading - height);  // place

    // The list markers hang in the left margin of the first line, outermost first.
    if (!lines.empty()) {
        std::vector<Run> labels;
        for (const compose::Label& l : p.labels)
            labels.push_back(Run{.x = l.x, .y = -l.span.rise, .text = l.span.text, .font = text::own_font(l.span.face),
                                 .size = l.span.size, .tag = l.span.tag});
        lines.front().runs.insert(lines.front().runs.begin(), labels.begin(), labels.end());
    }

    // A last resort taken is worth a look (a word broken between letters; a code block's line
    // wraps so by design); a line that still overflows cannot be set at all: one character of
    // it is wider than the line.
    const bool code_line = !p.spans.empty() && p.spans.front().verbatim;
    for (std::size_t b : breaks) {
        if (items.items[b].emergency && !code_line) {
            diags.warning(word_start(items, b, p.pos),
                          "nothing else fits the line here: the text is broken between letters (or at a no-break "
                          "space), without a hyphen");
            break;
        }
    }
    for (std::size_t n = 0; n < lines.size(); ++n) {
        if (!lines[n].overfull) continue;
        // At the line's first word, back to where it starts on an earlier line.
        const std::size_t from = n == 0 ? 0 : breaks[n - 1] + 1;
        std::size_t first = from;
        while (first < breaks[n] && !(items.items[first].type == Item::Type::box && items.items[first].fragment >= 0)) ++first;
        diags.error(word_start(items, first + 1, p.pos), "this text cannot be set in its " + points(measure.width(n)) +
                               " pt wide space: a line of it runs " +
                               points(lines[n].width - p.left - measure.indent(n) - measure.width(n)) +
                               " pt over, even broken between every two letters");
        break;
    }
    return lines;
}

}  // namespace zapros::para
