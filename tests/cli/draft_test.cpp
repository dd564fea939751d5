// draft_for: what of a request goes into its e-mail draft, from requests made by hand (the
// addressees' emails as the front matter's to: mappings give them).
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli/draft.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

request::Request letter() {
    request::Request r;
    r.file = "r.md";
    r.meta.title = {"Запрос о статистике", {1, 8}};
    r.meta.to.push_back({.name = {"Министерство юстиции\nРоссийской Федерации", {3, 11}},
                         .email = request::Text{"info@minjust.ru", {4, 12}},
                         .pos = {3, 5}});
    r.meta.to.push_back({.name = {"Редакция", {5, 11}}, .pos = {5, 5}});
    return r;
}

}  // namespace

TEST_CASE("the draft goes to every addressee with an email, named on one line", "[mail]") {
    Diagnostics diags("r.md");
    const mail::Draft d = cli::draft_for(letter(), "r.pdf", "%PDF", "", std::nullopt, diags);
    REQUIRE(d.to.size() == 1);
    CHECK(d.to[0].name == "Министерство юстиции Российской Федерации");
    CHECK(d.to[0].address == "info@minjust.ru");
    CHECK(d.subject == "Запрос о статистике");
    REQUIRE(d.attachments.size() == 1);
    CHECK(d.attachments[0].filename == "r.pdf");
    CHECK(d.attachments[0].content_type == "application/pdf");
    CHECK(d.attachments[0].bytes == "%PDF");
}

TEST_CASE("an addressee without an email is a warning at the addressee: the draft's To misses it", "[mail]") {
    Diagnostics diags("r.md");
    cli::draft_for(letter(), "r.pdf", "", "", std::nullopt, diags);
    CHECK(test::messages(diags) ==
          std::vector<std::string>{"5:5: warning: this addressee has no email: the e-mail draft's To misses it"});
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("the draft's Date: the front matter's date at noon UTC, else the epoch, else none", "[mail]") {
    Diagnostics diags("r.md");
    request::Request r = letter();
    CHECK_FALSE(cli::draft_for(r, "r.pdf", "", "", std::nullopt, diags).date);
    CHECK(cli::draft_for(r, "r.pdf", "", "", 1490227200, diags).date == 1490227200);
    r.meta.date = request::Date{2024, 2, 29};
    // date -u -d '2024-02-29 12:00' +%s; the date wins over the epoch.
    CHECK(cli::draft_for(r, "r.pdf", "", "", 1490227200, diags).date == 1709208000);
    CHECK(cli::noon_utc({1970, 1, 1}) == 12 * 3600);
    CHECK(cli::noon_utc({1969, 12, 31}) == -12 * 3600);
}

TEST_CASE("the draft's From is the executor's email and name; an email that is no address is a warning", "[mail]") {
    request::Request r = letter();
    Diagnostics none("r.md");
    CHECK_FALSE(cli::draft_for(r, "r.pdf", "", "", std::nullopt, none).from);
    request::Executor executor;  // member by member: GCC 12 misreads the designated initializer (-Wmaybe-uninitialized)
    executor.name = {"И. И. Иванова", {9, 9}};
    executor.email = request::Text{"zapros@example.org", {10, 10}};
    r.meta.executor = executor;
    Diagnostics diags("r.md");
    const mail::Draft d = cli::draft_for(r, "r.pdf", "", "", std::nullopt, diags);
    REQUIRE(d.from);
    CHECK(d.from->name == "И. И. Иванова");
    CHECK(d.from->address == "zapros@example.org");
    r.meta.executor->email = request::Text{"zapros at example.org", {10, 10}};
    Diagnostics bad("r.md");
    CHECK_FALSE(cli::draft_for(r, "r.pdf", "", "", std::nullopt, bad).from);
    const std::vector<std::string> m = test::messages(bad);
    CHECK(std::find(m.begin(), m.end(),
                    "10:10: warning: the executor's email is no address (local@domain): the e-mail draft has no From") !=
          m.end());
}

TEST_CASE("an addressee's email that is no address is a warning, and the draft's To leaves it out", "[mail]") {
    request::Request r = letter();
    r.meta.to[0].email = request::Text{"info@minjust.ru>, evil@example.org", {4, 12}};
    Diagnostics diags("r.md");
    const mail::Draft d = cli::draft_for(r, "r.pdf", "", "", std::nullopt, diags);
    CHECK(d.to.empty());
    CHECK(test::messages(diags).at(0) ==
          "4:12: warning: this email is no address (local@domain): the e-mail draft's To misses it");
}

TEST_CASE("the draft's text: the front matter's email: text, else the letter's text twin", "[mail]") {
    request::Request r = letter();
    Diagnostics diags("r.md");
    const std::string twin = "Запрос о статистике\n\nПрошу сообщить…\n";
    CHECK(cli::draft_for(r, "r.pdf", "", twin, std::nullopt, diags).text == twin);
    r.meta.email = request::Text{"Добрый день!\nЗапрос во вложении.\n", {7, 8}};
    CHECK(cli::draft_for(r, "r.pdf", "", twin, std::nullopt, diags).text == "Добрый день!\nЗапрос во вложении.\n");
    r.meta.email->value = "Добрый день!";  // as the front matter's plain scalar gives it: the line ended
    CHECK(cli::draft_for(r, "r.pdf", "", twin, std::nullopt, diags).text == "Добрый день!\n");
}
