#include "image/exif.hpp"

#include <cstdint>
#include <optional>

namespace zapros::image {

namespace {

// TIFF 6.0 §2: the header's "II" or "MM" sets the byte order of every number after it.
class TiffReader {
public:
    explicit TiffReader(std::string_view b) : b_(b), little_(b.size() >= 2 && b[0] == 'I') {}

    std::optional<std::uint32_t> u16(std::uint64_t at) const {
        if (at + 2 > b_.size()) return std::nullopt;
        const auto p = [&](std::uint64_t i) { return std::uint32_t(std::uint8_t(b_[at + i])); };
        return little_ ? p(0) | p(1) << 8 : p(0) << 8 | p(1);
    }
    std::optional<std::uint32_t> u32(std::uint64_t at) const {
        const auto a = u16(at), b = u16(at + 2);
        if (!a || !b) return std::nullopt;
        return little_ ? *a | *b << 16 : *a << 16 | *b;
    }
    // A RATIONAL (type 5) whose 8 bytes the entry at `entry` points to.
    std::optional<double> rational(std::uint64_t entry) const {
        if (u16(entry + 2) != 5u) return std::nullopt;
        const auto at = u32(entry + 8);
        if (!at) return std::nullopt;
        const auto num = u32(*at), den = u32(std::uint64_t(*at) + 4);
        if (!num || !den || *den == 0) return std::nullopt;
        return double(*num) / double(*den);
    }
    // A SHORT (type 3) held in the entry itself.
    std::optional<std::uint32_t> short_value(std::uint64_t entry) const {
        if (u16(entry + 2) != 3u) return std::nullopt;
        return u16(entry + 8);
    }

private:
    std::string_view b_;
    bool little_;
};

}  // namespace

Exif read_exif(std::string_view tiff) {
    Exif exif;
    if (tiff.size() < 8 || !(tiff.substr(0, 4) == std::string_view("II*\0", 4) ||
                             tiff.substr(0, 4) == std::string_view("MM\0*", 4)))
        return exif;
    const TiffReader r(tiff);
    const auto ifd = r.u32(4);
    const auto count = ifd ? r.u16(*ifd) : std::nullopt;
    if (!count) return exif;
    std::optional<double> x, y;
    std::uint32_t unit = 2;  // TIFF's default: inches
    for (std::uint32_t i = 0; i < *count; ++i) {
        const std::uint64_t entry = std::uint64_t(*ifd) + 2 + 12 * std::uint64_t(i);
        const auto tag = r.u16(entry);
        if (!tag) break;
        if (*tag == 0x0112) {
            const auto v = r.short_value(entry);
            if (v && *v >= 1 && *v <= 8) exif.orientation = static_cast<int>(*v);
        } else if (*tag == 0x011A) {
            x = r.rational(entry);
        } else if (*tag == 0x011B) {
            y = r.rational(entry);
        } else if (*tag == 0x0128) {
            unit = r.short_value(entry).value_or(0);
        }
    }
    // ResolutionUnit 3 is centimetres; 1 ("no absolute unit") states no resolution.
    const double per_inch = unit == 2 ? 1 : unit == 3 ? 2.54 : 0;
    if (x && y && per_inch > 0) {
        exif.dpi_x = *x * per_inch;
        exif.dpi_y = *y * per_inch;
    }
    return exif;
}

}  // namespace zapros::image
