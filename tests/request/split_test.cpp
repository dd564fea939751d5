// One addressee's copy of a request (request/split.cpp).
#include <catch2/catch.hpp>

#include "request/split.hpp"

using namespace zapros::request;

TEST_CASE("an addressee's copy holds that addressee alone, and its dates over the request's", "[split]") {
    Request req;
    req.meta.title.value = "Запрос";
    for (const char* n : {"Минюст", "МВД", "ФСБ"}) req.meta.to.push_back(Addressee{Text{n, {}}, {}, {}, {}, {}, {}});
    req.meta.events.sent = Date{2026, 3, 2};
    req.meta.events.sent_pos = {4, 7};
    req.meta.events.delivered = Date{2026, 3, 4};
    req.meta.to[1].events.delivered = Date{2026, 3, 6};
    req.meta.to[1].events.delivered_pos = {9, 18};
    req.meta.to[1].events.answered = Date{2026, 3, 10};
    req.blocks.push_back(Block{});

    const Request copy = for_addressee(req, 1);
    REQUIRE(copy.meta.to.size() == 1);
    CHECK(copy.meta.to[0].name.value == "МВД");
    CHECK(copy.meta.events.sent == Date{2026, 3, 2});  // not its own: the request's
    CHECK(copy.meta.events.sent_pos.line == 4);
    CHECK(copy.meta.events.delivered == Date{2026, 3, 6});  // its own
    CHECK(copy.meta.events.delivered_pos.line == 9);
    CHECK(copy.meta.events.delivered_pos.col == 18);
    CHECK(copy.meta.events.answered == Date{2026, 3, 10});
    CHECK(copy.meta.title.value == "Запрос");
    CHECK(copy.blocks.size() == 1);
    CHECK(req.meta.to.size() == 3);  // the request itself untouched

    const Request first = for_addressee(req, 0);
    CHECK(first.meta.events.delivered == Date{2026, 3, 4});
    CHECK(!first.meta.events.answered);
}
