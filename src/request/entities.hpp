#pragma once
// Inside request/: HTML's character references (HTML Living Standard §13.2.5.72–80), numeric
// ones decoded here, named ones looked up in a table that cmark-gfm fills: it knows every name
// HTML5 defines and decodes them in Markdown text, so one extra parse of the names a request's
// raw HTML uses decodes them all, and no second copy of the list lives here.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zapros::request {

// The longest name HTML5 knows ("CounterClockwiseContourIntegral") has 31 characters.
inline constexpr std::size_t max_entity_name = 32;

class NamedEntities {
public:
    // Asks for the name of "&name;" (without '&' and ';'); before decode().
    void want(std::string_view name);
    // Decodes every name asked for: one parse, or one per 65,536 names for a hostile number of them.
    void decode();
    // The text "&name;" stands for; nullptr when HTML has no such name (it then prints as written).
    const std::string* find(std::string_view name) const;

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    // name → its text; empty until decoded, and for a name HTML does not know.
    std::unordered_map<std::string, std::string, Hash, std::equal_to<>> names_;
};

// The character reference starting with the '&' at s[at]: appends what it stands for to out and
// returns its length; 0 (nothing appended) when s[at] starts none. Numeric references decode as
// HTML does (0, surrogates and values past U+10FFFF become U+FFFD; 0x80–0x9F are read as
// Windows-1252); a named one needs its ';' and a name HTML knows.
std::size_t read_reference(std::string_view s, std::size_t at, const NamedEntities& named, std::string& out);

// The name of a named reference candidate "&name;" at s[at] (letters and digits, starting with
// a letter, at most max_entity_name), or empty.
std::string_view entity_name_at(std::string_view s, std::size_t at);

}  // namespace zapros::request
