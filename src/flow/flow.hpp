#pragma once
// Stage 4: Document → vertical list, with the page-breaking rules as penalties.
#include "base/diagnostic.hpp"
#include "compose/document.hpp"
#include "flow/vlist.hpp"
#include "para/typeset.hpp"

namespace zapros::flow {

// The penalties that steer page breaks, with their defaults (TeXbook ch. 15 names).
struct FlowParams {
    int club_penalty = 10000;   // after a paragraph's first line, when it has ≥ 3 lines: forbidden
    int widow_penalty = 10000;  // before its last line, when it has ≥ 3 lines: forbidden
    int two_line_penalty = 3000;  // between the lines of a two-line paragraph: discouraged
    int broken_penalty = 3000;  // after a line ending in a hyphen: no word split across pages
    int row_split_penalty = 300;  // inside a table row: rather on the next page, unless that leaves
                                  // about half the page blank (a ragged page's badness, page/) or
                                  // the row is taller than a page
    double header_repeat_share = 0.25;  // a table's header row up to this share of the page's
                                        // height repeats at the top of each page the table runs on
    Sp lineskip_limit = 0;      // boxes closer than this (\lineskiplimit) …
    Sp lineskip = pt(1);        // … are set this far apart instead (\lineskip)
    std::size_t max_pages = 2000;  // a longer document is an error (page/ counts; the flow stops
                                   // early once its lines alone could not fit)
};

Flow flow(const compose::Document& doc, const para::Resources& res, const para::Params& params,
          Diagnostics& diags, const FlowParams& fp = {});

}  // namespace zapros::flow
