#include "page/bands.hpp"

namespace zapros::page {

namespace {

// The bands [first, last) of one row, as one line at the first's place.
Placed joined(std::vector<Placed>& lines, std::size_t first, std::size_t last) {
    Placed out{lines[first].x, lines[first].y, {}};
    para::Line& l = out.line;
    l.height = lines[first].line.height;
    l.row = lines[first].line.row;
    const std::size_t cells = lines[first].line.cells.size();
    // Cell by cell, each band's part of it moved to the first band's baseline.
    for (std::size_t c = 0; c < cells; ++c) {
        l.cells.push_back(l.runs.size());
        for (std::size_t b = first; b < last; ++b) {
            const para::Line& band = lines[b].line;
            const Sp dy = lines[b].y - out.y;
            const std::size_t from = c < band.cells.size() ? band.cells[c] : band.runs.size();
            const std::size_t to = c + 1 < band.cells.size() ? band.cells[c + 1] : band.runs.size();
            for (std::size_t r = from; r < to; ++r) {
                para::Run run = band.runs[r];
                run.y += dy;
                l.runs.push_back(std::move(run));
            }
        }
    }
    // The rest keeps its order: rules, links and marks band by band; of the rules that close a
    // row split at the page's foot, only the last band's.
    const Sp depth = lines[last - 1].y - out.y + lines[last - 1].line.depth;
    const Sp width = lines[first].line.width;
    for (std::size_t b = first; b < last; ++b) {
        para::Line& band = lines[b].line;
        band.runs.clear();
        if (b + 1 < last) band.closing.clear();
        para::append(l, band, 0, lines[b].y - out.y);
    }
    l.depth = depth;
    l.width = width;
    return out;
}

}  // namespace

void join_row_bands(Page& page) {
    std::vector<Placed> lines;
    std::size_t i = 0;
    while (i < page.body_lines) {
        std::size_t j = i + 1;
        const int row = page.lines[i].line.row;
        if (row != 0)
            while (j < page.body_lines && page.lines[j].line.row == row) ++j;
        if (j - i > 1) lines.push_back(joined(page.lines, i, j));
        else lines.push_back(std::move(page.lines[i]));
        i = j;
    }
    const std::size_t body = lines.size();
    for (std::size_t k = page.body_lines; k < page.lines.size(); ++k) lines.push_back(std::move(page.lines[k]));
    page.lines = std::move(lines);
    page.body_lines = body;
}

}  // namespace zapros::page
