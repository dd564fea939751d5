// The working-day calendar (records/calendar.hpp): date arithmetic, Labour Code art. 112, its
// part 2 (a weekend day on a holiday moves to the next working day), and the Government's
// transfer decrees. Each expected day is read off the decree or the published calendar named.
#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "records/calendar.hpp"

using namespace zapros::records;

TEST_CASE("day numbers count from 1970-01-01 and weekdays follow the calendar", "[records]") {
    CHECK(day_number({1970, 1, 1}) == 0);
    CHECK(day_number({1970, 12, 31}) == 364);
    CHECK(day_number({1972, 3, 1}) == 365 + 365 + 31 + 29);  // 1972 is a leap year
    CHECK(day_number({1969, 12, 31}) == -1);
    CHECK(weekday({1970, 1, 1}) == 4);   // a Thursday
    CHECK(weekday({2024, 2, 29}) == 4);  // a Thursday
    CHECK(weekday({2026, 11, 30}) == 1); // a Monday
    CHECK(weekday({2000, 1, 1}) == 6);   // a Saturday
}

TEST_CASE("adding days walks every calendar day once, across months, leap days and years", "[records]") {
    Date d{1899, 12, 25};
    const long start = day_number(d);
    for (long n = 1; n < 80000; ++n) {
        const Date next = add_days(d, 1);
        REQUIRE(valid(next));
        REQUIRE(day_number(next) == start + n);
        REQUIRE(from_day_number(start + n) == next);
        // The next day is the next in its month, or the first of the next month (or year).
        const bool same_month = next.year == d.year && next.month == d.month && next.day == d.day + 1;
        const bool new_month = next.day == 1 && ((next.year == d.year && next.month == d.month + 1) ||
                                                 (next.year == d.year + 1 && next.month == 1 && d.month == 12));
        REQUIRE((same_month || new_month));
        d = next;
    }
}

TEST_CASE("leap years: every fourth, not centuries, but every fourth century", "[records]") {
    CHECK(leap_year(2024));
    CHECK_FALSE(leap_year(2025));
    CHECK_FALSE(leap_year(1900));
    CHECK(leap_year(2000));
    CHECK(valid({2024, 2, 29}));
    CHECK_FALSE(valid({2025, 2, 29}));
    CHECK_FALSE(valid({2026, 4, 31}));
    CHECK_FALSE(valid({2026, 13, 1}));
    CHECK(iso({2026, 3, 9}) == "2026-03-09");
}

TEST_CASE("Labour Code art. 112: the New Year holidays, Christmas and the other holidays are days off", "[records]") {
    for (int day = 1; day <= 8; ++day) CHECK_FALSE(working_day({2027, 1, day}));
    CHECK(working_day({2027, 1, 11}));    // a Monday; 2027 has no decree here to add days
    CHECK_FALSE(working_day({2027, 2, 23}));  // a Tuesday
    CHECK_FALSE(working_day({2027, 3, 8}));   // a Monday
    CHECK_FALSE(working_day({2027, 11, 4}));  // a Thursday
    CHECK(working_day({2027, 11, 5}));
    CHECK_FALSE(working_day({2026, 11, 28}));  // a Saturday
    CHECK_FALSE(working_day({2026, 11, 29}));  // a Sunday
    CHECK(working_day({2026, 11, 30}));
}

TEST_CASE("art. 112 part 2: a holiday on a weekend moves the day off to the next working day", "[records]") {
    // 2026 (the Government's calendar: 7–9 March, 9–11 May): 8 March a Sunday, 9 May a Saturday.
    CHECK_FALSE(working_day({2026, 3, 9}));
    CHECK(working_day({2026, 3, 10}));
    CHECK_FALSE(working_day({2026, 5, 11}));
    CHECK(working_day({2026, 5, 12}));
    // 2023 (4–6 November): 4 November a Saturday.
    CHECK_FALSE(working_day({2023, 11, 6}));
    // 2027, no decree known: 1 May a Saturday, 9 May a Sunday, 12 June a Saturday.
    CHECK_FALSE(working_day({2027, 5, 3}));
    CHECK_FALSE(working_day({2027, 5, 10}));
    CHECK_FALSE(working_day({2027, 6, 14}));
    CHECK(working_day({2027, 6, 15}));
    // ...but not the New Year holidays: 2 and 3 January 2027 are a weekend, 11 January works.
    CHECK(working_day({2027, 1, 11}));
}

TEST_CASE("the Government's transfers: days off moved, Saturdays made working days", "[records]") {
    // Decree No. 1314 of 10.08.2023 (2024): from 27 April to 29 April, 2 November to 30 April,
    // 28 December to 30 December, 6 January to 10 May, 7 January to 31 December.
    CHECK(working_day({2024, 4, 27}));
    CHECK_FALSE(working_day({2024, 4, 29}));
    CHECK_FALSE(working_day({2024, 4, 30}));
    CHECK(working_day({2024, 11, 2}));
    CHECK(working_day({2024, 12, 28}));
    CHECK_FALSE(working_day({2024, 12, 30}));
    CHECK_FALSE(working_day({2024, 12, 31}));
    CHECK_FALSE(working_day({2024, 5, 10}));
    CHECK_FALSE(working_day({2024, 1, 6}));  // still a holiday: only the weekend day moved
    // Decree No. 1335 of 04.10.2024 (2025): 23 February (a Sunday) to 8 May, so not to Monday
    // 24 February; 8 March to 13 June; 1 November to 3 November; 5 January to 31 December.
    CHECK(working_day({2025, 2, 24}));
    CHECK(working_day({2025, 3, 10}));
    CHECK_FALSE(working_day({2025, 5, 8}));
    CHECK_FALSE(working_day({2025, 6, 13}));
    CHECK(working_day({2025, 11, 1}));
    CHECK_FALSE(working_day({2025, 11, 3}));
    CHECK_FALSE(working_day({2025, 12, 31}));
    // 2026: 3 January to 9 January, 4 January to 31 December.
    CHECK_FALSE(working_day({2026, 1, 9}));
    CHECK(working_day({2026, 1, 12}));
    CHECK_FALSE(working_day({2026, 12, 31}));
    // 2023: 1 January to 24 February, 8 January to 8 May.
    CHECK_FALSE(working_day({2023, 2, 24}));
    CHECK_FALSE(working_day({2023, 5, 8}));
}

TEST_CASE("every day of 2023-2026 is a working day exactly as the published calendars say", "[records]") {
    // The production calendars of 2023-2026 as published (the days off that are no Saturday or
    // Sunday, and the Saturdays worked), written from them, not from calendar.cpp's rules: so a
    // transfer or an art. 112 part 2 move missed, or one too many, fails here on its day.
    const std::vector<Date> weekday_off{
        {2023, 1, 2},  {2023, 1, 3},  {2023, 1, 4},  {2023, 1, 5},  {2023, 1, 6},  {2023, 2, 23},
        {2023, 2, 24}, {2023, 3, 8},  {2023, 5, 1},  {2023, 5, 8},  {2023, 5, 9},  {2023, 6, 12},
        {2023, 11, 6},  // 4 November a Saturday
        {2024, 1, 1},  {2024, 1, 2},  {2024, 1, 3},  {2024, 1, 4},  {2024, 1, 5},  {2024, 1, 8},
        {2024, 2, 23}, {2024, 3, 8},  {2024, 4, 29}, {2024, 4, 30}, {2024, 5, 1},  {2024, 5, 9},
        {2024, 5, 10}, {2024, 6, 12}, {2024, 11, 4}, {2024, 12, 30}, {2024, 12, 31},
        {2025, 1, 1},  {2025, 1, 2},  {2025, 1, 3},  {2025, 1, 6},  {2025, 1, 7},  {2025, 1, 8},
        {2025, 5, 1},  {2025, 5, 2},  {2025, 5, 8},  {2025, 5, 9},  {2025, 6, 12}, {2025, 6, 13},
        {2025, 11, 3}, {2025, 11, 4}, {2025, 12, 31},
        {2026, 1, 1},  {2026, 1, 2},  {2026, 1, 5},  {2026, 1, 6},  {2026, 1, 7},  {2026, 1, 8},
        {2026, 1, 9},  {2026, 2, 23}, {2026, 3, 9},  {2026, 5, 1},  {2026, 5, 11}, {2026, 6, 12},
        {2026, 11, 4}, {2026, 12, 31},
    };
    const std::vector<Date> saturday_worked{{2024, 4, 27}, {2024, 11, 2}, {2024, 12, 28}, {2025, 11, 1}};
    auto listed = [](const std::vector<Date>& list, const Date& d) {
        return std::find(list.begin(), list.end(), d) != list.end();
    };
    int days = 0;
    for (Date d{2023, 1, 1}; d.year <= 2026; d = add_days(d, 1), ++days) {
        const bool expected = weekday(d) >= 6 ? listed(saturday_worked, d) : !listed(weekday_off, d);
        INFO(iso(d));
        CHECK(working_day(d) == expected);
    }
    CHECK(days == 365 * 3 + 366);
}

TEST_CASE("only the years with a decree count as known", "[records]") {
    for (int y = 2023; y <= 2026; ++y) CHECK(transfers_known(y));
    CHECK_FALSE(transfers_known(2022));
    CHECK_FALSE(transfers_known(2027));
}

TEST_CASE("a day off moves an end to the first working day after it (Civil Code art. 193)", "[records]") {
    CHECK(working_day_from({2026, 11, 30}) == Date{2026, 11, 30});
    CHECK(working_day_from({2026, 11, 28}) == Date{2026, 11, 30});
    CHECK(working_day_from({2025, 12, 31}) == Date{2026, 1, 12});  // the New Year holidays of 2026
}
