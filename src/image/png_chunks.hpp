#pragma once
// A PNG's chunks as they stand in the file, and its image data, checked without libpng.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace zapros::image {

// The payloads of the IDAT chunks, concatenated: the zlib stream a PDF's FlateDecode reads.
// Checks every length against the bytes left (throws ImageError "truncated PNG: …"), and the CRC
// of every critical chunk: libpng, stopped at the first IDAT by png_read_info, has checked those
// before it, not IDAT's and IEND's.
std::string idat_payloads(std::string_view png);

// Checks a non-interlaced PNG's zlib stream as a PDF reader will inflate it: intact, with its
// Adler-32, holding exactly `height` rows of a filter byte (0–4) and `row_bytes` bytes. Throws
// ImageError "corrupt PNG: …". The rows themselves are not unfiltered: nothing reads them here.
void check_image_data(std::string_view zlib, std::uint32_t height, std::size_t row_bytes);

}  // namespace zapros::image
