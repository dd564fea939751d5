#pragma once
// Inside compose/: building the letter's structure tree (compose/structure.hpp) as the letter is
// composed, in the order of its source, and tagging the spans and figures with it.
#include <map>
#include <string_view>
#include <vector>

#include "base/lang.hpp"
#include "compose/document.hpp"

namespace zapros::compose {

class Tagger {
public:
    // Starts the tree with its Document (element 0).
    Tagger(Structure& structure, Lang lang);

    static constexpr int document = 0;

    int add(Role role, int parent) { return s_.add(role, parent); }
    Element& at(int element) { return s_.elements[static_cast<std::size_t>(element)]; }
    // The next piece of element's own content: after everything tagged so far.
    Tag next(int element) { return Tag{element, s_.next_order()}; }
    static Tag artifact(Tag::Artifact kind) { return Tag{.artifact = kind}; }

    // Tags spans as content of element, in their order: each URL link becomes a Link element
    // (contents: the URL) holding its text, each note mark a Reference > Link (contents "Сноска
    // 3"/"Note 3") followed by the note's Note element at its first mark, so that the note reads
    // right after it.
    void content(std::vector<Span>& spans, int element);
    // p as one element of `role` under parent (its spans its content); returns the element.
    int block(Paragraph& p, Role role, int parent);
    // p as one P under parent per line of it (the lines of a front-matter block).
    void lines(Paragraph& p, int parent);

    // A body heading of Markdown level 1–6: H2 for "#" under the title's H1, "##" H3…, never
    // more than one level below the heading before it.
    int heading(int markdown_level, int parent);

    // An image's tag: a Figure under parent with alt as its /Alt; without alt text, decorative,
    // a layout artifact with no element.
    Tag figure(const std::string& alt, int parent);

    // The Note of note `number`: made at its first mark, or (a note no mark in the text before
    // it points to) under the Document now.
    int note(int number);

private:
    int link(int parent, int note, const std::string& contents);

    Structure& s_;
    Lang lang_;
    int level_ = 1;                // the last heading's level: the title's H1
    std::map<int, int> notes_;     // note number → its Note element
};

// The /ListNumbering of a list: ordered lists by their nesting (ordered_label: "1."/"1)",
// "a.", "i."), bullets by their marker.
Numbering numbering_of(bool ordered, int ordered_depth, std::string_view bullet);

}  // namespace zapros::compose
