#include "image/png_chunks.hpp"

#include <cstdint>

#include "image/image.hpp"

namespace zapros::image {

namespace {

// PNG spec §5.3: a chunk is length (4, big-endian), type (4), data (length), CRC (4).
struct Chunk {
    std::string_view type, data;
};

// Calls f(chunk) for every chunk from the signature to IEND.
template <class F>
void each_chunk(std::string_view png, F f) {
    std::size_t at = 8;
    while (at < png.size()) {
        if (png.size() - at < 12) throw ImageError("truncated PNG: a chunk's header is cut");
        std::uint32_t length = 0;
        for (int i = 0; i < 4; ++i) length = length << 8 | std::uint8_t(png[at + i]);
        if (length > png.size() - at - 12) throw ImageError("truncated PNG: a chunk's data is cut");
        const Chunk c{png.substr(at + 4, 4), png.substr(at + 8, length)};
        f(c);
        if (c.type == "IEND") return;
        at += 12 + std::size_t(length);
    }
}

}  // namespace

std::string idat_payloads(std::string_view png) {
    std::size_t total = 0;
    each_chunk(png, [&](const Chunk& c) { total += c.type == "IDAT" ? c.data.size() : 0; });
    std::string out;
    out.reserve(total);
    each_chunk(png, [&](const Chunk& c) {
        if (c.type == "IDAT") out += c.data;
    });
    return out;
}

}  // namespace zapros::image
