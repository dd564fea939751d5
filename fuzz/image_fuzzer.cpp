// libFuzzer target: any bytes as an image file (a request may name any file as an image) →
// image::decode. Must end in an Image or an ImageError, never a crash, a leak or a read outside
// the bytes (libpng and libjpeg longjmp out of their errors). Bytes with neither signature are
// also tried as a PNG's and as a JPEG's body, so that the fuzzer need not find the signatures.
// Seeded by image_seeds (small PNGs of every colour type, JPEGs gray, RGB, CMYK, with EXIF).
#include <cstddef>
#include <cstdint>
#include <string>

#include "image/image.hpp"

namespace {

void decode(const std::string& bytes) {
    try {
        const auto im = zapros::image::decode(bytes);
        (void)im.natural_width();
        (void)im.natural_height();
    } catch (const zapros::image::ImageError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    decode(bytes);
    const bool png = bytes.starts_with("\x89PNG\r\n\x1a\n"), jpeg = bytes.starts_with("\xFF\xD8\xFF");
    if (!png && !jpeg) {
        decode("\x89PNG\r\n\x1a\n" + bytes);
        decode("\xFF\xD8\xFF" + bytes);
    }
    return 0;
}
