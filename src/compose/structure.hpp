#pragma once
// The letter's logical structure, as the tagged PDF's structure tree shows it (PDF/UA-1;
// ISO 32000-1 §14.8.4): built by compose/ in the order of the source, whatever the layout does
// with it (the sender's and addressees' blocks side by side, notes at the foot of the page).
// Content points into it through base/tag.hpp's Tag; output/ writes it.
#include <cstdint>
#include <string>
#include <vector>

namespace zapros::compose {

// Standard structure types only (ISO 32000-1 tables 333–338), so the PDF needs no RoleMap.
enum class Role : std::uint8_t {
    document,     // the root's one kid
    div,          // the sender's block, the addressees' block, the signature block
    p,
    h,            // a heading: Element::level 1–6 → /H1…/H6; the letter's title is H1
    block_quote,
    l, li, lbl, lbody,
    table, tr, th, td,
    note,         // a footnote's text: Element::note gives its /ID "note-N"
    reference,    // around a note mark's Link
    link,         // a URL's text or a note mark: its annotations are its OBJR kids
    figure,       // Element::alt is its /Alt
    caption,
    code,         // a code block
};

// The structure type a role is written as (ISO 32000-1 tables 333–338): "H" for a heading, whose
// level the writer adds ("H2").
constexpr const char* role_name(Role role) {
    switch (role) {
    case Role::document: return "Document";
    case Role::div: return "Div";
    case Role::p: return "P";
    case Role::h: return "H";
    case Role::block_quote: return "BlockQuote";
    case Role::l: return "L";
    case Role::li: return "LI";
    case Role::lbl: return "Lbl";
    case Role::lbody: return "LBody";
    case Role::table: return "Table";
    case Role::tr: return "TR";
    case Role::th: return "TH";
    case Role::td: return "TD";
    case Role::note: return "Note";
    case Role::reference: return "Reference";
    case Role::link: return "Link";
    case Role::figure: return "Figure";
    case Role::caption: return "Caption";
    case Role::code: return "Code";
    }
    return "Span";
}

// /ListNumbering of an L (ISO 32000-1 table 347).
enum class Numbering : std::uint8_t { none, disc, decimal, lower_alpha, upper_alpha, lower_roman, upper_roman };

// /Scope of a TH (ISO 32000-1 table 349).
enum class Scope : std::uint8_t { column, row };

struct Element {
    Role role = Role::p;
    int parent = -1;  // the index of its parent element; -1 only for the Document
    int order = 0;    // its place among its parent's kids (see Tag::order); one counter for the
                      // whole document, so an element's kids sort by it
    int level = 0;    // h: 1–6, never skipping a level on the way down (H1, then H2…)
    std::string alt;  // figure: the alt text (non-empty; a figure without one is an artifact)
    int note = 0;     // note: its number
    Numbering numbering = Numbering::none;  // l
    Scope scope = Scope::column;            // th
    std::string contents;  // link: what its annotations' /Contents say (the URL, or "Note 3"/"Сноска 3")
};

struct Structure {
    std::vector<Element> elements;  // [0] is the Document (parent −1); each parent before its kids
    int counter = 0;                // the next order to hand out

    // Adds an element under parent with the next order; returns its index.
    int add(Role role, int parent) {
        Element e;
        e.role = role;
        e.parent = parent;
        e.order = counter++;
        elements.push_back(std::move(e));
        return static_cast<int>(elements.size()) - 1;
    }
    int next_order() { return counter++; }
};

}  // namespace zapros::compose
