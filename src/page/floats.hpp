#pragma once
// Inside page/: floats (LaTeX's, kept in order). A figure that does not fit the room left on a
// page that holds text moves to the top of the next page, and the text after it fills this one.
#include <vector>

#include "flow/vlist.hpp"

namespace zapros::page {

struct Break {
    std::size_t end = 0;   // the page holds body items [start, end)
    std::size_t next = 0;  // the next page starts here
    std::vector<std::size_t> deferred;  // floating lines in [start, end) moved to the next page
};

// The glue that joins the line before a deferred float (`before`, none at a page's top) to the
// box after it: the float's float_glue, which leaves out the floats before it too, and the space
// after a float that stays.
inline Sp glue_without(const flow::VItem& deferred, const flow::VItem* before, Sp after) {
    return deferred.float_glue + (before && before->floating ? after : 0);
}

// Moves b's deferred floats out of the page to the start of the next one, each with the penalty
// and glue before it; the glue after each becomes its float_glue (what joins the boxes around it
// without it). On the next page they stand first, in order, `after` apart from what follows.
// Updates b's end and next to the new places.
void defer_floats(flow::VList& body, std::size_t start, Break& b, Sp after);

}  // namespace zapros::page
