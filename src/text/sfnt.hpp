#pragma once
// Inside text/: reading and writing TrueType ("sfnt") data, for font.cpp (parsing) and
// subset.cpp (cutting a font down for embedding). Everything is big-endian.
#include <cstdint>
#include <string>
#include <string_view>

#include "text/font.hpp"

namespace zapros::text::sfnt {

// Reads with bounds checks: a font is input, not trusted. Throws FontError naming the file.
class Reader {
public:
    Reader(std::string_view data, const std::string& name) : data_(data), name_(name) {}

    std::uint32_t u32(std::size_t at) const {
        need(at, 4);
        return (byte(at) << 24) | (byte(at + 1) << 16) | (byte(at + 2) << 8) | byte(at + 3);
    }
    std::uint16_t u16(std::size_t at) const {
        need(at, 2);
        return static_cast<std::uint16_t>((byte(at) << 8) | byte(at + 1));
    }
    std::int16_t i16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
    std::uint8_t u8(std::size_t at) const {
        need(at, 1);
        return static_cast<std::uint8_t>(byte(at));
    }
    std::size_t size() const { return data_.size(); }

    void need(std::size_t at, std::size_t n) const {
        if (at > data_.size() || n > data_.size() - at) [[unlikely]]
            fail(at, n);
    }

private:
    [[noreturn]] [[gnu::noinline]] void fail(std::size_t at, std::size_t n) const {
        throw FontError(name_ + ": truncated or corrupt font (reading " + std::to_string(n) + " bytes at offset " +
                        std::to_string(at) + " of " + std::to_string(data_.size()) + ")");
    }

    std::uint32_t byte(std::size_t at) const { return static_cast<unsigned char>(data_[at]); }
    std::string_view data_;
    const std::string& name_;
};

inline void put16(std::string& s, std::size_t at, std::uint32_t v) {
    s[at] = static_cast<char>((v >> 8) & 0xFF);
    s[at + 1] = static_cast<char>(v & 0xFF);
}
inline void put32(std::string& s, std::size_t at, std::uint32_t v) {
    put16(s, at, v >> 16);
    put16(s, at + 2, v & 0xFFFF);
}
inline void add16(std::string& s, std::uint32_t v) {
    s += static_cast<char>((v >> 8) & 0xFF);
    s += static_cast<char>(v & 0xFF);
}
inline void add32(std::string& s, std::uint32_t v) {
    add16(s, v >> 16);
    add16(s, v & 0xFFFF);
}

// The table checksum of the OpenType spec: the sum of big-endian 32-bit words, zero-padded.
inline std::uint32_t checksum(std::string_view table) {
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < table.size(); i += 4) {
        std::uint32_t word = 0;
        for (std::size_t k = 0; k < 4; ++k)
            word = (word << 8) | (i + k < table.size() ? static_cast<unsigned char>(table[i + k]) : 0);
        sum += word;
    }
    return sum;
}

// The character map, the table at [cmap, cmap + length), into out (cmap.cpp), only glyph ids
// below glyphs. Throws FontError when the font has no Unicode subtable it can read.
void read_character_map(const Reader& r, std::size_t cmap, std::size_t length, std::uint32_t glyphs, GlyphMap& out,
                        const std::string& name);

// The largest power of two ≤ n and its log2: the binary-search fields of the table directory
// and of a format-4 character map.
struct Search {
    std::uint32_t power = 1, log = 0;
    explicit Search(std::size_t n) {
        while (power * 2 <= n) power *= 2, ++log;
    }
};

}  // namespace zapros::text::sfnt
