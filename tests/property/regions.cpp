// Which part of the letter a glyph belongs to, from the PDF alone: the note area lies below
// the note rule (a 50 mm rule at the left margin), the page number above the text area, and on
// page 1 the requisites above the title (the highest bold line there but a letterhead's name);
// a centred letterhead, across the measure, stands well above the addressees' first line.
#include <cstdio>

#include "base/utf8.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace zapros::property {

namespace {

// A 50 mm rule at the left margin, unless vertical rules end at both its ends: a table as wide
// has its bottom corners there. (A column rule passing through is a table running into the
// note area, and the note rule is still the note rule.)
bool is_note_rule(const Box& r, const std::vector<Box>& rules) {
    if (std::abs(r.x0 - geometry::left) > 0.5 || std::abs((r.x1 - r.x0) - geometry::note_rule_width) > 0.5 || r.y1 - r.y0 > 1.5)
        return false;
    auto corner = [&](double x) {
        for (const Box& v : rules)
            if (v.y1 - v.y0 > 2 && v.x0 < x + 1 && v.x1 > x - 1 && (std::abs(v.y0 - r.y0) < 1 || std::abs(v.y1 - r.y1) < 1))
                return true;
        return false;
    };
    return !(corner(r.x0) && corner(r.x1));
}

}  // namespace

Regions classify(const PdfPage& page) {
    Regions r;
    for (const Box& b : page.rules)
        if (is_note_rule(b, page.rules) && (r.note_rule_y < 0 || b.y0 < r.note_rule_y)) r.note_rule_y = b.y0;
    auto sized = [](const Glyph& g, double size) { return std::abs(g.size - size) < 0.05; };
    auto text_sized = [&](const Glyph& g) {
        for (double s : geometry::text_sizes)
            if (sized(g, s)) return true;
        return false;
    };
    const double top = geometry::top_on(page.height);
    double title = -1e9;
    if (page.number == 1)
        for (const Glyph& g : page.glyphs)
            if (g.bold && g.visible() && g.y < top && !sized(g, geometry::letterhead_name_size)) title = std::max(title, g.y);
    double addressees = 1e9;  // the first addressee line's baseline
    bool any_addressee = false;
    if (page.number == 1)
        for (const Glyph& g : page.glyphs)
            if (!g.bold && g.visible() && g.y > title + 0.5 && g.y < top && text_sized(g))
                addressees = any_addressee ? std::max(addressees, g.y) : g.y, any_addressee = true;
    r.of.reserve(page.glyphs.size());
    for (const Glyph& g : page.glyphs) {
        Region at = Region::body;
        if (g.y > top + geometry::tolerance) at = Region::page_number;
        else if (r.note_rule_y >= 0 && g.y < r.note_rule_y) at = Region::note;
        else if (page.number == 1 && g.y > title + 0.5) {
            at = any_addressee && g.y > addressees + geometry::banner_gap                          ? Region::letterhead
                 : sized(g, geometry::sender_size) || sized(g, geometry::letterhead_name_size) ? Region::header_sender
                 : text_sized(g)                                                                ? Region::header_addressee
                                                                                                : Region::header_other;
        }
        r.of.push_back(at);
    }
    return r;
}

bool is_mark(const Glyph& g) {
    if (!utf8::is_digit(g.ch)) return false;
    for (double s : geometry::mark_sizes)
        if (std::abs(g.size - s) < 0.05) return true;
    return false;
}

std::string describe(const Glyph& g) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "'%s' (%s) at x=%.2f…%.2f y=%.2f, %.3g pt", utf8::encode(g.ch).c_str(),
                  utf8::code_point_name(g.ch).c_str(), g.x, g.x + g.width, g.y, g.size);
    return buf;
}

std::string context_of(const PdfPage& page, std::size_t i) {
    const std::vector<Glyph>& gs = page.glyphs;
    auto same_line = [&](std::size_t j) { return std::abs(gs[j].y - gs[i].y) < 0.5; };
    std::size_t from = i, to = i + 1;
    while (from > 0 && i - from < 30 && same_line(from - 1)) --from;
    while (to < gs.size() && to - i < 30 && same_line(to)) ++to;
    std::string s;
    for (std::size_t j = from; j < to; ++j) {
        if (j == i) s += "[";
        utf8::append(s, gs[j].ch == 0xA0 ? U' ' : gs[j].ch);
        if (j == i) s += "]";
    }
    return "\"" + s + "\"";
}

}  // namespace zapros::property
