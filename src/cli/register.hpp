#pragma once
// Inside cli/: the register of requests (records/) as text: zapros list's table, JSON and CSV,
// and the CI summary's Markdown section.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "records/records.hpp"

namespace zapros::cli {

struct Options;

// "YYYY-MM-DD" as a real date, else nothing.
std::optional<request::Date> parse_iso_date(std::string_view s);
// Today in the local time zone (zapros list's and the summary's default).
request::Date local_today();
// --today, else local_today().
request::Date today_of(const Options& o);

// The columns, aligned by display width (a combining mark 0 columns, an East Asian wide
// character 2, anything else 1); a cell of several lines as one, ", " between them; no value "—".
std::string register_table(const std::vector<records::Row>& rows);
// An array of objects with fixed keys: file, title, addressee, number, date, sent, delivered,
// notice_due, answer_due, answered (ISO dates or null), status (records::status_code),
// status_text, days.
std::string register_json(const std::vector<records::Row>& rows);
// RFC 4180: a header row, CRLF line ends, a field holding ',', '"', CR or LF quoted ('"' doubled);
// no value is an empty field.
std::string register_csv(const std::vector<records::Row>& rows);
// The CI summary's section: overdue rows first, then the due soonest (records::sort_by_urgency).
std::string register_markdown(std::vector<records::Row> rows);

// The years the rows' terms ran through whose transfer decree zapros does not know (sorted).
std::vector<int> unknown_calendar_years(const std::vector<records::Row>& rows);

// How many columns text takes on a terminal.
std::size_t display_width(std::string_view text);
// Text cut to at most `columns` display columns, ending in "…" when it was longer.
std::string cut_to_columns(std::string_view text, std::size_t columns);

}  // namespace zapros::cli
