// schema/request.schema.json and the parser agree on every key and type: each key of one is a
// key of the other, a value of the schema's type parses, a value of another type is refused.
#include <catch2/catch.hpp>

#include <set>

#include "json.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using namespace zapros;
using test::Json;

namespace {

const Json& schema() {
    static const Json j = test::parse_json(test::read(test::source_dir() / "schema" / "request.schema.json"));
    return j;
}

// A YAML value of the given JSON type (valid for our keys).
std::string sample(const Json& s, const std::string& key) {
    if (s.has("enum")) return s["enum"].a.front().s;
    if (s.has("oneOf")) return sample(s["oneOf"].a.front(), key);
    const std::string type = s.has("type") ? s["type"].s : "";
    if (type == "string") return key == "date" ? "2017-03-23" : "\"Текст\"";
    if (type == "boolean") return "true";
    if (type == "array") {
        if (s["items"].has("properties")) return "[{role: Редактор, name: С. С. Смирнов}]";
        return "[\"первый\", \"второй\"]";
    }
    return "?";
}

// The types a key's schema allows: "string", "array", "boolean" (oneOf counted).
std::set<std::string> types(const Json& s) {
    std::set<std::string> out;
    if (s.has("type")) out.insert(s["type"].s);
    if (s.has("oneOf"))
        for (const Json& alt : s["oneOf"].a) out.insert(alt["type"].s);
    return out;
}

Diagnostics parse_with(const std::string& key, const std::string& value) {
    std::string yaml = "title: Запрос\nto: МИД\n";
    if (key == "title" || key == "to") yaml = key == "title" ? "to: МИД\n" : "title: Запрос\n";
    Diagnostics d("t.md");
    request::parse("t.md", "---\n" + yaml + key + ": " + value + "\n---\nТекст.\n", d);
    return d;
}

}  // namespace

TEST_CASE("the schema names exactly the keys the parser accepts", "[schema]") {
    std::set<std::string> in_schema, in_parser;
    for (const auto& [k, _] : schema()["properties"].o) in_schema.insert(k);
    for (std::string_view k : request::front_matter_keys()) in_parser.insert(std::string(k));
    CHECK(in_schema == in_parser);
    CHECK_FALSE(schema()["additionalProperties"].b);  // unknown keys are errors in both

    std::set<std::string> sig_schema, sig_parser;
    for (const auto& [k, _] : schema()["properties"]["signatures"]["items"]["properties"].o) sig_schema.insert(k);
    for (std::string_view k : request::signature_keys()) sig_parser.insert(std::string(k));
    CHECK(sig_schema == sig_parser);
}

TEST_CASE("the schema's required keys are the ones the parser requires", "[schema]") {
    std::set<std::string> required;
    for (const Json& k : schema()["required"].a) required.insert(k.s);
    CHECK(required == std::set<std::string>{"title", "to"});
    for (std::string_view key : request::front_matter_keys()) {
        // A request with only this key left out of the minimal one.
        Diagnostics d("t.md");
        const std::string k(key);
        const std::string yaml = std::string(k == "title" ? "" : "title: Запрос\n") + (k == "to" ? "" : "to: МИД\n");
        request::parse("t.md", "---\n" + yaml + "---\nТекст.\n", d);
        INFO(k);
        CHECK(d.has_errors() == (required.count(k) > 0));
    }
}

TEST_CASE("a value of each key's schema type parses, a value of another type is refused", "[schema]") {
    for (const auto& [key, s] : schema()["properties"].o) {
        INFO("key " << key);
        const Diagnostics ok = parse_with(key, sample(s, key));
        CHECK_FALSE(ok.has_errors());
        const std::set<std::string> allowed = types(s);
        // Wrong types: a number for strings and lists, a list for booleans and strings, a
        // mapping for everything.
        if (!allowed.count("number")) CHECK(parse_with(key, "42").has_errors());
        if (!allowed.count("array")) CHECK(parse_with(key, "[a, b]").has_errors());
        CHECK(parse_with(key, "{a: b}").has_errors());
    }
}

TEST_CASE("lang's enum is what the parser accepts", "[schema]") {
    for (const Json& v : schema()["properties"]["lang"]["enum"].a) CHECK_FALSE(parse_with("lang", v.s).has_errors());
    CHECK(parse_with("lang", "de").has_errors());
}

TEST_CASE("the date pattern and the parser agree", "[schema]") {
    CHECK(schema()["properties"]["date"]["pattern"].s == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    CHECK_FALSE(parse_with("date", "2017-03-23").has_errors());
    CHECK(parse_with("date", "23.03.2017").has_errors());
}

TEST_CASE("a signature needs a role, as the schema says", "[schema]") {
    const Json& item = schema()["properties"]["signatures"]["items"];
    REQUIRE(item["required"].a.size() == 1);
    CHECK(item["required"].a[0].s == "role");
    CHECK(parse_with("signatures", "[{name: С. С. Смирнов}]").has_errors());
    CHECK_FALSE(parse_with("signatures", "[{role: Редактор}]").has_errors());
}
