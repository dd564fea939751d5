#pragma once
// Stage 5: the vertical list and the notes → pages. The footnote invariant: a note mark and the
// start of its note are on the same page; a note that does not fit moves its mark's line to the
// next page, a long one is split and continues at the top of the next page's notes (TeX's split
// insertions, TeXbook ch. 15).
#include "base/diagnostic.hpp"
#include "compose/style.hpp"
#include "flow/vlist.hpp"
#include "page/page.hpp"
#include "para/typeset.hpp"

namespace zapros::page {

struct PageParams {
    // A split note leaves at least this many lines on the mark's page (or moves the line).
    std::size_t note_min_lines = 2;
    // Notes shorter than this many lines are never split: the mark's line moves instead.
    std::size_t note_split_min = 4;
    // A split note, or notes continued from the page before, take at most this share of a page.
    double note_share = 0.6;
};

// res/params: to set page numbers. Reports a document longer than flow.max_pages as an error;
// nothing when the flow refused it already.
Pages paginate(flow::Flow flow, const compose::Style& style, const para::Resources& res, const para::Params& params,
               Diagnostics& diags, const PageParams& pp = {});

}  // namespace zapros::page
