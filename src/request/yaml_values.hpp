#pragma once
// Inside request/: the front matter's values read as the README promises, for every map of it
// (the top level, a signature, the letter's parts): YAML 1.2 core schema types, a blank optional
// value as absent, unknown keys with the nearest known one, wrong types naming the expected one.
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/front_matter.hpp"
#include "request/request.hpp"

namespace zapros::request {

// A key as a message quotes it, cut when too long to quote whole.
std::string quote_key(std::string_view key);

// What a value is, in the words of an error message: "empty", "a list", "a mapping",
// "true/false", "a number" or "a string".
std::string_view type_name(const YamlNode& n);
bool is_string(const YamlNode& n);
// A value written empty: `key:`, `key: ~`, `key: ""`, or a string of blanks only.
bool is_blank(const YamlNode& n);
// A value that would print as nothing: blank, or only spaces of any width and invisible characters.
bool shows_nothing(const YamlNode& n);
bool has_key(const YamlNode& map, std::string_view key);
// The key node of `key` in a mapping; null when it is not there.
const YamlNode* key_node(const YamlNode& map, std::string_view key);

using KeyValue = std::function<void(const std::string& key, const YamlNode& value)>;

// Walks the pairs of a mapping, reporting non-scalar, duplicate and unknown keys and required
// keys written empty; calls f(key, value) for each known key whose value is not blank (a blank
// optional key is as if it were left out). `where` names the map's keys in a message.
void for_each_key(const YamlNode& map, std::span<const std::string_view> known,
                  std::span<const std::string_view> required, std::string_view where, Diagnostics& diags,
                  const KeyValue& f);

// Typed values, each refused with a positioned error naming the type expected.
class ValueReader {
public:
    explicit ValueReader(Diagnostics& diags) : diags_(diags) {}

    // quoting_helps: the value in quotes would be taken (a string is expected), so say so.
    void wrong_type(const YamlNode& v, std::string_view key, std::string_view expected, bool quoting_helps = true);
    std::optional<Text> string(const YamlNode& v, std::string_view key);
    // A string, or a YAML number taken as written (a registration number 17, a phone).
    std::optional<Text> text(const YamlNode& v, std::string_view key);
    // A string or a list of strings (a '|' block keeps its lines); with `required`, no item may
    // print as nothing and the list may not be empty.
    std::vector<Text> lines(const YamlNode& v, std::string_view key, bool required);
    std::optional<bool> boolean(const YamlNode& v, std::string_view key);
    std::optional<Date> date(const YamlNode& v, std::string_view key);
    // A whole number from least to most; anything else is refused as "'KEY' must be EXPECTED".
    std::optional<int> integer(const YamlNode& v, std::string_view key, int least, int most,
                               std::string_view expected);

    Diagnostics& diags() { return diags_; }

private:
    Diagnostics& diags_;
};

}  // namespace zapros::request
