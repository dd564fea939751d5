#pragma once
// Knuth–Plass total-fit line breaking (Knuth & Plass 1981; TeX: The Program §813–890), a pure
// function: items and line widths in, break positions out.
#include <cstddef>
#include <span>
#include <vector>

#include "base/units.hpp"
#include "para/items.hpp"
#include "para/measure.hpp"

namespace zapros::para {

// TeX's parameters. Defaults are plain TeX's (TeXbook ch. 14, Appendix B), except where a
// comment says why not.
struct LinebreakParams {
    int pretolerance = 100;          // \pretolerance: first pass, without pattern hyphens; < 0 skips it
    int tolerance = 200;             // \tolerance: second pass, with hyphens
    int line_penalty = 10;           // \linepenalty
    int double_hyphen_demerits = 10000;  // \doublehyphendemerits
    int final_hyphen_demerits = 5000;    // \finalhyphendemerits
    int adj_demerits = 10000;        // \adjdemerits: adjacent lines whose fitness differs by > 1
    Sp emergency_stretch = 0;        // \emergencystretch: a third pass adds it to every line
    // The final pass takes any line that is not overfull (badness up to this), with the last
    // resorts (Item::emergency) too: a paragraph overflows only where one box is wider than its
    // line. TeX has no such pass; it would leave an overfull line.
    int final_tolerance = 10000;
};

// The width of each line: widths[i] for line i, the last one for every line after (TeX's
// \parshape); and where each starts, from the paragraph's left (none: all at 0).
struct Measure {
    std::vector<Sp> widths;
    std::vector<Sp> indents;
    Sp width(std::size_t line) const { return widths.empty() ? 0 : widths[std::min(line, widths.size() - 1)]; }
    Sp indent(std::size_t line) const { return indents.empty() ? 0 : indents[std::min(line, indents.size() - 1)]; }
};

// The item each line ends at (a glue or penalty), ascending; the last is the paragraph's end.
// items must end with a forced break (penalty −10000), as every paragraph does (\parfillskip).
// When even the final pass finds no lines that fit, it keeps overfull ones rather than fail.
std::vector<std::size_t> linebreak(std::span<const Item> items, const Measure& measure, const LinebreakParams& params);

// The breaks linebreak() chooses, with each line as the breaker measured it: what the packer
// must set (tests hold the two to the same width).
struct LineBreaks {
    std::vector<std::size_t> at;
    std::vector<Extent> lines;  // lines[n]: the line ending at at[n]
};
LineBreaks break_lines(std::span<const Item> items, const Measure& measure, const LinebreakParams& params);

// TeX's badness (§108): about 100·r³, capped at 10000 ("infinitely bad").
int badness(Sp shortfall, Sp flexibility);

}  // namespace zapros::para
