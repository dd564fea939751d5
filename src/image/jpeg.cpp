// JPEG through libjpeg. Its errors longjmp out of error_exit, so, as in png.cpp, the functions
// with setjmp are C-like: their buffers come from libjpeg's own pool or from the caller, and no
// object with a destructor lives in their frames.
#include <cstdio>
// jpeglib.h needs size_t and FILE declared before it.
#include <jerror.h>
#include <jpeglib.h>

#include <csetjmp>
#include <cstring>
#include <string>

#include "image/exif.hpp"
#include "image/formats.hpp"

namespace zapros::image {

namespace {

struct JpegState {
    jpeg_error_mgr err;
    std::jmp_buf jump;
    bool truncated;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void stop(j_common_ptr cinfo) {
    auto* s = static_cast<JpegState*>(cinfo->client_data);
    s->truncated = s->truncated || cinfo->err->msg_code == JWRN_JPEG_EOF || cinfo->err->msg_code == JERR_INPUT_EOF;
    cinfo->err->format_message(cinfo, s->message);
    std::longjmp(s->jump, 1);
}

// libjpeg only warns about damaged entropy data ("Corrupt JPEG data: …", "Premature end of JPEG
// file") and draws grey where it could not decode: for us these are errors. Level 0 and above
// are trace messages.
void on_message(j_common_ptr cinfo, int level) {
    if (level < 0) stop(cinfo);
}

// Owns the decompressor; lives in the C++ caller, above every setjmp.
struct JpegReader {
    jpeg_decompress_struct cinfo{};
    JpegState state{};
    bool created = false;
    ~JpegReader() {
        if (created) jpeg_destroy_decompress(&cinfo);
    }
};

// Up to the first scan: the frame's size and components, JFIF, Adobe, and APP1 kept for EXIF.
bool read_header(JpegReader& r, const unsigned char* bytes, std::size_t size) {
    r.cinfo.err = jpeg_std_error(&r.state.err);
    r.state.err.error_exit = stop;
    r.state.err.emit_message = on_message;
    r.cinfo.client_data = &r.state;
    if (setjmp(r.state.jump)) return false;
    jpeg_create_decompress(&r.cinfo);
    r.cinfo.client_data = &r.state;  // jpeg_create_decompress clears the struct but for err
    r.created = true;
    jpeg_mem_src(&r.cinfo, bytes, static_cast<unsigned long>(size));
    jpeg_save_markers(&r.cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&r.cinfo, TRUE);
    return true;
}

// Decodes every scan to the end marker, at 1/8 scale: the entropy-coded data is read in full
// (every Huffman code checked) while the inverse DCT computes only each block's mean.
bool validate(JpegReader& r) {
    if (setjmp(r.state.jump)) return false;
    r.cinfo.scale_num = 1;
    r.cinfo.scale_denom = 8;
    r.cinfo.dct_method = JDCT_IFAST;
    r.cinfo.do_fancy_upsampling = FALSE;
    r.cinfo.do_block_smoothing = FALSE;
    jpeg_start_decompress(&r.cinfo);
    JSAMPARRAY row = r.cinfo.mem->alloc_sarray(reinterpret_cast<j_common_ptr>(&r.cinfo), JPOOL_IMAGE,
                                               r.cinfo.output_width * r.cinfo.output_components, 1);
    while (r.cinfo.output_scanline < r.cinfo.output_height) jpeg_read_scanlines(&r.cinfo, row, 1);
    jpeg_finish_decompress(&r.cinfo);
    return true;
}

// A four-component JPEG decoded in full to RGB into `rgb` (width × height × 3, the caller's).
// Photoshop writes CMYK inverted (0 is full ink) and marks it with an Adobe segment; libjpeg
// passes the stored values through, so the inversion is undone here.
bool decode_cmyk(JpegReader& r, unsigned char* rgb) {
    if (setjmp(r.state.jump)) return false;
    r.cinfo.out_color_space = JCS_CMYK;  // libjpeg turns YCCK into CMYK
    jpeg_start_decompress(&r.cinfo);
    const JDIMENSION w = r.cinfo.output_width;
    JSAMPARRAY row = r.cinfo.mem->alloc_sarray(reinterpret_cast<j_common_ptr>(&r.cinfo), JPOOL_IMAGE, w * 4, 1);
    const bool inverted = r.cinfo.saw_Adobe_marker;
    while (r.cinfo.output_scanline < r.cinfo.output_height) {
        unsigned char* out = rgb + std::size_t(r.cinfo.output_scanline) * w * 3;
        jpeg_read_scanlines(&r.cinfo, row, 1);
        for (JDIMENSION x = 0; x < w; ++x) {
            const JSAMPLE* p = row[0] + 4 * x;
            // With no ink c, m, y, k (inverted) are 255: each channel is (1 − ink) × (1 − black).
            const unsigned k = inverted ? p[3] : 255u - p[3];
            for (int c = 0; c < 3; ++c) {
                const unsigned v = inverted ? p[c] : 255u - p[c];
                out[3 * x + c] = static_cast<unsigned char>((v * k + 127) / 255);
            }
        }
    }
    jpeg_finish_decompress(&r.cinfo);
    return true;
}

[[noreturn]] void fail(const JpegReader& r) {
    std::string_view message = r.state.message;
    // libjpeg's own prefix on some warnings, said once by ours.
    if (message.starts_with("Corrupt JPEG data: ")) message.remove_prefix(19);
    throw ImageError((r.state.truncated ? "truncated JPEG: " : "corrupt JPEG data: ") + std::string(message));
}

}  // namespace

Image decode_jpeg(std::string_view bytes, const Limits& limits) {
    JpegReader r;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    if (!read_header(r, data, bytes.size())) {
        // libjpeg refuses a side over 65,500 or of 0 itself, after reading the frame: say it our way.
        if (r.cinfo.image_width || r.cinfo.image_height) check_pixels(r.cinfo.image_width, r.cinfo.image_height, limits);
        fail(r);
    }
    check_pixels(r.cinfo.image_width, r.cinfo.image_height, limits);
    Image im;
    im.width = static_cast<int>(r.cinfo.image_width);
    im.height = static_cast<int>(r.cinfo.image_height);
    im.bits = 8;
    // Before decoding: jpeg_finish_decompress frees the saved markers.
    Exif exif;
    for (jpeg_saved_marker_ptr m = r.cinfo.marker_list; m; m = m->next)
        if (m->marker == JPEG_APP0 + 1 && m->data_length >= 6 && std::memcmp(m->data, "Exif\0\0", 6) == 0) {
            exif = read_exif({reinterpret_cast<const char*>(m->data) + 6, m->data_length - 6});
            break;
        }
    im.orientation = exif.orientation;
    // JFIF's density unit: 1 dots per inch, 2 per centimetre, 0 an aspect ratio only.
    const unsigned unit = r.cinfo.saw_JFIF_marker ? r.cinfo.density_unit : 0;
    if (unit == 1 || unit == 2) {
        const double per_inch = unit == 1 ? 1 : 2.54;
        set_resolution(im, r.cinfo.X_density * per_inch, r.cinfo.Y_density * per_inch, limits);
    } else {
        set_resolution(im, exif.dpi_x, exif.dpi_y, limits);
    }
    const int components = r.cinfo.num_components;
    if (components == 1 || components == 3) {
        if (!validate(r)) fail(r);
        im.colour = components == 1 ? Colour::gray : Colour::rgb;
        im.encoding = Encoding::dct;
        im.data = std::string(bytes);
    } else if (components == 4) {
        im.colour = Colour::rgb;
        im.encoding = Encoding::raw;
        im.data.resize(std::size_t(im.width) * std::size_t(im.height) * 3);
        if (!decode_cmyk(r, reinterpret_cast<unsigned char*>(im.data.data()))) fail(r);
    } else {
        throw ImageError("a JPEG of " + std::to_string(components) +
                         " colour components: only gray (1), RGB (3) and CMYK (4) can be drawn");
    }

    return im;
}

}  // namespace zapros::image
