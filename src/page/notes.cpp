#include "page/notes.hpp"

#include <algorithm>

namespace zapros::page {

namespace {

std::vector<Chunk> join(std::vector<Chunk> a, const std::vector<Chunk>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// Appends what continues later, joining it to the rest of the same note it follows.
void push_rest(std::vector<Chunk>& rest, const Chunk& c) {
    if (c.from >= c.to) return;
    if (!rest.empty() && rest.back().note == c.note && rest.back().to == c.from) rest.back().to = c.to;
    else rest.push_back(c);
}

}  // namespace

Notes::Notes(flow::Flow& flow, const compose::Style& style, const PageParams& pp)
    : style_(style), pp_(pp), room_(style.text_height()) {
    for (flow::VList& v : flow.notes) {
        std::vector<Line>& lines = lines_.emplace_back();
        Sp glue = 0;
        int penalty = 0;
        for (flow::VItem& it : v) {
            if (it.kind == flow::VItem::Kind::glue) {
                glue += it.glue;
            } else if (it.kind == flow::VItem::Kind::penalty) {
                penalty = it.penalty;
            } else {
                lines.push_back({&it.line, lines.empty() ? 0 : glue, penalty});
                glue = 0;
                penalty = 0;
            }
        }
    }
}

Sp Notes::height(const Chunk& c) const {
    const std::vector<Line>& lines = lines_[static_cast<std::size_t>(c.note - 1)];
    Sp h = 0;
    for (std::size_t k = c.from; k < c.to; ++k) h += (k > c.from ? lines[k].before : 0) + lines[k].line->height + lines[k].line->depth;
    return h;
}

Sp Notes::height(const std::vector<Chunk>& chunks) const {
    if (chunks.empty()) return 0;
    Sp h = style_.note_skip;
    for (std::size_t k = 0; k < chunks.size(); ++k) h += height(chunks[k]) + (k > 0 ? style_.note_gap : 0);
    return h;
}

std::size_t Notes::fitting(const Chunk& c, Sp room, bool need_allowed_split) const {
    const std::vector<Line>& lines = lines_[static_cast<std::size_t>(c.note - 1)];
    std::size_t best = c.from;
    Sp h = 0;
    for (std::size_t k = c.from; k < c.to; ++k) {
        h += (k > c.from ? lines[k].before : 0) + lines[k].line->height + lines[k].line->depth;
        if (h > room) break;
        const bool allowed = k + 1 >= c.to || lines[k + 1].penalty < para::infinite_penalty || !need_allowed_split;
        if (allowed) best = k + 1;
    }
    return best;
}

std::size_t Notes::least(int note, bool forced) const {
    const std::size_t total = lines(note);
    if (forced) return std::min<std::size_t>(1, total);
    if (total < pp_.note_split_min) return total;  // too short to split
    const std::vector<Line>& lines = lines_[static_cast<std::size_t>(note - 1)];
    std::size_t k = std::min(pp_.note_min_lines, total);
    while (k < total && lines[k].penalty >= para::infinite_penalty) ++k;  // where a split is allowed
    return k;
}

NoteArea Notes::open(const std::vector<Chunk>& spill) const {
    NoteArea a;
    bool full = false;
    for (const Chunk& c : spill) {
        if (full) {
            push_rest(a.waiting, c);
            continue;
        }
        const Sp room = cap() - height(a.held) - added(a.held);
        std::size_t k = fitting(c, room, true);
        if (k == c.from && a.held.empty()) k = std::max(fitting(c, room, false), c.from + 1);  // never none at all
        if (k > c.from) a.held.push_back({c.note, c.from, k});
        if (k < c.to) {
            push_rest(a.waiting, {c.note, k, c.to});
            full = true;
        }
    }
    a.chunks = a.held;
    a.spill = a.waiting;
    return a;
}

// Lines [c.from, k) of c go to `here`, the rest to `later` (joined to what it continues).
void Notes::split(const Chunk& c, std::size_t k, std::vector<Chunk>& here, std::vector<Chunk>& later) {
    if (k > c.from) here.push_back({c.note, c.from, k});
    push_rest(later, {c.note, k, c.to});
}

Sp Notes::height(Pile p) const { return p.chunks == 0 ? 0 : style_.note_skip + p.lines + static_cast<Sp>(p.chunks - 1) * style_.note_gap; }

// Every height below is a pile's (sums kept as chunks are added), so that a page that starts
// many notes costs linear time, not a height summed again for each of them.
bool Notes::arrange(NoteArea& a, Sp body, bool forced) const {
    const Sp room = room_ - body;
    // Lines past a note's ceiling wait for the next page; a marked note keeps its first line.
    std::vector<Chunk> held, waiting, whole, tails;
    for (const Chunk& c : a.held) split(c, std::clamp(a.ceiling(c.note), c.from, c.to), held, waiting);
    for (const Chunk& c : a.waiting) push_rest(waiting, c);
    for (int n : a.marked) split({n, 0, lines(n)}, std::clamp(a.ceiling(n), std::min<std::size_t>(1, lines(n)), lines(n)), whole, tails);
    Pile all_whole;
    for (const Chunk& c : whole) all_whole = all_whole + Pile{height(c), 1};
    Pile all_held;
    for (const Chunk& c : held) all_held = all_held + Pile{height(c), 1};

    // 1. The held-over notes as the page opened with them, the marked ones whole.
    if (height(all_held + all_whole) <= room) {
        a.chunks = join(held, whole);
        a.spill = join(waiting, tails);
        return true;
    }
    // 2. The held-over notes give way to the marked ones, from their end.
    //    A note keeps its lines up to the mark of a note it starts here.
    std::vector<Chunk> kept, rest;
    Pile kept_pile;
    bool cut = false;
    for (const Chunk& c : held) {
        const std::size_t before = kept.size();
        if (cut) {
            split(c, std::clamp(a.floor(c.note), c.from, c.to), kept, rest);
        } else if (const Pile whole_c{height(c), 1}; height(kept_pile + whole_c + all_whole) <= room) {
            kept.push_back(c);
        } else {
            const Sp left = room - height(kept_pile + all_whole) - style_.note_gap;
            split(c, std::clamp(std::max(fitting(c, left, true), a.floor(c.note)), c.from, c.to), kept, rest);
            cut = true;
        }
        if (kept.size() > before) kept_pile = kept_pile + Pile{height(kept.back()), 1};
    }
    for (const Chunk& c : waiting) push_rest(rest, c);
    if (!whole.empty() && height(kept_pile + all_whole) <= room) {
        a.chunks = join(kept, whole);
        a.spill = join(rest, tails);
        return true;
    }
    // 3. The marked notes cannot all be whole even so: the held-over ones wait for the next
    //    page; each marked note takes what it may, leaving the later ones their least, and a
    //    split one at most the notes' share of the page, so that the text goes on under its mark.
    //    Held-over lines up to a mark that starts a note here stay.
    rest.clear();
    std::vector<Chunk> chunks, spilled;
    for (const Chunk& c : held) split(c, std::clamp(a.floor(c.note), c.from, c.to), chunks, rest);
    for (const Chunk& c : waiting) push_rest(rest, c);
    Pile pile;
    for (const Chunk& c : chunks) pile = pile + Pile{height(c), 1};
    std::vector<Pile> later(whole.size() + 1);  // the least of the marked notes from i on
    for (std::size_t j = whole.size(); j-- > 0;)
        later[j] = later[j + 1] + Pile{height(Chunk{whole[j].note, 0, std::min(least(whole[j].note, forced), whole[j].to)}), 1};
    for (std::size_t i = 0; i < whole.size(); ++i) {
        const Pile whole_i{height(whole[i]), 1};
        std::size_t k = whole[i].to;
        if (height(pile + whole_i + later[i + 1]) > room) {
            const Pile others = pile + later[i + 1];
            const Sp left = room - height(others) - added(others);
            const Sp share = cap() - height(pile) - added(pile);
            k = std::clamp(std::max({fitting(whole[i], std::min(left, share), !forced), least(whole[i].note, forced), a.floor(whole[i].note)}),
                           std::size_t{0}, whole[i].to);
        }
        chunks.push_back({whole[i].note, 0, k});
        pile = pile + Pile{k == whole[i].to ? whole_i.lines : height(chunks.back()), 1};
        push_rest(spilled, {whole[i].note, k, lines(whole[i].note)});
    }
    a.chunks = chunks;
    a.spill = join(rest, spilled);
    return height(pile) <= room;
}

}  // namespace zapros::page
