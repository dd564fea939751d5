#pragma once
// A small JSON reader for tests (the schema, diagnostics in JSON): enough of RFC 8259 to read
// what we write and what we ship; throws std::runtime_error on anything else.
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace zapros::test {

struct Json {
    enum class Kind { null, boolean, number, string, array, object };
    Kind kind = Kind::null;
    bool b = false;
    double n = 0;
    std::string s;
    std::vector<Json> a;
    std::map<std::string, Json> o;

    const Json& operator[](const std::string& key) const;
    bool has(const std::string& key) const { return kind == Kind::object && o.count(key); }
};

Json parse_json(const std::string& text);

}  // namespace zapros::test
