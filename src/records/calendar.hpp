#pragma once
// The Russian working-day calendar that the terms of the register end on (Civil Code art. 193:
// a term whose last day is a non-working day ends on the next working day). Non-working days:
// Saturdays and Sundays, the holidays of Labour Code art. 112, the weekend day that art. 112
// part 2 moves to the next working day when a holiday (other than 1–8 January) falls on it, and
// the Government's annual transfers for the years listed in calendar.cpp.
#include "request/request.hpp"

namespace zapros::records {

using request::Date;

// Days since 1970-01-01 (negative before), for any Gregorian date: proleptic, no table.
long day_number(const Date& d);
Date from_day_number(long n);
Date add_days(const Date& d, long days);
long days_between(const Date& from, const Date& to);  // to − from
int weekday(const Date& d);                            // 1 Monday … 7 Sunday (ISO 8601)
// The calendar's rules are the front matter's (request/date.cpp), so that a date the request
// accepts is one the register can count from.
using request::days_in_month;
using request::leap_year;
inline bool valid(const Date& d) { return request::is_calendar_date(d); }

// "2026-01-12"
std::string iso(const Date& d);

// Whether zapros knows the Government's transfer decree for year. Without one, a year is
// weekends and art. 112 only, and an end computed in it may be a day early or late.
bool transfers_known(int year);

bool working_day(const Date& d);
// d itself when it is a working day, else the first working day after it (art. 193).
Date working_day_from(const Date& d);

}  // namespace zapros::records
