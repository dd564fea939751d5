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
        w += units * s.size / 1000;
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
        // Name at the right margin (a blank line when there is none), the signature line before
        // it, the role from the left margin in what remains, its last line level with the name.
        const std::vector<compose::Span> name = row.name.empty() ? std::vector<compose::Span>{c.line} : row.name;
        const Sp name_w = text_width(name);
        const Sp line_x = measure - name_w - slash_w - line_w;
        const Sp role_width = std::max(line_x - style.parindent, measure / 4);
        para::Line frame = column({row.role}, role_width, 0);
        const Sp base = frame.runs.empty() ? 0 : frame.runs.back().y;  // the role's last baseline
        para::Run sig{.x = line_x, .y = base, .text = c.line.text, .font = text::own_font(c.line.face), .size = c.line.size};
        sig.space_after = true;
        frame.runs.push_back(sig);
        para::Run sl{.x = line_x + line_w, .y = base, .text = "/", .font = text::own_font(slash.face), .size = slash.size};
        sl.x += text_width({compose::Span{.text = " ", .face = slash.face, .size = slash.size}});
        sl.space_after = true;
        frame.runs.push_back(sl);
        Sp x = measure - name_w;
        for (const compose::Span& s : name) {
            frame.runs.push_back(para::Run{.x = x, .y = base, .text = s.text, .font = text::own_font(s.face), .size = s.size});
            x += text_width({s});
        }
        if (frame.height == 0) frame.height = c.line.size * 7 / 10;
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
