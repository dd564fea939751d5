#include "records/records.hpp"

#include <algorithm>

namespace zapros::records {

namespace {

// An addressee's date over the request's: the split copy was sent on its own day.
std::optional<Date> either(const std::optional<Date>& own, const std::optional<Date>& common) {
    return own ? own : common;
}

void judge(Row& r, const Date& today, const Settings& s) {
    if (r.delivered) {
        r.notice_due = term_end(*r.delivered, s.notice_days);
        r.answer_due = term_end(*r.delivered, s.answer_days);
    }
    if (r.answered) {
        // Without a delivery date no term is known: an answer is taken as in time.
        const bool late = r.answer_due && days_between(*r.answer_due, *r.answered) > 0;
        r.status = late ? Status::answered_late : Status::answered;
        r.days = late ? static_cast<int>(days_between(*r.answer_due, *r.answered)) : 0;
    } else if (r.answer_due) {
        const long left = days_between(today, *r.answer_due);
        r.status = left >= 0 ? Status::due : Status::overdue;
        r.days = static_cast<int>(left >= 0 ? left : -left);
    } else {
        // A request handed over in person has a delivery date and may have no `sent`: the
        // latest event decides, so that it is never called a draft.
        r.status = r.sent ? Status::sent : Status::draft;
    }
}

std::string days_text(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

}  // namespace

Date term_end(const Date& from, int days) { return working_day_from(add_days(from, days)); }

std::vector<Row> rows(const request::Request& req, Date today, const Settings& settings) {
    const request::Meta& m = req.meta;
    Row common;
    common.file = req.file;
    common.title = m.title.value;
    common.number = m.number ? m.number->value : "";
    common.date = m.date;
    std::vector<Row> out;
    auto add = [&](std::string addressee, const request::Events& own) {
        Row r = common;
        r.addressee = std::move(addressee);
        r.sent = either(own.sent, m.events.sent);
        r.delivered = either(own.delivered, m.events.delivered);
        r.answered = either(own.answered, m.events.answered);
        judge(r, today, settings);
        out.push_back(std::move(r));
    };
    // A row per addressee with split, and also when one letter went to several bodies that each
    // received it on their own day: each term runs from its own receipt.
    const bool own_dates = std::any_of(m.to.begin(), m.to.end(), [](const request::Addressee& a) {
        return a.events.sent || a.events.delivered || a.events.answered;
    });
    if (m.split || own_dates) {
        for (const request::Addressee& a : m.to) add(a.name.value, a.events);
    } else {
        std::string all;  // one letter to all: its addressees in one cell, as the summary lists them
        for (const request::Addressee& a : m.to) all += (all.empty() ? "" : "; ") + a.name.value;
        add(all, {});
    }
    return out;
}

std::string status_text(const Row& row) {
    switch (row.status) {
    case Status::draft: return "draft";
    case Status::sent: return "sent";
    case Status::due: return row.days == 0 ? "due today" : "due in " + days_text(row.days);
    case Status::overdue: return "overdue by " + days_text(row.days);
    case Status::answered: return "answered";
    case Status::answered_late: return "answered late";
    }
    return "";
}

const char* status_code(Status s) {
    switch (s) {
    case Status::draft: return "draft";
    case Status::sent: return "sent";
    case Status::due: return "due";
    case Status::overdue: return "overdue";
    case Status::answered: return "answered";
    case Status::answered_late: return "answered_late";
    }
    return "";
}

void sort_by_urgency(std::vector<Row>& rows) {
    auto rank = [](const Row& r) {  // smaller first
        if (r.status == Status::overdue) return -1000000L - r.days;
        if (r.status == Status::due) return static_cast<long>(r.days);
        return 1000000L;
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& a, const Row& b) { return rank(a) < rank(b); });
}

}  // namespace zapros::records
