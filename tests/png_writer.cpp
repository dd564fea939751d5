#include "png_writer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace zapros::test {

namespace {

std::uint32_t crc32(const std::string& s) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : s) {
        c ^= static_cast<std::uint8_t>(ch);
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return c ^ 0xFFFFFFFFu;
}

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string chunk(const std::string& type, const std::string& data) {
    const std::string body = type + data;
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(crc32(body));
}

// A zlib stream of stored blocks (RFC 1950, 1951 §3.2.4).
std::string zlib_stored(const std::string& raw) {
    std::string out = "\x78\x01";
    std::uint32_t a = 1, b = 0;
    for (const char ch : raw) {
        a = (a + static_cast<std::uint8_t>(ch)) % 65521;
        b = (b + a) % 65521;
    }
    std::size_t at = 0;
    do {
        const std::size_t n = std::min<std::size_t>(raw.size() - at, 65535);
        const bool last = at + n == raw.size();
        out += static_cast<char>(last ? 1 : 0);
        out += static_cast<char>(n & 0xFF);
        out += static_cast<char>(n >> 8);
        out += static_cast<char>(~n & 0xFF);
        out += static_cast<char>((~n >> 8) & 0xFF);
        out.append(raw, at, n);
        at += n;
    } while (at < raw.size());
    return out + be32((b << 16) | a);
}

}  // namespace

std::string png(int width, int height, double dpi) {
    std::string ihdr = be32(static_cast<std::uint32_t>(width)) + be32(static_cast<std::uint32_t>(height));
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bits, RGB, deflate, no filter, not interlaced
    std::string raw;
    const std::string row = std::string(1, '\0') + std::string(static_cast<std::size_t>(width) * 3, '\x60');
    for (int y = 0; y < height; ++y) raw += row;
    std::string out = "\x89PNG\r\n\x1a\n";
    out += chunk("IHDR", ihdr);
    if (dpi > 0) {
        const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
        out += chunk("pHYs", be32(per_metre) + be32(per_metre) + std::string(1, '\x01'));
    }
    out += chunk("IDAT", zlib_stored(raw));
    return out + chunk("IEND", "");
}

}  // namespace zapros::test
