#pragma once
// Inside compose/: the state of building one letter.
#include <vector>

#include "compose/document.hpp"
#include "compose/tags.hpp"
#include "image/image.hpp"
#include "request/request.hpp"
#include "text/fonts.hpp"

namespace zapros::compose {

// Where a block stands: its indents, size and nesting.
struct Context {
    Sp left = 0, right = 0;
    Sp size = 0, leading = 0;
    Sp parindent = 0;
    int ordered_depth = 0;  // ordered lists around this block
    int list_depth = 0;     // lists of any kind around this block
    int quote_depth = 0;
    int parent = Tagger::document;  // the structure element its blocks go under
};

// Calls f on every list of spans in a block: paragraphs, cells, requisites, the closing.
// BlockT is Block or const Block.
template <typename BlockT, typename F>
void for_each_spans(BlockT& b, F&& f) {
    if (auto* p = std::get_if<Paragraph>(&b)) {
        f(p->spans);
    } else if (auto* t = std::get_if<Table>(&b)) {
        for (auto& row : t->rows)
            for (auto& c : row) f(c.spans);
    } else if (auto* h = std::get_if<Header>(&b)) {
        for (auto& s : h->banner) f(s.spans);
        for (auto& s : h->sender) f(s.spans);
        for (auto& a : h->addressees) f(a.spans);
    } else if (auto* c = std::get_if<Closing>(&b)) {
        if (c->courtesy) f(c->courtesy->spans);
        for (auto& r : c->rows) {
            f(r.role.spans);
            f(r.name);
        }
        f(c->date_place.spans);
    } else if (auto* fig = std::get_if<Figure>(&b)) {
        for (auto& p : fig->caption) f(p.spans);
    }
}

// The face and link state while walking inlines.
struct InlineState {
    Face face = Face::serif;
    Sp size = 0;
    std::string link;
    bool url = false;
    bool strike = false;
};

class Composer {
public:
    Composer(const request::Request& req, const text::Fonts& fonts, image::Images& images, Diagnostics& diags,
             const Style& style)
        : req_(req), fonts_(fonts), images_(images), diags_(diags), style_(style) {}

    Document compose();

private:
    // letter.cpp: the form
    Header header() const;
    Paragraph title() const;
    Closing closing() const;
    Note note(const request::Note& n);
    Paragraph plain(const std::string& text, Face face, Sp size, Sp leading, Align align, Pos pos) const;
    void tag_closing(Closing& c) const;  // courtesy P, the signatures' Div of P, date/place P

    // parts.cpp: the official letter's parts (GOST R 7.0.97)
    void letterhead(Header& h) const;
    std::vector<Paragraph> registration() const;  // the outgoing number, the letter answered
    std::optional<Paragraph> opening() const;
    void enclosures(std::vector<Block>& out) const;
    std::vector<Paragraph> executor() const;
    // scans.cpp: images in the letter's parts
    // An image at its natural size scaled down into max_width × max_height (to exactly
    // max_height when `fill`), aspect kept; nothing (an error at the key's value) when it fails.
    std::optional<Figure> picture(const request::ImageRef& ref, Sp max_width, Sp max_height, bool fill) const;
    void signature_images(std::vector<SignatureRow>& rows) const;

    // body.cpp: Markdown blocks → typographic blocks
    void blocks(const std::vector<request::Block>& in, const Context& ctx, std::vector<Block>& out);
    void block(const request::Block& b, const Context& ctx, std::vector<Block>& out);
    void list(const request::Block& b, const Context& ctx, std::vector<Block>& out);
    void code(const request::Block& b, const Context& ctx, std::vector<Block>& out);
    bool room(const Context& ctx, Sp more) const;  // whether indenting by `more` leaves the text enough
    Sp text_width(std::string_view text, Face face, Sp size) const;
    Table table(const request::Block& b, const Context& ctx);
    Paragraph paragraph(const std::vector<request::Inline>& in, const Context& ctx, Pos pos);

    // figure.cpp: a body image, loaded, scaled to its context and the page, with its caption
    void figure(const request::Block& b, const Context& ctx, std::vector<Block>& out);
    Sp caption_height(const std::string& caption, Sp width) const;

    // spans.cpp: inlines → spans
    void spans(const std::vector<request::Inline>& in, const InlineState& st, std::vector<Span>& out) const;
    Span mark(int note, Sp size, Pos pos) const;
    void check_glyphs(const std::vector<Span>& spans) const;
    void smarten(std::vector<Span>& spans) const;

    const request::Request& req_;
    const text::Fonts& fonts_;
    image::Images& images_;
    Diagnostics& diags_;
    const Style& style_;
    Tagger* tags_ = nullptr;  // the structure tree compose() builds as it goes
    bool in_note_ = false;    // composing a note: its headings are paragraphs of the note
};

}  // namespace zapros::compose
