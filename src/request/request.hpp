#pragma once
// Stage 1's product: a request as plain values. No yaml-cpp or cmark type leaves request/;
// every node keeps its position in the original file for diagnostics further down the pipeline.
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/lang.hpp"

namespace zapros::request {

// A string from the front matter, with the position of its value.
struct Text {
    std::string value;
    Pos pos;
};

struct Date {
    int year = 0, month = 0, day = 0;
    friend bool operator==(const Date&, const Date&) = default;
};

struct Signature {
    Text role;
    Text name;  // empty: a blank line to sign the name on
};

// The front matter.
struct Meta {
    Text title;
    Lang lang = Lang::ru;
    std::vector<Text> to;    // addressees; one Text may hold several lines
    std::vector<Text> from;  // sender block lines
    std::optional<Date> date;
    Pos date_pos;
    std::optional<Text> place;
    std::vector<Signature> signatures;
    bool hyphenate = true;
    bool repeat_hyphen = false;  // GOST: "информационно-" at a line end repeats as "-телекоммуникационных"
};

struct Inline {
    enum class Kind {
        text,        // text
        code,        // text: the code span's content
        emph,        // children
        strong,      // children
        strike,      // children
        link,        // url, children (autolinks too)
        soft_break,  // a line end inside a paragraph
        hard_break,
        note_ref,    // note: the note's number (1-based, order of first reference)
    };
    Kind kind = Kind::text;
    Pos pos;
    std::string text;
    std::string url;
    int note = 0;
    bool unlinked = false;  // a link whose URL is too long to link (max_url_bytes): printed as text
    std::vector<Inline> children;
};

enum class ListDelim { period, paren };  // "1." or "1)"
enum class Align { none, left, center, right };

struct TableCell {
    Pos pos;
    std::vector<Inline> inlines;
};

struct TableRow {
    std::vector<TableCell> cells;
};

struct Block {
    enum class Kind {
        paragraph,  // inlines
        heading,    // level, inlines
        quote,      // children
        list,       // ordered, start, delim, tight; children are items
        item,       // children
        code,       // text (with a final newline), info
        rule,       // a thematic break
        table,      // align (per column), rows (the first is the header)
    };
    Kind kind = Kind::paragraph;
    Pos pos;
    int level = 0;
    bool ordered = false;
    int start = 1;
    ListDelim delim = ListDelim::period;
    bool tight = true;
    std::string text;
    std::string info;
    std::vector<Inline> inlines;
    std::vector<Block> children;
    std::vector<Align> align;
    std::vector<TableRow> rows;
};

struct Note {
    int number = 0;     // 1-based, in the order of first reference
    std::string label;  // the label as written, "[^label]"
    Pos pos;            // of the definition
    std::vector<Block> blocks;
};

struct Request {
    std::string file;  // as given on the command line
    std::vector<std::string> reads;  // other files the request made us read (images), for depfiles
    Meta meta;
    std::vector<Block> blocks;
    std::vector<Note> notes;  // notes[i].number == i + 1
};

}  // namespace zapros::request
