#include "png_writer.hpp"

#include "image/image_files.hpp"

namespace zapros::test {

std::string png(int width, int height, double dpi) {
    test_images::Png p;
    p.width = width;
    p.height = height;
    p.dpi = dpi;
    p.samples.assign(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3, 0x60);
    return test_images::png(p);
}

}  // namespace zapros::test
