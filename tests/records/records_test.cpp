// The register's rows (records/records.hpp): the terms of Mass Media Law art. 40 counted from the
// delivery date, the day after it being day 1 (Civil Code art. 191), an end on a day off moved to
// the next working day (art. 193); and the status on a given day. Each expected date is counted
// by hand in the comment beside it.
#include <catch2/catch.hpp>

#include "records/records.hpp"

using namespace zapros;
using namespace zapros::records;

namespace {

request::Request letter(std::vector<std::string> to = {"Министерство"}) {
    request::Request r;
    r.file = "requests/budget.md";
    r.meta.title.value = "Запрос о бюджете";
    for (std::string& name : to) r.meta.to.push_back({.name = {std::move(name), {}}});
    r.meta.number = request::Text{"12/3", {}};
    r.meta.date = Date{2026, 10, 30};
    return r;
}

request::Request delivered_on(Date d) {
    request::Request r = letter();
    r.meta.events.sent = add_days(d, -2);
    r.meta.events.delivered = d;
    return r;
}

Row row_on(const request::Request& r, Date today) {
    const std::vector<Row> rs = rows(r, today);
    REQUIRE(rs.size() == 1);
    return rs[0];
}

}  // namespace

TEST_CASE("the terms count calendar days from the day after delivery", "[records]") {
    // Delivered Monday 2 November 2026: day 1 is the 3rd; day 3 Thursday the 5th (4 November, a
    // holiday inside the term, still counts); day 7 Monday the 9th.
    CHECK(term_end({2026, 11, 2}, 3) == Date{2026, 11, 5});
    CHECK(term_end({2026, 11, 2}, 7) == Date{2026, 11, 9});
}

TEST_CASE("the terms run across month ends", "[records]") {
    // Delivered Monday 27 April 2026: day 3 Thursday 30 April; day 7 Monday 4 May (1–3 May off,
    // the 4th a working day in 2026).
    CHECK(term_end({2026, 4, 27}, 3) == Date{2026, 4, 30});
    CHECK(term_end({2026, 4, 27}, 7) == Date{2026, 5, 4});
    // Delivered Friday 30 October 2026: day 3 Monday 2 November; day 7 Friday 6 November.
    CHECK(term_end({2026, 10, 30}, 3) == Date{2026, 11, 2});
    CHECK(term_end({2026, 10, 30}, 7) == Date{2026, 11, 6});
}

TEST_CASE("the terms run across February in leap and common years", "[records]") {
    // 2024, a leap year: delivered Monday 26 February; day 3 Thursday the 29th; day 7 Monday 4 March.
    CHECK(term_end({2024, 2, 26}, 3) == Date{2024, 2, 29});
    CHECK(term_end({2024, 2, 26}, 7) == Date{2024, 3, 4});
    // 2025: delivered Wednesday 26 February; day 3 Saturday 1 March → Monday the 3rd; day 7
    // Wednesday 5 March.
    CHECK(term_end({2025, 2, 26}, 3) == Date{2025, 3, 3});
    CHECK(term_end({2025, 2, 26}, 7) == Date{2025, 3, 5});
}

TEST_CASE("a term ending in the New Year holidays ends on the first working day of January", "[records]") {
    // Delivered Friday 26 December 2025: day 3 Monday the 29th; day 7 Friday 2 January 2026,
    // inside the holidays that last to Sunday 11 January → Monday 12 January.
    CHECK(term_end({2025, 12, 26}, 3) == Date{2025, 12, 29});
    CHECK(term_end({2025, 12, 26}, 7) == Date{2026, 1, 12});
    // Delivered Sunday 28 December 2025: day 3 Wednesday the 31st, a day off by the 2025 decree.
    CHECK(term_end({2025, 12, 28}, 3) == Date{2026, 1, 12});
}

TEST_CASE("a term ending on a weekend ends on the Monday", "[records]") {
    // Delivered Wednesday 18 November 2026: day 3 Saturday the 21st → Monday the 23rd; day 7
    // Wednesday the 25th.
    CHECK(term_end({2026, 11, 18}, 3) == Date{2026, 11, 23});
    CHECK(term_end({2026, 11, 18}, 7) == Date{2026, 11, 25});
}

TEST_CASE("a term ending on a transferred day follows the decree", "[records]") {
    // Delivered Monday 27 October 2025: day 7 Monday 3 November, a day off by the 2025 decree,
    // then the 4th a holiday → Wednesday the 5th.
    CHECK(term_end({2025, 10, 27}, 7) == Date{2025, 11, 5});
    // Delivered Wednesday 29 October 2025: day 3 Saturday 1 November, a working day by the decree.
    CHECK(term_end({2025, 10, 29}, 3) == Date{2025, 11, 1});
    // Delivered Monday 2 March 2026: day 7 Monday 9 March, off (8 March a Sunday) → Tuesday.
    CHECK(term_end({2026, 3, 2}, 7) == Date{2026, 3, 10});
}

TEST_CASE("no dates: a draft with no terms", "[records]") {
    const Row r = row_on(letter(), {2026, 11, 30});
    CHECK(r.status == Status::draft);
    CHECK(status_text(r) == "draft");
    CHECK_FALSE(r.notice_due);
    CHECK_FALSE(r.answer_due);
    CHECK(r.file == "requests/budget.md");
    CHECK(r.title == "Запрос о бюджете");
    CHECK(r.number == "12/3");
    CHECK(r.date == Date{2026, 10, 30});
}

TEST_CASE("sent, not delivered: sent, and no term runs yet", "[records]") {
    request::Request req = letter();
    req.meta.events.sent = Date{2026, 11, 2};
    const Row r = row_on(req, {2026, 11, 30});
    CHECK(r.status == Status::sent);
    CHECK(status_text(r) == "sent");
    CHECK_FALSE(r.answer_due);
}

TEST_CASE("delivered: due in N days, due today, then overdue by N days", "[records]") {
    const request::Request req = delivered_on({2026, 11, 2});  // answer due Monday 9 November
    Row r = row_on(req, {2026, 11, 6});
    CHECK(r.notice_due == Date{2026, 11, 5});
    CHECK(r.answer_due == Date{2026, 11, 9});
    CHECK(r.status == Status::due);
    CHECK(r.days == 3);
    CHECK(status_text(r) == "due in 3 days");
    CHECK(status_text(row_on(req, {2026, 11, 8})) == "due in 1 day");
    r = row_on(req, {2026, 11, 9});
    CHECK(r.status == Status::due);
    CHECK(r.days == 0);
    CHECK(status_text(r) == "due today");
    r = row_on(req, {2026, 11, 11});
    CHECK(r.status == Status::overdue);
    CHECK(r.days == 2);
    CHECK(status_text(r) == "overdue by 2 days");
    CHECK(status_text(row_on(req, {2026, 11, 10})) == "overdue by 1 day");
}

TEST_CASE("answered on the last day is answered; a day later, answered late", "[records]") {
    request::Request req = delivered_on({2026, 11, 2});
    req.meta.events.answered = Date{2026, 11, 9};
    Row r = row_on(req, {2026, 11, 30});
    CHECK(r.status == Status::answered);
    CHECK(status_text(r) == "answered");
    req.meta.events.answered = Date{2026, 11, 10};
    r = row_on(req, {2026, 11, 30});
    CHECK(r.status == Status::answered_late);
    CHECK(r.days == 1);
    CHECK(status_text(r) == "answered late");
}

TEST_CASE("delivered by hand with no sent date is due, not a draft", "[records]") {
    request::Request req = letter();
    req.meta.events.delivered = Date{2026, 11, 2};
    CHECK(row_on(req, {2026, 11, 6}).status == Status::due);
}

TEST_CASE("one letter to several addressees is one row naming them all", "[records]") {
    const std::vector<Row> rs = rows(letter({"Министерство", "Мэрия"}), {2026, 11, 30});
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].addressee == "Министерство; Мэрия");
}

TEST_CASE("split with only the request's dates: still a row per addressee, each with those dates", "[records]") {
    request::Request req = letter({"Министерство", "Мэрия", "Дума"});
    req.meta.split = true;
    req.meta.events.sent = Date{2026, 11, 2};
    req.meta.events.delivered = Date{2026, 11, 2};
    const std::vector<Row> rs = rows(req, {2026, 11, 6});
    REQUIRE(rs.size() == 3);  // each copy went on its own: a row each, not one naming all three
    CHECK(rs[0].addressee == "Министерство");
    CHECK(rs[1].addressee == "Мэрия");
    CHECK(rs[2].addressee == "Дума");
    for (const Row& r : rs) CHECK(r.answer_due == Date{2026, 11, 9});  // day 7 from Monday the 2nd
}

TEST_CASE("split: a row per addressee, its own dates over the request's", "[records]") {
    request::Request req = letter({"Министерство", "Мэрия", "Дума"});
    req.meta.split = true;
    req.meta.events.sent = Date{2026, 11, 2};
    req.meta.events.delivered = Date{2026, 11, 2};
    req.meta.to[1].events.delivered = Date{2026, 11, 9};
    req.meta.to[2].events.answered = Date{2026, 11, 5};
    const std::vector<Row> rs = rows(req, {2026, 11, 12});
    REQUIRE(rs.size() == 3);
    CHECK(rs[0].addressee == "Министерство");
    CHECK(rs[0].status == Status::overdue);  // due 9 November
    CHECK(rs[1].addressee == "Мэрия");
    CHECK(rs[1].sent == Date{2026, 11, 2});
    CHECK(rs[1].answer_due == Date{2026, 11, 16});  // day 7 from the 9th: Monday the 16th
    CHECK(rs[1].status == Status::due);
    CHECK(rs[1].days == 4);
    CHECK(rs[2].status == Status::answered);
}

TEST_CASE("one letter whose addressees have their own dates is a row per addressee", "[records]") {
    request::Request req = letter({"Министерство", "Мэрия"});
    req.meta.events.delivered = Date{2026, 11, 2};
    req.meta.to[1].events.delivered = Date{2026, 11, 9};
    const std::vector<Row> rs = rows(req, {2026, 11, 12});
    REQUIRE(rs.size() == 2);
    CHECK(rs[0].addressee == "Министерство");
    CHECK(rs[0].answer_due == Date{2026, 11, 9});   // day 7 from the 2nd: Monday the 9th
    CHECK(rs[1].addressee == "Мэрия");
    CHECK(rs[1].answer_due == Date{2026, 11, 16});  // day 7 from the 9th: Monday the 16th
}

TEST_CASE("the urgent order: overdue longest first, then due soonest, then the rest", "[records]") {
    std::vector<Row> rs(5);
    rs[0].file = "draft";
    rs[1] = Row{.file = "due5", .status = Status::due, .days = 5};
    rs[2] = Row{.file = "over1", .status = Status::overdue, .days = 1};
    rs[3] = Row{.file = "due0", .status = Status::due, .days = 0};
    rs[4] = Row{.file = "over9", .status = Status::overdue, .days = 9};
    sort_by_urgency(rs);
    std::vector<std::string> order;
    for (const Row& r : rs) order.push_back(r.file);
    CHECK(order == std::vector<std::string>{"over9", "over1", "due0", "due5", "draft"});
}
