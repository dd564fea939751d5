#pragma once
// The typographic pass before breaking (per language): quotes, dashes, the ellipsis, and the
// no-break spaces that keep together what Russian typography (and GOST R 7.0.97) never splits.
#include <string>
#include <vector>

#include "base/lang.hpp"

namespace zapros::text {

// One run of a paragraph's text. An opaque run (code, a URL) is never changed; the rules treat
// it as one word, so a quote after it closes and a space before it may be made unbreakable.
struct Piece {
    std::string* text = nullptr;
    bool opaque = false;
};

// Rewrites the pieces of one paragraph in place. Rules (each tested in tests/text):
//   quotes   straight " → « » outside, „ “ inside (ru); “ ” and ‘ ’ (en), by nesting; ' between
//            letters → ’; typographic quotes are kept and count for nesting
//   dashes   --- → —, -- → –, a spaced hyphen between words → — (ru) or – (en); ... → …
//   no-break initials and surname; № / No. and the number; ст. 38, п. 5, ч. 1 and the like;
//            a year and "г."; т. е., т. д., т. п.; a number and its unit or currency; a day,
//            month and year; a short preposition, conjunction or particle with its word
//            (в к с о у и а но на по за от до из не ни — with the next word; же ли бы — with
//            the previous one; "a" and "I" in English); the space before a dash
void typographize(std::vector<Piece>& pieces, Lang lang);

// One string as one piece (front-matter text: titles, addressees, names).
std::string typographize(std::string text, Lang lang);

}  // namespace zapros::text
