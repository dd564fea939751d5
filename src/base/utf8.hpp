#pragma once
// UTF-8 and the few character classes the typesetter needs (Latin and Cyrillic letters).
// Text inside the pipeline is always valid UTF-8: request::parse rejects anything else.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zapros::utf8 {

// Decodes the code point at s[i] and advances i. Requires valid UTF-8 (an invalid or truncated
// sequence yields U+FFFD and advances by one byte, so callers never loop forever). Inline for
// ASCII and the two-byte sequences Cyrillic takes: every stage walks text with it.
char32_t next_slow(std::string_view s, std::size_t& i);
inline char32_t next(std::string_view s, std::size_t& i) {
    if (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            return c;
        }
        if (c >= 0xC2 && c < 0xE0 && i + 1 < s.size()) {
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c1 & 0xC0) == 0x80) {
                i += 2;
                return static_cast<char32_t>((c & 0x1F) << 6 | (c1 & 0x3F));
            }
        }
    }
    return next_slow(s, i);
}

// The byte offset of the first invalid sequence (overlong forms, surrogates and code points above
// U+10FFFF are invalid), or nothing when s is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view s);

void append_slow(std::string& out, char32_t cp);
inline void append(std::string& out, char32_t cp) {  // ASCII and two-byte sequences inline
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        const char two[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        out.append(two, 2);
    } else {
        append_slow(out, cp);
    }
}
std::string encode(char32_t cp);

// cp as UTF-16 code units: one, or a surrogate pair above U+FFFF. Returns how many.
inline int utf16(char32_t cp, char16_t (&units)[2]) {
    if (cp < 0x10000) {
        units[0] = static_cast<char16_t>(cp);
        return 1;
    }
    units[0] = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
    units[1] = static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    return 2;
}
std::size_t length(std::string_view s);  // in code points
// The longest start of s of at most `most` bytes that ends between characters: s cut short
// without splitting one.
std::string_view prefix(std::string_view s, std::size_t most);

// "U+00AD"
std::string code_point_name(char32_t cp);

inline bool is_latin_letter(char32_t c) {
    return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') ||
           (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7);
}

inline bool is_cyrillic_letter(char32_t c) { return c >= 0x400 && c <= 0x4FF && !(c >= 0x482 && c <= 0x489); }

inline bool is_upper(char32_t c) {
    if (c >= U'A' && c <= U'Z') return true;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return true;
    if (c >= 0x410 && c <= 0x42F) return true;  // А–Я
    if (c >= 0x400 && c <= 0x40F) return true;  // Ѐ–Џ (Ё among them)
    return false;
}

inline char32_t to_lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 32;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

inline bool is_letter(char32_t c) { return is_latin_letter(c) || is_cyrillic_letter(c); }
inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
std::string to_lower(std::string_view s);

}  // namespace zapros::utf8
