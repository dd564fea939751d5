#include "flow/frames.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zapros::flow {

namespace {

para::ImageBox box_of(const compose::Figure& f, Sp x, Sp y) {
    return {.x = x, .y = y, .width = f.width, .height = f.height, .image = f.image, .alt = f.alt, .tag = f.tag};
}

}  // namespace

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

void Frames::logo_above(para::Line& frame, const compose::Figure& f, Sp width, Sp dx) const {
    const Sp x = dx + (f.align == compose::Align::center ? (width - f.width) / 2 : 0);
    const Sp top = frame.height + f.space_after + f.height;
    frame.images.push_back(box_of(f, x, -top));
    frame.height = top;
}

para::Line Frames::requisites(const compose::Header& h) const {
    para::Line right = column(h.addressees, style.addressee_width, h.zone_left);
    para::Line left = column(h.sender, h.sender_width, 0);
    const bool angular_logo = h.logo && h.logo->align != compose::Align::center;
    if (angular_logo) logo_above(left, *h.logo, h.sender_width, 0);
    if (h.sender.empty() && !angular_logo) return right;
    // Align the two columns' tops: the frame's origin is the taller one's first baseline, the
    // other's stands higher by as much as it is shorter above it.
    para::Line frame;
    frame.height = std::max(left.height, right.height);
    const Sp left_dy = left.height - frame.height, right_dy = right.height - frame.height;
    para::append(frame, left, 0, left_dy);
    para::append(frame, right, 0, right_dy);
    frame.depth = std::max(left.depth + left_dy, right.depth + right_dy);
    return frame;
}

para::Line Frames::header(const compose::Header& h) const {
    para::Line below = requisites(h);
    const bool centred_logo = h.logo && h.logo->align == compose::Align::center;
    if (h.banner.empty() && !centred_logo) return below;
    // A centred letterhead: its logo, the organisation and its lines across the measure, the
    // requisites under it.
    para::Line frame = column(h.banner, style.measure(), 0);
    if (centred_logo) logo_above(frame, *h.logo, style.measure(), 0);
    const Sp gap = h.banner.empty() ? h.logo->space_after : h.banner.back().space_after;
    const Sp dy = frame.depth + gap + below.height;
    para::append(frame, below, 0, dy);
    frame.depth = dy + below.depth;
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
        para::Run sig{.x = line_x, .y = base, .text = c.line.text, .font = text::own_font(c.line.face), .size = c.line.size,
                      .tag = c.line.tag};
        sig.space_after = true;
        frame.runs.push_back(sig);
        para::Run sl{.x = line_x + line_w, .y = base, .text = "/", .font = text::own_font(slash.face), .size = slash.size,
                     .tag = c.line.tag};
        sl.x += text_width({compose::Span{.text = " ", .face = slash.face, .size = slash.size}});
        sl.space_after = true;
        frame.runs.push_back(sl);
        para::append(frame, name_column, 0, base - name_last);
        scans(frame, row, line_x, line_w, base);
        frame.width = measure;
        out.push_back(std::move(frame));
    }
    return out;
}

void Frames::scans(para::Line& frame, const compose::SignatureRow& row, Sp line_x, Sp line_w, Sp base) const {
    // The row grows to hold both, so that nothing overlaps the text above or leaves the page.
    auto put = [&frame](const compose::Figure& f, Sp x, Sp y) {
        frame.images.push_back(box_of(f, x, y));
        frame.height = std::max(frame.height, -y);
        frame.depth = std::max(frame.depth, y + f.height);
    };
    // Centred on the line, its foot a little below it, as a hand signs.
    if (row.scan) put(*row.scan, line_x + (line_w - row.scan->width) / 2, base + style.scan_drop - row.scan->height);
    // The seal left of the line, reaching over its left part (and the scan's) as one is stamped by
    // hand, the signature still legible beside it; inside the measure. Drawn after the scan: over it.
    if (row.stamp) {
        const Sp reach = line_x + static_cast<Sp>(style.stamp_reach * static_cast<double>(line_w));
        const Sp x = std::clamp(reach - row.stamp->width, Sp{0}, std::max<Sp>(style.measure() - row.stamp->width, 0));
        put(*row.stamp, x, base - row.stamp->height / 2);
    }
}

para::Line Frames::rule(const compose::Rule& r) const {
    para::Line l;
    l.rules.push_back({(style.measure() - r.width) / 2, 0, r.width, r.thickness});
    l.depth = r.thickness;
    l.width = style.measure();
    return l;
}

}  // namespace zapros::flow
