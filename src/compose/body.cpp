// Markdown blocks → typographic blocks: paragraphs with their indents, labels and spacing.
#include "compose/composer.hpp"
#include "compose/labels.hpp"

namespace zapros::compose {

namespace {

// Vertical space around a group of blocks goes on its first and last paragraph; the flow stage
// merges touching spaces (the larger wins).
void space_around(std::vector<Block>& out, std::size_t first, Sp before, Sp after) {
    for (std::size_t i = first; i < out.size(); ++i) {
        if (auto* p = std::get_if<Paragraph>(&out[i])) {
            p->space_before = std::max(p->space_before, before);
            break;
        }
    }
    for (std::size_t i = out.size(); i-- > first;) {
        if (auto* p = std::get_if<Paragraph>(&out[i])) {
            p->space_after = std::max(p->space_after, after);
            break;
        }
    }
}

// A code line with each tab turned into the spaces up to the next stop of four characters,
// counted in characters (a Cyrillic letter is two bytes), in one pass: a line of a million tabs
// took a find and a shift of the whole line for each.
std::string expand_tabs(std::string_view line) {
    std::string out;
    out.reserve(line.size());
    std::size_t col = 0;
    for (const char c : line) {
        if (c == '\t') {
            out.append(4 - col % 4, ' ');
            col += 4 - col % 4;
            continue;
        }
        out += c;
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++col;  // not inside a UTF-8 sequence
    }
    return out;
}

}  // namespace

void Composer::blocks(const std::vector<request::Block>& in, const Context& ctx, std::vector<Block>& out) {
    for (const request::Block& b : in) block(b, ctx, out);
}

Paragraph Composer::paragraph(const std::vector<request::Inline>& in, const Context& ctx, Pos pos) {
    Paragraph p;
    p.size = ctx.size;
    p.leading = ctx.leading;
    p.left = ctx.left;
    p.right = ctx.right;
    p.first = ctx.parindent;
    p.hyphenate = req_.meta.hyphenate;
    p.lang = req_.meta.lang;
    p.pos = pos;
    p.quote_depth = ctx.quote_depth;
    p.list_depth = ctx.list_depth;
    spans(in, InlineState{.face = Face::serif, .size = ctx.size}, p.spans);
    return p;
}

void Composer::block(const request::Block& b, const Context& ctx, std::vector<Block>& out) {
    using Kind = request::Block::Kind;
    switch (b.kind) {
    case Kind::paragraph: {
        Paragraph p = paragraph(b.inlines, ctx, b.pos);
        tags_->block(p, Role::p, ctx.parent);
        out.push_back(std::move(p));
        return;
    }
    case Kind::heading: {
        Context h = ctx;
        h.size = b.level == 1 ? style_.heading1_size : style_.heading_size;
        Paragraph p = paragraph(b.inlines, h, b.pos);
        for (Span& s : p.spans) s.face = with_bold(s.face);
        p.align = Align::left;
        p.hyphenate = false;
        p.keep_with_next = true;
        p.heading = b.level;
        p.space_before = style_.heading_before;
        p.space_after = style_.heading_after;
        // A note's heading has no place in the letter's outline: a paragraph of the note.
        const int e = in_note_ ? tags_->add(Role::p, ctx.parent) : tags_->heading(b.level, ctx.parent);
        p.tag = tags_->next(e);
        tags_->content(p.spans, e);
        out.push_back(std::move(p));
        return;
    }
    case Kind::quote: {
        Context q = ctx;
        const Sp right = ctx.quote_depth == 0 ? style_.quote_indent : 0;
        if (room(ctx, style_.quote_indent + right)) {
            q.left += style_.quote_indent;
            q.right += right;
        }
        ++q.quote_depth;
        q.parent = tags_->add(Role::block_quote, ctx.parent);
        const std::size_t first = out.size();
        blocks(b.children, q, out);
        space_around(out, first, style_.block_skip, style_.block_skip);
        return;
    }
    case Kind::list:
        list(b, ctx, out);
        return;
    case Kind::item:  // only inside lists
        blocks(b.children, ctx, out);
        return;
    case Kind::code:
        code(b, ctx, out);
        return;
    case Kind::rule:
        out.emplace_back(std::in_place_type<Rule>,
                         Rule{style_.break_rule_width, style_.break_rule_thickness, style_.block_skip * 2, style_.block_skip * 2});
        return;
    case Kind::table:
        out.emplace_back(std::in_place_type<Table>, table(b, ctx));
        return;
    case Kind::figure:
        figure(b, ctx, out);
        return;
    }
}

bool Composer::room(const Context& ctx, Sp more) const {
    return style_.measure() - ctx.left - ctx.right - more >= style_.min_text_width;
}

// Each line of a code block is a paragraph of its own: set as written, in the mono face, and
// when too long for the measure, continued four characters further in.
void Composer::code(const request::Block& b, const Context& ctx, std::vector<Block>& out) {
    Paragraph p;
    p.align = Align::left;
    p.size = style_.code_size;
    p.leading = style_.code_leading;
    const Sp indent = ctx.quote_depth == 0 && room(ctx, style_.parindent) ? style_.parindent : 0;
    p.left = ctx.left + indent;
    p.right = ctx.right;
    p.hang = room(ctx, indent + style_.code_hang) ? style_.code_hang : 0;
    p.hyphenate = false;
    p.lang = req_.meta.lang;
    p.quote_depth = ctx.quote_depth;
    p.list_depth = ctx.list_depth;
    std::string text = b.text;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    const int element = tags_->add(Role::code, ctx.parent);  // its lines its content
    const std::size_t first = out.size();
    int line = 0;
    for (std::size_t start = 0; start <= text.size(); ++line) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::string l = expand_tabs(std::string_view(text).substr(start, end - start));
        l.erase(l.find_last_not_of(' ') + 1);  // blanks at a line's end show nothing and would run past the measure
        Paragraph& lp = std::get<Paragraph>(out.emplace_back(p));
        lp.pos = {b.pos.line + 1 + line, b.pos.col};
        lp.code_line = line + 1;
        lp.tag = tags_->next(element);
        if (!l.empty())
            lp.spans.push_back(Span{.text = std::move(l), .face = Face::mono, .size = p.size, .code = true,
                                    .verbatim = true, .pos = lp.pos, .tag = lp.tag});
        start = end + 1;
    }
    space_around(out, first, style_.block_skip, style_.block_skip);
}

void Composer::list(const request::Block& b, const Context& ctx, std::vector<Block>& out) {
    // The items' markers, and the widest of them: the text hangs far enough right for it.
    std::vector<std::string> markers;
    int n = b.start;
    for (std::size_t i = 0; i < b.children.size(); ++i)
        markers.push_back(b.ordered ? ordered_label(n++, ctx.ordered_depth, b.delim)
                                    : std::string(labels(req_.meta.lang).bullet));
    Sp widest = 0;
    for (const std::string& m : markers) widest = std::max(widest, text_width(m, Face::serif, ctx.size));
    const Sp indent = std::max(style_.list_indent, widest + style_.list_label_gap);
    // A list's markers stand where a paragraph's first line starts; its text hangs after them.
    Context inner = ctx;
    const Sp label_x = ctx.left + (ctx.list_depth == 0 && ctx.quote_depth == 0 ? ctx.parindent : 0);
    const bool hanging = room(ctx, label_x - ctx.left + indent);
    inner.left = hanging ? label_x + indent : ctx.left;
    inner.parindent = 0;
    ++inner.list_depth;
    if (b.ordered) ++inner.ordered_depth;
    // L > LI > [Lbl, LBody > its blocks (a nested list among them)].
    const int list = tags_->add(Role::l, ctx.parent);
    tags_->at(list).numbering = numbering_of(b.ordered, ctx.ordered_depth, labels(req_.meta.lang).bullet);
    const std::size_t first = out.size();
    for (std::size_t i = 0; i < b.children.size(); ++i) {
        const request::Block& item = b.children[i];
        const std::size_t at = out.size();
        const int li = tags_->add(Role::li, list);
        const int lbl = tags_->add(Role::lbl, li);
        inner.parent = tags_->add(Role::lbody, li);
        blocks(item.children, inner, out);
        if (at == out.size() || !std::holds_alternative<Paragraph>(out[at])) {
            // An empty item, or one opening with a non-paragraph: the marker needs a line.
            Paragraph p;
            p.size = inner.size;
            p.leading = inner.leading;
            p.left = inner.left;
            p.right = inner.right;
            p.lang = req_.meta.lang;
            p.pos = item.pos;
            p.quote_depth = inner.quote_depth;
            p.list_depth = inner.list_depth;
            out.insert(out.begin() + static_cast<std::ptrdiff_t>(at), std::move(p));
        }
        Paragraph& p = std::get<Paragraph>(out[at]);
        const Span marker{.text = markers[i], .face = Face::serif, .size = inner.size, .marker = true, .pos = item.pos,
                          .tag = tags_->next(lbl)};
        if (hanging) {
            // Outermost first: an item whose first block is a list shows both markers.
            p.labels.insert(p.labels.begin(), Label{marker, label_x});
        } else {
            // Too deep to hang: the marker opens the text, tied to it.
            Span tied = marker;
            tied.text += "\u00A0";
            p.spans.insert(p.spans.begin(), std::move(tied));
        }
        if (!b.tight && at > first) p.space_before = std::max(p.space_before, style_.block_skip);
        // A tight list's items follow one another, a nested one its parent item's text.
        p.tight = b.tight && (i > 0 || ctx.list_depth > 0);
    }
    const Sp skip = ctx.list_depth > 0 ? 0 : style_.block_skip;  // a nested list runs on
    space_around(out, first, skip, skip);
}

Table Composer::table(const request::Block& b, const Context& ctx) {
    Table t;
    t.left = ctx.left;
    t.right = ctx.right;
    t.padding = style_.table_padding;
    t.rule = style_.table_rule;
    t.space_before = t.space_after = style_.block_skip;
    t.pos = b.pos;
    Context cell;
    cell.size = style_.table_size;
    cell.leading = style_.table_leading;
    // Table > TR > TH (the header row, each a column's head) / TD, a cell's text its content.
    const int table = tags_->add(Role::table, ctx.parent);
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
        std::vector<Paragraph> row;
        const int tr = tags_->add(Role::tr, table);
        for (std::size_t c = 0; c < b.align.size(); ++c) {
            const request::TableCell* src = c < b.rows[r].cells.size() ? &b.rows[r].cells[c] : nullptr;
            Paragraph p = src ? paragraph(src->inlines, cell, src->pos) : paragraph({}, cell, b.pos);
            const request::Align a = b.align[c];
            p.align = a == request::Align::center ? Align::center : a == request::Align::right ? Align::right : Align::left;
            if (r == 0)
                for (Span& s : p.spans) s.face = with_bold(s.face);
            tags_->block(p, r == 0 ? Role::th : Role::td, tr);  // Scope column: Element's default
            row.push_back(std::move(p));
        }
        t.rows.push_back(std::move(row));
    }
    return t;
}

}  // namespace zapros::compose
