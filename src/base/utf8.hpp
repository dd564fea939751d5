#pragma once
// UTF-8 and the few character classes the typesetter needs (Latin and Cyrillic letters).
// Text inside the pipeline is always valid UTF-8: request::parse rejects anything else.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zapros::utf8 {

// Decodes the code point at s[i] and advances i. Requires valid UTF-8 (an invalid or truncated
// sequence yields U+FFFD and advances by one byte, so callers never loop forever).
char32_t next(std::string_view s, std::size_t& i);

// The byte offset of the first invalid sequence (overlong forms, surrogates and code points above
// U+10FFFF are invalid), or nothing when s is valid UTF-8.
std::optional<std::size_t> first_invalid(std::string_view s);

void append(std::string& out, char32_t cp);
std::string encode(char32_t cp);
std::size_t length(std::string_view s);  // in code points

// "U+00AD"
std::string code_point_name(char32_t cp);

bool is_latin_letter(char32_t c);
bool is_cyrillic_letter(char32_t c);
inline bool is_letter(char32_t c) { return is_latin_letter(c) || is_cyrillic_letter(c); }
inline bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_upper(char32_t c);
char32_t to_lower(char32_t c);
std::string to_lower(std::string_view s);

}  // namespace zapros::utf8
