#pragma once
// Image files made in memory for the image/ tests, the fuzz seeds and the benchmark. PNGs are
// written by hand (chunks, filters, Adam7) over zlib, independently of the libpng reader under
// test, so that a file can also be wrong in exactly one way; JPEGs are written by libjpeg.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zapros::test_images {

// One chunk with its length and CRC.
std::string png_chunk(std::string_view type, std::string_view data);

struct Png {
    int width = 1, height = 1;
    int colour_type = 2;   // PNG's: 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
    int bit_depth = 8;
    bool interlaced = false;
    std::vector<std::uint16_t> samples;  // row by row, every channel of every pixel, unpacked
    std::string plte, trns, exif;        // chunk payloads written when not empty
    double dpi = 0;                      // a pHYs in pixels per metre when not 0
    int filter = 0;                      // every row's filter byte (1–4 are applied; 5+ invalid);
                                         // -1: row k of each pass filtered with k % 5
    std::size_t idat_size = 0;           // split the zlib stream into IDATs of this size (0: one)
    int level = 6;                       // zlib's compression level
};
int png_channels(int colour_type);
std::string png(const Png& p);
// The IDAT payloads of a file png() wrote, concatenated.
std::string png_idat(const Png& p);

struct Jpeg {
    int width = 1, height = 1;
    int components = 3;                  // 1 gray, 3 RGB, 4 CMYK
    std::vector<std::uint8_t> samples;   // as libjpeg takes them: gray, RGB or CMYK as stored
    bool adobe = true;                   // for 4 components: write the Adobe segment
    int quality = 90;
    int density_unit = 0, x_density = 1, y_density = 1;  // JFIF's
    std::string exif;                    // an APP1 "Exif\0\0" segment with this TIFF when not empty
    bool progressive = false;
    int repeat_ac_scan = 0;  // gray only: progressive in two scans (DC, then all AC), the AC scan
                             // with its tables written this many more times (libjpeg accepts it)
};
std::string jpeg(const Jpeg& j);

// A TIFF structure with IFD0 holding an orientation (when not 0) and a resolution in dpi (when
// not 0), in either byte order.
std::string exif_tiff(bool little_endian, int orientation, double dpi = 0);

// Noise over a gradient: photographic enough that compressors do not make it vanish.
std::vector<std::uint8_t> noisy_pixels(int width, int height, int channels, std::uint32_t seed = 1);

}  // namespace zapros::test_images
