#include "image/image_files.hpp"

#include <jpeglib.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace zapros::test_images {

namespace {

void put32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>(v >> shift & 0xFF);
}
void put16(std::string& s, std::uint32_t v, bool little) {
    if (little) {
        s += static_cast<char>(v & 0xFF);
        s += static_cast<char>(v >> 8 & 0xFF);
    } else {
        s += static_cast<char>(v >> 8 & 0xFF);
        s += static_cast<char>(v & 0xFF);
    }
}
void put32(std::string& s, std::uint32_t v, bool little) {
    put16(s, little ? v & 0xFFFF : v >> 16, little);
    put16(s, little ? v >> 16 : v & 0xFFFF, little);
}

// The packed bytes of one row of pixels xs (of the row y), as PNG stores them.
std::string pack_row(const Png& p, int y, const std::vector<int>& xs) {
    const int ch = png_channels(p.colour_type);
    std::string row;
    unsigned acc = 0, bits = 0;
    for (int x : xs)
        for (int c = 0; c < ch; ++c) {
            const std::uint16_t v = p.samples[(std::size_t(y) * p.width + x) * ch + c];
            if (p.bit_depth == 16) {
                row += static_cast<char>(v >> 8);
                row += static_cast<char>(v & 0xFF);
            } else {
                acc = acc << p.bit_depth | v;
                bits += p.bit_depth;
                if (bits == 8) row += static_cast<char>(acc), acc = bits = 0;
            }
        }
    if (bits) row += static_cast<char>(acc << (8 - bits));
    return row;
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// PNG spec §9: row filtered with `type` against the previous row of the same pass.
std::string filter_row(const std::string& row, const std::string& prev, int type, int bpp) {
    std::string out(1, static_cast<char>(type));
    for (std::size_t i = 0; i < row.size(); ++i) {
        const int x = std::uint8_t(row[i]);
        const int a = i >= std::size_t(bpp) ? std::uint8_t(row[i - bpp]) : 0;
        const int b = prev.empty() ? 0 : std::uint8_t(prev[i]);
        const int c = i >= std::size_t(bpp) && !prev.empty() ? std::uint8_t(prev[i - bpp]) : 0;
        const int pred = type == 1 ? a : type == 2 ? b : type == 3 ? (a + b) / 2 : type == 4 ? paeth(a, b, c) : 0;
        out += static_cast<char>((x - pred) & 0xFF);
    }
    return out;
}

// The filtered scanlines of every pass (Adam7's seven, or one).
std::string scanlines(const Png& p) {
    struct Pass {
        int x0, y0, dx, dy;
    };
    static const Pass adam7[] = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                 {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}};
    static const Pass whole[] = {{0, 0, 1, 1}};
    const int bpp = std::max(1, png_channels(p.colour_type) * p.bit_depth / 8);
    std::string out;
    for (const Pass& pass : p.interlaced ? std::vector<Pass>(adam7, adam7 + 7) : std::vector<Pass>(whole, whole + 1)) {
        std::vector<int> xs;
        for (int x = pass.x0; x < p.width; x += pass.dx) xs.push_back(x);
        if (xs.empty()) continue;
        std::string prev;
        for (int y = pass.y0, k = 0; y < p.height; y += pass.dy, ++k) {
            const std::string row = pack_row(p, y, xs);
            out += filter_row(row, prev, p.filter < 0 ? k % 5 : p.filter, bpp);
            prev = row;
        }
    }
    return out;
}

std::string zlib(const std::string& raw, int level) {
    uLongf size = compressBound(raw.size());
    std::string out(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(raw.data()), raw.size(),
                  level) != Z_OK)
        throw std::runtime_error("zlib failed");
    out.resize(size);
    return out;
}

}  // namespace

std::string png_chunk(std::string_view type, std::string_view data) {
    std::string c;
    put32(c, static_cast<std::uint32_t>(data.size()));
    c += type;
    c += data;
    put32(c, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(c.data() + 4), uInt(c.size() - 4))));
    return c;
}

int png_channels(int colour_type) {
    switch (colour_type) {
        case 2: return 3;
        case 4: return 2;
        case 6: return 4;
        default: return 1;
    }
}

std::string png_idat(const Png& p) { return zlib(scanlines(p), p.level); }

std::string png(const Png& p) {
    std::string ihdr;
    put32(ihdr, static_cast<std::uint32_t>(p.width));
    put32(ihdr, static_cast<std::uint32_t>(p.height));
    ihdr += {static_cast<char>(p.bit_depth), static_cast<char>(p.colour_type), 0, 0, static_cast<char>(p.interlaced)};
    std::string f = "\x89PNG\r\n\x1a\n" + png_chunk("IHDR", ihdr);
    if (p.dpi > 0) {
        std::string phys;
        put32(phys, static_cast<std::uint32_t>(p.dpi / 0.0254 + 0.5));
        put32(phys, static_cast<std::uint32_t>(p.dpi / 0.0254 + 0.5));
        phys += '\1';
        f += png_chunk("pHYs", phys);
    }
    if (!p.exif.empty()) f += png_chunk("eXIf", p.exif);
    if (!p.plte.empty()) f += png_chunk("PLTE", p.plte);
    if (!p.trns.empty()) f += png_chunk("tRNS", p.trns);
    const std::string z = png_idat(p);
    const std::size_t step = p.idat_size ? p.idat_size : z.size();
    for (std::size_t at = 0; at < z.size(); at += step) f += png_chunk("IDAT", std::string_view(z).substr(at, step));
    return f + png_chunk("IEND", "");
}

std::string jpeg(const Jpeg& j) {
    jpeg_compress_struct c{};
    jpeg_error_mgr err{};
    c.err = jpeg_std_error(&err);  // writing valid pixels cannot fail; if it did, it would exit
    jpeg_create_compress(&c);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&c, &out, &size);
    c.image_width = static_cast<JDIMENSION>(j.width);
    c.image_height = static_cast<JDIMENSION>(j.height);
    c.input_components = j.components;
    c.in_color_space = j.components == 1 ? JCS_GRAYSCALE : j.components == 3 ? JCS_RGB : JCS_CMYK;
    jpeg_set_defaults(&c);
    jpeg_set_quality(&c, j.quality, TRUE);
    if (j.components == 4) c.write_Adobe_marker = j.adobe;
    if (j.progressive) jpeg_simple_progression(&c);
    static const jpeg_scan_info two_scans[] = {{1, {0}, 0, 0, 0, 0}, {1, {0}, 1, 63, 0, 0}};
    if (j.repeat_ac_scan > 0) {
        c.scan_info = two_scans;
        c.num_scans = 2;
    }
    c.write_JFIF_header = j.components != 4;
    c.density_unit = static_cast<UINT8>(j.density_unit);
    c.X_density = static_cast<UINT16>(j.x_density);
    c.Y_density = static_cast<UINT16>(j.y_density);
    jpeg_start_compress(&c, TRUE);
    if (!j.exif.empty()) {
        const std::string app1 = std::string("Exif\0\0", 6) + j.exif;
        jpeg_write_marker(&c, JPEG_APP0 + 1, reinterpret_cast<const JOCTET*>(app1.data()),
                          static_cast<unsigned>(app1.size()));
    }
    const std::size_t stride = std::size_t(j.width) * j.components;
    while (c.next_scanline < c.image_height) {
        JSAMPROW row = const_cast<JSAMPLE*>(j.samples.data() + stride * c.next_scanline);
        jpeg_write_scanlines(&c, &row, 1);
    }
    jpeg_finish_compress(&c);
    std::string file(reinterpret_cast<const char*>(out), size);
    jpeg_destroy_compress(&c);
    std::free(out);
    if (j.repeat_ac_scan > 0) {  // from the tables before the second scan to the end marker
        const std::size_t sos = file.find("\xFF\xDA", file.find("\xFF\xDA") + 2);
        const std::size_t from = file.rfind("\xFF\xC4", sos);
        const std::string ac = file.substr(from, file.size() - 2 - from);
        std::string longer = file.substr(0, file.size() - 2);
        for (int k = 0; k < j.repeat_ac_scan; ++k) longer += ac;
        file = longer + "\xFF\xD9";
    }
    return file;
}

std::string exif_tiff(bool little, int orientation, double dpi) {
    std::string t = little ? std::string("II*\0", 4) : std::string("MM\0*", 4);
    put32(t, 8, little);
    const int entries = (orientation ? 1 : 0) + (dpi > 0 ? 3 : 0);
    put16(t, static_cast<std::uint32_t>(entries), little);
    const std::uint32_t rationals = 8 + 2 + 12 * entries + 4;
    // An entry: tag, type, count, value (a SHORT left-justified) or offset.
    const auto entry = [&](std::uint32_t tag, std::uint32_t type, std::uint32_t value) {
        put16(t, tag, little);
        put16(t, type, little);
        put32(t, 1, little);
        if (type == 3) {
            put16(t, value, little);
            put16(t, 0, little);
        } else {
            put32(t, value, little);
        }
    };
    if (orientation) entry(0x0112, 3, static_cast<std::uint32_t>(orientation));
    if (dpi > 0) {
        entry(0x011A, 5, rationals);
        entry(0x011B, 5, rationals + 8);
        entry(0x0128, 3, 2);
    }
    put32(t, 0, little);  // no next IFD
    if (dpi > 0)
        for (int i = 0; i < 2; ++i) {
            put32(t, static_cast<std::uint32_t>(dpi * 10 + 0.5), little);
            put32(t, 10, little);
        }
    return t;
}

std::vector<std::uint8_t> noisy_pixels(int width, int height, int channels, std::uint32_t seed) {
    std::vector<std::uint8_t> px(std::size_t(width) * height * channels);
    std::uint32_t s = seed;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                s = s * 1664525u + 1013904223u;  // Numerical Recipes' LCG
                const int base = (x * 255 / std::max(1, width - 1) + y * 255 / std::max(1, height - 1) + c * 60) / 2;
                const int noise = int(s >> 27) - 16;
                px[(std::size_t(y) * width + x) * channels + c] = static_cast<std::uint8_t>(std::clamp(base + noise, 0, 255));
            }
    return px;
}

}  // namespace zapros::test_images
