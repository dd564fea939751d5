#pragma once
// Pages made by hand for the checker's tests: glyphs and rules where a test puts them, as the
// trace reader would give them from a PDF.
#include <initializer_list>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "geometry.hpp"
#include "invariants.hpp"

namespace zapros::property::hand_made {

// Glyphs of one span, each as wide as the text says (every glyph 0.5 em), from x on baseline y.
inline void set(PdfPage& page, const std::string& text, double x, double y, double size = 12, int span = 0) {
    static int spans = 0;
    const int id = span ? span : ++spans + 1000;
    for (std::size_t i = 0; i < text.size();) {
        Glyph g;
        g.ch = utf8::next(text, i);
        g.id = 5;
        g.x = x, g.y = y, g.size = size, g.width = 0.5 * size, g.span = id;
        page.glyphs.push_back(g);
        x += g.width;
    }
}

// Lines one under the other from baseline y down, at the size and leading of table cells and
// notes (10 on 12 pt); the baseline under the last.
inline double lines(PdfPage& page, std::initializer_list<std::string> texts, double x, double y) {
    for (const std::string& t : texts) set(page, t, x, y, 10), y -= 12;
    return y;
}

inline PdfPage page(int number) {
    PdfPage p;
    p.number = number;
    p.width = geometry::page_width, p.height = geometry::page_height;
    return p;
}

inline void note_rule(PdfPage& p, double y) { p.rules.push_back({geometry::left, y, geometry::left + geometry::note_rule_width, y + 0.4}); }

// A table's column rules at each x, from baseline top's line down to bottom.
inline void columns(PdfPage& p, std::initializer_list<double> xs, double top, double bottom) {
    for (double x : xs) p.rules.push_back({x, bottom, x + 0.4, top + 10});
}

inline Written written(std::vector<Stream> streams, int notes = 0) {
    Written w;
    w.streams = std::move(streams);
    w.notes = notes;
    return w;
}

}  // namespace zapros::property::hand_made
