#pragma once
// What one part of the letter reads on the PDF, for the word check: the letters and digits of
// its glyphs in drawing order, so that a word broken at a line end (by a hyphen, or by an
// emergency break without one) rejoins and typographic rewriting (quotes, dashes, no-break
// spaces) is invisible. Marks are left out: they are not the source's words. The reading comes
// in pieces, one per page, and keeps where each line begins: a word broken at a page's end
// continues at the start of a line of the next page, which is not always the next letter read.
#include <optional>
#include <string>
#include <vector>

#include "invariants.hpp"

namespace zapros::property {

struct Reading {
    struct Piece {
        std::size_t from = 0;  // offset in text
        int page = 0;          // its page's number
    };
    std::string text;
    std::vector<Piece> pieces;        // in reading order; a piece may be empty
    std::vector<std::size_t> lines;   // offsets where a line begins, increasing
    // Whether the part may go on at any line of a later page, as a note's continuation goes on
    // after those before it, and not only where the next page begins (tables aside).
    bool jumps = false;
    bool begins = false;  // the part's first word opens the reading (a note read from its start)

    // The piece that read the letter before offset (the first piece at 0): a word ending at a
    // page's end belongs to that page.
    std::size_t piece_before(std::size_t offset) const;
    std::size_t piece_at(std::size_t offset) const;  // the piece that reads the letter at offset
    std::size_t end_of(std::size_t piece) const;
    // Whether a line, a table cell's text or a piece begins at offset, or a piece ends there.
    bool boundary_at(std::size_t offset) const;
    int page_at(std::size_t offset) const { return pieces.empty() ? 0 : pieces[piece_before(offset)].page; }
};

// Everything outside the note area and the page numbers: the requisites, the title, the body,
// the signatures. A line begins where the baseline changes, where the text goes back left, and
// where a table's column rule stands between two letters (a row is drawn cell after cell).
Reading read_body(const std::vector<PdfPage>& pages);

// Each note's reading: from its first word (its number left out) to the next note's start on
// its page, then on each later page what the note area shows before its first new note: the
// continuations, where this note's goes on. A note whose start was not found reads the whole
// note area of every page.
std::vector<Reading> read_notes(const std::vector<PdfPage>& pages, const std::vector<std::optional<NoteStart>>& starts);

}  // namespace zapros::property
