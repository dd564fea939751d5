#pragma once
// A paragraph as TeX sees it (TeXbook ch. 14; Knuth & Plass 1981 §2): boxes, glue and penalties.
// The breaker reads only widths and penalties; what a box prints lives in its Fragment.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/face.hpp"
#include "base/tag.hpp"
#include "base/units.hpp"
#include "text/fonts.hpp"

namespace zapros::para {

struct Item {
    enum class Type : std::uint8_t { box, glue, penalty };
    Type type = Type::box;
    Sp width = 0;    // box, glue; penalty: the width added when breaking here (a hyphen)
    Sp stretch = 0;  // glue, finite; box: how far its glyphs may widen (font expansion);
                     // penalty: the stretch a line ending here gains (a ragged end)
    Sp fil = 0;      // glue, infinite stretch of order fil (\parfillskip, ragged margins);
                     // penalty: the same for a line ending here (the end of centred text)
    Sp shrink = 0;   // glue; box: how far its glyphs may narrow
    Sp lead = 0;     // box: the kern before its first character, part of its width, which a line
                     // starting with it drops (the breaker and the packer alike)
    int penalty = 0;         // penalty: < 10000 allows a break, −10000 forces one
    bool flagged = false;    // penalty: a hyphen break (double- and final-hyphen demerits)
    bool pattern = false;    // penalty: found by hyphenation patterns (skipped by the first pass)
    bool emergency = false;  // penalty: a last resort (between the letters of a word too long for
                             // its line, at a no-break space), taken only by the final pass
    int fragment = -1;       // box: what it prints; penalty: what prints before a break here
    int post = -1;           // penalty: what prints at the start of the next line (GOST's repeated hyphen)
    Sp post_width = 0;
    Sp post_stretch = 0;     // penalty: the glue the next line starts with when broken here (the
    Sp post_fil = 0;         // start of centred or right-aligned text)

    static Item box(Sp w, int fragment = -1) { return Item{.type = Type::box, .width = w, .fragment = fragment}; }
    static Item glue(Sp w, Sp stretch, Sp shrink, Sp fil = 0) {
        return Item{.type = Type::glue, .width = w, .stretch = stretch, .fil = fil, .shrink = shrink};
    }
    static Item penalty_item(int p, Sp w = 0, bool flagged = false) {
        return Item{.type = Type::penalty, .width = w, .penalty = p, .flagged = flagged};
    }
};

inline constexpr int infinite_penalty = 10000;

// Kerning before character `index` of a fragment's text, in 1/1000 em (negative: closer).
struct Kern {
    std::uint32_t index = 0;
    int amount = 0;
    friend bool operator==(const Kern&, const Kern&) = default;
};

// A kern's width at a size, as the layout counts it wherever a kern is taken off a line's start.
constexpr Sp kern_width(int amount, Sp size) { return thousandths_of(amount, size); }

struct Fragment {
    std::string text;
    text::FontId font = 0;
    Sp size = 0;
    Sp rise = 0;
    Sp width = 0;  // with its kerns
    std::vector<Kern> kerns;
    int link = -1;  // index into ItemList::links
    int note = 0;   // a note mark
    bool strike = false;
    bool alone = false;  // drawn as a run of its own: its width is not its glyph's advance (a
                         // thin or figure space drawn for the text it stands for)
    bool missing = false;  // `text` holds characters that no font has: drawn as a run of its own,
                           // a text::placeholder glyph for each, `text` its ActualText (Run::actual)
    Pos pos;
    Tag tag;             // copied to the runs it prints (para::Run::tag)
};

struct ItemList {
    std::vector<Item> items;
    std::vector<Fragment> fragments;
    std::vector<std::shared_ptr<const std::string>> links;  // each URL once: every line it spans
                                                            // shares it (para::LinkArea::url)
};

}  // namespace zapros::para
