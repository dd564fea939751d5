// The generated pictures as PNG files beside their request, written by the tests' own PNG writer
// (tests/image/image_files.hpp), not by the libpng zapros reads them with.
#include <filesystem>

#include "image/image_files.hpp"
#include "process.hpp"
#include "runner.hpp"

namespace zapros::property {

std::string png_of(const Picture& p) {
    test_images::Png png;
    png.width = p.width, png.height = p.height;
    png.colour_type = p.alpha ? 6 : 2;
    png.dpi = p.dpi;
    const int channels = p.alpha ? 4 : 3;
    png.samples.resize(static_cast<std::size_t>(p.width) * static_cast<std::size_t>(p.height) * static_cast<std::size_t>(channels));
    for (std::size_t i = 0; i < png.samples.size(); ++i)
        png.samples[i] = static_cast<std::uint16_t>((p.rgba >> (8 * (i % static_cast<std::size_t>(channels)))) & 0xFF);
    return test_images::png(png);
}

void write_images(const Written& written, const std::string& dir) {
    for (const Drawn& d : written.images) {
        const std::filesystem::path path = std::filesystem::path(dir) / d.file;
        std::filesystem::create_directories(path.parent_path());
        write_file(path.string(), png_of(d.picture));
    }
}

}  // namespace zapros::property
