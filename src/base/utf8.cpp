#include "base/utf8.hpp"

#include <cstdio>

namespace zapros::utf8 {

namespace {

// Length of the sequence introduced by lead byte b, or 0 if b cannot start one.
int sequence_length(unsigned char b) {
    if (b < 0x80) return 1;
    if (b >= 0xC2 && b <= 0xDF) return 2;
    if (b >= 0xE0 && b <= 0xEF) return 3;
    if (b >= 0xF0 && b <= 0xF4) return 4;
    return 0;
}

bool continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Decodes one sequence at s[i]; returns its length, or 0 when it is invalid (Unicode 15 table 3-7).
int decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const int n = sequence_length(b0);
    if (n == 0 || i + n > s.size()) return 0;
    if (n == 1) {
        cp = b0;
        return 1;
    }
    const auto b1 = static_cast<unsigned char>(s[i + 1]);
    if (!continuation(b1)) return 0;
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 > 0x9F) return 0;   // surrogates
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 > 0x8F) return 0;   // above U+10FFFF
    char32_t v = b0 & (0xFF >> (n + 1));
    for (int k = 1; k < n; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (!continuation(b)) return 0;
        v = (v << 6) | (b & 0x3F);
    }
    cp = v;
    return n;
}

}  // namespace

char32_t next_slow(std::string_view s, std::size_t& i) {
    char32_t cp = 0;
    const int n = decode(s, i, cp);
    if (n == 0) {
        ++i;
        return 0xFFFD;
    }
    i += n;
    return cp;
}

std::optional<std::size_t> first_invalid(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        // Fast path over ASCII.
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        char32_t cp;
        const int n = decode(s, i, cp);
        if (n == 0) return i;
        i += n;
    }
    return std::nullopt;
}

void append_slow(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string encode(char32_t cp) {
    std::string s;
    append(s, cp);
    return s;
}

std::size_t length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += !continuation(c);
    return n;
}

std::string_view prefix(std::string_view s, std::size_t most) {
    if (s.size() <= most) return s;
    std::size_t n = most;
    while (n > 0 && continuation(static_cast<unsigned char>(s[n]))) --n;
    return s.substr(0, n);
}

std::string code_point_name(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}


std::string to_lower(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) append(out, to_lower(next(s, i)));
    return out;
}

}  // namespace zapros::utf8
