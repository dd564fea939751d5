#pragma once
// What some characters mean to a typesetter beyond their glyph: the invisible ones (joiners,
// direction marks, variation selectors), the spaces of a fixed width, the marks that combine
// with the character before them. Unicode 15 (UAX #14, ch. 6.2 table 6-2, DerivedCoreProperties).
#include <optional>

namespace zapros::chars {

// Default_Ignorable_Code_Point: never drawn and never extracted; a renderer that lacks them
// shows nothing (the soft hyphen U+00AD among them: it prints only where a line breaks).
constexpr bool invisible(char32_t c) {
    return c == 0xAD || c == 0x34F || c == 0x61C || (c >= 0x115F && c <= 0x1160) || (c >= 0x17B4 && c <= 0x17B5) ||
           (c >= 0x180B && c <= 0x180F) || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
           c == 0xFFA0 || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0x1BCA0 && c <= 0x1BCA3) ||
           (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
}

// U+200B ZERO WIDTH SPACE: a place where a line may break, with nothing printed.
constexpr bool break_chance(char32_t c) { return c == 0x200B; }

// Invisible characters that hold their neighbours on one line: ZWNJ, ZWJ, WORD JOINER, the
// BOM inside text (ZERO WIDTH NO-BREAK SPACE), the combining grapheme joiner, variation
// selectors (which belong to the character before them).
constexpr bool joiner(char32_t c) {
    return c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x34F || (c >= 0xFE00 && c <= 0xFE0F) ||
           (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x180B && c <= 0x180D) || c == 0x180F;
}

// Combining marks: never separated from the character before them.
constexpr bool combining(char32_t c) {
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

// A space of its own width (table 6-2): a fraction of the em, or the width of a character of
// the font ("like": a digit for the figure space, the period for the punctuation space).
struct FixedSpace {
    int num = 0, den = 1;  // of the em, when like is 0
    char32_t like = 0;
    bool breaks = true;    // U+2007 and U+202F do not break a line
};

constexpr std::optional<FixedSpace> fixed_space(char32_t c) {
    switch (c) {
    case 0x2000: case 0x2002: return FixedSpace{1, 2};   // en quad, en space
    case 0x2001: case 0x2003: return FixedSpace{1, 1};   // em quad, em space
    case 0x2004: return FixedSpace{1, 3};                // three-per-em
    case 0x2005: return FixedSpace{1, 4};                // four-per-em
    case 0x2006: return FixedSpace{1, 6};                // six-per-em
    case 0x2007: return FixedSpace{0, 1, U'0', false};   // figure space: a digit's width, no break
    case 0x2008: return FixedSpace{0, 1, U'.'};          // punctuation space
    case 0x2009: return FixedSpace{1, 5};                // thin space
    case 0x200A: return FixedSpace{1, 10};               // hair space
    case 0x202F: return FixedSpace{1, 5, 0, false};      // narrow no-break space
    case 0x205F: return FixedSpace{2, 9};                // medium mathematical space, 4/18 em
    case 0x3000: return FixedSpace{1, 1};                // ideographic space
    default: return std::nullopt;
    }
}

}  // namespace zapros::chars
