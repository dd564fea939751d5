#pragma once
// Inside output/: the pieces of a page's content stream (PDF 1.7 §8–9) that pdf.cpp's Writer
// puts together: numbers as the PDF writes them, text operations, image placement.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/units.hpp"
#include "para/line.hpp"
#include "text/font.hpp"

namespace zapros::output::content {

// A length in points, rounded to thousandths as everything the PDF positions is.
std::int64_t thousandths(Sp v);

// A number of thousandths with at most three decimals, trailing zeros dropped ("85.04").
void append_thousandths(std::string& out, std::int64_t thousandths);
inline void append_number(std::string& out, Sp v) { append_thousandths(out, thousandths(v)); }

// Bytes as a PDF hex string ("<FEFF041B>").
std::string hex_string(std::string_view bytes);

// The matrix [a b c d e f] of `cm` that maps an image's unit square onto the box whose bottom
// left corner is (x, y), turned by its EXIF orientation (content.cpp says how).
std::array<Sp, 6> image_matrix(int orientation, Sp x, Sp y, Sp w, Sp h);

// One TJ for a run, inside /Span << /ActualText … >> BDC … EMC when the run stands for other
// text (para::Run::actual: a break hyphen, a placeholder glyph).
void text(std::string& s, const para::Run& r, const text::Subset& font);

}  // namespace zapros::output::content
