// Items + breaks → lines: glue set to its final width (TeX's \hpack with the line's ratio), boxes
// turned into runs of text, links, note marks and rules at their positions.
#include <cmath>

#include "base/utf8.hpp"
#include "para/typeset.hpp"

namespace zapros::para {

void append(Line& dst, const Line& src, Sp dx, Sp dy) {
    for (Run r : src.runs) {
        r.x += dx;
        r.y += dy;
        dst.runs.push_back(std::move(r));
    }
    for (RuleBox r : src.rules) {
        r.x += dx;
        r.y += dy;
        dst.rules.push_back(r);
    }
    for (LinkArea l : src.links) {
        l.x += dx;
        l.y += dy;
        dst.links.push_back(std::move(l));
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

    Line line(std::size_t from, std::size_t to, Sp width, Sp x0, int post_fragment) {
        const std::vector<Item>& items = list_.items;
        const Item& brk = items[to];
        const int pre = brk.type == Item::Type::penalty ? brk.fragment : -1;

        // The line's natural width and flexibility; a leading kern (inside a word broken just
        // before) belongs to the previous line and is dropped.
        Sp natural = 0, stretch = 0, shrink = 0, fil = 0;
        if (post_fragment >= 0) natural += width_of(post_fragment);
        bool first_box = true;
        Sp lead_kern = 0;
        for (std::size_t i = from; i < to; ++i) {
            const Item& it = items[i];
            if (it.type == Item::Type::box) {
                natural += it.width;
                if (first_box && it.fragment >= 0) lead_kern = leading_kern(it.fragment);
                first_box = false;
            } else if (it.type == Item::Type::glue) {
                natural += it.width;
                stretch += it.stretch;
                shrink += it.shrink;
                fil += it.fil;
            }
        }
        natural -= lead_kern;
        if (brk.type == Item::Type::penalty) natural += brk.width;

        Line line;
        line.height = height_;
        line.depth = depth_;
        double ratio = 0;
        bool use_fil = false;
        if (natural < width) {
            if (fil > 0) use_fil = true, ratio = static_cast<double>(width - natural) / static_cast<double>(fil);
            else if (stretch > 0) ratio = static_cast<double>(width - natural) / static_cast<double>(stretch);
        } else if (natural > width) {
            if (shrink > 0) ratio = -std::min(1.0, static_cast<double>(natural - width) / static_cast<double>(shrink));
            line.overfull = natural - width > shrink;
        }

        Sp x = x0;
        Sp flex = 0, flex_set = 0;  // flexibility of the glue so far, and what it was set to
        bool drop_kern = true;
        if (post_fragment >= 0) {
            place(line, post_fragment, x, false);
            drop_kern = false;
        }
        for (std::size_t i = from; i < to; ++i) {
            const Item& it = items[i];
            if (it.type == Item::Type::box) {
                if (it.fragment >= 0) {
                    place(line, it.fragment, x, drop_kern);
                    x += it.width - (drop_kern ? leading_kern(it.fragment) : 0);
                } else {
                    x += it.width;
                }
                drop_kern = false;
            } else if (it.type == Item::Type::glue) {
                // Round the running total of flex, not each glue, so that a justified line ends
                // exactly at the measure.
                flex += use_fil ? it.fil : ratio > 0 ? it.stretch : ratio < 0 ? it.shrink : 0;
                const Sp set = round_to_sp(ratio * static_cast<double>(flex));
                x += it.width + set - flex_set;
                flex_set = set;
                // Only a real space separates words; zero-width glue (margins, a URL's break
                // stretch) does not, so the pieces of a URL stay one run and copy without blanks.
                if (it.width > 0) {
                    if (!line.runs.empty()) line.runs.back().space_after = true;
                    last_glue_ = true;
                }
            }
        }
        if (pre >= 0) {
            place(line, pre, x, false);
            x += width_of(pre);
        }
        line.hyphen = brk.type == Item::Type::penalty && brk.flagged;
        line.width = prev_end_ > 0 ? prev_end_ : x0;  // to the last glyph, not the \parfillskip
        // A space carried at the very end would add a blank to copied text.
        if (!line.runs.empty()) line.runs.back().space_after = false;
        close_link(line);
        return line;
    }

private:
    Sp width_of(int f) const { return list_.fragments[static_cast<std::size_t>(f)].width; }

    Sp leading_kern(int f) const {
        const Fragment& fr = list_.fragments[static_cast<std::size_t>(f)];
        if (!fr.kerns.empty() && fr.kerns.front().index == 0)
            return (static_cast<Sp>(fr.kerns.front().amount) * fr.size) / 1000;
        return 0;
    }

    // Draws fragment f at x: joins the previous run when it continues the same word in the same
    // face, or starts a run.
    void place(Line& line, int f, Sp x, bool drop_leading_kern) {
        const Fragment& fr = list_.fragments[static_cast<std::size_t>(f)];
        Sp w = fr.width;
        if (drop_leading_kern) w -= leading_kern(f);

        Run* prev = line.runs.empty() ? nullptr : &line.runs.back();
        const bool joins = prev && !last_glue_ && prev->face == fr.face && prev->size == fr.size &&
                           prev->y == -fr.rise && prev_end_ == x;
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
            r.text = fr.text;
            r.face = fr.face;
            r.size = fr.size;
            for (Kern k : fr.kerns)
                if (!(drop_leading_kern && k.index == 0)) r.kerns.push_back(k);
            line.runs.push_back(std::move(r));
        }
        last_glue_ = false;
        prev_end_ = x + w;

        if (fr.strike) {
            const Sp t = std::max<Sp>(fr.size / 20, pt(0.4));
            line.rules.push_back({x, -fr.size * 3 / 10 - fr.rise, w, t});
        }
        if (fr.note) {
            line.notes.push_back(fr.note);
            line.links.push_back({x, -height_, w, height_ + depth_, {}, fr.note});
        }
        link(line, fr.link, x, x + w);
    }

    // Consecutive pieces with the same URL on a line make one link area.
    void link(Line& line, int index, Sp x0, Sp x1) {
        if (index != open_link_) close_link(line);
        if (index < 0) return;
        if (open_link_ < 0) {
            open_link_ = index;
            link_x0_ = x0;
        }
        link_x1_ = x1;
    }

    void close_link(Line& line) {
        if (open_link_ >= 0)
            line.links.push_back({link_x0_, -height_, link_x1_ - link_x0_, height_ + depth_,
                                  list_.links[static_cast<std::size_t>(open_link_)], 0});
        open_link_ = -1;
    }

    const ItemList& list_;
    Sp height_, depth_;
    bool last_glue_ = true;
    Sp prev_end_ = 0;
    int open_link_ = -1;
    Sp link_x0_ = 0, link_x1_ = 0;
};

}  // namespace

std::vector<Line> pack(const ItemList& list, const std::vector<std::size_t>& breaks, const Measure& measure, Sp x0,
                       Sp height, Sp depth) {
    std::vector<Line> lines;
    std::size_t from = 0;
    int post = -1;
    for (std::size_t n = 0; n < breaks.size(); ++n) {
        const std::size_t to = breaks[n];
        Packer packer(list, height, depth);
        lines.push_back(packer.line(from, to, measure.width(n), x0, post));
        const Item& brk = list.items[to];
        post = brk.type == Item::Type::penalty ? brk.post : -1;
        // Discard glue and penalties after the break, up to the next box (TeX §879).
        from = to + 1;
        while (from < list.items.size() && list.items[from].type != Item::Type::box &&
               !(list.items[from].type == Item::Type::penalty && list.items[from].penalty <= -infinite_penalty))
            ++from;
    }
    return lines;
}

}  // namespace zapros::para
