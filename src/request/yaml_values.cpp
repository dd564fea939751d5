#include "request/yaml_values.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include "base/chars.hpp"
#include "base/utf8.hpp"
#include "request/suggest.hpp"

namespace zapros::request {

namespace {

using Kind = YamlNode::Kind;

bool digits(std::string_view s, std::size_t from, std::size_t to, int base = 10) {
    if (from >= to) return false;
    for (std::size_t i = from; i < to; ++i) {
        const char c = s[i];
        const bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                                   : c >= '0' && c < static_cast<char>('0' + base);
        if (!ok) return false;
    }
    return true;
}

// YAML 1.2 core schema numbers: [-+]?(.N|N(.N?)?)([eE][-+]?N)?, 0xH, 0oO, [-+]?.inf, .nan.
bool core_number(std::string_view v) {
    if (v.size() > 2 && v[0] == '0' && v[1] == 'x') return digits(v, 2, v.size(), 16);
    if (v.size() > 2 && v[0] == '0' && v[1] == 'o') return digits(v, 2, v.size(), 8);
    std::size_t i = (!v.empty() && (v[0] == '+' || v[0] == '-')) ? 1 : 0;
    const std::string_view rest = v.substr(i);
    if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
    if (i == 0 && (v == ".nan" || v == ".NaN" || v == ".NAN")) return true;
    const std::size_t int_end = std::min(v.find_first_not_of("0123456789", i), v.size());
    std::size_t frac_end = int_end;
    bool mantissa = int_end > i;
    if (frac_end < v.size() && v[frac_end] == '.') {
        const std::size_t f = std::min(v.find_first_not_of("0123456789", frac_end + 1), v.size());
        mantissa |= f > frac_end + 1;
        frac_end = f;
    }
    if (!mantissa) return false;
    if (frac_end == v.size()) return true;
    if (v[frac_end] != 'e' && v[frac_end] != 'E') return false;
    std::size_t e = frac_end + 1;
    if (e < v.size() && (v[e] == '+' || v[e] == '-')) ++e;
    return digits(v, e, v.size());
}

std::string known_list(std::span<const std::string_view> known) {
    std::string s;
    for (std::string_view k : known) s += (s.empty() ? "" : ", ") + std::string(k);
    return s;
}

// A '|' block keeps its lines but not its final line end.
std::string trim_block(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

// Whole up to 60 bytes, else cut at a character boundary with "…" (a megabyte key would make a
// megabyte line).
std::string quote_key(std::string_view key) {
    constexpr std::size_t most = 60;
    if (key.size() <= most) return "'" + std::string(key) + "'";
    return "'" + std::string(utf8::prefix(key, most)) + "…' (" + std::to_string(key.size()) + " bytes)";
}

// Unquoted scalars follow YAML 1.2's core schema, so `to: 5` is a number and `hyphenate: no` is
// a string, as in every modern YAML tool.
std::string_view type_name(const YamlNode& n) {
    switch (n.kind) {
    case Kind::null: return "empty";
    case Kind::sequence: return "a list";
    case Kind::mapping: return "a mapping";
    case Kind::scalar: break;
    }
    if (!n.plain) return "a string";
    const std::string& v = n.value;
    if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE")
        return "true/false";
    if (v == "null" || v == "Null" || v == "NULL" || v == "~") return "empty";
    if (core_number(v)) return "a number";
    return "a string";
}

bool is_string(const YamlNode& n) { return type_name(n) == "a string"; }

// An optional key written so gives the same letter as leaving it out (the blank to fill in by
// hand, or the default); a required one is an error.
bool is_blank(const YamlNode& n) {
    if (n.kind == Kind::null) return true;
    if (n.kind != Kind::scalar) return false;
    if (type_name(n) == "empty") return true;
    return is_string(n) && n.value.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool shows_nothing(const YamlNode& n) {
    if (is_blank(n)) return true;
    if (!is_string(n)) return false;
    for (std::size_t i = 0; i < n.value.size();) {
        const char32_t c = utf8::next(n.value, i);
        if (c != U' ' && c != U'\t' && c != U'\r' && c != U'\n' && c != 0xA0 && !chars::invisible(c) && !chars::fixed_space(c)) return false;
    }
    return true;
}

const YamlNode* key_node(const YamlNode& map, std::string_view key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
        if (map.items[i].value == key) return &map.items[i];
    return nullptr;
}

bool has_key(const YamlNode& map, std::string_view key) { return key_node(map, key) != nullptr; }

void for_each_key(const YamlNode& map, std::span<const std::string_view> known,
                  std::span<const std::string_view> required, std::string_view where, Diagnostics& diags,
                  const KeyValue& f) {
    // By key, the first place each is given: a lookup per key, however many keys there are.
    std::unordered_map<std::string_view, const YamlNode*> seen;
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2) {
        const YamlNode& key = map.items[i];
        const YamlNode& value = map.items[i + 1];
        if (key.kind != Kind::scalar) {
            diags.error(key.pos, std::string(where) + " keys must be plain words");
            continue;
        }
        const auto [first, fresh] = seen.try_emplace(key.value, &key);
        if (!fresh) {
            diags.error(key.pos, "duplicate key " + quote_key(key.value) + " (first given at line " +
                                     std::to_string(first->second->pos.line) + ")");
            continue;
        }
        // yaml-cpp places an empty value at the next token; the key is where the reader looks.
        YamlNode at_key;
        const YamlNode* v = &value;
        if (value.kind == Kind::null) {
            at_key = value;
            at_key.pos = key.pos;
            v = &at_key;
        }
        if (std::find(known.begin(), known.end(), key.value) == known.end()) {
            const std::string s = suggestion(key.value, known);
            if (!s.empty())
                diags.error(key.pos, "unknown key " + quote_key(key.value) + "; did you mean '" + s + "'?");
            else
                diags.error(key.pos, "unknown key " + quote_key(key.value), "known keys: " + known_list(known));
            continue;
        }
        if (v->reported) continue;
        if (!is_blank(*v)) {
            f(key.value, *v);
        } else if (std::find(required.begin(), required.end(), key.value) != required.end()) {
            diags.error(v->pos, "'" + key.value + "' is empty");
        }
    }
}

void ValueReader::wrong_type(const YamlNode& v, std::string_view key, std::string_view expected, bool quoting_helps) {
    std::string hint;
    if (quoting_helps && v.kind == Kind::scalar && v.plain) hint = "to use it as text, put it in quotes: " + std::string(key) + ": \"" + v.value + "\"";
    diags_.error(v.pos, "'" + std::string(key) + "' must be " + std::string(expected) + ", not " +
                            std::string(type_name(v)),
                 hint);
}

std::optional<Text> ValueReader::string(const YamlNode& v, std::string_view key) {
    if (!is_string(v)) {
        wrong_type(v, key, "a string");
        return std::nullopt;
    }
    return Text{trim_block(v.value), v.pos};
}

std::optional<Text> ValueReader::text(const YamlNode& v, std::string_view key) {
    if (type_name(v) == "a number") return Text{v.value, v.pos};
    return string(v, key);
}

std::vector<Text> ValueReader::lines(const YamlNode& v, std::string_view key, bool required) {
    std::vector<Text> out;
    if (v.kind == Kind::sequence) {
        Pos last = v.pos;
        for (std::size_t k = 0; k < v.items.size(); ++k) {
            const YamlNode& item = v.items[k];
            // yaml-cpp places a null item ("- ", "- ~") at the next token: take the line after
            // the item before it, or the list's own place.
            last = item.kind != Kind::null ? item.pos : k > 0 ? Pos{last.line + 1, last.col} : v.pos;
            if (required && shows_nothing(item)) {  // an addressee with no name
                diags_.error(last, "an item of '" + std::string(key) + "' is empty", "write the addressee, or remove the item");
                continue;
            }
            if (!is_string(item)) {
                wrong_type(item, key, "a list of strings; this item is not a string");
                continue;
            }
            out.push_back({trim_block(item.value), item.pos});
        }
        if (v.items.empty() && required) diags_.error(v.pos, "'" + std::string(key) + "' is an empty list");
    } else if (is_string(v)) {
        out.push_back({trim_block(v.value), v.pos});
    } else {
        wrong_type(v, key, "a string or a list of strings");
    }
    return out;
}

std::optional<bool> ValueReader::boolean(const YamlNode& v, std::string_view key) {
    if (type_name(v) != "true/false") {
        wrong_type(v, key, "true or false");
        return std::nullopt;
    }
    return v.value[0] == 't' || v.value[0] == 'T';
}

std::optional<Date> ValueReader::date(const YamlNode& v, std::string_view key) {
    const std::string k(key);
    if (v.kind != Kind::scalar) {
        wrong_type(v, key, "a date written YYYY-MM-DD");
        return std::nullopt;
    }
    const std::string& s = v.value;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4) || !digits(s, 5, 7) || !digits(s, 8, 10)) {
        diags_.error(v.pos, "'" + k + "' must be written YYYY-MM-DD, like 2017-03-23; got '" + v.value + "'");
        return std::nullopt;
    }
    const Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
    if (!is_calendar_date(d)) {
        diags_.error(v.pos, "'" + k + "' " + v.value + " is not a calendar date");
        return std::nullopt;
    }
    return d;
}

std::optional<int> ValueReader::integer(const YamlNode& v, std::string_view key, int least, int most,
                                        std::string_view expected) {
    if (type_name(v) != "a number") {
        wrong_type(v, key, expected, false);  // a quoted number is a string, refused all the same
        return std::nullopt;
    }
    // Whole decimal numbers only; digits past ten cannot be in any range we take.
    const std::string& s = v.value;
    const std::size_t from = s[0] == '+' ? 1 : 0;
    const bool whole = digits(s, from, s.size()) && s.size() - from <= 10;
    const long long n = whole ? std::stoll(s.substr(from)) : 0;
    if (!whole || n < least || n > most) {
        diags_.error(v.pos, "'" + std::string(key) + "' must be " + std::string(expected) + ", not " + s);
        return std::nullopt;
    }
    return static_cast<int>(n);
}

}  // namespace zapros::request
