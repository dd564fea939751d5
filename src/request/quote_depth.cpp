#include "request/quote_depth.hpp"

#include "request/body.hpp"

namespace zapros::request {

namespace {

// The block quote markers a line opens with, as CommonMark reads them: each up to three blanks
// then '>' and one optional blank; the byte offset of the n-th (counted from 1) in `at`.
int markers(std::string_view l, int n, std::size_t& at) {
    int count = 0;
    for (std::size_t i = 0;;) {
        std::size_t blanks = 0;
        while (i < l.size() && l[i] == ' ' && blanks < 4) ++i, ++blanks;
        if (blanks == 4 || i >= l.size() || l[i] != '>') return count;
        if (++count == n) at = i;
        ++i;
        if (i < l.size() && l[i] == ' ') ++i;
    }
}

}  // namespace

bool quotes_fit(std::string_view text, int first_line, Diagnostics& diags) {
    if (text.find("```") != std::string_view::npos || text.find("~~~") != std::string_view::npos ||
        text.find('<') != std::string_view::npos)
        return true;
    int number = first_line;
    for (std::size_t start = 0; start < text.size(); ++number) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        std::size_t at = 0;  // where the body reports it: the quote one level past the limit
        if (markers(text.substr(start, end - start), max_nesting + 1, at) >= max_nesting + 2) {
            diags.error({number, static_cast<int>(at) + 1}, nests_too_deep("blocks"));
            return false;
        }
        start = end + 1;
    }
    return true;
}

}  // namespace zapros::request
