#pragma once
// Stage 5's product: pages with every line at its absolute position.
#include <vector>

#include "base/units.hpp"
#include "para/line.hpp"

namespace zapros::page {

// A line on a page: its origin (the left end of its baseline), from the page's top left corner.
struct Placed {
    Sp x = 0, y = 0;
    para::Line line;
};

struct Page {
    int number = 0;
    std::vector<Placed> lines;  // body, then the note rule and notes, then the page number
    std::size_t body_lines = 0; // lines[0, body_lines) are the text's; the rule follows if any
};

struct Pages {
    Sp width = 0, height = 0;
    std::vector<Page> pages;
};

}  // namespace zapros::page
