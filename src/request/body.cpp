#include "request/body.hpp"

#include <cmark-gfm-core-extensions.h>

#include <cctype>
#include <set>
#include <string>
#include <tuple>

#include "base/utf8.hpp"
#include "request/images.hpp"
#include "request/markdown.hpp"
#include "request/raw_html.hpp"

namespace zapros::request {

namespace {

std::string_view type_string(cmark_node* n) { return cmark_node_get_type_string(n); }

// The next "[^label]" in s from `from` on, label without blanks or ']' (GFM's note labels):
// its offset and length, or npos. A label cut by a blank or the end cuts every "[^" inside it
// too, so the search goes on past the cut: "[^[^[^…" costs one pass, not one per "[^".
std::pair<std::size_t, std::size_t> find_note_ref(std::string_view s, std::size_t from = 0) {
    for (std::size_t at = s.find("[^", from); at != std::string_view::npos;) {
        std::size_t end = at + 2;
        while (end < s.size() && s[end] != ']' && !std::isspace(static_cast<unsigned char>(s[end]))) ++end;
        if (end < s.size() && s[end] == ']') {
            if (end > at + 2) return {at, end + 1 - at};
            at = s.find("[^", at + 1);
        } else {
            at = s.find("[^", end);
        }
    }
    return {std::string_view::npos, 0};
}

class BodyReader {
public:
    BodyReader(int first_line, const Source& src, const FileAccess& access, const NamedEntities& entities,
               Diagnostics& diags)
        : line_shift_(first_line - 1), src_(src), columns_(src), ref_columns_(src), access_(access), entities_(entities), diags_(diags) {}

    Body read(cmark_node* doc) {
        Body body;
        Pos doc_pos{line_shift_ + 1, 1};
        for (cmark_node* n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
            if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION) {
                if (body.notes.size() == max_notes) {
                    diags_.error(pos(n, doc_pos), "more than " + std::to_string(max_notes) + " notes");
                    break;
                }
                Note note;
                note.number = static_cast<int>(body.notes.size()) + 1;
                note.pos = pos(n, doc_pos);
                note.pos.col = 1;
                note.label = label_at(note.pos.line);
                defined_lines_.insert(note.pos.line);
                current_note_ = note.number;
                note.blocks = blocks(n, 1, note.pos);
                current_note_ = 0;
                body.notes.push_back(std::move(note));
            } else {
                covered_.push_back({line_shift_ + cmark_node_get_start_line(n),
                                    line_shift_ + cmark_node_get_end_line(n)});
                block(n, 1, doc_pos, body.blocks);
            }
        }
        warn_unreferenced_definitions();
        body.reads = std::move(reads_);
        return body;
    }

private:
    // cmark reports 1-based lines of the body and 1-based byte columns; 0 when it has none
    // (the autolink extension leaves "www." links without one): then the parent's position.
    Pos pos(cmark_node* n, Pos parent) {
        const int line = cmark_node_get_start_line(n);
        const int col = cmark_node_get_start_column(n);
        if (line <= 0 || col <= 0) return parent;
        return columns_.pos(line_shift_ + line, col);
    }

    // Deep nesting is refused once, with one error, so the stack and the time stay bounded.
    bool too_deep(int depth, Pos at, const char* what) {
        if (depth <= max_nesting) return false;
        if (!nesting_reported_)
            diags_.error(at, nests_too_deep(what));
        nesting_reported_ = true;
        return true;
    }

    std::string label_at(int line) const {
        const std::string_view l = src_.line(line);
        const auto [at, len] = find_note_ref(l);
        return at == std::string_view::npos ? std::string() : std::string(l.substr(at, len));
    }

    std::vector<Block> blocks(cmark_node* parent, int depth, Pos parent_pos) {
        std::vector<Block> out;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) block(n, depth, parent_pos, out);
        return out;
    }

    // Appends what n becomes: one block, none, or (raw HTML) several paragraphs.
    void block(cmark_node* n, int depth, Pos parent_pos, std::vector<Block>& out) {
        const Pos at = pos(n, parent_pos);
        if (too_deep(depth, at, "blocks")) return;
        if (cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK) return html_block(n, at, out);
        if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && current_note_ == 0) return paragraph(n, depth, at, out);
        if (auto b = one_block(n, depth, at)) out.push_back(std::move(*b));
    }

    // A paragraph of the body: each local image among its own inlines a figure, the text
    // around it paragraphs before and after, in order.
    void paragraph(cmark_node* n, int depth, Pos at, std::vector<Block>& out) {
        const auto figure = [](cmark_node* c) { return cmark_node_get_type(c) == CMARK_NODE_IMAGE && !is_remote_image(c); };
        cmark_node* from = cmark_node_first_child(n);
        Pos piece_at = at;
        for (cmark_node* c = from;; c = cmark_node_next(c)) {
            if (c && !figure(c)) continue;
            Block b;
            b.kind = Block::Kind::paragraph;
            b.inlines = block_inlines(from, c, depth, piece_at);
            trim_around_figure(b.inlines);
            if (!b.inlines.empty()) {
                b.pos = from == cmark_node_first_child(n) ? at : b.inlines.front().pos;
                out.push_back(std::move(b));
            }
            if (!c) break;
            piece_at = pos(c, at);
            if (auto f = image_figure(c, piece_at, access_, reads_, diags_)) out.push_back(std::move(*f));
            from = cmark_node_next(c);
        }
        warn_inline_html(at);
    }

    std::optional<Block> one_block(cmark_node* n, int depth, Pos at) {
        Block b;
        b.pos = at;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:  // in a note
            b.kind = Block::Kind::paragraph;
            b.inlines = block_inlines(n, depth, b.pos, "in a note");
            warn_inline_html(b.pos);
            return b;
        case CMARK_NODE_HEADING:
            b.kind = Block::Kind::heading;
            b.level = cmark_node_get_heading_level(n);
            b.inlines = block_inlines(n, depth, b.pos, "in a heading");
            warn_inline_html(b.pos);
            return b;
        case CMARK_NODE_BLOCK_QUOTE:
            b.kind = Block::Kind::quote;
            b.children = blocks(n, depth + 1, b.pos);
            return b;
        case CMARK_NODE_LIST:
            b.kind = Block::Kind::list;
            b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            b.start = cmark_node_get_list_start(n);
            b.delim = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM ? ListDelim::paren : ListDelim::period;
            b.tight = cmark_node_get_list_tight(n) != 0;
            b.children = blocks(n, depth + 1, b.pos);
            return b;
        case CMARK_NODE_ITEM:
            b.kind = Block::Kind::item;
            b.children = blocks(n, depth + 1, b.pos);
            return b;
        case CMARK_NODE_CODE_BLOCK:
            b.kind = Block::Kind::code;
            b.text = literal(n);
            if (const char* info = cmark_node_get_fence_info(n)) b.info = info;
            return b;
        case CMARK_NODE_THEMATIC_BREAK:
            b.kind = Block::Kind::rule;
            return b;
        default:
            break;
        }
        if (type_string(n) == "table") return table(n, depth, b);
        diags_.warning(b.pos, "unsupported Markdown block '" + std::string(type_string(n)) + "' is left out");
        return std::nullopt;
    }

    Block table(cmark_node* n, int depth, Block b) {
        b.kind = Block::Kind::table;
        const int columns = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        for (int i = 0; i < columns; ++i) {
            const char a = align ? static_cast<char>(align[i]) : 0;
            b.align.push_back(a == 'l' ? Align::left : a == 'c' ? Align::center : a == 'r' ? Align::right : Align::none);
        }
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            TableRow r;
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
                TableCell c;
                c.pos = pos(cell, b.pos);
                c.inlines = block_inlines(cell, depth, c.pos, "in a table cell");
                r.cells.push_back(std::move(c));
            }
            b.rows.push_back(std::move(r));
        }
        warn_inline_html(b.pos);
        return b;
    }

    // Raw HTML is not interpreted, but its text is printed as a browser shows it (raw_html.hpp),
    // with one warning per block at the block's position.
    void html_block(cmark_node* n, Pos at, std::vector<Block>& out) {
        std::vector<Block> paragraphs = html_block_paragraphs(n, line_shift_, columns_, entities_);
        diags_.warning(at, paragraphs.empty() ? std::string(html_ignored) + "; this block shows no text"
                                              : std::string(html_ignored) + ", its text is printed");
        for (Block& p : paragraphs) out.push_back(std::move(p));
    }

    void warn_inline_html(Pos at) {
        if (inline_html_seen_) diags_.warning(at, std::string(html_ignored) + ", the text around it is printed");
        inline_html_seen_ = false;
    }

    static constexpr std::string_view html_ignored = "raw HTML is not interpreted: its markup is left out";

    // A paragraph's, heading's or cell's inlines: raw HTML leaves no break at either end.
    // `where`: what an image among them stands in, when it cannot be a figure there.
    std::vector<Inline> block_inlines(cmark_node* parent, int depth, Pos parent_pos, std::string_view where) {
        where_ = where;
        return block_inlines(cmark_node_first_child(parent), nullptr, depth, parent_pos);
    }

    // The inlines of sibling nodes [first, stop).
    std::vector<Inline> block_inlines(cmark_node* first, cmark_node* stop, int depth, Pos parent_pos) {
        std::vector<Inline> out = inlines(first, stop, depth, parent_pos);
        while (!out.empty() && (out.back().kind == Inline::Kind::hard_break || out.back().kind == Inline::Kind::soft_break))
            out.pop_back();
        where_ = {};
        return out;
    }

    std::vector<Inline> inlines(cmark_node* parent, int depth, Pos parent_pos) {
        return inlines(cmark_node_first_child(parent), nullptr, depth, parent_pos);
    }

    std::vector<Inline> inlines(cmark_node* first, cmark_node* stop, int depth, Pos parent_pos) {
        std::vector<Inline> out;
        InlineHtmlReader html;
        for (cmark_node* n = first; n != stop; n = cmark_node_next(n)) {
            std::optional<Inline> in;
            if (cmark_node_get_type(n) != CMARK_NODE_HTML_INLINE) {
                in = inline_node(n, depth, parent_pos);
            } else {
                inline_html_seen_ = true;
                in = html.read(n, pos(n, parent_pos), out);
            }
            if (!in) continue;
            // cmark splits text at every character that might start markup; join the pieces.
            if (in->kind == Inline::Kind::text && !out.empty() && out.back().kind == Inline::Kind::text &&
                out.back().pos.line == in->pos.line) {
                out.back().text += in->text;
                continue;
            }
            out.push_back(std::move(*in));
        }
        for (const Inline& in : out)
            if (in.kind == Inline::Kind::text) find_undefined_refs(in);
        return out;
    }

    std::optional<Inline> inline_node(cmark_node* n, int depth, Pos parent_pos) {
        Inline in;
        in.pos = pos(n, parent_pos);
        if (too_deep(depth, in.pos, "inline markup")) return std::nullopt;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            in.kind = Inline::Kind::text;
            in.text = literal(n);
            return in;
        case CMARK_NODE_CODE:
            in.kind = Inline::Kind::code;
            in.text = literal(n);
            return in;
        case CMARK_NODE_SOFTBREAK:
            in.kind = Inline::Kind::soft_break;
            return in;
        case CMARK_NODE_LINEBREAK:
            in.kind = Inline::Kind::hard_break;
            return in;
        case CMARK_NODE_EMPH:
            in.kind = Inline::Kind::emph;
            in.children = inlines(n, depth + 1, in.pos);
            return in;
        case CMARK_NODE_STRONG:
            in.kind = Inline::Kind::strong;
            in.children = inlines(n, depth + 1, in.pos);
            return in;
        case CMARK_NODE_LINK:
            in.kind = Inline::Kind::link;
            if (const char* url = cmark_node_get_url(n)) in.url = url;
            if (in.url.size() > max_url_bytes) {
                in.unlinked = true;
                diags_.warning(in.pos, "the URL is too long to be a link (" + std::to_string(in.url.size()) +
                                           " bytes; at most " + std::to_string(max_url_bytes) +
                                           "): printed as text without a link");
            }
            in.children = inlines(n, depth + 1, in.pos);
            return in;
        case CMARK_NODE_IMAGE:
            return image_alt_text(n, in.pos, where_.empty() ? "inside a link or emphasis" : where_, access_, reads_, diags_);
        case CMARK_NODE_FOOTNOTE_REFERENCE:
            in.kind = Inline::Kind::note_ref;
            in.note = std::stoi(literal(n));
            if (in.note == current_note_)
                diags_.warning(in.pos, "a note refers to itself");
            return in;
        default:
            break;
        }
        if (type_string(n) == "strikethrough") {
            in.kind = Inline::Kind::strike;
            in.children = inlines(n, depth + 1, in.pos);
            return in;
        }
        diags_.warning(in.pos, "unsupported Markdown '" + std::string(type_string(n)) + "' is left out");
        return std::nullopt;
    }

    // cmark-gfm leaves a reference to an undefined note as the text "[^label]".
    void find_undefined_refs(const Inline& in) {
        const std::string_view t = in.text;
        Pos p = in.pos;
        std::size_t counted = 0;  // the bytes of t counted into p.col
        for (auto [offset, len] = find_note_ref(t); offset != std::string_view::npos;
             std::tie(offset, len) = find_note_ref(t, offset + len)) {
            p.col += static_cast<int>(utf8::length(t.substr(counted, offset - counted)));
            counted = offset;
            // The text may have lost escapes on its way; an escaped "\[^x]" is not a reference.
            const std::string_view line = src_.line(p.line);
            const std::string label(t.substr(offset, len));
            const std::size_t at = find_in_source(line, p.line, label);
            Pos at_pos = p;
            if (at != std::string_view::npos) {
                if (at > 0 && line[at - 1] == '\\') continue;
                at_pos = ref_columns_.pos(p.line, static_cast<int>(at) + 1);
            } else if (ref_scan_.escaped) {
                continue;
            }
            diags_.error(at_pos, "note " + label + " is not defined",
                         "define it on a line of its own: " + label + ": text of the note");
        }
    }

    // Where label is written on its source line, after the references found on that line before
    // it (they come in order), or npos. A label the text spells otherwise (an entity, an escape
    // inside it) is looked for to the line's end; past a budget of twice the line's length the
    // line is searched no more, so a line of such references costs linear time, not quadratic.
    std::size_t find_in_source(std::string_view line, int line_no, std::string_view label) {
        if (ref_scan_.line != line_no)
            ref_scan_ = {line_no, 0, 2 * line.size() + 64, line.find("\\[^") != std::string_view::npos};
        if (ref_scan_.budget == 0) return std::string_view::npos;
        const std::size_t at = line.find(label, ref_scan_.from);
        const std::size_t cost = (at == std::string_view::npos ? line.size() : at + label.size()) - ref_scan_.from;
        ref_scan_.budget -= std::min(cost, ref_scan_.budget);
        if (at != std::string_view::npos) ref_scan_.from = at + label.size();
        return at;
    }

    // cmark-gfm drops definitions nobody refers to; find them among the lines no block covers.
    void warn_unreferenced_definitions() {
        std::size_t next_cover = 0;
        for (int line = line_shift_ + 1; line <= src_.line_count(); ++line) {
            if (defined_lines_.count(line)) continue;
            // "[^label]:" after at most three spaces.
            const std::string_view l = src_.line(line);
            const std::size_t indent = std::min(l.find_first_not_of(' '), l.size());
            if (indent > 3) continue;
            const auto [at, len] = find_note_ref(l, indent);
            if (at != indent || at + len >= l.size() || l[at + len] != ':') continue;
            // The blocks come in order and do not overlap: one sweep over both.
            while (next_cover < covered_.size() && covered_[next_cover].second < line) ++next_cover;
            if (next_cover < covered_.size() && covered_[next_cover].first <= line) continue;
            diags_.warning(src_.pos_from_byte_col(line, static_cast<int>(at) + 1),
                           "note " + std::string(l.substr(at, len)) + " is defined but never referred to; it is left out");
        }
    }

    int line_shift_;
    const Source& src_;
    ColumnCounter columns_;  // the nodes are read in order
    ColumnCounter ref_columns_;  // so are undefined references, after their paragraph's nodes
    const FileAccess& access_;
    const NamedEntities& entities_;
    Diagnostics& diags_;
    std::vector<std::string> reads_;
    std::vector<std::pair<int, int>> covered_;
    std::set<int> defined_lines_;
    struct RefScan {
        int line = 0;
        std::size_t from = 0;    // past the last reference found on the line
        std::size_t budget = 0;  // bytes left to search on the line
        bool escaped = false;    // the line holds an escaped "\[^"
    } ref_scan_;
    int current_note_ = 0;
    bool nesting_reported_ = false;
    bool inline_html_seen_ = false;  // in the block being read: one warning for it
    std::string_view where_;         // where the inlines being read stand, when no figure can
};

}  // namespace

Body read_body(std::string_view text, int first_line, const Source& src, const FileAccess& access,
               Diagnostics& diags) {
    const MarkdownTree doc = parse_markdown(text);
    const NamedEntities entities = html_block_entities(doc.get());
    return BodyReader(first_line, src, access, entities, diags).read(doc.get());
}

}  // namespace zapros::request
