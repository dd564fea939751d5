// The calendar rules a front-matter date is checked by, and the register counts with
// (records/calendar.cpp): one definition of a month's length and of a real day.
#include "request/request.hpp"

namespace zapros::request {

bool leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && leap_year(year) ? 29 : days[month - 1];
}

bool is_calendar_date(const Date& d) {
    // Year 0 is none: ISO 8601 allows it only by the partners' agreement, and a term counted from
    // it would run from no day.
    return d.year >= 1 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month);
}

}  // namespace zapros::request
