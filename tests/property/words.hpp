#pragma once
// The word check's matcher: one part's words (a Stream) looked for in its reading, in order.
// words.cpp holds the word-by-word search, rows.cpp the table rows.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "evidence.hpp"
#include "markdown.hpp"
#include "reading.hpp"

namespace zapros::property {

class WordMatcher {
public:
    WordMatcher(const Stream& s, const Reading& r) : s_(s), r_(r), text_(r.text), first_(!r.begins) {}

    void run();
    void report(Evidence& ev) const;  // the words not found, if any

private:
    using Cells = std::vector<TableWords::Cell>;
    // A row part way: per cell its next word, and the letters of a word broken at a page's end
    // that the next page is still to show.
    struct RowState {
        std::vector<std::size_t> next;
        std::vector<std::string_view> rest;
        std::size_t pos = 0;
    };
    static constexpr std::size_t none = std::string::npos;

    // Word w looked for from where the last one ended; the index of the next word to look for
    // (past the words found missing when a run of later words stands right here).
    std::size_t word(std::size_t w);
    // Where the part's first word w stands, none if nowhere from at_ on: of the places where
    // the words after it follow closely, the one where most follow right away (a short word of
    // the title may occur in the addressee block first, and the title may hold the words the
    // body opens with, or a list's label stand after them); else its first occurrence.
    std::size_t anchor(std::size_t w) const;
    std::size_t adjacent(std::size_t k, std::size_t pos) const;  // words from k on right from pos, up to a run
    // Where word w ends if it stands where the last one ended: right there, or a list's label
    // further on; in a note, at a line's start on a later page, or its rest there when its
    // first letters end the page. none otherwise.
    std::size_t close_by(std::size_t w) const;
    // Where word w, or the rest of it, goes on at the start of a line of a later page.
    struct Resumed {
        std::size_t end = none;
        bool followed = false;  // the words after it follow there
    };
    // Word w broken at a page's end (end): its first letters end the page, within `near` of
    // where the last word ended, and its rest begins a line.
    Resumed broken(std::size_t w, std::size_t end) const;
    // Letters at the first line start after piece where they stand and the words after w
    // follow, else at the first where they stand.
    Resumed resume(std::size_t piece, std::string_view letters, std::size_t w) const;
    // Whether the words from k on follow each other right from pos, a run of them or up to
    // end, the end of pos's page: a note's lines hold nothing else.
    bool follow(std::size_t k, std::size_t pos, std::size_t end) const;

    // A table whose first word is w, row by row; the index of the next word.
    std::size_t table(const TableWords& t, std::size_t w);
    // A row read page by page; false when it cannot be read so, having gone no further than
    // where it begins (past a header repeated at a page's top).
    bool row(const Cells& cells, const std::string& header);
    // Where the row's letters may begin, the likeliest first.
    std::vector<std::size_t> row_starts(const Cells& cells, const std::string& header) const;
    // The end of the row read page by page from pos, or none.
    std::size_t read_row(const Cells& cells, const std::string& header, std::size_t pos) const;
    struct RowRead {
        const Cells& cells;
        const std::string& header;
        int budget;  // placements of runs left to try
    };
    // Cells c… on the page of piece from pos, each unfinished one showing its next lines there,
    // then the row's part on each next page: true, with st at the row's end, when it reads so.
    bool fill(RowRead& read, RowState& st, std::size_t c, std::size_t pos, std::size_t piece) const;
    std::size_t next_page(std::size_t piece) const;  // the next piece with letters, or none left
    std::size_t under_header(std::size_t pos, const std::string& header) const;  // past a repeated header
    static std::pair<std::size_t, std::size_t> words_of(const TableWords& t);  // [first, last) word

    std::size_t find_near(std::string_view word, std::size_t pos) const;
    // Whether the words from k on (a run of them; with partial, as many as are left) follow each
    // other closely from pos.
    bool run_at(std::size_t k, std::size_t pos, bool partial) const;
    void found(std::size_t end);
    void lose(std::size_t w);

    const Stream& s_;
    const Reading& r_;
    const std::string& text_;
    std::size_t at_ = 0;  // where the last word found ends
    bool first_;          // no word found yet, and the part's first may stand anywhere
    std::size_t missing_ = 0, first_missing_ = 0, found_before_ = 0;
};

}  // namespace zapros::property
