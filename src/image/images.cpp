#include "image/image.hpp"

#include <fstream>
#include <iterator>

namespace zapros::image {

namespace {

Sp length_at(int pixels, double dpi) { return round_to_sp(pixels * 72.0 / dpi * sp_per_pt); }

}  // namespace

Sp Image::natural_width() const { return turned() ? length_at(height, dpi_y) : length_at(width, dpi_x); }
Sp Image::natural_height() const { return turned() ? length_at(width, dpi_x) : length_at(height, dpi_y); }

ImageId Images::load(const std::filesystem::path& path) {
    for (std::size_t i = 0; i < paths_.size(); ++i)
        if (paths_[i] == path) return static_cast<ImageId>(i);
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw ImageError("cannot read it: " + ec.message());
    if (size > limits_.max_file_bytes)
        throw ImageError("the file has " + std::to_string(size) + " bytes, more than the " +
                         std::to_string(limits_.max_file_bytes) + " an image may have");
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) throw ImageError("cannot read it");
    images_.push_back(decode(bytes, limits_));
    paths_.push_back(path);
    return static_cast<ImageId>(images_.size() - 1);
}

}  // namespace zapros::image
