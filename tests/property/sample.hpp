#pragma once
// A generated request kept as a structure, not as text: the shrinker deletes and shortens its
// pieces, and the writer turns what is left into Markdown and into the words the PDF must hold.
#include <cstdint>
#include <string>
#include <vector>

namespace zapros::property {

// A PNG the writer draws next to the request: one colour, opaque or with alpha. zapros scales
// it from its pixels and DPI; the checker knows it in the PDF by its pixels (unique per request).
struct Picture {
    int width = 1, height = 1;  // pixels
    int dpi = 0;                // 0: no pHYs chunk, zapros assumes 150
    bool alpha = false;
    std::uint32_t rgba = 0;
};

// One atom of inline text with the separator written before it.
struct Piece {
    enum class Kind {
        word,      // plain text, may be emphasised
        code,      // `code span`
        autolink,  // <https://…>
        bare_url,  // https://… (GFM's extended autolink), or an e-mail address
        link,      // [text](url): only the text is printed
        mark,      // [^n]: a note's mark, right after the piece before it
        image,     // ![text](file "caption"): a figure, the paragraph split around it
    };
    enum class Emphasis { none, emph, strong, strike };

    Kind kind = Kind::word;
    std::string text;  // word, code or link text, or the URL of an autolink
    std::string url;   // link only
    int note = -1;     // mark only: an index into Sample::notes
    int picture = -1;  // image only: an index into Sample::pictures; text is the alt text
    std::string caption;  // image only, may be empty
    Emphasis emphasis = Emphasis::none;
    // Before the piece: " ", a no-break space, a tab, a run of spaces, "\n" (a soft break), or
    // "  \n" / "\\\n" (hard breaks). Ignored for the first piece of a text.
    std::string before = " ";
};
using Text = std::vector<Piece>;

struct Block {
    enum class Kind { paragraph, heading, fenced_code, indented_code, quote, list, table, rule };
    Kind kind = Kind::paragraph;
    int level = 1;                   // heading
    Text text;                       // paragraph, heading
    std::vector<std::string> lines;  // code, as written (trailing blanks included)
    std::vector<Block> children;     // quote
    // list
    bool ordered = false;
    char delimiter = '.';  // ordered: '.' or ')'; bullets: '-', '*' or '+'
    long start = 1;
    bool tight = true;
    std::vector<std::vector<Block>> items;
    // table: the first row is the header
    std::vector<char> align;  // 'l' (:--), 'r' (--:), 'c' (:-:), ' ' (---)
    std::vector<std::vector<Text>> rows;
};

struct Note {
    std::vector<Text> paragraphs;
};

using Words = std::vector<std::string>;  // front-matter text, one word each, joined by spaces

struct Signature {
    Words role, name;
    int scan = -1;  // a scanned signature: an index into Sample::pictures
};

// Issue 16's parts of the official letter (GOST R 7.0.97), each absent when empty.
struct LetterParts {
    Words letterhead;  // the organisation's name; the letterhead is absent without it
    std::vector<Words> letterhead_lines;
    bool centered = false;
    int logo = -1;  // an index into Sample::pictures
    std::string number, reply_number, reply_date;  // reply_date: YYYY-MM-DD or empty
    Words opening, closing;
    struct Enclosure {
        Words title;
        int sheets = 0, copies = 0;  // 0: not written
    };
    std::vector<Enclosure> enclosures;
    int stamp = -1, stamp_signature = 1;  // stamp: an index into Sample::pictures
    Words executor;
    std::string executor_phone, executor_email;
    std::string paper;  // "a4", "letter" or empty
    int font_size = 0;  // 12, 13, 14, or 0: not written
};

struct Sample {
    std::string lang = "ru";
    bool hyphenate = true;
    Words title;
    std::vector<Words> to;
    std::vector<Words> from;  // lines of the sender block
    std::vector<Signature> signatures;
    std::string date;  // YYYY-MM-DD, or empty
    Words place;
    std::vector<Block> body;
    std::vector<Note> notes;  // written only when marked, numbered in the order of first mark
    LetterParts parts;
    std::vector<Picture> pictures;  // each written as its own file, named by its index
};

}  // namespace zapros::property
