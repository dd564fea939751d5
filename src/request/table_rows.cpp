#include "request/table_rows.hpp"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "request/markdown.hpp"

namespace zapros::request {

namespace {

constexpr auto npos = std::string_view::npos;

// A pipe between cells. cmark-gfm's table scanner keeps a pipe after a backslash as text, even
// after "\\"; a pipe in a code span does part cells (GFM spec, "Tables (extension)").
bool parting(std::string_view l, std::size_t i) { return l[i] == '|' && (i == 0 || l[i - 1] != '\\'); }

std::string_view trimmed(std::string_view l) {
    const std::size_t b = l.find_first_not_of(" \t\r");
    return b == npos ? std::string_view{} : l.substr(b, l.find_last_not_of(" \t\r") + 1 - b);
}

// The cells cmark-gfm's row parser finds in a line: a pipe at either end is a border.
std::size_t cells(std::string_view l) {
    l = trimmed(l);
    if (l.empty()) return 0;
    std::size_t n = 1;
    for (std::size_t i = 0; i < l.size(); ++i) n += parting(l, i);
    if (l.front() == '|') --n;
    if (parting(l, l.size() - 1) && n > 0) --n;
    return n;
}

// A line where no row can hold more than max_table_columns cells: most of them, and no tree needed.
bool narrow(std::string_view l) {
    std::size_t pipes = 0;
    for (std::size_t i = 0; i < l.size(); ++i) pipes += parting(l, i);
    return pipes < max_table_columns;
}

// GFM's delimiter row (cmark-gfm's scan_table_start): cells of dashes, each with an optional colon
// at either end, parted by pipes.
bool delimiter_row(std::string_view l) {
    l = trimmed(l);
    std::size_t i = !l.empty() && l[0] == '|';
    bool marker = false;
    const auto skip = [&](std::string_view set) {
        const std::size_t start = i;
        while (i < l.size() && set.find(l[i]) != npos) ++i;
        return i > start;
    };
    while (i < l.size()) {
        skip(" \t");
        if (i < l.size() && l[i] == ':') ++i;
        if (!skip("-")) return false;
        marker = true;
        if (i < l.size() && l[i] == ':') ++i;
        skip(" \t");
        if (i < l.size() && l[i++] != '|') return false;
    }
    return marker;
}

// A line of a paragraph past the markers of its block quotes and the indentation of its list
// items, which hold no pipe; a lazy line has fewer markers.
std::string_view after_containers(std::string_view l, int quotes) {
    std::size_t i = 0;
    for (int q = 0;; ++q) {
        while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
        if (q == quotes || i == l.size() || l[i] != '>') break;
        ++i;
    }
    return l.substr(i);
}

// cmark-gfm reads as table rows, in a paragraph (or the text of a setext heading): every line up to
// each delimiter row, since it tries each delimiter row with the line before as a header; and when
// a header has as many cells as its delimiter row, every line after to the paragraph's end, and
// the line that ends the table (it is read as a row before it opens a block quote, a list, …).
// Lazy and indented lines, which end a table in the paragraph, are read as rows here too: that
// may refuse such a rare paragraph, never let a wide row through.
bool rows_fit(cmark_node* block, const std::vector<std::string_view>& lines, int first_line, Diagnostics& diags) {
    const int first = cmark_node_get_start_line(block);
    const int end = cmark_node_get_end_line(block);
    const bool heading = cmark_node_get_type(block) == CMARK_NODE_HEADING;
    int quotes = 0;
    for (cmark_node* p = cmark_node_parent(block); p; p = cmark_node_parent(p))
        quotes += cmark_node_get_type(p) == CMARK_NODE_BLOCK_QUOTE;
    const auto row = [&](int k) {
        const std::string_view l = lines[k - 1];
        if (k != first) return after_containers(l, quotes);
        return l.substr(std::min<std::size_t>(cmark_node_get_start_column(block) - 1, l.size()));
    };
    const int last_delimiter = heading ? end - 1 : end;  // a heading's underline is no delimiter row
    const auto delimiter = [&](int k) { return k > first && k <= last_delimiter && delimiter_row(row(k)); };
    int header = 0;   // the table's header line, 0 for none
    int read_to = 0;  // the last line read as a row
    int tries = 0;    // delimiter rows that started no table, each a reading of all lines before it
    for (int k = first + 1; k <= last_delimiter && header == 0; ++k) {
        if (!delimiter(k)) continue;
        read_to = k;
        if (cells(row(k - 1)) == cells(row(k))) header = k - 1;
        else if (++tries > max_delimiter_tries) {
            diags.error({first_line + k - 1, 1},
                        "a paragraph with more than " + std::to_string(max_delimiter_tries) +
                            " lines shaped like a table's delimiter row (|---|) that start no table",
                        "a table's header row has as many cells as its delimiter row; else a blank line around "
                        "each, or their pipes escaped (\\|)");
            return false;
        }
    }
    if (header > 0) {
        read_to = end;
        // A block after the table in its container starts on the next line; without one, the
        // next line is blank or outside the container, and not read.
        if (!heading && cmark_node_next(block)) read_to = end + 1;
    }
    for (int k = first; k <= read_to; ++k) {
        const std::size_t n = cells(row(k));
        if (n <= max_table_columns) continue;
        const Pos at{first_line + k - 1, 1};
        const std::string most = "at most " + std::to_string(max_table_columns) + " columns are read; ";
        if (header > 0 && k > header + 1)
            diags.error(at, "a table row of " + std::to_string(n) + " cells does not fit across the page",
                        most + "fewer columns, or the table split in two");
        else if (k == header || delimiter(k) || delimiter(k + 1))
            diags.error(at, "a table of " + std::to_string(n) + " columns does not fit across the page",
                        most + "fewer columns, or the table split in two");
        else
            diags.error(at, "a line of " + std::to_string(n) + " cells before a table's delimiter row is read as a table row",
                        most + "a blank line before the table's header, or its pipes escaped (\\|)");
        return false;
    }
    return true;
}

}  // namespace

bool table_rows_fit(std::string_view text, int first_line, Diagnostics& diags) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    if (std::all_of(lines.begin(), lines.end(), narrow) &&
        std::count_if(lines.begin(), lines.end(), delimiter_row) <= static_cast<std::ptrdiff_t>(max_delimiter_tries))
        return true;
    // Without the table extension cmark-gfm reads the blocks in linear time; a table's rows are
    // then lines of a paragraph.
    const MarkdownTree doc = parse_markdown(text, false);
    const std::unique_ptr<cmark_iter, decltype(&cmark_iter_free)> it(cmark_iter_new(doc.get()), cmark_iter_free);
    bool fit = true;
    for (cmark_event_type e; (e = cmark_iter_next(it.get())) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it.get());
        const auto type = cmark_node_get_type(n);
        if (e == CMARK_EVENT_ENTER && (type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING))
            fit = rows_fit(n, lines, first_line, diags) && fit;
    }
    return fit;
}

}  // namespace zapros::request
