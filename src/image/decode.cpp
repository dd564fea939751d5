#include <cstring>
#include <string>

#include "image/formats.hpp"

namespace zapros::image {

Image decode(std::string_view bytes, const Limits& limits) {
    if (bytes.empty()) throw ImageError("empty file");
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1a\n", 8) == 0) return decode_png(bytes, limits);
    if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xFF\xD8\xFF", 3) == 0) return decode_jpeg(bytes, limits);
    throw ImageError("not a PNG or JPEG file");
}

void check_pixels(std::uint64_t width, std::uint64_t height, const Limits& limits) {
    const std::string size = std::to_string(width) + " × " + std::to_string(height) + " pixels";
    if (width == 0 || height == 0) throw ImageError(size + ": an image needs at least one row and one column");
    // PNG's sides are below 2^31 (libpng checks IHDR), JPEG's below 2^16: the product cannot overflow.
    if (width * height > limits.max_pixels) {
        const std::string limit = limits.max_pixels % 1'000'000 == 0
                                      ? std::to_string(limits.max_pixels / 1'000'000) + " megapixels"
                                      : std::to_string(limits.max_pixels) + " pixels";
        throw ImageError(size + ", more than the " + limit + " an image may have");
    }
}

void set_resolution(Image& im, double dpi_x, double dpi_y, const Limits& limits) {
    const auto sane = [&](double d) { return d >= limits.min_dpi && d <= limits.max_dpi; };
    const bool stated = sane(dpi_x) && sane(dpi_y);
    im.dpi_x = stated ? dpi_x : limits.default_dpi;
    im.dpi_y = stated ? dpi_y : limits.default_dpi;
}

}  // namespace zapros::image
