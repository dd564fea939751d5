#pragma once
// Lengths. Every length in layout is an integer number of scaled points (TeXbook ch. 10:
// 65536 sp = 1 pt), so that sums are exact and golden traces stay byte-stable; doubles are
// only for ratios, badness and demerits.
#include <cstdint>

namespace zapros {

using Sp = std::int64_t;

inline constexpr Sp sp_per_pt = 65536;

constexpr Sp round_to_sp(double v) { return static_cast<Sp>(v < 0 ? v - 0.5 : v + 0.5); }
constexpr Sp pt(double v) { return round_to_sp(v * sp_per_pt); }
constexpr Sp mm(double v) { return round_to_sp(v * 72.0 / 25.4 * sp_per_pt); }
constexpr double to_pt(Sp v) { return static_cast<double>(v) / sp_per_pt; }

// n thousandths of a length, to the nearest sp, halves away from zero: font units (advances and
// kerns, in 1/1000 em) at a size, and glyphs scaled by font expansion. The one rounding of font
// units in layout: a kern truncated in one place and rounded in another let two measurements of
// one line differ.
constexpr Sp thousandths_of(std::int64_t n, Sp length) {
    const Sp v = n * length;
    return (v + (v >= 0 ? 500 : -500)) / 1000;
}

}  // namespace zapros
