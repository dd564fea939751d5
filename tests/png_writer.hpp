#pragma once
// A real image file for tests that need one but not its pixels: 8-bit RGB of one flat colour,
// written by the image tests' writer (image/image_files.hpp), with a pHYs chunk when a
// resolution is given.
#include <string>

namespace zapros::test {

// dpi 0: no pHYs chunk (a reader then assumes its default).
std::string png(int width, int height, double dpi = 0);

}  // namespace zapros::test
