// The official letter's parts in the front matter (issue 16), one rule per test, each asserting
// the exact LINE:COL and message. Line 1 is the opening "---"; minimal_yaml holds lines 2–3, so
// the first key added stands on line 4.
#include <catch2/catch.hpp>

#include "request/parse.hpp"
#include "support.hpp"

using zapros::Pos;
using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

// The messages of a request made of minimal_yaml and these lines, in a file of the current
// directory (so a missing image was "looked in .").
Strings errors(const std::string& yaml) { return messages(parse(request_text(minimal_yaml + yaml)).diags); }

// A directory holding r.md's images.
fs::path with_images(const std::string& name) {
    const fs::path dir = zapros::test::temp_dir(name);
    for (const char* f : {"logo.png", "sign.png", "stamp.png"}) zapros::test::write(dir / f, "an image");
    return dir;
}

const std::string two_signatures = "signatures:\n  - role: Главный редактор\n  - role: Юрист\n";

}  // namespace

TEST_CASE("every letter part is read into the request with its position", "[front-matter][letter]") {
    const fs::path dir = with_images("letter-all");
    const auto p = parse(request_text(minimal_yaml +
                                      "letterhead:\n"                                      // 4
                                      "  name: Медиазона\n"                                // 5
                                      "  lines: |\n"                                       // 6
                                      "    Эл № ФС77-59216\n"                              // 7
                                      "    Москва\n"                                       // 8
                                      "  logo: logo.png\n"                                 // 9
                                      "  layout: centered\n"                               // 10
                                      "number: 17\n"                                       // 11
                                      "reply-to: {number: 12-3/456, date: 2024-03-01}\n"   // 12
                                      "opening: Уважаемый Иван Иванович!\n"                // 13
                                      "closing: С уважением,\n"                            // 14
                                      "enclosures:\n"                                      // 15
                                      "  - копия устава\n"                                 // 16
                                      "  - {title: выписка, sheets: 2, copies: 1}\n"       // 17
                                      "signatures:\n"                                      // 18
                                      "  - role: Главный редактор\n"                       // 19
                                      "    image: sign.png\n"                              // 20
                                      "stamp: {image: stamp.png, signature: 1}\n"          // 21
                                      "executor: {name: Иванова А. С., phone: 84950000000, email: a@example.org}\n"
                                      "paper: letter\n"
                                      "font-size: 14\n"),
                         (dir / "r.md").string());
    REQUIRE(p.req);
    CHECK(messages(p.diags).empty());
    const auto& m = p.req->meta;
    REQUIRE(m.letterhead);
    CHECK(m.letterhead->name.value == "Медиазона");
    CHECK(m.letterhead->name.pos == Pos{5, 9});
    REQUIRE(m.letterhead->lines.size() == 1);
    CHECK(m.letterhead->lines[0].value == "Эл № ФС77-59216\nМосква");  // a '|' block keeps its lines
    REQUIRE(m.letterhead->logo);
    CHECK(m.letterhead->logo->file.value == "logo.png");
    CHECK(m.letterhead->logo->file.pos == Pos{9, 9});
    CHECK(m.letterhead->logo->path == dir / "logo.png");
    CHECK(m.letterhead->centered);
    REQUIRE(m.number);
    CHECK(m.number->value == "17");  // a YAML number, taken as written
    CHECK(m.number->pos == Pos{11, 9});
    REQUIRE(m.reply_to);
    CHECK(m.reply_to->number.value == "12-3/456");
    CHECK(m.reply_to->number.pos == Pos{12, 20});
    CHECK(m.reply_to->date == zapros::request::Date{2024, 3, 1});
    CHECK(m.reply_to->date_pos == Pos{12, 36});
    CHECK(m.opening->value == "Уважаемый Иван Иванович!");
    CHECK(m.closing->value == "С уважением,");
    REQUIRE(m.enclosures.size() == 2);
    CHECK(m.enclosures[0].title.value == "копия устава");
    CHECK(m.enclosures[0].pos == Pos{16, 5});
    CHECK(m.enclosures[0].sheets == 0);
    CHECK(m.enclosures[1].title.value == "выписка");
    CHECK(m.enclosures[1].sheets == 2);
    CHECK(m.enclosures[1].copies == 1);
    REQUIRE(m.signatures[0].image);
    CHECK(m.signatures[0].image->path == dir / "sign.png");
    REQUIRE(m.stamp);
    CHECK(m.stamp->image.path == dir / "stamp.png");
    CHECK(m.stamp->signature == 1);
    REQUIRE(m.executor);
    CHECK(m.executor->name.value == "Иванова А. С.");
    CHECK(m.executor->phone->value == "84950000000");
    CHECK(m.executor->email->value == "a@example.org");
    CHECK(m.paper == zapros::request::Paper::letter);
    CHECK(m.font_size == 14);
    // The depfile's list: every image of the letter's parts, in the order written.
    CHECK(p.req->reads == Strings{(dir / "logo.png").string(), (dir / "sign.png").string(), (dir / "stamp.png").string()});
}

TEST_CASE("the letter parts' defaults: none, A4, 12 pt, an angular letterhead", "[front-matter][letter]") {
    const auto p = parse(request_text(minimal_yaml + "letterhead: {name: Медиазона}\n"));
    REQUIRE(p.req);
    const auto& m = p.req->meta;
    CHECK_FALSE(m.letterhead->centered);
    CHECK(m.letterhead->lines.empty());
    CHECK_FALSE(m.letterhead->logo);
    CHECK_FALSE(m.number);
    CHECK_FALSE(m.reply_to);
    CHECK(m.enclosures.empty());
    CHECK_FALSE(m.stamp);
    CHECK_FALSE(m.executor);
    CHECK(m.paper == zapros::request::Paper::a4);
    CHECK(m.font_size == 12);
}

TEST_CASE("a letterhead's lines may be a list of strings", "[front-matter][letter]") {
    const auto p = parse(request_text(minimal_yaml + "letterhead:\n  name: Медиазона\n  lines: [Москва, info@zona.media]\n"));
    REQUIRE(p.req);
    REQUIRE(p.req->meta.letterhead->lines.size() == 2);
    CHECK(p.req->meta.letterhead->lines[1].value == "info@zona.media");
    CHECK(errors("letterhead:\n  name: Медиазона\n  lines: [Москва, 5]\n") ==
          Strings{"6:19: error: 'lines' must be a list of strings; this item is not a string, not a number"});
}

TEST_CASE("a letterhead is a mapping with a name", "[front-matter][letter]") {
    CHECK(errors("letterhead: Медиазона\n") ==
          Strings{"4:13: error: 'letterhead' must be a mapping {name, lines, logo, layout}, not a string"});
    CHECK(errors("letterhead:\n  lines: Москва\n") == Strings{"5:3: error: letterhead without 'name'"});
    CHECK(errors("letterhead:\n  name: \"  \"\n") == Strings{"5:9: error: 'name' is empty"});
    CHECK(errors("letterhead:\n  name: 17\n") == Strings{"5:9: error: 'name' must be a string, not a number"});
}

TEST_CASE("an unknown key in a letterhead suggests the nearest one", "[front-matter][letter]") {
    CHECK(errors("letterhead:\n  name: Медиазона\n  lnes: Москва\n") ==
          Strings{"6:3: error: unknown key 'lnes'; did you mean 'lines'?"});
    CHECK(errors("letterhead:\n  name: Медиазона\n  лого: logo.png\n") == Strings{"6:3: error: unknown key 'лого'"});
}

TEST_CASE("a letterhead's layout is angular or centered", "[front-matter][letter]") {
    CHECK_FALSE(parse(request_text(minimal_yaml + "letterhead: {name: М, layout: angular}\n")).req->meta.letterhead->centered);
    CHECK(errors("letterhead: {name: М, layout: left}\n") ==
          Strings{"4:31: error: 'layout' must be 'angular' or 'centered', not 'left'"});
    CHECK(errors("letterhead: {name: М, layout: [centered]}\n") ==
          Strings{"4:31: error: 'layout' must be 'angular' or 'centered', not a list"});
}

TEST_CASE("a sender's block beside a letterhead is an error at from", "[front-matter][letter]") {
    CHECK(errors("from: Медиазона\nletterhead: {name: Медиазона}\n") ==
          Strings{"4:1: error: the letterhead already names the sender; keep one"});
    // from written empty is from left out.
    CHECK(errors("from: \"\"\nletterhead: {name: Медиазона}\n").empty());
}

TEST_CASE("the outgoing number is text, a YAML number taken as written", "[front-matter][letter]") {
    CHECK(parse(request_text(minimal_yaml + "number: 17/2024\n")).req->meta.number->value == "17/2024");
    CHECK(parse(request_text(minimal_yaml + "number: 017\n")).req->meta.number->value == "017");
    CHECK(errors("number: true\n") == Strings{"4:9: error: 'number' must be a string, not true/false"});
    CHECK(errors("number: [17]\n") == Strings{"4:9: error: 'number' must be a string, not a list"});
}

TEST_CASE("reply-to needs a number; its date is a calendar date", "[front-matter][letter]") {
    const auto p = parse(request_text(minimal_yaml + "reply-to:\n  number: 12-3/456\n"));
    REQUIRE(p.req);
    CHECK_FALSE(p.req->meta.reply_to->date);
    CHECK(errors("reply-to:\n  date: 2024-03-01\n") == Strings{"5:3: error: reply-to without 'number'"});
    CHECK(errors("reply-to: {number: 5, date: 2024-02-30}\n") == Strings{"4:29: error: 'date' 2024-02-30 is not a calendar date"});
    CHECK(errors("reply-to: {number: 5, date: 01.03.2024}\n") ==
          Strings{"4:29: error: 'date' must be written YYYY-MM-DD, like 2017-03-23; got '01.03.2024'"});
    CHECK(errors("reply-to: {number: 5, data: 2024-03-01}\n") == Strings{"4:23: error: unknown key 'data'; did you mean 'date'?"});
    CHECK(errors("reply-to: 12-3/456\n") == Strings{"4:11: error: 'reply-to' must be a mapping {number, date}, not a string"});
}

TEST_CASE("opening and closing are strings", "[front-matter][letter]") {
    CHECK(errors("opening: [Уважаемый]\n") == Strings{"4:10: error: 'opening' must be a string, not a list"});
    CHECK(errors("closing: 5\n") == Strings{"4:10: error: 'closing' must be a string, not a number"});
}

TEST_CASE("an enclosure is a title or a mapping with one", "[front-matter][letter]") {
    CHECK(errors("enclosures: копия устава\n") ==
          Strings{"4:13: error: 'enclosures' must be a list of titles or {title, sheets, copies}, not a string"});
    CHECK(errors("enclosures:\n  - [копия]\n") ==
          Strings{"5:5: error: 'enclosures' must be a list of titles or {title, sheets, copies}; this item is neither, not a list"});
    CHECK(errors("enclosures:\n  - sheets: 2\n") == Strings{"5:5: error: enclosure without 'title'"});
    CHECK(errors("enclosures:\n  - {title: \"\"}\n") == Strings{"5:13: error: 'title' is empty"});
    CHECK(errors("enclosures:\n  - {title: копия, sheet: 2}\n") == Strings{"5:20: error: unknown key 'sheet'; did you mean 'sheets'?"});
    // An empty item is an error at its own line, as an addressee's is.
    CHECK(errors("enclosures:\n  - копия\n  -\n  - \"\"\n") ==
          Strings{"6:5: error: an item of 'enclosures' is empty", "7:5: error: an item of 'enclosures' is empty"});
}

TEST_CASE("sheets and copies are whole numbers from 1 to 10000", "[front-matter][letter]") {
    const auto p = parse(request_text(minimal_yaml + "enclosures: [{title: копия, sheets: 10000, copies: 1}]\n"));
    REQUIRE(p.req);
    CHECK(p.req->meta.enclosures[0].sheets == 10000);
    const std::string expected = "must be a whole number from 1 to 10000, not ";
    CHECK(errors("enclosures: [{title: копия, sheets: 0}]\n") == Strings{"4:37: error: 'sheets' " + expected + "0"});
    CHECK(errors("enclosures: [{title: копия, sheets: 10001}]\n") == Strings{"4:37: error: 'sheets' " + expected + "10001"});
    CHECK(errors("enclosures: [{title: копия, copies: -1}]\n") == Strings{"4:37: error: 'copies' " + expected + "-1"});
    CHECK(errors("enclosures: [{title: копия, copies: 1.5}]\n") == Strings{"4:37: error: 'copies' " + expected + "1.5"});
    CHECK(errors("enclosures: [{title: копия, copies: 99999999999999999999}]\n") ==
          Strings{"4:37: error: 'copies' " + expected + "99999999999999999999"});
    CHECK(errors("enclosures: [{title: копия, sheets: два}]\n") == Strings{"4:37: error: 'sheets' " + expected + "a string"});
    CHECK(errors("enclosures: [{title: копия, sheets: \"2\"}]\n") == Strings{"4:37: error: 'sheets' " + expected + "a string"});
}

TEST_CASE("a signature may carry the image of a scanned signature", "[front-matter][letter]") {
    CHECK(errors("signatures:\n  - role: Редактор\n    image: нет.png\n") ==
          Strings{"6:12: error: image file 'нет.png' not found (looked in .)"});
    CHECK(errors("signatures:\n  - role: Редактор\n    imag: sign.png\n") ==
          Strings{"6:5: error: unknown key 'imag'; did you mean 'image'?"});
}

TEST_CASE("the stamp needs an image and goes over a signature that exists", "[front-matter][letter]") {
    const fs::path dir = with_images("letter-stamp");
    const auto in_dir = [&](const std::string& yaml) {
        return messages(parse(request_text(minimal_yaml + yaml), (dir / "r.md").string()).diags);
    };
    const auto p = parse(request_text(minimal_yaml + two_signatures + "stamp: {image: stamp.png, signature: 2}\n"),
                         (dir / "r.md").string());
    REQUIRE(p.req);
    CHECK(p.req->meta.stamp->signature == 2);
    // Lines 4–6 are the two signatures; the stamp stands on line 7.
    CHECK(in_dir(two_signatures + "stamp: {image: stamp.png, signature: 3}\n") ==
          Strings{"7:38: error: 'signature' is 3, but there are 2 signatures"});
    CHECK(in_dir("signatures:\n  - role: Редактор\nstamp: {image: stamp.png, signature: 2}\n") ==
          Strings{"6:38: error: 'signature' is 2, but there is 1 signature"});
    CHECK(in_dir(two_signatures + "stamp: {image: stamp.png, signature: 0}\n") ==
          Strings{"7:38: error: 'signature' must be the number of a signature (1 for the first), not 0"});
    CHECK(in_dir("stamp: {image: stamp.png}\n") ==
          Strings{"4:8: error: the stamp goes over a signature, but there are no signatures"});
    CHECK(in_dir(two_signatures + "stamp: {signature: 1}\n") == Strings{"7:8: error: stamp without 'image'"});
    CHECK(in_dir(two_signatures + "stamp: {image: ~}\n") == Strings{"7:9: error: 'image' is empty"});
    CHECK(in_dir(two_signatures + "stamp: stamp.png\n") ==
          Strings{"7:8: error: 'stamp' must be a mapping {image, signature}, not a string"});
}

TEST_CASE("the executor needs a name; an e-mail must look like an address", "[front-matter][letter]") {
    CHECK(errors("executor: {phone: +7 495 000-00-00}\n") == Strings{"4:11: error: executor without 'name'"});
    CHECK(errors("executor: {name: Иванова, email: a@b@c}\n") ==
          Strings{"4:34: error: 'email' must be an address like name@example.org, not 'a@b@c'"});
    for (const std::string bad : {"ivanova", "@example.org", "ivanova@", "iva nova@example.org"}) {
        INFO(bad);
        CHECK(errors("executor: {name: Иванова, email: \"" + bad + "\"}\n").size() == 1);
    }
    CHECK(errors("executor: {name: Иванова, emial: a@b.c}\n") == Strings{"4:27: error: unknown key 'emial'; did you mean 'email'?"});
    CHECK(errors("executor: {name: Иванова, phone: [1]}\n") == Strings{"4:34: error: 'phone' must be a string, not a list"});
}

TEST_CASE("paper is a4 or letter", "[front-matter][letter]") {
    CHECK(parse(request_text(minimal_yaml + "paper: a4\n")).req->meta.paper == zapros::request::Paper::a4);
    CHECK(errors("paper: A5\n") == Strings{"4:8: error: 'paper' must be 'a4' or 'letter', not 'A5'"});
    CHECK(errors("paper: 4\n") == Strings{"4:8: error: 'paper' must be 'a4' or 'letter', not a number"});
}

TEST_CASE("font-size is 12, 13 or 14 as GOST allows", "[front-matter][letter]") {
    for (const int size : {12, 13, 14})
        CHECK(parse(request_text(minimal_yaml + "font-size: " + std::to_string(size) + "\n")).req->meta.font_size == size);
    const std::string expected = "4:12: error: 'font-size' must be 12, 13 or 14 (GOST R 7.0.97 allows 12–14 pt), not ";
    CHECK(errors("font-size: 11\n") == Strings{expected + "11"});
    CHECK(errors("font-size: 15\n") == Strings{expected + "15"});
    CHECK(errors("font-size: 12.5\n") == Strings{expected + "12.5"});
    CHECK(errors("font-size: \"13\"\n") == Strings{expected + "a string"});
}

TEST_CASE("an optional letter part or sub-key written empty is left out", "[front-matter][letter][blank]") {
    for (const std::string yaml :
         {"letterhead:\n", "number: \"\"\n", "reply-to: ~\n", "opening:\n", "closing: \" \"\n", "enclosures:\n",
          "stamp:\n", "executor: ~\n", "paper:\n", "font-size: ~\n", "letterhead: {name: М, lines: ~, logo: \"\", layout: ~}\n",
          "reply-to: {number: 5, date: \"\"}\n", "enclosures: [{title: копия, sheets: ~, copies: \"\"}]\n",
          "executor: {name: Иванова, phone: ~, email: \"\"}\n", "signatures: [{role: Редактор, image: ~}]\n"}) {
        INFO(yaml);
        const auto p = parse(request_text(minimal_yaml + yaml));
        REQUIRE(p.req);
        CHECK(messages(p.diags).empty());
        CHECK(p.req->meta.paper == zapros::request::Paper::a4);
        CHECK(p.req->meta.font_size == 12);
        CHECK(p.req->reads.empty());
    }
    const auto p = parse(request_text(minimal_yaml + "executor: {name: Иванова, phone: ~, email: \"\"}\n"));
    CHECK_FALSE(p.req->meta.executor->phone);
    CHECK_FALSE(p.req->meta.executor->email);
}

TEST_CASE("a letter part's image is confined as a body image is", "[front-matter][letter]") {
    const fs::path root = zapros::test::temp_dir("letter-confined");
    const fs::path dir = root / "request", other = root / "logos";
    fs::create_directories(dir);
    fs::create_directories(other);
    zapros::test::write(other / "logo.png", "an image");
    fs::create_symlink(other / "logo.png", dir / "link.png");
    const std::string text = request_text(minimal_yaml + "letterhead: {name: М, logo: ../logos/logo.png}\n"
                                                         "signatures: [{role: Редактор, image: link.png}]\n"
                                                         "stamp: {image: /etc/passwd}\n");
    zapros::Diagnostics d((dir / "r.md").string());
    CHECK_FALSE(zapros::request::parse((dir / "r.md").string(), text, d));
    CHECK(messages(d) == Strings{"4:29: error: image file '../logos/logo.png' lies outside the request's directory",
                                 "5:38: error: image file 'link.png' lies outside the request's directory",
                                 "6:16: error: image file '/etc/passwd' lies outside the request's directory"});
    REQUIRE(d.size() == 3);
    CHECK(d.sorted()[0].hint ==
          "a request reads only files under its own directory; zapros render --allow-dir DIR allows another");
    // --allow-dir lets the logos in, and only them.
    zapros::Diagnostics allowed((dir / "r.md").string());
    zapros::request::Options options;
    options.allowed_dirs = {other};
    CHECK_FALSE(zapros::request::parse((dir / "r.md").string(), text, allowed, options));
    CHECK(messages(allowed) == Strings{"6:16: error: image file '/etc/passwd' lies outside the request's directory"});
}

TEST_CASE("a letter part's image may not be a URL: nothing is fetched", "[front-matter][letter]") {
    CHECK(errors("letterhead: {name: М, logo: \"https://zona.media/logo.png\"}\n") ==
          Strings{"4:29: error: remote images are not fetched: 'logo' must name a file"});
}

TEST_CASE("the front matter's images go to the depfile's list before the body's", "[front-matter][letter]") {
    const fs::path dir = with_images("letter-reads");
    const auto p = parse(request_text(minimal_yaml + "letterhead: {name: М, logo: logo.png}\n", "![скан](sign.png)\n"),
                         (dir / "r.md").string());
    REQUIRE(p.req);
    CHECK(p.req->reads == Strings{(dir / "logo.png").string(), (dir / "sign.png").string()});
}
