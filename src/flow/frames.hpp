#pragma once
// Inside flow/: boxes made of lines — the requisites side by side, table rows with their grid,
// signature rows, rules.
#include <limits>
#include <vector>

#include "compose/document.hpp"
#include "para/typeset.hpp"

namespace zapros::flow {

struct Frames {
    const compose::Style& style;
    const para::Resources& res;
    const para::Params& params;
    Diagnostics& diags;

    // A paragraph's lines across the measure.
    std::vector<para::Line> lines(const compose::Paragraph& p) const {
        return para::typeset(p, style.measure(), res, params, diags);
    }

    para::Line header(const compose::Header& h) const;
    // Paragraphs stacked across the measure as one frame (the executor's lines).
    para::Line stack(const std::vector<compose::Paragraph>& ps) const { return column(ps, style.measure(), 0); }
    // table.cpp: each row as bands, one frame per line of its cells, so that a row taller than
    // the room left can be split between them; nothing when the columns cannot fit (an error).
    // Stops after the row whose bands, each counted at most a page tall, pass `room`.
    std::vector<std::vector<para::Line>> table(const compose::Table& t, Sp room = std::numeric_limits<Sp>::max()) const;
    std::vector<para::Line> signatures(const compose::Closing& c) const;  // one frame per row
    para::Line rule(const compose::Rule& r) const;
    // figure.cpp: the image and its caption as one frame, so that they never part
    para::Line figure(const compose::Figure& f) const;

    // How wide a paragraph's text is: all of it on one line, its longest word, its widest letter.
    struct Extent {
        Sp line = 0, word = 0, letter = 0;
    };
    Extent extent(const compose::Paragraph& p) const;

private:
    // Paragraphs stacked on their leading, set `width` wide and moved right by dx; the frame's
    // origin is the first baseline.
    para::Line column(const std::vector<compose::Paragraph>& ps, Sp width, Sp dx) const;
    // The sender's column and the addressee zone side by side, their tops aligned.
    para::Line requisites(const compose::Header& h) const;
    // A logo `width` wide at dx, set above the frame's top (the frame keeps its origin).
    void logo_above(para::Line& frame, const compose::Figure& f, Sp width, Sp dx) const;
    // The signature scan and the seal on a row whose line to sign on starts at line_x.
    void scans(para::Line& frame, const compose::SignatureRow& row, Sp line_x, Sp line_w, Sp base) const;
    Sp text_width(const std::vector<compose::Span>& spans) const;
};

}  // namespace zapros::flow
