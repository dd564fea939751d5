// Writes image_fuzzer's seeds into a directory (fuzz/run.sh): small files made by the image
// tests' writer, rather than binary files kept in the repository.
#include <fstream>
#include <iostream>
#include <string>

#include "image/image_files.hpp"

namespace ti = zapros::test_images;

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: image_seeds DIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    const auto write = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(dir + "/" + name, std::ios::binary) << bytes;
    };
    const struct {
        int type, depth;
    } pngs[] = {{0, 1}, {0, 4}, {0, 16}, {2, 8}, {2, 16}, {3, 2}, {3, 8}, {4, 8}, {6, 16}};
    for (const auto& k : pngs)
        for (bool interlaced : {false, true}) {
            ti::Png p;
            p.width = 9;
            p.height = 5;
            p.colour_type = k.type;
            p.bit_depth = k.depth;
            p.interlaced = interlaced;
            p.filter = (k.type + k.depth) % 5;
            const int ch = ti::png_channels(k.type);
            for (int i = 0; i < 9 * 5 * ch; ++i) p.samples.push_back(static_cast<std::uint16_t>(i * 37 % (1 << k.depth)));
            if (k.type == 3) {
                p.plte = std::string(3 << k.depth, '\x40');
                p.trns = interlaced ? "\x10" : "";
            }
            if (k.type == 2) p.exif = ti::exif_tiff(k.depth == 8, 6, 300);
            p.dpi = 200;
            write("png-" + std::to_string(k.type) + "-" + std::to_string(k.depth) + (interlaced ? "-i" : "") + ".png",
                  ti::png(p));
        }
    for (int components : {1, 3, 4})
        for (bool progressive : {false, true}) {
            ti::Jpeg j;
            j.width = 17;
            j.height = 9;
            j.components = components;
            j.progressive = progressive;
            j.samples = ti::noisy_pixels(17, 9, components);
            j.density_unit = 1;
            j.x_density = j.y_density = 300;
            j.exif = ti::exif_tiff(progressive, 8, 72);
            write("jpeg-" + std::to_string(components) + (progressive ? "-p" : "") + ".jpg", ti::jpeg(j));
        }
    return 0;
}
