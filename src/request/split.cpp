#include "request/split.hpp"

namespace zapros::request {

namespace {

// An addressee's own date over the request's, its position with it.
void overlay(std::optional<Date>& date, Pos& pos, const std::optional<Date>& own, Pos own_pos) {
    if (!own) return;
    date = own;
    pos = own_pos;
}

}  // namespace

Request for_addressee(const Request& req, std::size_t i) {
    Request copy = req;
    const Addressee& a = req.meta.to.at(i);
    copy.meta.to = {a};
    Events& e = copy.meta.events;
    overlay(e.sent, e.sent_pos, a.events.sent, a.events.sent_pos);
    overlay(e.delivered, e.delivered_pos, a.events.delivered, a.events.delivered_pos);
    overlay(e.answered, e.answered_pos, a.events.answered, a.events.answered_pos);
    return copy;
}

}  // namespace zapros::request
