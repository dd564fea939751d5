// INTERIM (replaced by the full decoder): reads the size and resolution from the headers only.
#include "image/image.hpp"

#include <cstring>

namespace zapros::image {

namespace {

std::uint32_t be32(std::string_view b, std::size_t at) {
    return (std::uint32_t(std::uint8_t(b[at])) << 24) | (std::uint32_t(std::uint8_t(b[at + 1])) << 16) |
           (std::uint32_t(std::uint8_t(b[at + 2])) << 8) | std::uint32_t(std::uint8_t(b[at + 3]));
}
unsigned be16(std::string_view b, std::size_t at) {
    return (unsigned(std::uint8_t(b[at])) << 8) | unsigned(std::uint8_t(b[at + 1]));
}

Image png(std::string_view b, const Limits& limits) {
    if (b.size() < 33) throw ImageError("truncated PNG");
    Image im;
    im.width = static_cast<int>(be32(b, 16));
    im.height = static_cast<int>(be32(b, 20));
    im.dpi_x = im.dpi_y = limits.default_dpi;
    im.colour = Colour::rgb;
    im.data.assign(static_cast<std::size_t>(im.width) * im.height * 3, '\x80');
    return im;
}

Image jpeg(std::string_view b, const Limits& limits) {
    Image im;
    im.dpi_x = im.dpi_y = limits.default_dpi;
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (std::uint8_t(b[i]) != 0xFF) throw ImageError("corrupt JPEG");
        const unsigned m = std::uint8_t(b[i + 1]);
        const unsigned len = be16(b, i + 2);
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
            im.height = static_cast<int>(be16(b, i + 5));
            im.width = static_cast<int>(be16(b, i + 7));
            im.colour = std::uint8_t(b[i + 9]) == 1 ? Colour::gray : Colour::rgb;
            im.encoding = Encoding::dct;
            im.data = std::string(b);
            return im;
        }
        i += 2 + len;
    }
    throw ImageError("truncated JPEG");
}

}  // namespace

Image decode(std::string_view bytes, const Limits& limits) {
    if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1a\n", 8) == 0) return png(bytes, limits);
    if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xFF\xD8\xFF", 3) == 0) return jpeg(bytes, limits);
    throw ImageError("not a PNG or JPEG file");
}

}  // namespace zapros::image
