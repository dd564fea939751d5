// render --eml: the draft beside the PDF, read back by Python's email package; what fills its
// headers, and the make and CI reports that must know of it.
#include <catch2/catch.hpp>

#include "base/sha256.hpp"
#include "mail/eml_support.hpp"
#include "support.hpp"

using zapros::test::Json;
using zapros::test::read;
using zapros::test::run;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::string dated =
    "---\n"
    "title: Запрос о статистике\n"
    "to:\n"
    "  - Министерство юстиции\n"
    "  - Министерство цифрового развития\n"
    "date: 2024-03-15\n"
    "executor:\n"
    "  name: И. И. Иванова\n"
    "  email: zapros@example.org\n"
    "---\n"
    "Текст запроса.\n";

const std::string undated = "---\ntitle: Request\nlang: en\nto: Ministry\n---\nText.\n";

zapros::test::Run render(const std::vector<std::string>& env, std::vector<std::string> args, const fs::path& dir) {
    std::vector<std::string> argv{"env", "-u", "SOURCE_DATE_EPOCH"};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.push_back(zapros::test::binary().string());
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, dir);
}

}  // namespace

TEST_CASE("render --eml writes NAME.eml beside NAME.pdf: Subject the title, From the executor, the PDF attached",
          "[ci][mail]") {
    const auto dir = temp_dir("eml-render");
    write(dir / "r.md", dated);
    const auto r = render({}, {"render", "r.md", "-o", "out/r.pdf", "--eml", "--format", "pdf,txt"},
                          (fs::create_directories(dir / "out"), dir));
    INFO(r.err);
    REQUIRE(r.status == 0);
    const std::string eml = read(dir / "out/r.eml");
    zapros::test::check_lines(eml);
    const Json j = zapros::test::read_eml(dir / "out/r.eml");
    CHECK(j["subject"].s == "Запрос о статистике");
    CHECK(j["from"].a.at(0)["name"].s == "И. И. Иванова");
    CHECK(j["from"].a.at(0)["address"].s == "zapros@example.org");
    // The front matter's date at noon UTC: 15 March wherever the reader is, from UTC−11 to UTC+11.
    CHECK(j["date"].s == "2024-03-15T12:00:00+00:00");
    REQUIRE(j["attachments"].a.size() == 1);
    CHECK(j["attachments"].a[0]["filename"].s == "r.pdf");
    CHECK(j["attachments"].a[0]["sha256"].s == zapros::sha256_hex(read(dir / "out/r.pdf")));
    // No email: key, so the letter's text twin, the same as render --format txt writes.
    CHECK(j["text"].s == read(dir / "out/r.txt"));
    CHECK(j["text"].s.find("статистике") != std::string::npos);  // the title (its "о" tied to the next word)
}

TEST_CASE("render --eml warns at each addressee without an email that the draft's To misses it", "[ci][mail]") {
    const auto dir = temp_dir("eml-no-email");
    write(dir / "r.md", dated);
    const auto r = render({}, {"render", "r.md", "--eml"}, dir);
    REQUIRE(r.status == 0);  // a warning: the draft is still written
    CHECK(r.err.find("r.md:4:5: warning: this addressee has no email: the e-mail draft's To misses it") != std::string::npos);
    CHECK(r.err.find("r.md:5:5: warning: this addressee has no email") != std::string::npos);
    CHECK(zapros::test::read_eml(dir / "r.eml")["to"].kind == Json::Kind::null);
}

TEST_CASE("render --eml: Date from SOURCE_DATE_EPOCH without a date, none without either, never the clock",
          "[ci][mail]") {
    const auto dir = temp_dir("eml-date");
    write(dir / "r.md", undated);
    REQUIRE(render({"SOURCE_DATE_EPOCH=1490227200"}, {"render", "r.md", "--eml", "--format", "pdf,txt"}, dir).status == 0);
    const Json j = zapros::test::read_eml(dir / "r.eml");
    CHECK(j["date"].s == "2017-03-23T00:00:00+00:00");  // date -u -d @1490227200
    CHECK(j["text"].s == read(dir / "r.txt"));
    CHECK(j["from"].kind == Json::Kind::null);  // no executor: the mail client fills it in
    REQUIRE(render({}, {"render", "r.md", "--eml"}, dir).status == 0);
    CHECK(zapros::test::read_eml(dir / "r.eml")["date"].kind == Json::Kind::null);
    CHECK(read(dir / "r.eml").find("Date:") == std::string::npos);
}

TEST_CASE("render --eml twice gives the same bytes", "[ci][mail]") {
    const auto dir = temp_dir("eml-twice");
    write(dir / "r.md", dated);
    REQUIRE(render({}, {"render", "r.md", "--eml", "-o", "a.pdf"}, dir).status == 0);
    REQUIRE(render({}, {"render", "r.md", "--eml", "-o", "b.pdf"}, dir).status == 0);
    const std::string a = read(dir / "a.eml"), b = read(dir / "b.eml");
    // The attachment's name is the only difference the two outputs' names make.
    CHECK(a.size() == b.size());
    REQUIRE(render({}, {"render", "r.md", "--eml", "-o", "a.pdf"}, dir).status == 0);
    CHECK(read(dir / "a.eml") == a);
}

TEST_CASE("render --eml: the draft is a target of the depfile and a line of --outputs-file", "[ci][mail]") {
    const auto dir = temp_dir("eml-make");
    write(dir / "r.md", dated);
    REQUIRE(render({}, {"render", "r.md", "--eml", "-MD", "--depfile", "r.dep", "--outputs-file", "list"}, dir).status == 0);
    CHECK(read(dir / "r.dep").rfind("r.pdf r.eml: \\\n  r.md", 0) == 0);
    CHECK(read(dir / "r.pdf.d").rfind("r.pdf r.eml:", 0) == 0);
    CHECK(read(dir / "list") == "r.pdf\nr.eml\n");
}

TEST_CASE("render --eml with a request in error writes no draft", "[ci][mail]") {
    const auto dir = temp_dir("eml-broken");
    write(dir / "r.md", "---\ntitle: Запрос\nto: 5\n---\nТекст.\n");
    CHECK(render({}, {"render", "r.md", "--eml"}, dir).status == 1);
    CHECK_FALSE(fs::exists(dir / "r.eml"));
    CHECK_FALSE(fs::exists(dir / "r.pdf"));
}

TEST_CASE("render --eml refuses standard output, --trace, a text-only render and an -o naming the draft", "[ci][mail]") {
    const auto dir = temp_dir("eml-usage");
    write(dir / "r.md", dated);
    CHECK(run_zapros({"render", "r.md", "--eml", "-o", "-"}, dir).status == 2);
    CHECK(run_zapros({"render", "r.md", "--eml", "--trace"}, dir).status == 2);
    const auto text_only = run_zapros({"render", "r.md", "--eml", "--format", "txt"}, dir);
    CHECK(text_only.status == 2);
    CHECK(text_only.err.find("--eml attaches the PDF, and --format txt writes none") != std::string::npos);
    const auto named = run_zapros({"render", "r.md", "--eml", "-o", "r.eml"}, dir);
    CHECK(named.status == 2);
    CHECK(named.err.find("-o names the PDF") != std::string::npos);
    CHECK(zapros::test::temporaries(dir).empty());
    CHECK_FALSE(fs::exists(dir / "r.eml"));
}

TEST_CASE("render --eml: To holds each addressee's email from the to: mappings, the body the email: text",
          "[ci][mail]") {
    const auto dir = temp_dir("eml-mappings");
    write(dir / "r.md",
          "---\n"
          "title: Запрос о статистике обращений граждан\n"
          "to:\n"
          "  - name: Министерство юстиции Российской Федерации\n"
          "    email: info@minjust.ru\n"
          "  - name: \"Press Office, Ltd.\"\n"
          "    email: press@example.org\n"
          "  - name: Архив\n"
          "email: |\n"
          "  Добрый день!\n"
          "\n"
          "  Направляем запрос редакции; PDF во вложении.\n"
          "---\n"
          "Текст запроса.\n");
    const auto r = render({"SOURCE_DATE_EPOCH=1490227200"}, {"render", "r.md", "--eml"}, dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("r.md:8:5: warning: this addressee has no email") != std::string::npos);
    zapros::test::check_lines(read(dir / "r.eml"));
    const Json j = zapros::test::read_eml(dir / "r.eml");
    REQUIRE(j["to"].a.size() == 2);
    CHECK(j["to"].a[0]["name"].s == "Министерство юстиции Российской Федерации");
    CHECK(j["to"].a[0]["address"].s == "info@minjust.ru");
    CHECK(j["to"].a[1]["name"].s == "Press Office, Ltd.");  // a comma and a dot: encoded, not a second address
    CHECK(j["to"].a[1]["address"].s == "press@example.org");
    CHECK(j["text"].s == "Добрый день!\n\nНаправляем запрос редакции; PDF во вложении.\n");
    CHECK(j["subject"].s == "Запрос о статистике обращений граждан");
    const std::string view = zapros::test::mu_view(dir / "r.eml");
    CHECK(view.find("Министерство юстиции Российской Федерации <info@minjust.ru>") != std::string::npos);
    CHECK(view.find("Subject: Запрос о статистике обращений граждан") != std::string::npos);
}
