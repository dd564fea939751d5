#include "output/content.hpp"

#include <charconv>
#include <cmath>

#include "base/utf8.hpp"
#include "output/internals.hpp"

namespace zapros::output::content {

namespace {

constexpr char hex[] = "0123456789ABCDEF";

// One TJ per run: glyph ids (the fonts' character codes, embed.cpp) as two bytes each in a
// literal string (half the bytes of hex, before compression), with kerning between them;
// a positive number moves the next glyph left, so a kern of −30 is written 30.
void tj(std::string& s, const para::Run& r, const text::Subset& font) {
    s += "[(";
    auto byte = [&s](unsigned char b) {
        switch (b) {
        case '(': case ')': case '\\': s += '\\', s += static_cast<char>(b); break;
        case '\r': s += "\\r"; break;  // a bare end of line in a string reads as \n
        case '\n': s += "\\n"; break;
        default: s += static_cast<char>(b);
        }
    };
    auto code = [&](char32_t c) {
        const std::uint16_t g = font.glyph(c);
        byte(static_cast<unsigned char>(g >> 8));
        byte(static_cast<unsigned char>(g & 0xFF));
    };
    std::size_t k = 0;
    std::uint32_t index = 0;
    for (std::size_t i = 0; i < r.text.size(); ++index) {
        const char32_t c = utf8::next(r.text, i);
        if (k < r.kerns.size() && r.kerns[k].index == index) {
            if (index > 0) {
                s += ')';
                s += std::to_string(-r.kerns[k].amount);
                s += '(';
            }
            ++k;
        }
        code(c);
    }
    if (r.space_after) code(U' ');
    s += ")] TJ\n";
}

}  // namespace

std::int64_t thousandths(Sp v) { return static_cast<std::int64_t>(std::llround(to_pt(v) * 1000.0)); }

void append_thousandths(std::string& out, std::int64_t thousandths) {
    char buf[32];
    char* end = std::to_chars(buf, buf + sizeof buf, thousandths / 1000).ptr;
    std::int64_t frac = thousandths % 1000;
    if (thousandths < 0 && thousandths / 1000 == 0) out += '-';
    out.append(buf, end);
    if (frac < 0) frac = -frac;
    if (frac != 0) {
        char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                          static_cast<char>('0' + frac % 10), 0};
        std::size_t n = 3;
        while (digits[n - 1] == '0') --n;
        out += '.';
        out.append(digits, n);
    }
}


std::string hex_string(std::string_view bytes) {
    std::string out = "<";
    for (unsigned char c : bytes) out += hex[c >> 4], out += hex[c & 15];
    return out + '>';
}

// The matrix [a b c d e f] of `cm` that maps an image's unit square onto the box whose bottom
// left corner is (x, y), turned by its EXIF orientation so that the box shows it upright. The
// unit square holds the stored pixels with the first row at the top (PDF 1.7 §8.9.4); each case
// maps the stored top left corner (0, 1) where the orientation says it goes: 2 mirrors it right,
// 3 turns it to the bottom right, 4 mirrors it down, 5 transposes (the first row becomes the
// left column), 6 turns the first row to the right column, 7 transposes across the other
// diagonal, 8 turns the first row to the left column. For 5–8 the box's width spans the
// stored height.
std::array<Sp, 6> image_matrix(int orientation, Sp x, Sp y, Sp w, Sp h) {
    switch (orientation) {
    case 2: return {-w, 0, 0, h, x + w, y};
    case 3: return {-w, 0, 0, -h, x + w, y + h};
    case 4: return {w, 0, 0, -h, x, y + h};
    case 5: return {0, -h, -w, 0, x + w, y + h};
    case 6: return {0, -h, w, 0, x, y + h};
    case 7: return {0, h, w, 0, x, y};
    case 8: return {0, h, -w, 0, x + w, y};
    default: return {w, 0, 0, h, x, y};
    }
}

// A run that stands for other text than its glyphs show (para::Run::actual: the author's
// characters under placeholder glyphs, U+00AD for a hyphen added at a break; Run::silent, nothing,
// for GOST's repeated hyphen) is drawn inside "/Span << /ActualText … >> BDC … EMC" (PDF 1.7
// §14.9.4), which extraction and screen readers read instead. The space drawn after the run is
// inside too, so it stays in that text. A string holds at most 32,767 bytes (PDF/A-2 6.1.13): a
// longer one is cut after a whole UTF-16 unit, never inside a surrogate pair. The text goes into
// the content stream, and so into the /ID's input.
void text(std::string& s, const para::Run& r, const text::Subset& font) {
    if (r.actual.empty() && !r.silent) return tj(s, r, font);
    const std::string t = internals::text_string(r.space_after ? r.actual + ' ' : r.actual, internals::max_string_bytes);
    s += "/Span << /ActualText " + hex_string(t) + " >> BDC ";
    tj(s, r, font);
    s += "EMC\n";
}

}  // namespace zapros::output::content
