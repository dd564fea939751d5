// A table as frames. Columns share the measure as HTML's automatic layout shares it: each gets
// the whole of its content on one line when all fit, else at least its longest word, else at
// least its widest letter (words then break between letters in their cells); a table whose
// columns cannot each hold a letter is an error. Each row is a band per line of its cells, so
// that a row taller than the room left splits between two lines and its grid stays closed.
#include <algorithm>
#include <cstdio>
#include <numeric>

#include "base/utf8.hpp"
#include "flow/frames.hpp"
#include "para/measure.hpp"

namespace zapros::flow {

namespace {

// What a column asks of the measure, padding included.
struct Needs {
    Sp natural = 0;  // its widest cell on one line
    Sp least = 0;    // its longest word: narrower, words break between letters
    Sp floor = 0;    // its widest letter: narrower, nothing can be set
};

// Some words must break between letters. A column whose longest word fits a fair share keeps
// its words whole (a column of short words is not starved by one of long identifiers), any
// other at least its floor; above those bounds the measure is shared in proportion to each
// column's content, up to all of it on one line, so that no cell runs far longer than the rest
// (water-filling: the one ratio that makes the widths add up to the measure).
void share_breaking(const std::vector<Needs>& needs, Sp available, std::vector<Sp>& width) {
    std::vector<Sp> low(needs.size());
    for (std::size_t c = 0; c < needs.size(); ++c) low[c] = needs[c].floor;
    Sp rest = available, floors = 0;
    for (const Needs& n : needs) floors += n.floor;
    std::size_t open = needs.size();
    for (bool changed = true; changed && open > 0;) {
        changed = false;
        for (std::size_t c = 0; c < needs.size(); ++c) {
            if (low[c] == needs[c].least || needs[c].least > rest / static_cast<Sp>(open)) continue;
            if (rest - needs[c].least < floors - needs[c].floor) continue;  // the others keep their floors
            low[c] = needs[c].least;
            changed = true;
            rest -= needs[c].least;
            floors -= needs[c].floor;
            --open;
        }
    }
    auto widths_at = [&](double ratio) {
        Sp sum = 0;
        for (std::size_t c = 0; c < needs.size(); ++c) {
            width[c] = std::clamp(static_cast<Sp>(ratio * static_cast<double>(needs[c].natural)), low[c],
                                  std::max(low[c], needs[c].natural));
            sum += width[c];
        }
        return sum;
    };
    double lo = 0, hi = 1;  // at 1 every column has all its content: more than the measure
    for (int i = 0; i < 60; ++i) {
        const double mid = (lo + hi) / 2;
        (widths_at(mid) <= available ? lo : hi) = mid;
    }
    widths_at(lo);
}

// a·b/c for 0 ≤ a < 2^25 (a share of the measure), 0 ≤ b ≤ c, without overflow: b and c scaled
// down together while a·b could pass 63 bits (a cell of 800 KB is 5·10^6 pt wide on one line,
// and the product wrapped to a negative column).
Sp share_of(Sp a, Sp b, Sp c) {
    while (c > (Sp{1} << 37)) {
        b >>= 1;
        c >>= 1;
    }
    return a * b / std::max<Sp>(c, 1);
}

std::string points(Sp v) {
    char s[32];
    std::snprintf(s, sizeof s, "%.0f", to_pt(v));
    return s;
}

}  // namespace

Frames::Extent Frames::extent(const compose::Paragraph& p) const {
    // Measured justified, where every space is plain glue (a ragged or centred paragraph's
    // spaces are glue patterns that would hide where its words end), as if on one line.
    compose::Paragraph measured = p;
    measured.align = compose::Align::justify;
    const para::ItemList items = para::build(measured, para::unbounded, res, params);
    const std::vector<para::Item>& its = items.items;
    // Measured as the breaker measures a line: each piece between forced breaks a line, laid end
    // to end; each word (between spaces) a line of its own.
    Extent e;
    para::LineStart line = para::line_start(its, 0), word = line;
    for (std::size_t i = 0; i < its.size(); ++i) {
        const para::Item& it = its[i];
        const bool forced = it.type == para::Item::Type::penalty && it.penalty <= -para::infinite_penalty;
        if (!forced && !(it.type == para::Item::Type::glue && it.fil == 0)) continue;
        if (i >= word.first) e.word = std::max(e.word, para::measure(its, word, i).width);
        word = para::after_break(its, i);
        if (!forced) continue;
        e.line += para::measure(its, line, i).width;
        line = word;
    }
    // The widest thing no break can split, set as narrow as can be (a column's floor).
    e.letter = para::widest_unit(measured, res, params);
    return e;
}

std::vector<std::vector<para::Line>> Frames::table(const compose::Table& t, Sp room) const {
    const std::size_t columns = t.rows.empty() ? 0 : t.rows.front().size();
    const Sp available = style.measure() - t.left - t.right;
    std::vector<std::vector<para::Line>> out;
    if (columns == 0) return out;

    std::vector<Needs> needs(columns);
    for (const auto& row : t.rows) {
        for (std::size_t c = 0; c < columns; ++c) {
            const Extent e = extent(row[c]);
            needs[c].natural = std::max(needs[c].natural, e.line + 2 * t.padding);
            needs[c].least = std::max(needs[c].least, e.word + 2 * t.padding);
            needs[c].floor = std::max(needs[c].floor, e.letter + 2 * t.padding + t.rule);
        }
    }
    auto sum = [&needs](Sp Needs::*what) {
        return std::accumulate(needs.begin(), needs.end(), Sp{0}, [what](Sp s, const Needs& n) { return s + n.*what; });
    };
    const Sp sum_natural = sum(&Needs::natural), sum_least = sum(&Needs::least), sum_floor = sum(&Needs::floor);
    if (sum_floor > available) {
        diags.error(t.pos, "a table of " + std::to_string(columns) + " columns does not fit across the page: its columns need at least " +
                               points(sum_floor) + " pt, there are " + points(available) + " pt",
                    "fewer columns, or the table split in two");
        return out;
    }
    // Between two bounds, the room above the lower one shared in proportion to what each column
    // wants beyond it.
    std::vector<Sp> width(columns);
    auto share = [&](Sp Needs::*low, Sp sum_low, Sp Needs::*high, Sp sum_high) {
        for (std::size_t c = 0; c < columns; ++c)
            width[c] = needs[c].*low + share_of(available - sum_low, needs[c].*high - needs[c].*low, sum_high - sum_low);
    };
    if (sum_natural <= available) {
        for (std::size_t c = 0; c < columns; ++c)
            width[c] = needs[c].natural + (available - sum_natural) * needs[c].natural / std::max<Sp>(sum_natural, 1);
    } else if (sum_least <= available) {
        share(&Needs::least, sum_least, &Needs::natural, sum_natural);
    } else {
        share_breaking(needs, available, width);
    }
    // Whatever rounding left over goes to the last column, so the grid closes at the margin.
    width.back() += available - std::accumulate(width.begin(), width.end(), Sp{0});

    Sp used = 0;
    for (const auto& row : t.rows) {
        if (used > room) break;
        std::vector<std::vector<para::Line>> cells;
        std::size_t bands = 1;
        for (std::size_t c = 0; c < columns; ++c) {
            cells.push_back(para::typeset(row[c], width[c] - 2 * t.padding, res, params, diags));
            bands = std::max(bands, cells.back().size());
        }
        const Sp leading = row.front().leading, strut = leading * 7 / 10;
        std::vector<para::Line>& frames = out.emplace_back();
        for (std::size_t k = 0; k < bands; ++k) {
            para::Line band;
            band.height = strut + (k == 0 ? t.padding : 0);
            band.depth = leading - strut + (k + 1 == bands ? t.padding : 0);
            Sp x = t.left;
            for (std::size_t c = 0; c < columns; ++c) {
                band.cells.push_back(band.runs.size());
                if (k < cells[c].size()) para::append(band, cells[c][k], x + t.padding, 0);
                band.rules.push_back({x, -band.height, t.rule, band.height + band.depth});
                x += width[c];
            }
            band.rules.push_back({x - t.rule, -band.height, t.rule, band.height + band.depth});
            // Horizontal rules centred on the row's edges: a row's bottom and the next row's top
            // coincide, and a row alone at a page's top or bottom is still closed.
            const para::RuleBox bottom{t.left, band.depth - t.rule / 2, available, t.rule};
            if (k == 0) band.rules.push_back({t.left, -band.height - t.rule / 2, available, t.rule});
            if (k + 1 == bands) band.rules.push_back(bottom);
            else band.closing.push_back(bottom);
            band.width = t.left + available;
            used += std::min(band.height + band.depth, style.text_height());
            frames.push_back(std::move(band));
        }
    }
    return out;
}

}  // namespace zapros::flow
