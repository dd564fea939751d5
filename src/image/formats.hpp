#pragma once
// The decoders behind image::decode, one per format, and the rules they share. Internal to image/.
#include <cstdint>
#include <string_view>

#include "image/image.hpp"

namespace zapros::image {

Image decode_png(std::string_view bytes, const Limits& limits);
Image decode_jpeg(std::string_view bytes, const Limits& limits);

// Refuses, from the header alone and before anything is allocated for the pixels, an image
// with no pixels or with more than limits.max_pixels.
void check_pixels(std::uint64_t width, std::uint64_t height, const Limits& limits);

// Sets im's resolution to the stated one (dots per inch; 0 when the file states none), or to the
// default when none is stated or either axis is outside the sane bounds: a scanner's "1 dpi"
// would make a page-sized image of a thumbnail.
void set_resolution(Image& im, double dpi_x, double dpi_y, const Limits& limits);

}  // namespace zapros::image
