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

// An image the request names, as the checker finds it in the PDF: by its pixel size.
struct Drawn {
    enum class Role { figure, logo, scan, stamp };
    Role role = Role::figure;
    std::string file;     // as the request names it, relative to the request's directory
    Picture picture;
    std::string caption;  // a figure's caption, its letters (letters_of); empty without one
    bool centered = false;  // a logo's letterhead is centred across the measure
};

struct Written {
    std::string markdown;
    std::vector<Drawn> images;  // each written as a PNG beside the request before rendering
    std::vector<Stream> streams;  // front-matter parts, "body", then "note 1" … in number order
    int notes = 0;                // notes written, numbered 1 … notes by their first marks
    bool approximate = false;     // written by hand: the notes' words as far as the checker reads them
};

// image_dir: a directory (ending in '/') beside the request for its images, or "".
Written write(const Sample& sample, const std::string& image_dir = "");

// For the writer's files: a YAML double-quoted string of words, and the words of text added to
// a stream.
std::string yaml_string(const Words& words);
void add_words(Stream& stream, std::string_view text);
// The front matter of the letter's parts (issue 16) but the signatures' scans, and their streams.
std::string letter_parts_yaml(const Sample& sample, const std::string& image_dir, Written& written);
// The file of picture p as the request names it, recorded in written.images.
std::string image_file(const Sample& sample, int p, Drawn::Role role, const std::string& image_dir, Written& written,
                       const std::string& caption = "");

// Latin and Cyrillic letters and ASCII digits of s, in order; everything else dropped.
std::string letters_of(std::string_view s);

}  // namespace zapros::property
