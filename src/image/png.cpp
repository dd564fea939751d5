// PNG through libpng. libpng reports an error by longjmp'ing out of its error function, so the
// functions that call it (the ones with setjmp) are kept C-like: every buffer they fill is owned
// by the caller, and no object with a destructor lives in their frames (a longjmp would skip it).
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "image/exif.hpp"
#include "image/formats.hpp"
#include "image/png_chunks.hpp"

namespace zapros::image {

namespace {

// What libpng's callbacks share with us: the bytes it reads, and why it failed.
struct PngSource {
    const unsigned char* bytes;
    std::size_t size, at;
    bool truncated;
    char message[256];
};

void on_error(png_structp png, png_const_charp message) {
    auto* s = static_cast<PngSource*>(png_get_error_ptr(png));
    std::snprintf(s->message, sizeof s->message, "%s", message);
    png_longjmp(png, 1);
}

// Warnings are about ancillary chunks (a bad CRC on tEXt, an odd gAMA): nothing drawn depends on them.
void on_warning(png_structp, png_const_charp) {}

void on_read(png_structp png, png_bytep out, png_size_t n) {
    auto* s = static_cast<PngSource*>(png_get_io_ptr(png));
    if (n > s->size - s->at) {
        s->truncated = true;
        png_error(png, "the file ends early");
    }
    std::memcpy(out, s->bytes + s->at, n);
    s->at += n;
}

// Owns libpng's two structures; lives in the C++ caller, above every setjmp.
struct PngReader {
    PngSource src{};
    png_structp png = nullptr;
    png_infop info = nullptr;
    ~PngReader() { png_destroy_read_struct(&png, &info, nullptr); }
};

// Reads the chunks up to the first IDAT: IHDR, PLTE, tRNS, pHYs…
bool read_info(PngReader& r) {
    if (setjmp(png_jmpbuf(r.png))) return false;
    // Our own pixel limit decides, with its own message; libpng's (a million a side) must not.
    png_set_user_limits(r.png, PNG_UINT_31_MAX, PNG_UINT_31_MAX);
    png_read_info(r.png, r.info);
    return true;
}

// The transformations that make any PNG 8-bit gray or RGB with an optional alpha; the number
// of passes to read.
bool set_decoding(PngReader& r, int& passes) {
    if (setjmp(png_jmpbuf(r.png))) return false;
    png_set_strip_16(r.png);
    png_set_expand(r.png);  // palette to RGB, gray below 8 bits to 8, tRNS to alpha
    passes = png_set_interlace_handling(r.png);
    png_read_update_info(r.png, r.info);
    return true;
}

// Runs every row through libpng, so that each chunk's CRC, the zlib stream and each row's filter
// byte are checked, then the chunks after the image to IEND.
bool read_rows(PngReader& r, unsigned char* pixels, std::size_t stride, int passes, png_uint_32 height) {
    if (setjmp(png_jmpbuf(r.png))) return false;
    for (int pass = 0; pass < passes; ++pass)
        for (png_uint_32 y = 0; y < height; ++y) png_read_row(r.png, pixels + stride * y, nullptr);
    png_read_end(r.png, r.info);
    return true;
}

[[noreturn]] void fail(const PngReader& r) {
    throw ImageError(std::string(r.src.truncated ? "truncated PNG: " : "corrupt PNG: ") + r.src.message);
}

// Splits interleaved samples with alpha last into im.data and im.alpha; drops an alpha that is
// all opaque.
void split_alpha(Image& im, const std::vector<unsigned char>& pixels, int channels) {
    const std::size_t n = std::size_t(im.width) * std::size_t(im.height);
    const int colours = channels - 1;
    im.data.resize(n * colours);
    im.alpha.resize(n);
    bool opaque = true;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char* p = &pixels[i * channels];
        for (int c = 0; c < colours; ++c) im.data[i * colours + c] = static_cast<char>(p[c]);
        im.alpha[i] = static_cast<char>(p[colours]);
        opaque = opaque && p[colours] == 255;
    }
    if (opaque) im.alpha.clear();
}

}  // namespace

Image decode_png(std::string_view bytes, const Limits& limits) {
    PngReader r;
    r.src.bytes = reinterpret_cast<const unsigned char*>(bytes.data());
    r.src.size = bytes.size();
    r.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &r.src, on_error, on_warning);
    if (r.png) r.info = png_create_info_struct(r.png);
    if (!r.png || !r.info) throw ImageError("out of memory for a PNG");
    png_set_read_fn(r.png, &r.src, on_read);
    if (!read_info(r)) fail(r);

    Image im;
    const png_uint_32 width = png_get_image_width(r.png, r.info), height = png_get_image_height(r.png, r.info);
    check_pixels(width, height, limits);
    im.width = static_cast<int>(width);
    im.height = static_cast<int>(height);
    const int type = png_get_color_type(r.png, r.info), depth = png_get_bit_depth(r.png, r.info);
    // What a PDF's FlateDecode with the PNG predictor reads as it is (pdfTeX copies the same):
    // rows of one pass, 8 bits or fewer, no alpha of any kind.
    const bool passthrough = png_get_interlace_type(r.png, r.info) == PNG_INTERLACE_NONE && depth <= 8 &&
                             (type == PNG_COLOR_TYPE_GRAY || type == PNG_COLOR_TYPE_RGB ||
                              type == PNG_COLOR_TYPE_PALETTE) &&
                             !png_get_valid(r.png, r.info, PNG_INFO_tRNS);
    if (passthrough) {
        // libpng has read the chunks before the image data; the rest is checked without it.
        im.data = idat_payloads(bytes);
        check_image_data(im.data, height, png_get_rowbytes(r.png, r.info));
        im.encoding = Encoding::png_idat;
        im.bits = depth;
        im.colour = type == PNG_COLOR_TYPE_GRAY ? Colour::gray : type == PNG_COLOR_TYPE_RGB ? Colour::rgb : Colour::indexed;
        if (type == PNG_COLOR_TYPE_PALETTE) {
            png_colorp plte = nullptr;
            int n = 0;
            png_get_PLTE(r.png, r.info, &plte, &n);
            for (int i = 0; i < n; ++i) im.palette += {char(plte[i].red), char(plte[i].green), char(plte[i].blue)};
        }
    } else {
        int passes = 1;
        if (!set_decoding(r, passes)) fail(r);
        const int channels = png_get_channels(r.png, r.info);
        const std::size_t stride = png_get_rowbytes(r.png, r.info);
        im.encoding = Encoding::raw;
        im.bits = 8;
        im.colour = channels <= 2 ? Colour::gray : Colour::rgb;
        if (channels == 1 || channels == 3) {
            im.data.resize(stride * height);
            if (!read_rows(r, reinterpret_cast<unsigned char*>(im.data.data()), stride, passes, height)) fail(r);
        } else {
            std::vector<unsigned char> pixels(stride * height);
            if (!read_rows(r, pixels.data(), stride, passes, height)) fail(r);
            split_alpha(im, pixels, channels);
        }
    }

    png_uint_32 res_x = 0, res_y = 0;
    int unit = 0;
    if (png_get_pHYs(r.png, r.info, &res_x, &res_y, &unit) && unit == PNG_RESOLUTION_METER)
        set_resolution(im, res_x * 0.0254, res_y * 0.0254, limits);
    else
        set_resolution(im, 0, 0, limits);
    png_bytep exif = nullptr;
    png_uint_32 exif_size = 0;
    if (png_get_eXIf_1(r.png, r.info, &exif_size, &exif))
        im.orientation = read_exif({reinterpret_cast<const char*>(exif), exif_size}).orientation;
    return im;
}

}  // namespace zapros::image
