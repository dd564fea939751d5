#pragma once
// Stage 1's product: a request as plain values. No yaml-cpp or cmark type leaves request/;
// every node keeps its position in the original file for diagnostics further down the pipeline.
#include <filesystem>
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

// The Gregorian calendar, carried back (request/date.cpp).
bool leap_year(int year);
int days_in_month(int year, int month);  // month 1–12
bool is_calendar_date(const Date& d);    // a real day, from year 1 on

// An image file the request names: as written (with its position) and the path to read, the
// request's directory applied, checked against FileAccess (inside the allowed directories).
struct ImageRef {
    Text file;
    std::filesystem::path path;
};

struct Signature {
    Text role;
    Text name;  // empty: a blank line to sign the name on
    std::optional<ImageRef> image;  // a scanned signature over the line
};

// The organisation's letterhead, page 1 only (GOST R 7.0.97 "бланк письма").
struct Letterhead {
    Text name;                      // the organisation
    std::vector<Text> lines;        // registration, address, phone, e-mail, site
    std::optional<ImageRef> logo;
    bool centered = false;          // layout: centered; default angular (the top-left block)
    Pos pos;                        // of the letterhead key's value
};

// A registration number and its date: the letter answered ("На № … от …").
struct Reference {
    Text number;
    std::optional<Date> date;
    Pos date_pos;
    Pos pos;
};

struct Enclosure {
    Text title;
    int sheets = 0;  // 0: not given
    int copies = 0;  // 0: not given
    Pos pos;
};

// The seal, over the left part of signature `signature` (1-based).
struct Stamp {
    ImageRef image;
    int signature = 1;
    Pos pos;
};

// The person handling the request, at the foot of the last page.
struct Executor {
    Text name;
    std::optional<Text> phone;
    std::optional<Text> email;
    Pos pos;
};

// What happened to a request after it was signed (the register, records/): sent, delivered (the
// body received it: Mass Media Law art. 40 counts its terms from "получение") and answered.
struct Events {
    std::optional<Date> sent, delivered, answered;
    Pos sent_pos, delivered_pos, answered_pos;  // of each value, for messages
};

// One addressee: an item of `to:`, either a string (the block's text, as before) or a mapping
// {name, address, email, slug, sent, delivered, answered}.
struct Addressee {
    Text name;                    // the block's text; one Text may hold several lines
    std::optional<Text> address;  // the postal address, printed under the name (GOST R 7.0.97 "адресат")
    std::optional<Text> email;    // an addr-spec (local@domain): the e-mail draft's To
    std::optional<Text> slug;     // as given: the copy's file name part (NAME--SLUG.pdf)
    Events events;                // this addressee's own dates (only with split)
    Pos pos;                      // of the item
};

enum class Paper { a4, letter };

// The standards the PDF claims (pdf-standard:, render --pdf-standard), in the order of
// pdf_standard_names (parse.hpp); output/ writes them.
enum class PdfStandard { a_2u, a_2b, none };

// The front matter.
struct Meta {
    Text title;
    Lang lang = Lang::ru;
    std::vector<Addressee> to;  // at least one
    std::vector<Text> from;  // sender block lines
    std::optional<Date> date;
    Pos date_pos;
    std::optional<Text> place;
    std::vector<Signature> signatures;
    bool hyphenate = true;
    bool repeat_hyphen = false;  // GOST: "информационно-" at a line end repeats as "-телекоммуникационных"
    PdfStandard pdf_standard = PdfStandard::a_2u;  // the command line's when given (parse.hpp Options)

    // The official letter's parts (GOST R 7.0.97), all optional.
    std::optional<Letterhead> letterhead;
    std::optional<Text> number;           // the outgoing registration number, with `date`
    std::optional<Reference> reply_to;
    std::optional<Text> opening;          // the salutation, centred above the text
    std::optional<Text> closing;          // before the signatures ("С уважением,")
    std::vector<Enclosure> enclosures;
    std::optional<Stamp> stamp;
    std::optional<Executor> executor;
    Paper paper = Paper::a4;
    int font_size = 12;                   // 12, 13 or 14 pt

    // The newsroom's workflow (issue 18).
    bool split = false;                   // one copy per addressee (NAME--SLUG.pdf)
    Pos split_pos;
    std::optional<Text> email;            // the cover text of the e-mail drafts (else the text twin)
    Events events;                        // the request's dates; an addressee's own override them
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
        figure,     // image, text: the alt text, info: the caption (the image's title)
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
    ImageRef image;  // figure
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
