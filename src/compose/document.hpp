#pragma once
// Stage 2's product: a letter as typographic blocks. What the text says is settled here (fixed
// words, numbering, quotes and no-break spaces); where it goes on the page is not.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/face.hpp"
#include "base/lang.hpp"
#include "base/tag.hpp"
#include "base/units.hpp"
#include "compose/structure.hpp"
#include "compose/style.hpp"

namespace zapros::compose {

// A run of text in one face and size.
struct Span {
    std::string text;
    Face face = Face::serif;
    Sp size = 0;
    Sp rise = 0;             // baseline shift upwards (note marks)
    int note = 0;            // a note mark: the note's number (text holds its digits)
    std::string link;        // the URL a click opens; empty when not a link
    bool code = false;       // code: set as written, never hyphenated
    bool url = false;        // a URL: breaks after / . - ? & = _ # ~ , without a hyphen
    bool verbatim = false;   // a line of a code block: its spaces are characters, printed and
                             // copied as written; it wraps after a space or a URL's separator
    bool strike = false;     // struck through
    bool marker = false;     // a list marker: printed as it is, no typographic rules
    bool line_break = false; // a forced line break (text empty)
    Pos pos;                 // where the text starts in the request
    Tag tag;                 // its structure element and order (compose/tags.hpp); unset: the
                             // paragraph's own (Paragraph::tag)
};

enum class Align { justify, left, center, right };

// A list item's marker ("1)", "a.", "–"), hanging left of its first line at x (from the
// measure's left edge).
struct Label {
    Span span;
    Sp x = 0;
};

struct Paragraph {
    std::vector<Span> spans;
    std::vector<Label> labels;  // list markers, outermost first: an item whose first block is a
                                // list shows both ("– 1) …"), each at its own list's place
    Align align = Align::justify;
    Sp size = 0;
    Sp leading = 0;    // baseline to baseline
    Sp left = 0;       // indent of every line from the measure's left edge
    Sp right = 0;      // indent from the right edge
    Sp first = 0;      // added to left on the first line
    Sp hang = 0;       // added to left on the lines after the first (a wrapped code line)
    Sp space_before = 0;
    Sp space_after = 0;
    bool keep_with_next = false;  // headings: never the last thing on a page
    bool hyphenate = true;
    Lang lang = Lang::ru;
    Pos pos;
    // What the paragraph is in the letter's structure: plain values set in compose/, ignored by
    // layout, read by the letter's other renderings (the text twin, output/text.cpp; PDF tags).
    int heading = 0;      // a heading's level, 1–6; 0: not a heading
    int quote_depth = 0;  // the block quotes around it
    int list_depth = 0;   // the lists around it
    int code_line = 0;    // a code block's line: 1 for its first, 2 for the next…; 0: not code
    bool tight = false;   // runs on from the paragraph before, no space between: a tight list's
                          // item after the first (GFM), an enclosure under its heading
    Tag tag;              // what its spans without a Tag of their own are (a page number: an artifact)
};

struct Rule {
    Sp width = 0;
    Sp thickness = 0;
    Sp space_before = 0;
    Sp space_after = 0;
};

struct Table {
    std::vector<std::vector<Paragraph>> rows;  // rows[0] is the header
    Pos pos;
    Sp left = 0, right = 0;
    Sp padding = 0;
    Sp rule = 0;
    Sp space_before = 0, space_after = 0;
};

// An image drawn in the text's flow: a body image with its caption, a logo in the requisites.
struct Figure {
    int image = -1;            // image::ImageId in the document's image::Images
    Sp width = 0, height = 0;  // as drawn (turned as the file says), scaled to fit
    Sp left = 0, right = 0;    // indents from the measure (or the column); centred between them
    Align align = Align::center;
    std::vector<Paragraph> caption;  // under the image, centred, 10 pt; empty: none
    std::string alt;
    Sp space_before = 0, space_after = 0;
    bool floating = true;      // taller than the room left: moves to the next page, the text flowing on
    Pos pos;
    Tag tag;                   // its Figure element, or a layout artifact (no alt text)
};

// The requisites at the top of the first page: the sender's block at the left, the addressees
// in their zone at the right, side by side; a centred letterhead (the banner) above both.
struct Header {
    std::vector<Paragraph> sender;      // set in sender_width from the left margin
    std::vector<Paragraph> addressees;  // set in the zone starting at zone_left
    Sp sender_width = 0;
    Sp zone_left = 0;
    std::vector<Paragraph> banner;      // a centred letterhead across the measure
    std::optional<Figure> logo;         // the letterhead's: centred atop the banner when there is
                                        // one, else atop the sender's column at its left
};

struct SignatureRow {
    Paragraph role;          // from the left margin
    std::vector<Span> name;  // ends at the right margin; empty → a blank line to write on
    std::optional<Figure> scan;   // a scanned signature over the line (width, height as drawn)
    std::optional<Figure> stamp;  // the seal over the line's left part, drawn over the scan
};

// Signatures, then the date and place; kept together, and with the text's last two lines.
struct Closing {
    std::optional<Paragraph> courtesy;  // "С уважением," from the left margin, above the rows
    std::vector<SignatureRow> rows;
    Paragraph date_place;
    Span line;  // the text of a signature line (underscores) in the body face; a layout artifact
    Sp line_width = 0;
    Sp space_before = 0;
    Sp row_gap = 0;
    Sp date_before = 0;
};

using Block = std::variant<Paragraph, Rule, Table, Header, Closing, Figure>;

struct Note {
    int number = 0;
    Pos pos;                    // of its definition
    std::vector<Block> blocks;  // paragraphs in the note size; the first starts with the number
};

struct Info {
    std::string title;
    std::string author;
    std::string subject;
};

struct Document {
    Style style;
    Lang lang = Lang::ru;
    bool repeat_hyphen = false;  // an explicit hyphen at a line end is repeated on the next line
    std::vector<Block> blocks;
    std::vector<Note> notes;
    std::vector<Paragraph> foot;  // at the foot of the last page's text area: the executor
    // blocks[text_end…] come after the text (the enclosures, the closing): no figure floats past
    // their start, nor past a Closing wherever it stands.
    std::size_t text_end = static_cast<std::size_t>(-1);
    Info info;
    Structure structure;  // the tagged PDF's structure tree; the blocks' Tags point into it
};

}  // namespace zapros::compose
