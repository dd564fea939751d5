// Every glyph inside its zone: the paper, the text area, the measure; on page 1 the sender's
// column and the addressee zone (a centred letterhead above them spans the measure); from page 2 the page number centred in the top margin.
#include "base/utf8.hpp"
#include "evidence.hpp"
#include "geometry.hpp"

namespace zapros::property {

namespace {

struct Zone {
    const char* name;
    double x0, x1;
};

Zone zone_of(Region r, double paper_width) {
    switch (r) {
    case Region::header_sender: return {"the sender's column", geometry::left, geometry::sender_right_on(paper_width)};
    case Region::header_addressee: return {"the addressee zone", geometry::addressee_left_on(paper_width), geometry::right_on(paper_width)};
    default: return {"the measure", geometry::left, geometry::right_on(paper_width)};
    }
}

void check_page_number(const PdfPage& page, const std::vector<std::size_t>& glyphs, Evidence& ev) {
    std::string digits;
    double x0 = 1e9, x1 = -1e9;
    for (std::size_t i : glyphs) {
        const Glyph& g = page.glyphs[i];
        if (!g.visible()) continue;
        utf8::append(digits, g.ch);
        x0 = std::min(x0, g.x), x1 = std::max(x1, g.x + g.width);
        if (std::abs(g.y - geometry::page_number_baseline_on(page.height)) > geometry::tolerance ||
            std::abs(g.size - geometry::page_number_size) > 0.05)
            ev.add("page number", "page " + std::to_string(page.number) + ": " + describe(g) + " above the text area " + context_of(page, i) +
                   " is not a page number (10 pt on the baseline 12 mm from the top)");
    }
    if (digits.empty()) return;
    const double centre = (geometry::left + geometry::right_on(page.width)) / 2;
    if (page.number == 1) ev.add("page number", "page 1: \"" + digits + "\" drawn above the text area");
    else if (digits != std::to_string(page.number)) ev.add("page number", "page " + std::to_string(page.number) + ": page number reads \"" + digits + "\"");
    else if (std::abs((x0 + x1) / 2 - centre) > 1) ev.add("page number", "page " + std::to_string(page.number) + ": page number off centre by " + points((x0 + x1) / 2 - centre));
}

}  // namespace

std::vector<Failure> check_zones(const std::vector<PdfPage>& pages) {
    Evidence ev;
    for (const PdfPage& page : pages) {
        const Regions regions = classify(page);
        std::vector<std::size_t> number;
        for (std::size_t i = 0; i < page.glyphs.size(); ++i) {
            const Glyph& g = page.glyphs[i];
            const Region region = regions.of[i];
            if (region == Region::page_number) {
                number.push_back(i);
                continue;
            }
            if (!g.visible()) continue;
            const std::string where = "page " + std::to_string(page.number) + ": " + describe(g) + " " + context_of(page, i);
            const Zone z = zone_of(region, page.width);
            if (g.x < z.x0 - geometry::tolerance)
                ev.add(std::string("left of ") + z.name, where + " starts " + points(z.x0 - g.x) + " left of " + z.name);
            else if (g.x + g.width > z.x1 + geometry::tolerance)
                ev.add(std::string("right of ") + z.name, where + " ends " + points(g.x + g.width - z.x1) + " right of " + z.name +
                       (g.x + g.width > page.width ? ", off the paper" : ""));
            if (g.y < geometry::bottom - geometry::tolerance)
                ev.add("below the text area", where + " is " + points(geometry::bottom - g.y) + " below the text area" + (g.y < 0 ? ", off the paper" : ""));
            // Half the size above the baseline, not the full box: a raised mark on a first line
            // may touch the top as a first line's ascenders do.
            else if (g.y + 0.5 * g.size > geometry::top_on(page.height) + geometry::tolerance)
                ev.add("above the text area", where + " rises " + points(g.y + 0.5 * g.size - geometry::top_on(page.height)) + " above the text area");
        }
        check_page_number(page, number, ev);
    }
    std::vector<Failure> out;
    ev.into(out, Invariant::zone);
    return out;
}

}  // namespace zapros::property
