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
    jpeg_progress_mgr progress;
    std::jmp_buf jump;
    bool truncated;
    bool too_many_scans;
    int max_scans;
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

// A progressive JPEG may repeat its scans without end, each a pass over the whole image (a
// 359 KB file of 1,000 scans took 8 s): past the limit it is refused.
void on_progress(j_common_ptr cinfo) {
    auto* s = static_cast<JpegState*>(cinfo->client_data);
    const int scan = reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number;
    if (scan <= s->max_scans) return;
    s->too_many_scans = true;
    std::snprintf(s->message, sizeof s->message, "a progressive JPEG of more than %d scans, each a pass over the image",
                  s->max_scans);
    std::longjmp(s->jump, 1);
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

// Up to the first scan: the frame's size and components, JFIF and Adobe.
bool read_header(JpegReader& r, const unsigned char* bytes, std::size_t size, int max_scans) {
    r.cinfo.err = jpeg_std_error(&r.state.err);
    r.state.err.error_exit = stop;
    r.state.err.emit_message = on_message;
    r.state.max_scans = max_scans;
    r.state.progress.progress_monitor = on_progress;
    r.cinfo.client_data = &r.state;
    if (setjmp(r.state.jump)) return false;
    jpeg_create_decompress(&r.cinfo);
    r.cinfo.client_data = &r.state;  // jpeg_create_decompress clears the struct but for err
    r.created = true;
    r.cinfo.progress = &r.state.progress;
    jpeg_mem_src(&r.cinfo, bytes, static_cast<unsigned long>(size));
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
    if (r.state.too_many_scans) throw ImageError(std::string(message));  // valid, but too costly
    throw ImageError((r.state.truncated ? "truncated JPEG: " : "corrupt JPEG data: ") + std::string(message));
}

// The first APP1 segment holding EXIF, found by walking the segments before the first scan
// ourselves: libjpeg keeps saved markers in a list it walks to the end for each new one, so a
// file of 100,000 empty APP1 segments (400 KB) took 12 s. Nothing when there is none.
std::string_view exif_segment(std::string_view b) {
    std::size_t i = 2;  // after SOI
    while (i + 4 <= b.size()) {
        if (static_cast<unsigned char>(b[i]) != 0xFF) return {};
        const unsigned marker = static_cast<unsigned char>(b[i + 1]);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) return {};  // the first scan, or the end
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
            i += 2;
            continue;
        }
        const std::size_t length = (std::size_t(static_cast<unsigned char>(b[i + 2])) << 8) | static_cast<unsigned char>(b[i + 3]);
        if (length < 2 || i + 2 + length > b.size()) return {};
        const std::string_view body = b.substr(i + 4, length - 2);
        if (marker == 0xE1 && body.size() >= 6 && body.substr(0, 6) == std::string_view("Exif\0\0", 6)) return body.substr(6);
        i += 2 + length;
    }
    return {};
}

}  // namespace

Image decode_jpeg(std::string_view bytes, const Limits& limits) {
    JpegReader r;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    if (!read_header(r, data, bytes.size(), limits.max_jpeg_scans)) {
        // libjpeg refuses a side over 65,500 or of 0 itself, after reading the frame: say it our way.
        if (r.cinfo.image_width || r.cinfo.image_height) check_pixels(r.cinfo.image_width, r.cinfo.image_height, limits);
        fail(r);
    }
    check_pixels(r.cinfo.image_width, r.cinfo.image_height, limits);
    Image im;
    im.width = static_cast<int>(r.cinfo.image_width);
    im.height = static_cast<int>(r.cinfo.image_height);
    im.bits = 8;
    const Exif exif = read_exif(exif_segment(bytes));
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
