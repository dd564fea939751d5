// schema/request.schema.json and the parser agree on every key and type: each key of one is a
// key of the other, a value of the schema's type parses, a value of another type is refused.
#include <catch2/catch.hpp>

#include <optional>
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

// The alternative a "$ref": "#/$defs/NAME" names.
const Json& resolved(const Json& s) {
    if (!s.has("$ref")) return s;
    const std::string ref = s["$ref"].s;
    REQUIRE(ref.rfind("#/$defs/", 0) == 0);
    return schema()["$defs"][ref.substr(8)];
}

// A YAML value of the given JSON type (valid for our keys): an image names the file that
// parse_with puts beside the request, a mapping holds its required keys.
std::string sample(const Json& s, const std::string& key) {
    if (s.has("$ref")) return s["$ref"].s == "#/$defs/image" ? "scan.png" : sample(resolved(s), key);
    if (s.has("enum")) {
        const Json& first = s["enum"].a.front();
        return first.kind == Json::Kind::number ? std::to_string(static_cast<int>(first.n)) : first.s;
    }
    if (s.has("oneOf")) return sample(s["oneOf"].a.front(), key);
    if (s.has("anyOf")) return sample(s["anyOf"].a.front(), key);
    const std::string type = s.has("type") ? s["type"].s : "";
    if (type == "string") {
        if (key == "date" || key == "sent" || key == "delivered" || key == "answered") return "2017-03-23";
        if (key == "slug") return "mid";
        return key == "email" ? "a@example.org" : "\"Текст\"";
    }
    if (type == "boolean") return "true";
    if (type == "number") return "17";
    if (type == "integer") return std::to_string(static_cast<int>(s.has("minimum") ? s["minimum"].n : 1));
    if (type == "array") return "[" + sample(s["items"], key) + "]";
    if (type == "object") {
        std::string out;
        for (const Json& k : s["required"].a) out += (out.empty() ? "" : ", ") + k.s + ": " + sample(s["properties"][k.s], k.s);
        return "{" + out + "}";
    }
    return "?";
}

// The mapping a key's value is, or each of its items is; null for a key that takes none.
const Json* object_of(const Json& s) {
    if (s.has("$ref")) return object_of(resolved(s));
    if (s.has("type") && s["type"].s == "object") return &s;
    if (s.has("items")) return object_of(s["items"]);
    for (const char* alternatives : {"oneOf", "anyOf"})
        if (s.has(alternatives))
            for (const Json& alt : s[alternatives].a)
                if (const Json* o = object_of(alt)) return o;
    return nullptr;
}

// Whether a key's value, written out, is a list (of the mapping object_of finds).
bool is_list(const Json& s) {
    if (s.has("type")) return s["type"].s == "array";
    for (const char* alternatives : {"oneOf", "anyOf"})
        if (s.has(alternatives))
            for (const Json& alt : s[alternatives].a)
                if (is_list(alt)) return true;
    return false;
}

// Every key of a mapping inside the front matter, with the key that holds the mapping.
struct SubKey {
    std::string parent, key;
    const Json* schema;
    bool required;
};
std::vector<SubKey> sub_keys() {
    std::vector<SubKey> out;
    for (const auto& [parent, s] : schema()["properties"].o) {
        const Json* o = object_of(s);
        if (!o) continue;
        std::set<std::string> required;
        for (const Json& k : (*o)["required"].a) required.insert(k.s);
        for (const auto& [key, ks] : (*o)["properties"].o) out.push_back({parent, key, &ks, required.count(key) > 0});
    }
    return out;
}

// The types a key's schema allows: "string", "array", "boolean", "null" (alternatives counted).
std::set<std::string> types(const Json& s) {
    if (s.has("$ref")) return types(resolved(s));
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

// The request holds an image scan.png beside it, and a signature (a stamp needs one).
Diagnostics parse_yaml(const std::string& lines) {
    static const auto dir = [] {
        const auto d = test::temp_dir("schema");
        test::write(d / "scan.png", "an image");
        return d;
    }();
    Diagnostics d("t.md");
    request::parse((dir / "t.md").string(), "---\n" + lines + "---\nТекст.\n", d);
    return d;
}

Diagnostics parse_with(const std::string& key, const std::string& value) {
    std::string yaml = "title: Запрос\nto: МИД\n";
    if (key == "title" || key == "to") yaml = key == "title" ? "to: МИД\n" : "title: Запрос\n";
    if (key != "signatures") yaml += "signatures: [{role: Редактор}]\n";
    return parse_yaml(yaml + key + ": " + value + "\n");
}

// A request whose mapping `parent` holds its required keys and `key: value` (none when value is
// left out: the mapping without key).
Diagnostics parse_sub(const std::string& parent, const std::string& key, const std::optional<std::string>& value) {
    const Json& s = schema()["properties"][parent];
    const Json& o = *object_of(s);
    std::vector<std::string> lines;
    for (const Json& k : o["required"].a)
        if (k.s != key) lines.push_back(k.s + ": " + sample(o["properties"][k.s], k.s));
    if (value) lines.push_back(key + ":" + *value);
    const bool list = is_list(s);
    std::string yaml = parent + ":\n" + (list ? "  - " : "  ");
    for (std::size_t i = 0; i < lines.size(); ++i) yaml += (i ? (list ? "    " : "  ") : "") + lines[i] + "\n";
    if (lines.empty()) yaml = parent + ": " + (list ? "[{}]" : "{}") + "\n";
    const std::string signed_by = parent == "signatures" ? "" : "signatures: [{role: Редактор}]\n";
    return parse_yaml(std::string("title: Запрос\n") + (parent == "to" ? "" : "to: МИД\n") + signed_by + yaml);
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

TEST_CASE("the schema names exactly the keys the parser accepts inside each mapping", "[schema]") {
    int mappings = 0;
    for (const auto& [key, s] : schema()["properties"].o) {
        INFO("key " << key);
        std::set<std::string> in_schema, in_parser;
        if (const Json* o = object_of(s)) {
            ++mappings;
            for (const auto& [k, _] : (*o)["properties"].o) in_schema.insert(k);
            CHECK((*o).has("additionalProperties"));
            CHECK_FALSE((*o)["additionalProperties"].b);  // unknown keys are errors in both
        }
        for (std::string_view k : request::sub_keys(key)) in_parser.insert(std::string(k));
        CHECK(in_schema == in_parser);
    }
    CHECK(mappings == 7);  // to, signatures, letterhead, reply-to, enclosures, stamp, executor
}

TEST_CASE("inside each mapping the schema's required keys are the ones the parser requires", "[schema]") {
    for (const SubKey& k : sub_keys()) {
        INFO(k.parent << "." << k.key);
        CHECK_FALSE(parse_sub(k.parent, k.key, " " + sample(*k.schema, k.key)).has_errors());
        CHECK(parse_sub(k.parent, k.key, std::nullopt).has_errors() == k.required);
    }
}

TEST_CASE("inside each mapping a value of another type than the schema's is refused", "[schema]") {
    for (const SubKey& k : sub_keys()) {
        INFO(k.parent << "." << k.key);
        const std::set<std::string> allowed = types(*k.schema);
        if (!allowed.count("number") && !allowed.count("integer")) CHECK(parse_sub(k.parent, k.key, " 42").has_errors());
        if (!allowed.count("array")) CHECK(parse_sub(k.parent, k.key, " [a, b]").has_errors());
        if (!allowed.count("string")) CHECK(parse_sub(k.parent, k.key, " слово").has_errors());
        CHECK(parse_sub(k.parent, k.key, " {a: b}").has_errors());
    }
}

TEST_CASE("the enums of paper, font-size and a letterhead's layout are what the parser accepts", "[schema]") {
    for (const Json& v : written("paper")["enum"].a) CHECK_FALSE(parse_with("paper", v.s).has_errors());
    CHECK(parse_with("paper", "a5").has_errors());
    std::set<int> sizes;
    for (const Json& v : written("font-size")["enum"].a) sizes.insert(static_cast<int>(v.n));
    for (int size = 0; size <= 100; ++size) {
        INFO("font-size " << size);
        CHECK(parse_with("font-size", std::to_string(size)).has_errors() == !sizes.count(size));
    }
    const Json& layout = object_of(schema()["properties"]["letterhead"])->operator[]("properties")["layout"]["anyOf"].a.front();
    for (const Json& v : layout["enum"].a) CHECK_FALSE(parse_sub("letterhead", "layout", " " + v.s).has_errors());
    CHECK(parse_sub("letterhead", "layout", " left").has_errors());
}

TEST_CASE("the bounds of sheets, copies and the stamp's signature are the parser's", "[schema]") {
    const Json& enclosure = *object_of(schema()["properties"]["enclosures"]);
    for (const char* key : {"sheets", "copies"}) {
        const Json& s = enclosure["properties"][key]["anyOf"].a.front();
        const int least = static_cast<int>(s["minimum"].n), most = static_cast<int>(s["maximum"].n);
        INFO(key);
        CHECK_FALSE(parse_sub("enclosures", key, " " + std::to_string(least)).has_errors());
        CHECK_FALSE(parse_sub("enclosures", key, " " + std::to_string(most)).has_errors());
        CHECK(parse_sub("enclosures", key, " " + std::to_string(least - 1)).has_errors());
        CHECK(parse_sub("enclosures", key, " " + std::to_string(most + 1)).has_errors());
    }
    const Json& signature = object_of(schema()["properties"]["stamp"])->operator[]("properties")["signature"]["anyOf"].a.front();
    CHECK(parse_sub("stamp", "signature", " " + std::to_string(static_cast<int>(signature["minimum"].n) - 1)).has_errors());
}

TEST_CASE("the e-mail pattern and the parser agree", "[schema]") {
    const Json& email = object_of(schema()["properties"]["executor"])->operator[]("properties")["email"]["anyOf"].a.front();
    for (const std::string address : {"a@example.org", "ivanova@", "@example.org", "a@b@c", "iva nova@example.org", "ivanova"}) {
        INFO(address);
        Json v;
        v.kind = Json::Kind::string;
        v.s = address;
        CHECK(parse_sub("executor", "email", " \"" + address + "\"").has_errors() == !accepts(email, v));
    }
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
    std::set<std::string> required;
    for (const Json& k : schema()["required"].a) required.insert(k.s);
    const std::vector<std::string> spellings = {"", " ~", " \"\"", " \"  \""};
    for (const auto& [key, s] : schema()["properties"].o) {
        INFO("key " << key);
        const bool optional = !required.count(key);
        for (const Json* v : {&null_value, &empty, &blanks}) CHECK(accepts(s, *v) == optional);
        for (const std::string& yaml : spellings) CHECK(parse_with(key, yaml).has_errors() == !optional);
    }
    for (const SubKey& k : sub_keys()) {
        INFO(k.parent << "." << k.key);
        for (const Json* v : {&null_value, &empty, &blanks}) CHECK(accepts(*k.schema, *v) == !k.required);
        for (const std::string& yaml : spellings) CHECK(parse_sub(k.parent, k.key, yaml).has_errors() == k.required);
    }
}

TEST_CASE("an addressee list's items may not be blank, in the schema as in the parser", "[schema][blank]") {
    const Json* items = nullptr;
    for (const Json& alt : schema()["properties"]["to"]["oneOf"].a)
        if (alt.has("type") && alt["type"].s == "array") items = &alt["items"];
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

TEST_CASE("pdf-standard's enum is what the parser accepts, and nothing else", "[schema]") {
    const Json& e = written("pdf-standard")["enum"];
    REQUIRE(e.a.size() == 3);
    for (const Json& v : e.a) CHECK_FALSE(parse_with("pdf-standard", v.s).has_errors());
    CHECK(parse_with("pdf-standard", "a-1b").has_errors());
}
