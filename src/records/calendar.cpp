#include "records/calendar.hpp"

#include <array>
#include <cstdio>

namespace zapros::records {

namespace {

// Leap years in [1, year).
long leaps_before(long year) { return (year - 1) / 4 - (year - 1) / 100 + (year - 1) / 400; }

int day_of_year(const Date& d) {  // 1-based
    int n = d.day;
    for (int m = 1; m < d.month; ++m) n += days_in_month(d.year, m);
    return n;
}

long year_start(long year) { return 365 * (year - 1970) + leaps_before(year) - leaps_before(1970); }

// A transfer of a day off by the Government (Labour Code art. 112 part 5): `from` becomes a
// working day unless it is itself a holiday (then only the weekend day coinciding with it moves),
// and `to` becomes a day off.
struct Transfer {
    Date from, to;
};

struct Decree {
    int year;
    std::array<Transfer, 5> transfers;  // unused entries have year 0
};

// The decrees "О переносе выходных дней в YEAR году" zapros knows, and where each was checked
// (2026-11-30; the official texts on publication.pravo.gov.ru were not reached):
// - 2023: No. 1505 of 29 August 2022: number and date from a third-party page (tiheya.ru), the
//   two transfers also as the Government's press service announced them (19news.ru).
// - 2024: No. 1314 of 10 August 2023: its text (normativ.kontur.ru, documentId=454126).
// - 2025: No. 1335 of 4 October 2024: number, date and transfers from a legal news service
//   (teko.cntd.ru) and the press (the resulting days off as published there agree).
// - 2026: of 24 September 2025: date and transfers from the press (ria.ru, tvzvezda.ru,
//   penzainform.ru); its number, 1466, only from a third-party calendar library's source.
// A year without an entry here is weekends and art. 112 only (transfers_known() says so).
constexpr std::array<Decree, 4> decrees{{
    {2023, {{{{2023, 1, 1}, {2023, 2, 24}}, {{2023, 1, 8}, {2023, 5, 8}}}}},
    {2024,
     {{{{2024, 1, 6}, {2024, 5, 10}},
       {{2024, 1, 7}, {2024, 12, 31}},
       {{2024, 4, 27}, {2024, 4, 29}},
       {{2024, 11, 2}, {2024, 4, 30}},
       {{2024, 12, 28}, {2024, 12, 30}}}}},
    {2025,
     {{{{2025, 1, 4}, {2025, 5, 2}},
       {{2025, 1, 5}, {2025, 12, 31}},
       {{2025, 2, 23}, {2025, 5, 8}},
       {{2025, 3, 8}, {2025, 6, 13}},
       {{2025, 11, 1}, {2025, 11, 3}}}}},
    {2026, {{{{2026, 1, 3}, {2026, 1, 9}}, {{2026, 1, 4}, {2026, 12, 31}}}}},
}};

const Decree* decree(int year) {
    for (const Decree& d : decrees)
        if (d.year == year) return &d;
    return nullptr;
}

bool transferred_from(const Date& d) {
    if (const Decree* dec = decree(d.year))
        for (const Transfer& t : dec->transfers)
            if (t.from == d) return true;
    return false;
}

// Labour Code art. 112 part 1 (as amended by Federal Law No. 35-FZ of 23 April 2012): 1–6 and
// 8 January (New Year holidays), 7 January (Christmas), 23 February, 8 March, 1 May, 9 May,
// 12 June, 4 November.
constexpr std::array<std::array<int, 2>, 6> other_holidays{{{2, 23}, {3, 8}, {5, 1}, {5, 9}, {6, 12}, {11, 4}}};

bool holiday(const Date& d) {
    if (d.month == 1 && d.day <= 8) return true;
    for (const auto& [m, day] : other_holidays)
        if (d.month == m && d.day == day) return true;
    return false;
}

// A day off before art. 112 part 2's move: a holiday, a decree's target, or a weekend day that no
// decree made a working day.
bool plain_day_off(const Date& d) {
    if (holiday(d)) return true;
    if (const Decree* dec = decree(d.year))
        for (const Transfer& t : dec->transfers) {
            if (t.to == d) return true;
            if (t.from == d) return false;
        }
    return weekday(d) >= 6;
}

// Art. 112 part 2: a weekend day that falls on a holiday (1–8 January excepted) moves to the next
// working day after the holiday, unless the year's decree moved it elsewhere.
bool moved_day_off(const Date& d) {
    for (const auto& [m, day] : other_holidays) {
        const Date h{d.year, m, day};
        if (weekday(h) < 6 || transferred_from(h)) continue;
        const long gap = days_between(h, d);
        if (gap < 1 || gap > 7) continue;
        Date target = add_days(h, 1);
        while (plain_day_off(target)) target = add_days(target, 1);
        if (target == d) return true;
    }
    return false;
}

}  // namespace

long day_number(const Date& d) { return year_start(d.year) + day_of_year(d) - 1; }

Date from_day_number(long n) {
    long year = 1970 + n / 365;  // at most a few years past the answer; stepped back below
    while (year_start(year) > n) --year;
    while (year_start(year + 1) <= n) ++year;
    int rest = static_cast<int>(n - year_start(year));
    Date d{static_cast<int>(year), 1, 1};
    while (rest >= days_in_month(d.year, d.month)) rest -= days_in_month(d.year, d.month++);
    d.day = rest + 1;
    return d;
}

Date add_days(const Date& d, long days) { return from_day_number(day_number(d) + days); }

long days_between(const Date& from, const Date& to) { return day_number(to) - day_number(from); }

int weekday(const Date& d) {
    const long n = day_number(d);  // 1970-01-01 was a Thursday (4)
    return static_cast<int>(((n + 3) % 7 + 7) % 7) + 1;
}

std::string iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

bool transfers_known(int year) { return decree(year) != nullptr; }

bool working_day(const Date& d) { return !plain_day_off(d) && !moved_day_off(d); }

Date working_day_from(const Date& d) {
    Date w = d;
    while (!working_day(w)) w = add_days(w, 1);  // at most the New Year's twelve days
    return w;
}

}  // namespace zapros::records
