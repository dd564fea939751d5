#include "request/table_rows.hpp"

#include <string>
#include <vector>

namespace zapros::request {

namespace {

bool blank(std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; }

// Block quote and list markers before a row: a table inside a quote or an item is read too.
std::string_view after_containers(std::string_view l) {
    std::size_t i = 0;
    for (bool more = true; more;) {
        more = false;
        while (i < l.size() && (l[i] == ' ' || l[i] == '\t' || l[i] == '>')) ++i;
        std::size_t j = i;
        while (j < l.size() && l[j] >= '0' && l[j] <= '9') ++j;
        const bool ordered = j > i && j < l.size() && (l[j] == '.' || l[j] == ')');
        const bool bullet = j == i && j < l.size() && (l[j] == '*' || l[j] == '+' || l[j] == '-');
        const std::size_t after = ordered || bullet ? j + 1 : i;
        if (after > i && after < l.size() && (l[after] == ' ' || l[after] == '\t')) {
            i = after;
            more = true;
        }
    }
    return l.substr(i);
}

// A GFM delimiter row, roughly: pipes, dashes, colons and blanks only, with a pipe and a dash.
bool delimiter_row(std::string_view l) {
    l = after_containers(l);
    return l.find_first_not_of("|-: \t\r") == std::string_view::npos && l.find('|') != std::string_view::npos &&
           l.find('-') != std::string_view::npos;
}

// The cells between a row's pipes; a pipe at either end is a border, not a cell's edge.
std::size_t cells(std::string_view l) {
    l = after_containers(l);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t' || l.back() == '\r')) l.remove_suffix(1);
    std::size_t n = 1;
    bool last_pipe = false;
    for (std::size_t i = 0; i < l.size(); ++i) {
        last_pipe = l[i] == '|';
        if (l[i] == '\\') ++i;
        else if (l[i] == '|' && i > 0) ++n;
    }
    return last_pipe && l.size() > 1 ? n - 1 : n;
}

}  // namespace

bool table_rows_fit(std::string_view text, int first_line, Diagnostics& diags) {
    bool fit = true;
    std::vector<std::pair<std::string_view, int>> paragraph;  // its lines and their numbers
    std::size_t delimiter = 0;                                // its first delimiter row, plus one
    // One error per table, at its first row too wide: the header, the delimiter row, or a body row.
    auto check = [&] {
        for (std::size_t k = 0; delimiter > 0 && k < paragraph.size(); ++k) {
            const std::size_t n = cells(paragraph[k].first);
            if (n <= max_table_columns) continue;
            const std::string what = k < delimiter ? "a table of " + std::to_string(n) + " columns"
                                                   : "a table row of " + std::to_string(n) + " cells";
            diags.error({paragraph[k].second, 1}, what + " does not fit across the page",
                        "at most " + std::to_string(max_table_columns) + " columns are read; fewer columns, or the table split in two");
            fit = false;
            break;
        }
        paragraph.clear();
        delimiter = 0;
    };
    int number = first_line;
    for (std::size_t start = 0; start < text.size(); ++number) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string_view l = text.substr(start, end - start);
        start = end + 1;
        if (blank(l)) {
            check();
            continue;
        }
        paragraph.emplace_back(l, number);
        if (delimiter == 0 && delimiter_row(l)) delimiter = paragraph.size();
    }
    check();
    return fit;
}

}  // namespace zapros::request
