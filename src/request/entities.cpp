#include "request/entities.hpp"

#include <cstdint>

#include "base/utf8.hpp"
#include "request/html_tokens.hpp"
#include "request/markdown.hpp"

namespace zapros::request {

namespace {

bool ascii_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
    if (ascii_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// HTML reads a numeric reference to a C1 control as Windows-1252 would (the "numeric character
// reference end state" table); 0 marks the five codes Windows-1252 leaves undefined, kept as they are.
constexpr char16_t windows_1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

char32_t numeric_reference_value(std::uint32_t v) {
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0xFFFD;
    if (v >= 0x80 && v <= 0x9F && windows_1252[v - 0x80] != 0) return windows_1252[v - 0x80];
    return static_cast<char32_t>(v);
}

// "&#123;", "&#x7B;": any number of digits (a value past U+10FFFF saturates), the ';' optional.
std::size_t read_numeric(std::string_view s, std::size_t at, std::string& out) {
    std::size_t i = at + 2;
    const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_start = i;
    std::uint32_t v = 0;
    for (; i < s.size(); ++i) {
        const int d = hex ? hex_value(s[i]) : ascii_digit(s[i]) ? s[i] - '0' : -1;
        if (d < 0) break;
        v = v > 0x10FFFF ? v : v * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    }
    if (i == digits_start) return 0;
    if (i < s.size() && s[i] == ';') ++i;
    utf8::append(out, numeric_reference_value(v));
    return i - at;
}

}  // namespace

void NamedEntities::want(std::string_view name) {
    if (!names_.contains(name)) names_.emplace(std::string(name), std::string());
}

void NamedEntities::decode() {
    // One paragraph per name, "&name;\n\n" (a name of letters and digits opens no other Markdown),
    // in one parse for up to `batch` names, which every real request stays under: cmark holds two
    // nodes per paragraph, and a hostile request's millions of names would hold a gigabyte at once.
    constexpr std::size_t batch = 1 << 16;
    for (auto first = names_.begin(); first != names_.end();) {
        std::string doc;
        auto last = first;
        for (std::size_t n = 0; last != names_.end() && n < batch; ++last, ++n) doc += "&" + last->first + ";\n\n";
        const MarkdownTree tree = parse_markdown(doc);
        for (cmark_node* p = cmark_node_first_child(tree.get()); p && first != last; p = cmark_node_next(p), ++first) {
            std::string text;
            for (cmark_node* t = cmark_node_first_child(p); t; t = cmark_node_next(t)) text += literal(t);
            // cmark leaves a name it does not know as written.
            if (text != "&" + first->first + ";") first->second = std::move(text);
        }
        first = last;
    }
}

const std::string* NamedEntities::find(std::string_view name) const {
    const auto it = names_.find(name);
    return it == names_.end() || it->second.empty() ? nullptr : &it->second;
}

std::string_view entity_name_at(std::string_view s, std::size_t at) {
    if (at + 1 >= s.size() || s[at] != '&' || !ascii_letter(s[at + 1])) return {};
    std::size_t end = at + 1;
    while (end < s.size() && end - at <= max_entity_name && (ascii_letter(s[end]) || ascii_digit(s[end]))) ++end;
    if (end >= s.size() || s[end] != ';' || end - at - 1 > max_entity_name) return {};
    return s.substr(at + 1, end - at - 1);
}

std::size_t read_reference(std::string_view s, std::size_t at, const NamedEntities& named, std::string& out) {
    if (at + 1 >= s.size() || s[at] != '&') return 0;
    if (s[at + 1] == '#') return read_numeric(s, at, out);
    const std::string_view name = entity_name_at(s, at);
    const std::string* text = name.empty() ? nullptr : named.find(name);
    if (!text) return 0;
    out += *text;
    return name.size() + 2;
}

}  // namespace zapros::request
