// Inlines → spans: faces, links, note marks; and the check that every character has a glyph.
#include <algorithm>

#include "base/chars.hpp"
#include "base/utf8.hpp"
#include "compose/composer.hpp"
#include "text/typography.hpp"

namespace zapros::compose {

namespace {

// Autolinks (and links written as their own URL) print their URL: it may break like one.
bool shows_its_url(const request::Inline& link) {
    if (link.children.size() != 1 || link.children[0].kind != request::Inline::Kind::text) return false;
    const std::string& text = link.children[0].text;
    const std::string& url = link.url;
    return url == text || (url.size() > text.size() && url.compare(url.size() - text.size(), text.size(), text) == 0);
}

}  // namespace

Span Composer::mark(int note, Sp size, Pos pos) const {
    Span s;
    s.text = std::to_string(note);
    s.face = Face::serif;
    s.size = round_to_sp(static_cast<double>(size) * style_.mark_scale);
    s.rise = round_to_sp(static_cast<double>(size) * style_.mark_rise);
    s.note = note;
    s.pos = pos;
    return s;
}

void Composer::spans(const std::vector<request::Inline>& in, const InlineState& st, std::vector<Span>& out) const {
    using Kind = request::Inline::Kind;
    for (const request::Inline& x : in) {
        Span s;
        s.face = st.face;
        s.size = st.size;
        s.link = st.link;
        s.url = st.url;
        s.strike = st.strike;
        s.pos = x.pos;
        switch (x.kind) {
        case Kind::text:
            s.text = x.text;
            std::replace(s.text.begin(), s.text.end(), '\t', ' ');
            out.push_back(std::move(s));
            break;
        case Kind::code:
            s.text = x.text;
            std::replace(s.text.begin(), s.text.end(), '\t', ' ');  // no font has a glyph for it
            s.face = Face::mono;
            s.size = round_to_sp(static_cast<double>(st.size) * 0.9);
            s.code = true;
            out.push_back(std::move(s));
            break;
        case Kind::soft_break:
            s.text = " ";
            out.push_back(std::move(s));
            break;
        case Kind::hard_break:
            s.line_break = true;
            out.push_back(std::move(s));
            break;
        case Kind::emph: {
            InlineState inner = st;
            inner.face = st.face == Face::mono ? st.face : with_italic(st.face);
            spans(x.children, inner, out);
            break;
        }
        case Kind::strong: {
            InlineState inner = st;
            inner.face = with_bold(st.face);
            spans(x.children, inner, out);
            break;
        }
        case Kind::strike: {
            InlineState inner = st;
            inner.strike = true;
            spans(x.children, inner, out);
            break;
        }
        case Kind::link: {
            InlineState inner = st;
            inner.link = x.unlinked ? std::string() : x.url;
            inner.url = shows_its_url(x);
            spans(x.children, inner, out);
            break;
        }
        case Kind::note_ref:
            // Marks side by side would read as one number ("12" for 1 and 2): a raised comma
            // between them, as LaTeX's footmisc sets them.
            if (!out.empty() && out.back().note != 0) {
                Span comma = mark(0, st.size, x.pos);
                comma.text = ",";
                out.push_back(std::move(comma));
            }
            out.push_back(mark(x.note, st.size, x.pos));
            break;
        }
    }
}

Sp Composer::text_width(std::string_view text, Face face, Sp size) const {
    const text::Font& font = fonts_.get(face);
    long units = 0;
    for (std::size_t i = 0; i < text.size();) units += font.advance(utf8::next(text, i));
    return thousandths_of(units, size);
}

// A character that no font of its face's chain has would print as a box (.notdef), silently:
// warn at its position. Invisible characters and spaces of a fixed width are never drawn as
// boxes (para/ leaves the ones out and sets the others as gaps), so they are no reason to warn;
// but a code block's line draws its spaces as characters.
void Composer::check_glyphs(const std::vector<Span>& spans) const {
    for (const Span& s : spans) {
        int col = 0;
        for (std::size_t i = 0; i < s.text.size(); ++col) {
            if (static_cast<unsigned char>(s.text[i]) < 0x80 && s.text[i] >= 0x20) {  // ASCII: always there
                ++i;
                continue;
            }
            const char32_t c = utf8::next(s.text, i);
            if (c == 0xA0 || chars::invisible(c) || (chars::fixed_space(c) && !s.verbatim) || fonts_.covers(s.face, c)) continue;
            std::string names;
            for (text::FontId f : text::font_chain(s.face)) names += (names.empty() ? "" : ", ") + fonts_.font(f).family();
            Pos p = s.pos;
            if (p.col > 0) p.col += col;
            const bool control = c < 0x20 || (c >= 0x7F && c < 0xA0);  // shown by its number only
            diags_.warning(p, "character " + utf8::code_point_name(c) + (control ? "" : " '" + utf8::encode(c) + "'") +
                                  " is in none of zapros's fonts (" + names + "); it prints as a box");
        }
    }
}

// Quotes, dashes and no-break spaces (text/typography), over a paragraph's spans at once so
// that quotes pair across emphasis. Code, URLs and note marks pass through untouched.
void Composer::smarten(std::vector<Span>& spans) const {
    std::vector<text::Piece> pieces;
    for (Span& s : spans) {
        if (s.line_break) continue;
        pieces.push_back({&s.text, s.code || s.url || s.marker || s.note != 0});
    }
    text::typographize(pieces, req_.meta.lang);
}

}  // namespace zapros::compose
