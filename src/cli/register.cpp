#include "cli/register.hpp"

#include <ctime>
#include <set>

#include "base/diagnostic.hpp"
#include "base/utf8.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"

namespace zapros::cli {

using records::Row;

namespace {

const char* const none = "—";

const char* const headings[] = {"file", "title", "addressee", "number", "date", "sent", "delivered",
                                "notice due", "answer due", "answered", "status"};
const char* const keys[] = {"file", "title", "addressee", "number", "date", "sent", "delivered",
                            "notice_due", "answer_due", "answered", "status"};

std::string date_text(const std::optional<request::Date>& d) { return d ? records::iso(*d) : ""; }

// A row's cells in the order of headings; no value: "".
std::vector<std::string> cells(const Row& r) {
    return {r.file, r.title, r.addressee, r.number, date_text(r.date), date_text(r.sent), date_text(r.delivered),
            date_text(r.notice_due), date_text(r.answer_due), date_text(r.answered), records::status_text(r)};
}

// What a terminal would act on rather than print: C0 and C1 controls (ESC starts a sequence,
// U+009B is CSI by itself) and the bidi embeddings, overrides and isolates, which would reorder
// the row's other cells.
bool control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Several lines as one (", " between), other control characters as spaces.
std::string flat(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        if (c == '\n') out += ", ";
        else if (control(c)) out += ' ';
        else utf8::append(out, c);
    }
    return out;
}

bool wide(char32_t c) {  // East Asian Wide and Fullwidth, the blocks that matter in a title
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool zero_width(char32_t c) {  // combining marks, joiners, the soft hyphen
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || (c >= 0x200B && c <= 0x200F) ||
           c == 0xAD || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x20D0 && c <= 0x20FF);
}

// A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or CR before one) starts with
// an apostrophe, which the spreadsheet shows as text: a title is its author's, the CSV is opened
// by whoever keeps the register (OWASP, "CSV Injection").
std::string csv_field(std::string_view text) {
    std::string cell = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos
                           ? "'" + std::string(text)
                           : std::string(text);
    if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
    std::string out = "\"";
    for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The table's title and addressee cells at most this many columns, so that a row fits a wide
// terminal: three ministries' full names are 180 columns. JSON and CSV keep every character.
constexpr std::size_t max_text_columns = 40;

}  // namespace

std::string cut_to_columns(std::string_view text, std::size_t columns) {
    if (display_width(text) <= columns) return std::string(text);
    std::string out;
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(text, i);
        const std::size_t w = zero_width(c) ? 0 : wide(c) ? 2 : 1;
        if (width + w + 1 > columns) break;  // room for the ellipsis
        out.append(text.substr(at, i - at));
        width += w;
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == ',' || out.back() == ';')) out.pop_back();
    return out + "…";
}

std::optional<request::Date> parse_iso_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return -1;
            v = v * 10 + (s[i] - '0');
        }
        return v;
    };
    const request::Date d{digits(0, 4), digits(5, 2), digits(8, 2)};
    if (!records::valid(d)) return std::nullopt;
    return d;
}

request::Date local_today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

request::Date today_of(const Options& o) {
    if (o.today.empty()) return local_today();
    return *parse_iso_date(o.today);  // parse_args checked it
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        width += zero_width(c) ? 0 : wide(c) ? 2 : 1;
    }
    return width;
}

std::string register_table(const std::vector<Row>& rows) {
    std::vector<std::vector<std::string>> table{{std::begin(headings), std::end(headings)}};
    for (const Row& r : rows) {
        std::vector<std::string> line = cells(r);
        for (std::string& c : line) c = c.empty() ? none : flat(c);
        for (const std::size_t k : {1, 2}) line[k] = cut_to_columns(line[k], max_text_columns);  // title, addressee
        table.push_back(std::move(line));
    }
    std::vector<std::size_t> widths(table[0].size(), 0);
    for (const auto& line : table)
        for (std::size_t k = 0; k < line.size(); ++k) widths[k] = std::max(widths[k], display_width(line[k]));
    std::string out;
    for (const auto& line : table) {
        for (std::size_t k = 0; k < line.size(); ++k) {
            out += line[k];
            if (k + 1 < line.size()) out += std::string(widths[k] - display_width(line[k]) + 2, ' ');
        }
        out += '\n';
    }
    return out;
}

std::string register_json(const std::vector<Row>& rows) {
    std::string out = "[";
    for (const Row& r : rows) {
        const std::vector<std::string> c = cells(r);
        out += out.size() > 1 ? ",\n  {" : "\n  {";
        for (std::size_t k = 0; k < 4; ++k) out += json_string(keys[k]) + ":" + json_string(c[k]) + ",";
        for (std::size_t k = 4; k < 10; ++k) out += json_string(keys[k]) + ":" + (c[k].empty() ? "null" : json_string(c[k])) + ",";
        out += "\"status\":" + json_string(records::status_code(r.status)) + ",\"status_text\":" + json_string(c[10]) +
               ",\"days\":" + std::to_string(r.days) + "}";
    }
    return out + (rows.empty() ? "]\n" : "\n]\n");
}

std::string register_csv(const std::vector<Row>& rows) {
    std::string out;
    for (const char* k : keys) out += (out.empty() ? "" : ",") + std::string(k);
    out += "\r\n";
    for (const Row& r : rows) {
        std::string line;
        for (const std::string& c : cells(r)) line += (line.empty() ? "" : ",") + csv_field(c);
        out += line + "\r\n";
    }
    return out;
}

std::string register_markdown(std::vector<Row> rows) {
    records::sort_by_urgency(rows);
    std::string s = "\n#### Register\n\n| status | file | addressee | delivered | notice due | answer due | answered |\n"
                    "|---|---|---|---|---|---|---|\n";
    for (const Row& r : rows) {
        const std::vector<std::string> c = cells(r);
        std::string line = "|";
        for (const std::size_t k : {10, 0, 2, 6, 7, 8, 9}) line += " " + (c[k].empty() ? none : markdown_cell(flat(c[k]))) + " |";
        s += line + "\n";
    }
    return s;
}

std::vector<int> unknown_calendar_years(const std::vector<Row>& rows) {
    std::set<int> years;
    for (const Row& r : rows) {
        if (!r.delivered || !r.answer_due) continue;
        for (int y = r.delivered->year; y <= r.answer_due->year; ++y)
            if (!records::transfers_known(y)) years.insert(y);
    }
    return {years.begin(), years.end()};
}

}  // namespace zapros::cli
