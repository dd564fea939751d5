#pragma once
// Stage 4's product: the vertical list (TeXbook ch. 15): lines, glue and penalties. A page may
// break at a penalty below 10000; glue and penalties vanish at the top of a page.
#include <limits>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/units.hpp"
#include "para/line.hpp"

namespace zapros::flow {

struct VItem {
    enum class Kind { line, glue, penalty };
    Kind kind = Kind::line;
    para::Line line;
    Sp glue = 0;
    int penalty = 0;
    int header = -1;  // a line of a table's body: Flow::headers[header] repeats above it when a page starts here
    bool floating = false;  // a figure: when it does not fit the room left, the page builder moves it
                            // to the top of the next page and lets the lines after it fill this one
    Sp float_glue = 0;      // a floating line: the glue that joins the boxes around it when it moves away
    bool barrier = false;   // the first line after the text: a figure waiting for the next page stands
                            // before it (the signatures never overtake evidence), so the page ends here
    bool bottom = false;    // the last item, set at the foot of its page's text area (the executor)

    static VItem of_line(para::Line l) { return VItem{.kind = Kind::line, .line = std::move(l)}; }
    static VItem of_glue(Sp g) { return VItem{.kind = Kind::glue, .glue = g}; }
    static VItem of_penalty(int p) { return VItem{.kind = Kind::penalty, .penalty = p}; }
};

using VList = std::vector<VItem>;

struct Flow {
    VList body;
    std::vector<std::vector<para::Line>> headers;  // table header rows, repeated on each page a table runs on to
    std::vector<VList> notes;  // notes[n - 1] is note n; its first line carries anchor n
    std::vector<Pos> note_pos; // note_pos[n - 1]: where note n is defined
    // The page builder refuses more pages than this: FlowParams::max_pages; a flow made by hand has none.
    std::size_t max_pages = std::numeric_limits<std::size_t>::max();
    bool refused = false;      // the flow stopped early, the page limit already passed: nothing to paginate
};

// The one wording of the page limit's error, from the flow (early) or the page builder.
inline std::string too_many_pages(std::size_t max_pages) {
    return "the document would have more than " + std::to_string(max_pages) + " pages";
}

}  // namespace zapros::flow
