#pragma once
// Inside page/: the notes' lines, and which lines of which notes a page's note area holds.
//
// The footnote invariant: every note starts on the page of its mark. A page's notes are, in
// order, the rest of notes begun on earlier pages (held over, as TeX's split insertions are),
// then the notes marked on the page. Held-over notes take room first, up to the notes' share of
// a page, but give way to a marked note's start, as LaTeX's bigfoot shortens a continuation so
// that a later note can begin on its mark's page.
#include <cstddef>
#include <vector>

#include "compose/style.hpp"
#include "flow/vlist.hpp"
#include "page/paginate.hpp"

namespace zapros::page {

// Lines [from, to) of note `note` (1-based).
struct Chunk {
    int note = 0;
    std::size_t from = 0, to = 0;
};

// A page's note area as it grows with the page's lines.
struct NoteArea {
    std::vector<Chunk> held;    // held over from the page before, as much as the page opened with
    std::vector<Chunk> waiting; // held over and not on this page even so (over the notes' share)
    std::vector<int> marked;    // notes whose marks stand on this page, in order
    std::vector<Chunk> chunks;  // what the page prints, in order
    std::vector<Chunk> spill;   // what continues on the next page, in order
    // Lines a note keeps on the page whatever else starts there: up to and including the line
    // with the mark of a note that starts on this page because of it (note → end of its lines).
    std::vector<std::pair<int, std::size_t>> floors;
    // Lines a note may not print on the page: from the line with the mark of a note that cannot
    // start here with all it brings (note → first line that waits for the next page).
    std::vector<std::pair<int, std::size_t>> ceilings;

    static constexpr std::size_t none = static_cast<std::size_t>(-1);  // no ceiling
    std::size_t floor(int note) const { return find(floors, note, 0); }
    std::size_t ceiling(int note) const { return find(ceilings, note, none); }

    // A note's line in such a list (a page has few), or `missing`; entry() makes it so.
    static std::size_t find(const std::vector<std::pair<int, std::size_t>>& v, int note, std::size_t missing) {
        for (const auto& [n, line] : v)
            if (n == note) return line;
        return missing;
    }
    static std::size_t& entry(std::vector<std::pair<int, std::size_t>>& v, int note, std::size_t missing) {
        for (auto& [n, line] : v)
            if (n == note) return line;
        return v.emplace_back(note, missing).second;
    }
};

class Notes {
public:
    Notes(flow::Flow& flow, const compose::Style& style, const PageParams& pp);

    std::size_t lines(int note) const { return lines_[static_cast<std::size_t>(note - 1)].size(); }
    std::size_t count() const { return lines_.size(); }
    para::Line& line(int note, std::size_t k) { return *lines_[static_cast<std::size_t>(note - 1)][k].line; }
    const para::Line& line(int note, std::size_t k) const { return *lines_[static_cast<std::size_t>(note - 1)][k].line; }
    Sp before(int note, std::size_t k) const { return lines_[static_cast<std::size_t>(note - 1)][k].before; }
    // The chunks' height in the note area: the skip above the rule, the lines, the gaps.
    Sp height(const std::vector<Chunk>& chunks) const;

    // A page opening with what the last one continued.
    NoteArea open(const std::vector<Chunk>& spill) const;
    // Arranges the area of a page whose body is `body` tall so that every marked note starts
    // on it. False when it cannot be: the line that brought the last marks must move on. For a
    // page's first line (forced), which cannot, each marked note gets at least one line; false
    // then means that even those overflow the page.
    bool arrange(NoteArea& area, Sp body, bool forced) const;

private:
    struct Line {
        para::Line* line = nullptr;  // in the flow's note list; moved onto its page when placed
        Sp before = 0;               // glue from the previous line's bottom
        int penalty = 0;             // for splitting the note before this line
    };
    Sp height(const Chunk& c) const;
    // Chunks in the note area by their sum: their lines' heights and how many they are.
    struct Pile {
        Sp lines = 0;
        std::size_t chunks = 0;
        Pile operator+(Pile o) const { return {lines + o.lines, chunks + o.chunks}; }
    };
    Sp height(Pile p) const;
    Sp added(Pile p) const { return p.chunks == 0 ? style_.note_skip : style_.note_gap; }
    static void split(const Chunk& c, std::size_t k, std::vector<Chunk>& here, std::vector<Chunk>& later);
    // The most lines of c (from c.from) that fit in `room`, splitting only where allowed.
    std::size_t fitting(const Chunk& c, Sp room, bool need_allowed_split) const;
    // The fewest lines note n may start with on its mark's page.
    std::size_t least(int note, bool forced) const;
    Sp cap() const { return static_cast<Sp>(pp_.note_share * static_cast<double>(room_)); }
    // What adding one more chunk to `chunks` costs besides its lines: the rule's skip or a gap.
    Sp added(const std::vector<Chunk>& chunks) const { return chunks.empty() ? style_.note_skip : style_.note_gap; }

    const compose::Style& style_;
    const PageParams& pp_;
    Sp room_;
    std::vector<std::vector<Line>> lines_;
};

}  // namespace zapros::page
