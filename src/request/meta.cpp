// Front matter keys and types: YamlNode tree → Meta. Every problem is reported, not just the first.
#include <algorithm>
#include <array>
#include <charconv>
#include <cctype>
#include <unordered_map>

#include "base/chars.hpp"
#include "base/utf8.hpp"
#include "request/front_matter.hpp"
#include "request/parse.hpp"
#include "request/suggest.hpp"

namespace zapros::request {

namespace {

// A key as a message quotes it: whole up to 60 bytes, else cut at a character boundary with
// "…" (a megabyte key would make a megabyte line).
std::string quote_key(std::string_view key) {
    constexpr std::size_t most = 60;
    if (key.size() <= most) return "'" + std::string(key) + "'";
    return "'" + std::string(utf8::prefix(key, most)) + "…' (" + std::to_string(key.size()) + " bytes)";
}

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

// What a value is, in the words of an error message. Unquoted scalars follow YAML 1.2's core
// schema, so `to: 5` is a number and `hyphenate: no` is a string, as in every modern YAML tool.
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

// A value written empty: `key:`, `key: ~`, `key: ""`, or a string of blanks only. An optional
// key written so gives the same letter as leaving it out (the blank to fill in by hand, or the
// default); a required one is an error.
bool is_blank(const YamlNode& n) {
    if (n.kind == Kind::null) return true;
    if (n.kind != Kind::scalar) return false;
    if (type_name(n) == "empty") return true;
    return is_string(n) && n.value.find_first_not_of(" \t\r\n") == std::string::npos;
}

// An addressee that would print as nothing: blanks, spaces of any width, invisible characters.
bool shows_nothing(const YamlNode& n) {
    if (is_blank(n)) return true;
    if (!is_string(n)) return false;
    for (std::size_t i = 0; i < n.value.size();) {
        const char32_t c = utf8::next(n.value, i);
        if (c != U' ' && c != U'\t' && c != U'\r' && c != U'\n' && c != 0xA0 && !chars::invisible(c) && !chars::fixed_space(c)) return false;
    }
    return true;
}

bool has_key(const YamlNode& map, std::string_view key) {
    for (std::size_t i = 0; i + 1 < map.items.size(); i += 2)
        if (map.items[i].value == key) return true;
    return false;
}

template <std::size_t N>
std::string known_list(const std::array<std::string_view, N>& known) {
    std::string s;
    for (std::string_view k : known) s += (s.empty() ? "" : ", ") + std::string(k);
    return s;
}

constexpr std::array<std::string_view, 9> meta_keys = {
    "title", "lang", "to", "from", "date", "place", "signatures", "hyphenate", "repeat-hyphen"};
constexpr std::array<std::string_view, 2> signature_fields = {"role", "name"};
constexpr std::array<std::string_view, 2> meta_required = {"title", "to"};
constexpr std::array<std::string_view, 1> signature_required = {"role"};

// Walks the pairs of a mapping, reporting duplicate and unknown keys and required keys written
// empty; calls f(key, value) for each known key whose value is not blank (a blank optional key is
// as if it were left out).
template <std::size_t N, std::size_t R, typename F>
void for_each_key(const YamlNode& map, const std::array<std::string_view, N>& known,
                  const std::array<std::string_view, R>& required, std::string_view where,
                  Diagnostics& diags, F&& f) {
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

class MetaReader {
public:
    explicit MetaReader(Diagnostics& diags) : diags_(diags) {}

    Meta read(const YamlNode& root) {
        Meta meta;
        const Pos top{1, 1};  // the opening '---'
        if (root.kind != Kind::mapping && root.kind != Kind::null) {
            diags_.error(root.pos, "the front matter must be a mapping of keys (title: …), not " +
                                       std::string(type_name(root)));
            return meta;
        }
        for_each_key(root, meta_keys, meta_required, "front matter", diags_, [&](const std::string& key, const YamlNode& v) {
            if (key == "title") {
                if (auto t = string(v, key)) meta.title = *t;
            } else if (key == "lang") {
                read_lang(v, meta);
            } else if (key == "to") {
                meta.to = lines(v, key, true);
            } else if (key == "from") {
                meta.from = lines(v, key, false);
            } else if (key == "date") {
                read_date(v, meta);
            } else if (key == "place") {
                meta.place = string(v, key);
            } else if (key == "signatures") {
                meta.signatures = signatures(v);
            } else if (key == "hyphenate") {
                read_bool(v, key, meta.hyphenate);
            } else if (key == "repeat-hyphen") {
                read_bool(v, key, meta.repeat_hyphen);
            }
        });
        if (meta.to.size() > 4)
            diags_.warning(meta.to[4].pos, "more than four addressees; GOST R 7.0.97 addresses a letter to at most "
                                           "four, the others get it by a mailing list");
        // A key given empty or with a refused value is not missing: it has its own error.
        if (!has_key(root, "title")) diags_.error(top, "missing required key 'title'", "add a line: title: Информационный запрос");
        if (!has_key(root, "to")) diags_.error(top, "missing required key 'to' (the addressee)",
                                  "add a line: to: Министерство … Российской Федерации");
        return meta;
    }

private:
    void wrong_type(const YamlNode& v, std::string_view key, std::string_view expected) {
        std::string hint;
        if (v.kind == Kind::scalar && v.plain) hint = "to use it as text, put it in quotes: " + std::string(key) + ": \"" + v.value + "\"";
        diags_.error(v.pos, "'" + std::string(key) + "' must be " + std::string(expected) + ", not " +
                                std::string(type_name(v)),
                     hint);
    }

    std::optional<Text> string(const YamlNode& v, std::string_view key) {
        if (!is_string(v)) {
            wrong_type(v, key, "a string");
            return std::nullopt;
        }
        return Text{trim_block(v.value), v.pos};
    }

    // A string or a list of strings, e.g. several addressees.
    std::vector<Text> lines(const YamlNode& v, std::string_view key, bool required) {
        std::vector<Text> out;
        const std::string expected = "a string or a list of strings";
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
            wrong_type(v, key, expected);
        }
        return out;
    }

    void read_lang(const YamlNode& v, Meta& meta) {
        if (!is_string(v)) return wrong_type(v, "lang", "'ru' or 'en'");
        if (v.value == "ru") meta.lang = Lang::ru;
        else if (v.value == "en") meta.lang = Lang::en;
        else diags_.error(v.pos, "'lang' must be 'ru' or 'en', not '" + v.value + "'");
    }

    void read_bool(const YamlNode& v, std::string_view key, bool& out) {
        if (type_name(v) != "true/false") return wrong_type(v, key, "true or false");
        out = v.value[0] == 't' || v.value[0] == 'T';
    }

    void read_date(const YamlNode& v, Meta& meta) {
        meta.date_pos = v.pos;
        if (v.kind != Kind::scalar) return wrong_type(v, "date", "a date written YYYY-MM-DD");
        const std::string& s = v.value;
        if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 0, 4) || !digits(s, 5, 7) || !digits(s, 8, 10)) {
            diags_.error(v.pos, "'date' must be written YYYY-MM-DD, like 2017-03-23; got '" + v.value + "'");
            return;
        }
        Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
        static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
        const bool valid = d.month >= 1 && d.month <= 12 && d.day >= 1 &&
                           d.day <= days[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
        if (!valid) {
            diags_.error(v.pos, "'date' " + v.value + " is not a calendar date");
            return;
        }
        meta.date = d;
    }

    std::vector<Signature> signatures(const YamlNode& v) {
        std::vector<Signature> out;
        if (v.kind != Kind::sequence) {
            wrong_type(v, "signatures", "a list of {role, name}");
            return out;
        }
        for (const YamlNode& item : v.items) {
            if (item.kind != Kind::mapping) {
                wrong_type(item, "signatures", "a list of {role, name}; this item is not a mapping");
                continue;
            }
            Signature sig;
            for_each_key(item, signature_fields, signature_required, "signature", diags_,
                         [&](const std::string& key, const YamlNode& f) {
                             if (auto t = string(f, key)) (key == "role" ? sig.role : sig.name) = *t;
                         });
            if (!has_key(item, "role")) diags_.error(item.pos, "signature without 'role'", "e.g. - {role: Главный редактор, name: С. С. Смирнов}");
            out.push_back(std::move(sig));
        }
        return out;
    }

    // A '|' block keeps its lines but not its final line end.
    static std::string trim_block(std::string s) {
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s;
    }

    Diagnostics& diags_;
};

}  // namespace

Meta read_meta(const YamlNode& root, Diagnostics& diags) { return MetaReader(diags).read(root); }

std::span<const std::string_view> front_matter_keys() { return meta_keys; }
std::span<const std::string_view> signature_keys() { return signature_fields; }

}  // namespace zapros::request
