#pragma once
// A Sample written out: the Markdown zapros reads, and the words each part of the letter must
// show, in order, in the PDF.
#include <string>
#include <string_view>
#include <vector>

#include "sample.hpp"

namespace zapros::property {

// The words of one part of the letter (the body, one note, the title…), each reduced to its
// letters and digits: what survives hyphenation, line breaks and typographic rewriting.
// A table's words as its stream holds them: each row's cells, each a range of the stream's
// words. The PDF reads a row cell by cell, but a row split across pages page by page, and
// may repeat the header row (rows[0]) at the top of a page the table runs on to.
struct TableWords {
    struct Cell {
        std::size_t first = 0, last = 0;  // words [first, last)
    };
    std::vector<std::vector<Cell>> rows;
};

struct Stream {
    std::string name;
    std::vector<std::string> words;
    std::vector<TableWords> tables;  // in the order of their words
};

struct Written {
    std::string markdown;
    std::vector<Stream> streams;  // front-matter parts, "body", then "note 1" … in number order
    int notes = 0;                // notes written, numbered 1 … notes by their first marks
    bool approximate = false;     // written by hand: the notes' words as far as the checker reads them
};

Written write(const Sample& sample);

// Latin and Cyrillic letters and ASCII digits of s, in order; everything else dropped.
std::string letters_of(std::string_view s);

}  // namespace zapros::property
