// schema/request.schema.json and the parser agree on every key and type: each key of one is a
// key of the other, a value of the schema's type parses, a value of another type is refused.
#include <catch2/catch.hpp>

#include <regex>
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

// A key's schema for a value written out: an optional key's first alternative (the other is blank).
const Json& written(const std::string& key) {
    const Json& s = schema()["properties"][key];
    return s.has("anyOf") ? s["anyOf"].a.front() : s;
}

const Json& signature_item() { return written("signatures")["items"]; }

// A YAML value of the given JSON type (valid for our keys).
std::string sample(const Json& s, const std::string& key) {
    if (s.has("enum")) return s["enum"].a.front().s;
    if (s.has("oneOf")) return sample(s["oneOf"].a.front(), key);
    if (s.has("anyOf")) return sample(s["anyOf"].a.front(), key);
    const std::string type = s.has("type") ? s["type"].s : "";
    if (type == "string") return key == "date" ? "2017-03-23" : "\"Текст\"";
    if (type == "boolean") return "true";
    if (type == "array") {
        if (s["items"].has("properties")) return "[{role: Редактор, name: С. С. Смирнов}]";
        return "[\"первый\", \"второй\"]";
    }
    return "?";
}

// The alternative a "$ref": "#/$defs/NAME" names.
const Json& resolved(const Json& s) {
    if (!s.has("$ref")) return s;
    const std::string ref = s["$ref"].s;
    REQUIRE(ref.rfind("#/$defs/", 0) == 0);
    return schema()["$defs"][ref.substr(8)];
}

// The types a key's schema allows: "string", "array", "boolean", "null" (alternatives counted).
std::set<std::string> types(const Json& s) {
    std::set<std::string> out;
    if (s.has("type")) out.insert(s["type"].s);
    for (const char* alternatives : {"oneOf", "anyOf"})
        if (s.has(alternatives))
            for (const Json& alt : s[alternatives].a)
                for (const std::string& t : types(resolved(alt))) out.insert(t);
    return out;
}

// Whether the schema s accepts a scalar value (null or a string): the part of JSON Schema our
// schema uses for them (type, enum, pattern, anyOf, oneOf, $ref).
bool accepts(const Json& s, const Json& value) {
    if (s.has("$ref")) return accepts(resolved(s), value);
    if (s.has("anyOf") || s.has("oneOf")) {
        const bool any = s.has("anyOf");
        int n = 0;
        for (const Json& alt : s[any ? "anyOf" : "oneOf"].a) n += accepts(alt, value);
        return any ? n > 0 : n == 1;
    }
    const bool is_null = value.kind == Json::Kind::null;
    if (s.has("type") && s["type"].s != (is_null ? "null" : "string")) return false;
    if (s.has("enum")) {
        bool listed = false;
        for (const Json& e : s["enum"].a) listed |= e.kind == value.kind && e.s == value.s;
        if (!listed) return false;
    }
    if (s.has("pattern") && !std::regex_search(value.s, std::regex(s["pattern"].s, std::regex::ECMAScript))) return false;
    return true;
}

Diagnostics parse_with(const std::string& key, const std::string& value) {
    std::string yaml = "title: Запрос\nto: МИД\n";
    if (key == "title" || key == "to") yaml = key == "title" ? "to: МИД\n" : "title: Запрос\n";
    // A signature's keys, in a signature.
    if (key == "name") return parse_with("signatures", "\n  - role: Редактор\n    name: " + value);
    if (key == "role") return parse_with("signatures", "\n  - role: " + value);
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
    for (const auto& [k, _] : signature_item()["properties"].o) sig_schema.insert(k);
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
    for (const Json& v : written("lang")["enum"].a) CHECK_FALSE(parse_with("lang", v.s).has_errors());
    CHECK(parse_with("lang", "de").has_errors());
}

TEST_CASE("the date pattern and the parser agree", "[schema]") {
    CHECK(written("date")["pattern"].s == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    CHECK_FALSE(parse_with("date", "2017-03-23").has_errors());
    CHECK(parse_with("date", "23.03.2017").has_errors());
}

TEST_CASE("a signature needs a role, as the schema says", "[schema]") {
    const Json& item = signature_item();
    REQUIRE(item["required"].a.size() == 1);
    CHECK(item["required"].a[0].s == "role");
    CHECK(parse_with("signatures", "[{name: С. С. Смирнов}]").has_errors());
    CHECK_FALSE(parse_with("signatures", "[{role: Редактор}]").has_errors());
}

TEST_CASE("the schema and the parser let exactly the optional keys be written empty", "[schema][blank]") {
    Json null_value, empty, blanks;
    empty.kind = blanks.kind = Json::Kind::string;
    blanks.s = "  ";
    const Json& sig = signature_item();
    std::vector<std::pair<std::string, const Json*>> keys;
    for (const auto& [k, s] : schema()["properties"].o) keys.emplace_back(k, &s);
    for (const auto& [k, s] : sig["properties"].o) keys.emplace_back(k, &s);
    std::set<std::string> required;
    for (const Json& k : schema()["required"].a) required.insert(k.s);
    for (const Json& k : sig["required"].a) required.insert(k.s);
    for (const auto& [key, s] : keys) {
        INFO("key " << key);
        const bool optional = !required.count(key);
        for (const Json* v : {&null_value, &empty, &blanks}) CHECK(accepts(*s, *v) == optional);
        for (const std::string yaml : {"", " ~", " \"\"", " \"  \""})
            CHECK(parse_with(key, yaml).has_errors() == !optional);
    }
}

TEST_CASE("an addressee list's items may not be blank, in the schema as in the parser", "[schema][blank]") {
    const Json* items = nullptr;
    for (const Json& alt : schema()["properties"]["to"]["oneOf"].a)
        if (alt["type"].s == "array") items = &alt["items"];
    REQUIRE(items);
    Json name, empty, blanks;
    name.kind = empty.kind = blanks.kind = Json::Kind::string;
    name.s = "МИД";
    blanks.s = "  ";
    CHECK(accepts(*items, name));
    CHECK_FALSE(accepts(*items, empty));
    CHECK_FALSE(accepts(*items, blanks));
    CHECK_FALSE(parse_with("to", "[\"МИД\"]").has_errors());
    CHECK(parse_with("to", "[\"МИД\", \"\"]").has_errors());
    CHECK(parse_with("to", "[\"  \"]").has_errors());
}
