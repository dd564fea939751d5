#pragma once
// A bounds-checked reader of the little of EXIF that layout needs: a TIFF structure (the payload
// of a JPEG's APP1 "Exif\0\0" segment or of a PNG's eXIf chunk), its IFD0 only.
#include <string_view>

namespace zapros::image {

struct Exif {
    int orientation = 1;           // tag 0x0112, 1–8; anything else reads as 1
    double dpi_x = 0, dpi_y = 0;   // tags 0x011A, 0x011B with 0x0128; 0 when not stated
};

// Never throws and never reads outside `tiff`: an offset that points outside, a loop or a wrong
// type leaves the field at its default.
Exif read_exif(std::string_view tiff);

}  // namespace zapros::image
