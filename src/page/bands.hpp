#pragma once
// Inside page/: a table row's bands that stand together on one page, made one line that draws
// its cells one after the other, so that each cell's text reads whole, in order, when copied.
#include "page/page.hpp"

namespace zapros::page {

// Joins each run of consecutive body lines of one table row (para::Line::row) on the page.
void join_row_bands(Page& page);

}  // namespace zapros::page
