// A passed-through PNG's image data, checked with libdeflate: libpng would inflate it at a third
// of the speed and unfilter every row besides, for rows nobody reads (the PDF reader does).
#include <libdeflate.h>

#include <memory>
#include <string>

#include "image/image.hpp"
#include "image/png_chunks.hpp"

namespace zapros::image {

namespace {

struct FreeDecompressor {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

std::uint8_t byte(std::string_view s, std::size_t at) { return static_cast<std::uint8_t>(s[at]); }

}  // namespace

void check_image_data(std::string_view zlib, std::uint32_t height, std::size_t row_bytes) {
    // RFC 1950 §2.2: method 8 (deflate) with a window of at most 32 KiB, no preset dictionary,
    // the two header bytes a multiple of 31.
    if (zlib.size() < 2 || (byte(zlib, 0) & 0x0F) != 8 || byte(zlib, 0) >> 4 > 7 || (byte(zlib, 1) & 0x20) ||
        (byte(zlib, 0) << 8 | byte(zlib, 1)) % 31 != 0)
        throw ImageError("corrupt PNG: the image data has no zlib header");
    const std::size_t row = 1 + row_bytes, size = row * height;
    // Every byte is written by the inflater before it is read: no need to clear them first.
    const auto rows = std::make_unique_for_overwrite<unsigned char[]>(size);
    const std::unique_ptr<libdeflate_decompressor, FreeDecompressor> inflater(libdeflate_alloc_decompressor());
    if (!inflater) throw ImageError("out of memory for a PNG");
    std::size_t read = 0, written = 0;
    switch (libdeflate_deflate_decompress_ex(inflater.get(), zlib.data() + 2, zlib.size() - 2, rows.get(), size, &read,
                                             &written)) {
    case LIBDEFLATE_SUCCESS: break;
    case LIBDEFLATE_INSUFFICIENT_SPACE: throw ImageError("corrupt PNG: too much image data");
    default: throw ImageError("corrupt PNG: the image data's deflate stream is damaged");
    }
    if (written < size) throw ImageError("corrupt PNG: too little image data");
    // RFC 1950: the Adler-32 of the inflated bytes, big-endian, ends the stream. Bytes after it
    // are ignored, as libpng ignores them (and a PDF reader stops at the stream's end).
    const std::size_t end = 2 + read;
    if (zlib.size() - end < 4) throw ImageError("corrupt PNG: the image data's zlib stream has no checksum");
    const std::uint32_t stored = std::uint32_t(byte(zlib, end)) << 24 | std::uint32_t(byte(zlib, end + 1)) << 16 |
                                 std::uint32_t(byte(zlib, end + 2)) << 8 | byte(zlib, end + 3);
    if (libdeflate_adler32(1, rows.get(), size) != stored) throw ImageError("corrupt PNG: incorrect data check");
    // PNG spec §9.2: filter types 0–4. A PDF reader would stop at another.
    for (std::uint32_t y = 0; y < height; ++y)
        if (const unsigned f = rows[std::size_t(y) * row]; f > 4)
            throw ImageError("corrupt PNG: row " + std::to_string(y + 1) + " has filter type " + std::to_string(f) +
                             " (PNG has 0–4)");
}

}  // namespace zapros::image
