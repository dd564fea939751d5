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

bool Notes::arrange(NoteArea& a, Sp body, bool forced) const {
    const Sp room = room_ - body;
    // Lines past a note's ceiling wait for the next page; a marked note keeps its first line.
    std::vector<Chunk> held, waiting, whole, tails;
    for (const Chunk& c : a.held) {
        const std::size_t k = std::clamp(a.ceiling(c.note), c.from, c.to);
        if (k > c.from) held.push_back({c.note, c.from, k});
        push_rest(waiting, {c.note, k, c.to});
    }
    for (const Chunk& c : a.waiting) push_rest(waiting, c);
    for (int n : a.marked) {
        const std::size_t to = std::clamp(a.ceiling(n), std::min<std::size_t>(1, lines(n)), lines(n));
        whole.push_back({n, 0, to});
        push_rest(tails, {n, to, lines(n)});
    }

    // 1. The held-over notes as the page opened with them, the marked ones whole.
    if (height(join(held, whole)) <= room) {
        a.chunks = join(held, whole);
        a.spill = join(waiting, tails);
        return true;
    }
    // 2. The held-over notes give way to the marked ones, from their end.
    //    A note keeps its lines up to the mark of a note it starts here.
    std::vector<Chunk> kept, rest;
    bool cut = false;
    for (const Chunk& c : held) {
        if (cut) {
            const std::size_t k = std::clamp(a.floor(c.note), c.from, c.to);
            if (k > c.from) kept.push_back({c.note, c.from, k});
            push_rest(rest, {c.note, k, c.to});
            continue;
        }
        if (height(join(join(kept, {c}), whole)) <= room) {
            kept.push_back(c);
            continue;
        }
        const std::size_t k = std::clamp(std::max(fitting(c, room - height(join(kept, whole)) - style_.note_gap, true), a.floor(c.note)), c.from, c.to);
        if (k > c.from) kept.push_back({c.note, c.from, k});
        push_rest(rest, {c.note, k, c.to});
        cut = true;
    }
    for (const Chunk& c : waiting) push_rest(rest, c);
    if (!whole.empty() && height(join(kept, whole)) <= room) {
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
    for (const Chunk& c : held) {
        const std::size_t k = std::clamp(a.floor(c.note), c.from, c.to);
        if (k > c.from) chunks.push_back({c.note, c.from, k});
        push_rest(rest, {c.note, k, c.to});
    }
    for (const Chunk& c : waiting) push_rest(rest, c);
    for (std::size_t i = 0; i < whole.size(); ++i) {
        std::vector<Chunk> later;
        for (std::size_t j = i + 1; j < whole.size(); ++j) later.push_back({whole[j].note, 0, std::min(least(whole[j].note, forced), whole[j].to)});
        if (height(join(join(chunks, {whole[i]}), later)) <= room) {
            chunks.push_back(whole[i]);
            push_rest(spilled, {whole[i].note, whole[i].to, lines(whole[i].note)});
            continue;
        }
        const std::vector<Chunk> others = join(chunks, later);
        const Sp left = room - height(others) - added(others);
        const Sp share = cap() - height(chunks) - added(chunks);
        const std::size_t k = std::clamp(std::max({fitting(whole[i], std::min(left, share), !forced), least(whole[i].note, forced), a.floor(whole[i].note)}),
                                         std::size_t{0}, whole[i].to);
        chunks.push_back({whole[i].note, 0, k});
        push_rest(spilled, {whole[i].note, k, lines(whole[i].note)});
    }
    a.chunks = chunks;
    a.spill = join(rest, spilled);
    return height(chunks) <= room;
}

}  // namespace zapros::page
