// Items + breaks → lines: glue set to its final width (TeX's \hpack with the line's ratio), boxes
// turned into runs of text, links, note marks and rules at their positions.
#include <algorithm>
#include <cmath>

#include "base/utf8.hpp"
#include "para/measure.hpp"
#include "para/typeset.hpp"

namespace zapros::para {

void append(Line& dst, const Line& src, Sp dx, Sp dy) {
    for (Run r : src.runs) {
        r.x += dx;
        r.y += dy;
        dst.runs.push_back(std::move(r));
    }
    for (auto [from, to] : {std::pair{&src.rules, &dst.rules}, std::pair{&src.closing, &dst.closing}}) {
        for (RuleBox r : *from) {
            r.x += dx;
            r.y += dy;
            to->push_back(r);
        }
    }
    for (LinkArea l : src.links) {
        l.x += dx;
        l.y += dy;
        dst.links.push_back(std::move(l));
    }
    for (ImageBox im : src.images) {
        im.x += dx;
        im.y += dy;
        dst.images.push_back(std::move(im));
    }
    dst.notes.insert(dst.notes.end(), src.notes.begin(), src.notes.end());
    if (!dst.anchor) dst.anchor = src.anchor;
    dst.overfull |= src.overfull;
    dst.width = std::max(dst.width, src.width + dx);
}

namespace {

class Packer {
public:
    Packer(const ItemList& list, Sp height, Sp depth) : list_(list), height_(height), depth_(depth) {}

    // A line from `start` to the break at `to`; `before`: the break the line starts after, whose
    // start glue (post_stretch, post_fil) opens it.
    Line line(const LineStart& start, std::size_t to, Sp width, Sp x0, const Item* before) {
        const std::vector<Item>& items = list_.items;
        const Item& brk = items[to];
        const int pre = brk.type == Item::Type::penalty ? brk.fragment : -1;
        const bool after_penalty = before && before->type == Item::Type::penalty;
        const int post_fragment = start.post;
        const Sp start_stretch = after_penalty ? before->post_stretch : 0, start_fil = after_penalty ? before->post_fil : 0;

        // 1. Measure, as the breaker did: the line's natural width; the flexibility of its glue
        //    and of its glyphs (font expansion: boxes carry stretch and shrink in justified text).
        const Extent e = measure(items, start, to);
        const Sp natural = e.width, stretch = e.stretch, shrink = e.shrink, fil = e.fil;
        const Sp box_stretch = e.box_stretch, box_shrink = e.box_shrink, expandable = e.expandable;

        // 2. Set: TeX's glue ratio over all the flexibility; the glyphs' share becomes a scale
        //    (capped at their maximum, in steps of 0.1 %), the glue takes the exact remainder.
        Line line;
        line.height = height_;
        line.depth = depth_;
        const Sp shortfall = width - natural;
        if (shortfall > 0 && fil == 0 && stretch + box_stretch > 0) {
            const double r = static_cast<double>(shortfall) / static_cast<double>(stretch + box_stretch);
            scale_ = permille(expandable, std::min(r, 1.0) * static_cast<double>(box_stretch));
        } else if (shortfall < 0 && shrink + box_shrink > 0) {
            const double r = std::min(1.0, static_cast<double>(-shortfall) / static_cast<double>(shrink + box_shrink));
            scale_ = permille(expandable, -r * static_cast<double>(box_shrink));
        }
        // What the scaled glyphs add (or take), box by box exactly as place() will set them.
        auto growth = [&] {
            Sp g = 0;
            bool first = true;
            for (std::size_t i = start.first; i < to; ++i) {
                const Item& it = items[i];
                if (it.type != Item::Type::box) continue;
                const Sp w = it.width - (first ? start.lead : 0);
                first = false;
                if (it.stretch > 0) g += scaled(w) - w;
            }
            if (pre >= 0) g += scaled(width_of(pre)) - width_of(pre);
            return g;
        };
        Sp glyphs = scale_ != 1000 ? growth() : 0;
        // Box by box, rounding can leave the glyphs a hair wider than the room, or a shrunk line a
        // hair too long, when the scale falls on a whole per mille (found by the property test:
        // 0.0001 pt over lines with no space to take it): a step of 0.1 % less until they fit.
        // A shrunk line steps down no further than a step under the glyphs' limit: past it, the
        // line is overfull (an error), not squeezed letters.
        const int least = scale_ < 1000 ? permille(expandable, -static_cast<double>(box_shrink)) - 1 : 1000;
        for (; scale_ > 1000 && glyphs > shortfall; glyphs = growth()) --scale_;
        for (; scale_ < 1000 && scale_ > least && shortfall - glyphs < -shrink; glyphs = growth()) --scale_;
        const Sp rest = shortfall - glyphs;  // what the glue must give or take
        double ratio = 0;
        bool use_fil = false;
        if (rest > 0) {
            if (fil > 0) use_fil = true, ratio = static_cast<double>(rest) / static_cast<double>(fil);
            else if (stretch > 0) ratio = static_cast<double>(rest) / static_cast<double>(stretch);
        } else if (rest < 0) {
            if (shrink > 0) ratio = -std::min(1.0, static_cast<double>(-rest) / static_cast<double>(shrink));
            line.overfull = -rest > shrink;
        }

        // 3. Place: boxes at their (scaled) widths, glue by running totals of its flexibility so
        //    that a justified line ends exactly at the measure.
        Sp x = x0;
        Sp flex = 0, flex_set = 0;
        if (start_stretch || start_fil) {  // the glue the break before brought, at the line's start
            flex += use_fil ? start_fil : ratio > 0 ? start_stretch : 0;
            flex_set = round_to_sp(ratio * static_cast<double>(flex));
            x += flex_set;
        }
        bool drop_kern = true;
        if (post_fragment >= 0) {  // GOST's copy of the hyphen the last line ended with
            x += place(line, post_fragment, x, false, false, Added::repeat, word_tag(start.first, to, true));
            drop_kern = false;
        }
        for (std::size_t i = start.first; i < to; ++i) {
            const Item& it = items[i];
            if (it.type == Item::Type::box) {
                if (it.fragment >= 0) {
                    x += place(line, it.fragment, x, drop_kern, it.stretch > 0);
                } else {
                    x += it.width;
                    line.natural += it.width;
                }
                drop_kern = false;
            } else if (it.type == Item::Type::glue) {
                flex += use_fil ? it.fil : ratio > 0 ? it.stretch : ratio < 0 ? it.shrink : 0;
                const Sp set = round_to_sp(ratio * static_cast<double>(flex));
                x += it.width + set - flex_set;
                line.natural += it.width;
                flex_set = set;
                // Only a real space separates words; zero-width glue (margins, a URL's break
                // stretch) does not, so the pieces of a URL stay one run and copy without blanks.
                if (it.width > 0) {
                    if (!line.runs.empty()) line.runs.back().space_after = true;
                    last_glue_ = true;
                }
            }
        }
        if (pre >= 0) place(line, pre, x, false, scale_ != 1000, Added::hyphen, word_tag(start.first, to, false));
        line.hyphen = brk.type == Item::Type::penalty && brk.flagged;
        line.width = prev_end_ > 0 ? prev_end_ : x0;  // to the last glyph, not the \parfillskip
        // A space carried at the very end would add a blank to copied text.
        if (!line.runs.empty()) line.runs.back().space_after = false;
        close_link(line);
        return line;
    }

private:
    Sp width_of(int f) const { return list_.fragments[static_cast<std::size_t>(f)].width; }

    // The glyph scale in thousandths for a change of `amount` over `expandable` width, rounded
    // down: a stretched line expands a little less and a shrunk one a little more, so the glue
    // always has the remainder to stretch and a line never ends past the measure by rounding.
    static int permille(Sp expandable, double amount) {
        if (expandable <= 0) return 1000;
        return 1000 + static_cast<int>(std::floor(1000.0 * amount / static_cast<double>(expandable)));
    }
    Sp scaled(Sp w) const { return thousandths_of(scale_, w); }



    // The tag of the word a hyphen at a break belongs to: of the piece of text nearest to the
    // line's end (forward: to its start) among items [from, to).
    Tag word_tag(std::size_t from, std::size_t to, bool forward) const {
        for (std::size_t n = 0; n < to - from; ++n) {
            const Item& it = list_.items[forward ? from + n : to - 1 - n];
            if (it.type == Item::Type::box && it.fragment >= 0) return list_.fragments[static_cast<std::size_t>(it.fragment)].tag;
        }
        return {};
    }

    Sp leading_kern(int f) const {
        const Fragment& fr = list_.fragments[static_cast<std::size_t>(f)];
        return !fr.kerns.empty() && fr.kerns.front().index == 0 ? kern_width(fr.kerns.front().amount, fr.size) : 0;
    }

    // A hyphen the layout adds at a break, drawn as a run of its own with its word's tag: the
    // one ending a line reads as U+00AD, a soft hyphen (PDF 1.7 §14.8.2.2.3: the word stays
    // whole for copying and screen readers); GOST's copy starting the next line, as nothing,
    // since the author's own hyphen ends the line before.
    enum class Added : std::uint8_t { none, hyphen, repeat };

    // Draws fragment f at x (scaled when the line's glyphs are expanded): joins the previous run
    // when it continues the same word in the same face, or starts a run. Returns its width.
    Sp place(Line& line, int f, Sp x, bool drop_leading_kern, bool expand, Added added = Added::none, Tag word = {}) {
        const Fragment& fr = list_.fragments[static_cast<std::size_t>(f)];
        const bool own = added != Added::none || fr.missing;  // a run of its own
        Sp w = fr.width;
        if (drop_leading_kern) w -= leading_kern(f);
        line.natural += w;
        const int scale = expand ? scale_ : 1000;
        if (expand) w = scaled(w);

        Run* prev = line.runs.empty() ? nullptr : &line.runs.back();
        const bool joins = prev && !last_glue_ && !fr.alone && !own && !prev_alone_ && prev->font == fr.font &&
                           prev->size == fr.size && prev->y == -fr.rise && prev->scale == scale && prev_end_ == x &&
                           prev->tag == fr.tag;
        if (joins) {
            const std::uint32_t offset = static_cast<std::uint32_t>(utf8::length(prev->text));
            for (Kern k : fr.kerns) {
                if (drop_leading_kern && k.index == 0) continue;
                prev->kerns.push_back({k.index + offset, k.amount});
            }
            prev->text += fr.text;
        } else {
            Run r;
            r.x = x;
            r.y = -fr.rise;
            if (fr.missing) {  // a placeholder for each character, which are its actual text
                for (std::size_t i = 0; i < fr.text.size();) {
                    utf8::next(fr.text, i);
                    utf8::append(r.text, text::placeholder);
                }
                r.actual = fr.text;
            } else {
                r.text = fr.text;
                r.actual = added == Added::hyphen ? "\u00AD" : "";
            }
            r.font = fr.font;
            r.size = fr.size;
            r.scale = scale;
            for (Kern k : fr.kerns)
                if (!(drop_leading_kern && k.index == 0)) r.kerns.push_back(k);
            r.tag = added == Added::none ? fr.tag : word;
            r.silent = added == Added::repeat;
            line.runs.push_back(std::move(r));
        }
        last_glue_ = false;
        prev_alone_ = fr.alone || own;
        prev_end_ = x + w;

        if (fr.strike) {
            const Sp t = std::max<Sp>(fr.size / 20, pt(0.4));
            line.rules.push_back({x, -fr.size * 3 / 10 - fr.rise, w, t});
        }
        if (fr.note) {
            line.notes.push_back(fr.note);
            line.links.push_back({x, -height_, w, height_ + depth_, {}, fr.note, fr.tag});
        }
        link(line, fr.link, fr.tag, x, x + w);
        return w;
    }

    // Consecutive pieces with the same URL on a line make one link area.
    // Two Link elements of one URL side by side keep an area each (each element its annotations).
    void link(Line& line, int index, const Tag& tag, Sp x0, Sp x1) {
        if (index != open_link_ || tag.element != link_tag_.element) close_link(line);
        if (index < 0) return;
        if (open_link_ < 0) {
            open_link_ = index;
            link_tag_ = tag;
            link_x0_ = x0;
        }
        link_x1_ = x1;
    }

    void close_link(Line& line) {
        if (open_link_ >= 0)
            line.links.push_back({link_x0_, -height_, link_x1_ - link_x0_, height_ + depth_,
                                  list_.links[static_cast<std::size_t>(open_link_)], 0, link_tag_});
        open_link_ = -1;
    }

    const ItemList& list_;
    Sp height_, depth_;
    bool last_glue_ = true;
    bool prev_alone_ = false;  // the last run drawn must not be continued (Fragment::alone, a run of its own)
    Sp prev_end_ = 0;
    int scale_ = 1000;  // the line's glyph scale, thousandths
    int open_link_ = -1;
    Tag link_tag_;  // the open link's Link element
    Sp link_x0_ = 0, link_x1_ = 0;
};

}  // namespace

std::vector<Line> pack(const ItemList& list, const std::vector<std::size_t>& breaks, const Measure& measure, Sp x0,
                       Sp height, Sp depth) {
    std::vector<Line> lines;
    LineStart start = line_start(list.items, 0);
    const Item* before = nullptr;
    for (std::size_t n = 0; n < breaks.size(); ++n) {
        const std::size_t to = breaks[n];
        Packer packer(list, height, depth);
        lines.push_back(packer.line(start, to, measure.width(n), x0 + measure.indent(n), before));
        before = &list.items[to];
        start = after_break(list.items, to);
    }
    return lines;
}

}  // namespace zapros::para
