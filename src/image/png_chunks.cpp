#include "image/png_chunks.hpp"

#include <libdeflate.h>

#include <cstdint>

#include "image/image.hpp"

namespace zapros::image {

namespace {

// PNG spec §5.3: a chunk is length (4, big-endian), type (4), data (length), CRC (4).
struct Chunk {
    std::string_view type, data;
    std::uint32_t crc;  // as stored, over type and data
};

std::uint32_t big_endian(std::string_view s, std::size_t at) {
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v = v << 8 | std::uint8_t(s[at + i]);
    return v;
}

// Calls f(chunk) for every chunk from the signature to IEND.
template <class F>
void each_chunk(std::string_view png, F f) {
    std::size_t at = 8;
    while (at < png.size()) {
        if (png.size() - at < 12) throw ImageError("truncated PNG: a chunk's header is cut");
        const std::uint32_t length = big_endian(png, at);
        if (length > png.size() - at - 12) throw ImageError("truncated PNG: a chunk's data is cut");
        const Chunk c{png.substr(at + 4, 4), png.substr(at + 8, length), big_endian(png, at + 8 + length)};
        f(c);
        if (c.type == "IEND") return;
        at += 12 + std::size_t(length);
    }
    throw ImageError("truncated PNG: the file ends before IEND");
}

// PNG spec §5.4: a decoder must refuse a critical chunk with a wrong CRC, and may ignore an
// ancillary one (libpng drops it with a warning).
void check_crc(const Chunk& c) {
    if (std::uint8_t(c.type[0]) & 0x20) return;
    const std::uint32_t crc = libdeflate_crc32(libdeflate_crc32(0, c.type.data(), 4), c.data.data(), c.data.size());
    if (crc != c.crc) throw ImageError("corrupt PNG: " + std::string(c.type) + ": CRC error");
}

}  // namespace

std::string idat_payloads(std::string_view png) {
    std::size_t total = 0;
    each_chunk(png, [&](const Chunk& c) {
        check_crc(c);
        total += c.type == "IDAT" ? c.data.size() : 0;
    });
    std::string out;
    out.reserve(total);
    each_chunk(png, [&](const Chunk& c) {
        if (c.type == "IDAT") out += c.data;
    });
    return out;
}

}  // namespace zapros::image
