#pragma once
// A PNG's chunks as they stand in the file, walked without libpng.
#include <string>
#include <string_view>

namespace zapros::image {

// The payloads of the IDAT chunks, concatenated: the zlib stream a PDF's FlateDecode reads.
// Checks every length against the bytes left (throws ImageError "truncated PNG: …").
std::string idat_payloads(std::string_view png);

}  // namespace zapros::image
