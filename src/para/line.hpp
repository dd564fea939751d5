#pragma once
// A line: the box the vertical list stacks and the page builder places. Everything in it is
// relative to its origin, the left end of its baseline; y grows downwards.
#include <memory>
#include <string>
#include <vector>

#include "base/face.hpp"
#include "base/tag.hpp"
#include "base/units.hpp"
#include "para/items.hpp"
#include "text/fonts.hpp"

namespace zapros::para {

// Text in one font and size at one position; what the writer draws with one text operation.
struct Run {
    Sp x = 0, y = 0;  // of the baseline's left end
    std::string text;
    text::FontId font = 0;
    Sp size = 0;
    std::vector<Kern> kerns;
    int scale = 1000;          // horizontal glyph scale in thousandths (font expansion)
    bool space_after = false;  // the word is followed by a space: drawn as a trailing " " so
                               // that copy and paste keep it (not counted in any width)
    Tag tag;                   // its structure element, or the artifact it is
    std::string actual;        // non-empty: what the run stands for, for extraction and screen
                               // readers (/ActualText): U+00AD for a hyphen added at a break,
                               // the author's character for a placeholder glyph; such a run
                               // holds nothing else
    bool silent = false;       // stands for nothing (/ActualText ""): GOST's copy of a hyphen at
                               // the next line's start, which the author wrote once
};

struct RuleBox {
    Sp x = 0, y = 0;  // top left corner
    Sp width = 0, height = 0;
};

// An image: image::ImageId `image` drawn in the box (turned as its file says).
struct ImageBox {
    Sp x = 0, y = 0;  // top left corner
    Sp width = 0, height = 0;
    int image = -1;
    std::string alt;  // the alt text (for the tagged PDF)
    Tag tag;          // its Figure element, or a layout artifact (no alt text: decorative)
};

struct LinkArea {
    Sp x = 0, y = 0;  // top left corner
    Sp width = 0, height = 0;
    std::shared_ptr<const std::string> url;  // an external link, shared by every line it spans, or
    int note = 0;     // a link to a note
    Tag tag;          // the Link element whose OBJR kids its annotations are
};

struct Line {
    Sp width = 0;   // what the line occupies from its origin
    Sp natural = 0; // what its boxes and glue measure as placed, before the glue is set and the
                    // glyphs scaled: the breaker's width of the line (tests hold them equal)
    Sp height = 0;  // above the baseline
    Sp depth = 0;   // below it
    std::vector<Run> runs;
    std::vector<RuleBox> rules;
    std::vector<RuleBox> closing;  // drawn only where a page ends after this line (the bottom of a
                                   // table row split across pages)
    std::vector<LinkArea> links;
    std::vector<ImageBox> images;
    std::vector<int> notes;  // notes whose marks stand on this line, in order
    int anchor = 0;          // the note this line begins (a link target)
    int row = 0;             // a band of table row `row` (from 1): its runs are cell by cell,
    std::vector<std::size_t> cells;  // the first run of each cell, so that the row's bands on one
                                     // page can be drawn a cell at a time (page/bands.cpp)
    bool hyphen = false;     // ends in a hyphen added at a break
    bool overfull = false;   // wider than its measure
};

// Moves everything in src by (dx, dy) and adds it to dst: frames (requisites, table rows,
// signature rows) are lines made of lines.
void append(Line& dst, const Line& src, Sp dx, Sp dy);

}  // namespace zapros::para
