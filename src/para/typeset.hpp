#pragma once
// Stage 3: a paragraph → lines, in four steps (STYLE 1):
//   build     — spans → boxes, glue, penalties (measured, kerned, hyphenated)
//   linebreak — items → breaks (Knuth–Plass)
//   pack      — items + breaks → lines at their positions
//   typeset   — all three, plus the list label and warnings
#include <limits>
#include <vector>

#include "base/diagnostic.hpp"
#include "compose/document.hpp"
#include "para/items.hpp"
#include "para/line.hpp"
#include "para/linebreak.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

namespace zapros::para {

// The data services a paragraph needs.
struct Resources {
    const text::Fonts& fonts;
    const text::Dictionaries* dictionaries = nullptr;  // nullptr: no hyphenation
};

// Everything tunable about setting a paragraph, with its default.
struct Params {
    LinebreakParams linebreak;
    int hyphen_penalty = 50;     // \hyphenpenalty
    int ex_hyphen_penalty = 50;  // \exhyphenpenalty: after an explicit "-"
    int url_penalty = 50;         // after / . - ? & = _ # ~ , inside a URL or code
    int url_escape_penalty = 500; // before a %XX escape: only where no separator is near
    int chance_penalty = 0;       // at the author's U+200B, after a space in a code block's line
    int emergency_penalty = 5000; // the last resort: between the letters of a word too long for
                                  // its line, at a no-break space, between a word and its mark
    bool repeat_hyphen = false;  // GOST: an explicit hyphen at a break is repeated on the next line
    double emergency_stretch_em = 3;    // the third pass's \emergencystretch, in ems of the text
    double ragged_stretch_em = 3;       // the stretch of a ragged margin, in ems
    // Font expansion (pdfTeX's, as microtype sets it up): the glyphs of a justified line may be
    // widened or narrowed by up to this fraction, so that its spaces vary less (microtype's
    // default is 2 %; 2.5 % sets both model requests without a loose line). 0 turns it off.
    double expansion = 0.025;
};

ItemList build(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params);

// The width for build() that measures a paragraph as if on one line: no word is ever wider, so
// none gets last resorts (a finite stand-in, 2^40 sp, was passed by a cell of 4 million Latin
// letters, which then became a piece and a fragment per letter).
inline constexpr Sp unbounded = std::numeric_limits<Sp>::max();

// The widest thing no break can split (a letter, a %XX escape, a letter and its combining marks)
// as a line of its own: widest_box of build(p, 1, …), where every last resort is marked, without
// keeping an item per letter.
Sp widest_unit(const compose::Paragraph& p, const Resources& res, const Params& params);

// height/depth: the strut every line gets (TeX's \strut: 0.7 and 0.3 of the leading).
std::vector<Line> pack(const ItemList& list, const std::vector<std::size_t>& breaks, const Measure& measure,
                       Sp x0, Sp height, Sp depth);

// Sets p in lines of `width` (its indents are inside p). A last resort taken is a warning; a
// line that overflows even so is an error.
std::vector<Line> typeset(const compose::Paragraph& p, Sp width, const Resources& res, const Params& params,
                          Diagnostics& diags);

}  // namespace zapros::para
