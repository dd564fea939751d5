#pragma once
// Where a piece of drawn content belongs in the tagged PDF (PDF/UA-1): an element of the
// letter's structure tree (compose/structure.hpp), or an artifact that no reader reads aloud.
// A plain value that para/, flow/ and page/ carry on their boxes without knowing what it means;
// only output/ reads it.
#include <cstdint>

namespace zapros {

struct Tag {
    enum class Artifact : std::uint8_t {
        none,        // real content of `element`
        layout,      // rules, signature lines, the note separator: drawn, never read
        pagination,  // page numbers and continuation marks ("Продолжение…")
    };
    // The index of the structure element (compose::Structure::elements) whose content this is;
    // -1: none (an untagged document, or an artifact).
    int element = -1;
    // The place of this content among its element's kids, on one counter with the elements'
    // own orders (compose::Element::order): a paragraph holding a link is its text, the Link
    // element, then its text again, in the order the source gives them. Content of one element
    // with the same order (a word broken over lines or pages) keeps the order it is drawn in.
    int order = 0;
    Artifact artifact = Artifact::none;

    bool is_content() const { return artifact == Artifact::none && element >= 0; }
    friend bool operator==(const Tag&, const Tag&) = default;
};

}  // namespace zapros
