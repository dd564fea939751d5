#pragma once
// A tiny PNG writer for tests that need a real image file: 8-bit RGB, one flat colour, stored
// (uncompressed) deflate blocks, and a pHYs chunk when a resolution is given.
#include <string>

namespace zapros::test {

// dpi 0: no pHYs chunk (a reader then assumes its default).
std::string png(int width, int height, double dpi = 0);

}  // namespace zapros::test
