#include "flow/frames.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zapros::flow {

para::Line Frames::column(const std::vector<compose::Paragraph>& ps, Sp width, Sp dx) const {
    para::Line frame;
    Sp y = 0;
    bool first = true;
    Sp gap = 0;
    for (const compose::Paragraph& p : ps) {
        const std::vector<para::Line> ls = para::typeset(p, width, res, params, diags);
        for (const para::Line& l : ls) {
            if (first) {
                frame.height = l.height;
                first = false;
            } else {
                y += p.leading + gap;
                gap = 0;
            }
            para::append(frame, l, dx, y);
            frame.depth = y + l.depth;
        }
        gap = p.space_after;
    }
    return frame;
}

para::Line Frames::header(const compose::Header& h) const {
    para::Line right = column(h.addressees, style.addressee_width, h.zone_left);
    if (h.sender.empty()) return right;
    para::Line left = column(h.sender, h.sender_width, 0);
    // Align the two columns' tops.
    para::Line frame;
    frame.height = std::max(left.height, right.height);
    para::append(frame, left, 0, frame.height - left.height);
    para::append(frame, right, 0, frame.height - right.height);
    frame.depth = std::max(left.depth + frame.height - left.height, right.depth + frame.height - right.height);
    return frame;
}

Sp Frames::text_width(const std::vector<compose::Span>& spans) const {
    Sp w = 0;
    for (const compose::Span& s : spans) {
        const text::Font& f = res.fonts.get(s.face);
        long units = 0;
        for (std::size_t i = 0; i < s.text.size();) units += f.advance(utf8::next(s.text, i));
        w += thousandths_of(units, s.size);
    }
    return w;
}

std::vector<para::Line> Frames::signatures(const compose::Closing& c) const {
    std::vector<para::Line> out;
    const Sp measure = style.measure();
    const compose::Span slash{.text = " / ", .face = c.line.face, .size = c.line.size};
    const Sp line_w = text_width({c.line});
    const Sp slash_w = text_width({slash});
    for (const compose::SignatureRow& row : c.rows) {
        // The name at the right margin in a column of its width, at most a share of the
        // measure (a blank line when there is none); the line to sign on before it; the role
        // from the left margin in what remains. A longer name or role wraps in its column, and
        // the last lines of the three stand on one baseline.
        compose::Paragraph name = row.role;  // its size, leading and language
        name.spans = row.name.empty() ? std::vector<compose::Span>{c.line} : row.name;
        name.align = compose::Align::right;
        const Sp name_w = std::min(extent(name).line, static_cast<Sp>(style.signature_name_share * static_cast<double>(measure)));
        const Sp line_x = measure - name_w - slash_w - line_w;
        const para::Line role_column = column({row.role}, line_x - style.parindent, 0);
        const para::Line name_column = column({name}, name_w, measure - name_w);
        const Sp strut_depth = row.role.leading - row.role.leading * 7 / 10;
        const Sp role_last = role_column.depth - strut_depth, name_last = name_column.depth - strut_depth;
        const Sp base = std::max(role_last, name_last);
        para::Line frame;
        para::append(frame, role_column, 0, base - role_last);
        frame.height = std::max(role_column.height, name_column.height);
        if (frame.height == 0) frame.height = c.line.size * 7 / 10;
        frame.depth = base + strut_depth;
        para::Run sig{.x = line_x, .y = base, .text = c.line.text, .font = text::own_font(c.line.face), .size = c.line.size};
        sig.space_after = true;
        frame.runs.push_back(sig);
        para::Run sl{.x = line_x + line_w, .y = base, .text = "/", .font = text::own_font(slash.face), .size = slash.size};
        sl.x += text_width({compose::Span{.text = " ", .face = slash.face, .size = slash.size}});
        sl.space_after = true;
        frame.runs.push_back(sl);
        para::append(frame, name_column, 0, base - name_last);
        frame.width = measure;
        out.push_back(std::move(frame));
    }
    return out;
}

para::Line Frames::rule(const compose::Rule& r) const {
    para::Line l;
    l.rules.push_back({(style.measure() - r.width) / 2, 0, r.width, r.thickness});
    l.depth = r.thickness;
    l.width = style.measure();
    return l;
}

}  // namespace zapros::flow
