// The workflow's front matter (issue 18): addressees as mappings, split, the cover text and the
// dates of the register, each rule with its exact LINE:COL. Line 1 is the opening "---".
#include <catch2/catch.hpp>

#include <algorithm>

#include "compose/letter.hpp"
#include "layout_support.hpp"
#include "request/addressees.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using zapros::Pos;
using zapros::request::Date;
using zapros::test::messages;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;

namespace {

Strings errors(const std::string& yaml) { return messages(parse(request_text("title: Запрос\n" + yaml)).diags); }

}  // namespace

TEST_CASE("an addressee written as a mapping is read whole, each value at its place", "[front-matter][workflow]") {
    const auto p = parse(request_text("title: Запрос\n"
                                      "to:\n"                                          // 3
                                      "  - МИД России\n"                               // 4
                                      "  - name: |\n"                                  // 5
                                      "      Министерство юстиции\n"                   // 6
                                      "      Российской Федерации\n"                   // 7
                                      "    address: [ул. Житная, д. 14, Москва]\n"     // 8
                                      "    email: info@minjust.gov.ru\n"               // 9
                                      "    slug: minjust\n"                            // 10
                                      "    sent: 2024-03-15\n"                         // 11
                                      "    delivered: 2024-03-18\n"                    // 12
                                      "    answered: 2024-03-22\n"));                  // 13
    REQUIRE(p.req);
    const auto& to = p.req->meta.to;
    REQUIRE(to.size() == 2);
    CHECK(to[0].name.value == "МИД России");
    CHECK_FALSE(to[0].email);
    const auto& a = to[1];
    CHECK(a.pos == Pos{5, 5});
    CHECK(a.name.value == "Министерство юстиции\nРоссийской Федерации");
    CHECK(a.name.pos == Pos{5, 11});
    REQUIRE(a.address);
    CHECK(a.address->value == "ул. Житная\nд. 14\nМосква");
    REQUIRE(a.email);
    CHECK(a.email->value == "info@minjust.gov.ru");
    CHECK(a.email->pos == Pos{9, 12});
    REQUIRE(a.slug);
    CHECK(a.slug->value == "minjust");
    CHECK(a.events.sent == Date{2024, 3, 15});
    CHECK(a.events.delivered == Date{2024, 3, 18});
    CHECK(a.events.answered == Date{2024, 3, 22});
    CHECK(a.events.delivered_pos == Pos{12, 16});
    CHECK_FALSE(p.req->meta.events.sent);
}

TEST_CASE("a single mapping is one addressee", "[front-matter][workflow]") {
    const auto p = parse(request_text("title: Запрос\nto: {name: МВД, email: a@mvd.ru}\n"));
    REQUIRE(p.req);
    REQUIRE(p.req->meta.to.size() == 1);
    CHECK(p.req->meta.to[0].email->value == "a@mvd.ru");
}

TEST_CASE("split, the cover text and the request's dates are read", "[front-matter][workflow]") {
    const auto p = parse(request_text("title: Запрос\nto: МВД\nsplit: true\nemail: |\n  Добрый день!\n  Запрос во вложении.\n"
                                      "sent: 2024-12-30\ndelivered: 2025-01-09\n"));
    REQUIRE(p.req);
    const auto& m = p.req->meta;
    CHECK(m.split);
    CHECK(m.split_pos == Pos{4, 8});
    REQUIRE(m.email);
    CHECK(m.email->value == "Добрый день!\nЗапрос во вложении.");
    CHECK(m.events.sent == Date{2024, 12, 30});
    CHECK(m.events.delivered == Date{2025, 1, 9});
    CHECK_FALSE(m.events.answered);
    CHECK_FALSE(parse(request_text("title: Запрос\nto: МВД\n")).req->meta.split);
}

TEST_CASE("an e-mail address must be one a header can carry unquoted", "[front-matter][workflow]") {
    using zapros::is_mail_address;
    for (const char* good : {"a@example.org", "info@minjust.gov.ru", "first.last+tag@sub.example.co.uk", "o'brien@x.ie", "a-b@x-y.ru"}) {
        INFO(good);
        CHECK(is_mail_address(good));
    }
    for (const char* bad : {"", "ivanova", "@example.org", "a@", "a@b@c.ru", "a b@c.ru", "a@localhost", "a..b@c.ru", ".a@c.ru",
                            "a.@c.ru", "a@-c.ru", "a@c-.ru", "a@c..ru", "a>b@c.ru", "<a@c.ru>", "a@c.ru,b@d.ru", "a@c.ru\r\nBcc: x@y.ru",
                            "иван@почта.рф", "a\"b@c.ru", "a@c_d.ru"}) {
        INFO(bad);
        CHECK_FALSE(is_mail_address(bad));
    }
    CHECK_FALSE(is_mail_address(std::string(65, 'a') + "@c.ru"));  // the local part: at most 64
    CHECK(is_mail_address(std::string(64, 'a') + "@c.ru"));
    CHECK_FALSE(is_mail_address("a@" + std::string(64, 'c') + ".ru"));  // a label: at most 63
    CHECK_FALSE(is_mail_address("a@" + std::string(63, 'b') + "." + std::string(63, 'b') + "." + std::string(63, 'b') + "." +
                                std::string(63, 'b') + ".ru"));  // the whole: at most 254
    CHECK(errors("to: {name: МВД, email: 'a>b@c.ru'}\n") ==
          Strings{"3:24: error: 'email' must be an address like name@example.org, not 'a>b@c.ru'"});
}

TEST_CASE("a given slug is lower-case letters and digits joined by single hyphens", "[front-matter][workflow]") {
    using zapros::request::is_slug;
    for (const char* good : {"mvd", "minjust-2", "a", "2024"}) CHECK(is_slug(good));
    for (const char* bad : {"", "Mvd", "mvd-", "-mvd", "m--vd", "m_vd", "m.vd", "мвд", "m vd", "../x"}) {
        INFO(bad);
        CHECK_FALSE(is_slug(bad));
    }
    CHECK(is_slug(std::string(64, 'a')));
    CHECK_FALSE(is_slug(std::string(65, 'a')));
}

TEST_CASE("two addressees may not have the same slug", "[front-matter][workflow]") {
    CHECK(errors("to:\n  - {name: А, slug: a}\n  - {name: Б, slug: a}\n") ==
          Strings{"5:21: error: slug 'a' is also addressee 1's: each copy needs its own file name"});
    CHECK(errors("to:\n  - {name: А, slug: a}\n  - {name: Б, slug: b}\n").empty());
}

TEST_CASE("each date follows the one before it, an addressee's own standing for the request's", "[front-matter][workflow]") {
    CHECK(errors("to: МВД\nsent: 2024-03-10\ndelivered: 2024-03-09\n") ==
          Strings{"5:12: error: 'delivered' 2024-03-09 is before 'sent' 2024-03-10"});
    // answered is judged against delivered when given, else against sent
    CHECK(errors("to: МВД\nsent: 2024-03-10\nanswered: 2024-03-09\n") ==
          Strings{"5:11: error: 'answered' 2024-03-09 is before 'sent' 2024-03-10"});
    CHECK(errors("to: МВД\nsent: 2024-03-01\ndelivered: 2024-03-10\nanswered: 2024-03-05\n") ==
          Strings{"6:11: error: 'answered' 2024-03-05 is before 'delivered' 2024-03-10"});
    CHECK(errors("to: МВД\nsent: 2024-03-10\ndelivered: 2024-03-10\nanswered: 2024-03-10\n").empty());
    // an addressee's own delivered against the request's sent: the error at the addressee's date
    CHECK(errors("to:\n  - {name: А, delivered: 2024-03-01}\n  - Б\nsent: 2024-03-10\n") ==
          Strings{"4:26: error: 'delivered' 2024-03-01 is before 'sent' 2024-03-10"});
    // the request's own pair is reported once, not again for each addressee
    CHECK(errors("to: [А, Б, В]\nsent: 2024-03-10\ndelivered: 2024-03-09\n").size() == 1);
}

TEST_CASE("past four addressees GOST's warning names split, which silences it", "[front-matter][workflow]") {
    const std::string five = "to: [А, Б, В, Г, Д]\n";
    const auto p = parse(request_text("title: Запрос\n" + five));
    REQUIRE(p.diags.size() == 1);
    CHECK(messages(p.diags)[0] == "3:18: warning: more than four addressees; GOST R 7.0.97 addresses a letter to at most "
                                  "four, the others get it by a mailing list");
    CHECK(p.diags.all()[0].hint == "to send each its own copy, add 'split: true' (or render --per-addressee)");
    CHECK(parse(request_text("title: Запрос\n" + five + "split: true\n")).diags.size() == 0);
    CHECK(parse(request_text("title: Запрос\nto: [А, Б, В, Г]\n")).diags.size() == 0);
}

TEST_CASE("an addressee's postal address is printed under the name, in its own lines", "[front-matter][workflow][compose]") {
    zapros::Diagnostics d("t.md");
    const auto req = zapros::request::parse(
        "t.md", request_text("title: Запрос\nto:\n  - {name: Министерство юстиции, address: [ул. Житная, Москва]}\n"), d);
    REQUIRE(req);
    const auto doc = zapros::compose::letter(*req, zapros::test::pipeline().fonts(), d);
    const auto& header = std::get<zapros::compose::Header>(doc.blocks.front());
    REQUIRE(header.addressees.size() == 1);
    std::string text;
    for (const auto& s : header.addressees[0].spans) text += s.line_break ? "\n" : s.text;
    CHECK(text == "Министерство юстиции\nул. Житная\nМосква");
    // the address's first line at its own place in the request, not the name's
    const auto first_address = std::find_if(header.addressees[0].spans.begin(), header.addressees[0].spans.end(),
                                            [](const auto& s) { return s.text == "ул. Житная"; });
    REQUIRE(first_address != header.addressees[0].spans.end());
    CHECK(first_address->pos == Pos{4, 44});
}

TEST_CASE("a date of year 0000 is no calendar date, so no term is counted from it", "[front-matter][workflow]") {
    CHECK(errors("to: МВД\ndelivered: 0000-01-01\n") == Strings{"4:12: error: 'delivered' 0000-01-01 is not a calendar date"});
    CHECK(errors("to: МВД\ndelivered: 0001-01-01\n").empty());
}
