#pragma once
// Requests as records (DESIGN "Growing the house"): what happened to a request after it was
// signed, and the terms the Mass Media Law sets from its receipt, as plain values. cli/ prints
// them (zapros list, the CI summary).
//
// The terms (Law of the Russian Federation No. 2124-1 of 27 December 1991 "On the mass media"):
// art. 40: a notice of deferral, or of refusal, within 3 days of receiving the written request;
// art. 39–40: the information within 7 days. Both are counted from `delivered` (the body's
// receipt) in calendar days, the count starting on the next day (Civil Code art. 191), and a term
// whose last day is a non-working day ends on the next working day (art. 193; calendar.hpp).
#include <optional>
#include <string>
#include <vector>

#include "records/calendar.hpp"
#include "request/request.hpp"

namespace zapros::records {

struct Settings {
    int notice_days = 3;  // art. 40: the notice of deferral or refusal
    int answer_days = 7;  // art. 39–40: the answer
};

enum class Status { draft, sent, due, overdue, answered, answered_late };

struct Row {
    std::string file, title, addressee, number;  // addressee: the name as written (lines and all)
    std::optional<Date> date, sent, delivered, notice_due, answer_due, answered;
    Status status = Status::draft;
    int days = 0;  // due: days until answer_due (0: today); overdue: days past it; answered late: days late
};

// The last day of a term of `days` days from the day `from` (art. 191–193).
Date term_end(const Date& from, int days);

// One row, or with split one per addressee (its own dates over the request's).
std::vector<Row> rows(const request::Request& req, Date today, const Settings& settings = {});

// "draft", "sent", "due in 3 days", "due today", "due in 1 day", "overdue by 2 days",
// "answered", "answered late".
std::string status_text(const Row& row);
// "draft", "sent", "due", "overdue", "answered", "answered_late": JSON's status code.
const char* status_code(Status s);

// The register's order for a CI summary: overdue rows first (longest overdue first), then due
// rows (soonest first), then the rest in their order.
void sort_by_urgency(std::vector<Row>& rows);

}  // namespace zapros::records
