#include "request/raw_html.hpp"

#include <algorithm>
#include <memory>

#include "request/html_text.hpp"
#include "request/html_tokens.hpp"
#include "request/markdown.hpp"

namespace zapros::request {

namespace {

// Where an HTML block's literal stands in the file: the line of its first line, and the byte
// column where its lines start (after the marks of the quotes and list items it stands in).
struct LiteralOrigin {
    int line = 0;
    int byte_col = 1;
};

// File positions of offsets into an HTML block's literal, asked for in increasing order: the
// literal's line and byte column, counted in characters by the body's ColumnCounter.
class LiteralPositions {
public:
    LiteralPositions(std::string_view html, LiteralOrigin origin, ColumnCounter& columns)
        : html_(html), origin_(origin), columns_(columns), line_(origin.line) {}

    Pos at(std::size_t offset) {
        for (; read_ < offset && read_ < html_.size(); ++read_)
            if (html_[read_] == '\n') ++line_, line_start_ = read_ + 1;
        return columns_.pos(line_, origin_.byte_col + static_cast<int>(offset - line_start_));
    }

private:
    std::string_view html_;
    LiteralOrigin origin_;
    ColumnCounter& columns_;
    std::size_t read_ = 0, line_start_ = 0;
    int line_;
};

}  // namespace

NamedEntities html_block_entities(cmark_node* doc) {
    NamedEntities named;
    const std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(doc), cmark_iter_free);
    for (cmark_event_type e; (e = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        if (e == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK)
            want_entity_names(literal(n), named);
    }
    named.decode();
    return named;
}

std::vector<Block> html_block_paragraphs(cmark_node* n, int line_shift, ColumnCounter& columns, const NamedEntities& named) {
    const std::string html = literal(n);
    // cmark's column is the first tag's; the literal keeps the blanks before it.
    const int blanks = static_cast<int>(std::min(html.find_first_not_of(" \t"), html.size()));
    LiteralPositions positions(html, {line_shift + cmark_node_get_start_line(n), std::max(1, cmark_node_get_start_column(n) - blanks)}, columns);
    std::vector<Block> out;
    for (HtmlParagraph& runs : html_text(html, named)) {
        Block b;
        Pos last;
        for (HtmlRun& r : runs) {
            Inline in;
            const bool breaks = r.kind == HtmlRun::Kind::soft_break || r.kind == HtmlRun::Kind::hard_break;
            in.pos = last = breaks ? last : positions.at(r.offset);
            in.text = std::move(r.text);
            switch (r.kind) {
            case HtmlRun::Kind::text: in.kind = Inline::Kind::text; break;
            case HtmlRun::Kind::preformatted: in.kind = Inline::Kind::code; break;  // monospaced, blanks kept
            case HtmlRun::Kind::soft_break: in.kind = Inline::Kind::soft_break; break;
            case HtmlRun::Kind::hard_break: in.kind = Inline::Kind::hard_break; break;
            }
            b.inlines.push_back(std::move(in));
        }
        b.pos = b.inlines.front().pos;
        out.push_back(std::move(b));
    }
    return out;
}

std::optional<Inline> InlineHtmlReader::read(cmark_node*& n, Pos at, std::vector<Inline>& before) {
    const std::string html = literal(n);
    const HtmlToken t = read_inline_html(html);
    Inline in;
    in.pos = at;
    const bool tag = t.kind == HtmlToken::Kind::start_tag || t.kind == HtmlToken::Kind::end_tag;
    if (t.kind == HtmlToken::Kind::hidden) return std::nullopt;  // a comment, a processing instruction, …
    if (t.kind == HtmlToken::Kind::start_tag && hides_contents(t.name)) {
        bool& none = t.name == "script" ? no_script_end_ : no_style_end_;
        for (cmark_node* e = none ? nullptr : cmark_node_next(n); e; e = cmark_node_next(e)) {
            if (cmark_node_get_type(e) != CMARK_NODE_HTML_INLINE) continue;
            const HtmlToken end = read_inline_html(literal(e));
            if (end.kind == HtmlToken::Kind::end_tag && end.name == t.name) {
                n = e;
                return std::nullopt;
            }
        }
        none = true;  // unclosed: shown as written, as GFM's tag filter has it
    }
    if (!tag || gfm_filters(t.name)) {
        in.text = html;
        return in;
    }
    switch (html_role(t.name)) {
    case HtmlRole::inline_:
        return std::nullopt;
    case HtmlRole::line_break:
        in.kind = Inline::Kind::hard_break;
        break;
    case HtmlRole::cell:
    case HtmlRole::line:
    case HtmlRole::paragraph:
        in.kind = Inline::Kind::soft_break;  // words apart, as the boxes they stand in would keep them
        break;
    }
    const auto breaks = [](const Inline& i) { return i.kind == Inline::Kind::soft_break || i.kind == Inline::Kind::hard_break; };
    if (in.kind == Inline::Kind::hard_break)
        while (!before.empty() && before.back().kind == Inline::Kind::soft_break) before.pop_back();
    if (before.empty() || breaks(before.back())) return std::nullopt;
    return in;
}

}  // namespace zapros::request
