// Blank means blank: an optional front matter key written empty (`key:`, `key: ""`, `key: ~`, or
// blanks only) gives the same letter, byte for byte, as leaving the key out: the blank to fill in
// by hand, or the default. A required key written empty is an error at its position.
#include <catch2/catch.hpp>

#include "layout_support.hpp"
#include "support.hpp"

using zapros::test::messages;
using zapros::test::minimal_yaml;
using zapros::test::parse;
using zapros::test::request_text;
using Strings = std::vector<std::string>;

namespace {

const std::vector<std::string> empty_spellings = {"", " \"\"", " ~", " ''", " \"  \""};

// The PDF of a request whose front matter is yaml; empty (and a failed check) when it has errors.
std::string pdf(const std::string& yaml) {
    zapros::Diagnostics d("blank.md");
    const auto t = zapros::test::typeset_text(request_text(yaml, "Текст письма.\n"), d);
    INFO(yaml << Catch::Detail::stringify(messages(d)));
    CHECK_FALSE(d.has_errors());
    return t ? zapros::test::pipeline().pdf(*t) : std::string();
}

}  // namespace

// The defect: `date: ""` and `date:` were errors, and `place: ""` printed an empty place instead
// of the blank to fill in.
TEST_CASE("date written empty and place written \"\" parse as if left out", "[front-matter][blank]") {
    for (const std::string line : {"date: \"\"", "date:", "place: \"\""}) {
        INFO(line);
        const auto p = parse(request_text(minimal_yaml + line + "\n"));
        REQUIRE(p.req);
        CHECK(messages(p.diags).empty());
        CHECK_FALSE(p.req->meta.date);
        CHECK_FALSE(p.req->meta.place);
    }
}

TEST_CASE("every optional key written empty gives the same PDF as leaving it out", "[front-matter][blank]") {
    const std::string signed_by = "signatures:\n  - role: Главный редактор\n";
    const std::string reference = pdf(minimal_yaml + signed_by);
    REQUIRE_FALSE(reference.empty());
    for (const std::string key : {"lang", "from", "date", "place", "hyphenate", "repeat-hyphen", "letterhead", "number",
                                  "reply-to", "opening", "closing", "enclosures", "stamp", "executor", "paper", "font-size"})
        for (const std::string& empty : empty_spellings) {
            INFO(key << ":" << empty);
            CHECK(pdf(minimal_yaml + signed_by + key + ":" + empty + "\n") == reference);
        }
    for (const std::string& empty : empty_spellings)
        for (const std::string key : {"name", "image"}) {
            INFO(key << ":" << empty);
            CHECK(pdf(minimal_yaml + signed_by + "    " + key + ":" + empty + "\n") == reference);
        }
    const std::string unsigned_letter = pdf(minimal_yaml);
    REQUIRE_FALSE(unsigned_letter.empty());
    for (const std::string& empty : empty_spellings) {
        INFO("signatures:" << empty);
        CHECK(pdf(minimal_yaml + "signatures:" + empty + "\n") == unsigned_letter);
    }
}

TEST_CASE("a required key written empty is an error at its position", "[front-matter][blank]") {
    CHECK(messages(parse(request_text("title: \"\"\nto: МИД\n")).diags) == Strings{"2:8: error: 'title' is empty"});
    CHECK(messages(parse(request_text("title: ~\nto: МИД\n")).diags) == Strings{"2:1: error: 'title' is empty"});
    CHECK(messages(parse(request_text("title: Запрос\nto: \"  \"\n")).diags) == Strings{"3:5: error: 'to' is empty"});
    CHECK(messages(parse(request_text("title: Запрос\nto:\n")).diags) == Strings{"3:1: error: 'to' is empty"});
    CHECK(messages(parse(request_text(minimal_yaml + "signatures:\n  - role: ''\n    name: Смирнов\n")).diags) ==
          Strings{"5:11: error: 'role' is empty"});
}
