#pragma once
// The fonts of a letter, one file per Face in the installation's fonts/ directory, each read
// (and validated) the first time a document asks for it. Not thread-safe: one per thread.
#include <array>
#include <filesystem>
#include <memory>

#include "base/face.hpp"
#include "text/font.hpp"

namespace zapros::text {

class Fonts {
public:
    explicit Fonts(std::filesystem::path dir) : dir_(std::move(dir)) {}

    // Throws FontError when the file is missing or unusable.
    const Font& get(Face face) const;
    std::filesystem::path path(Face face) const;

private:
    std::filesystem::path dir_;
    mutable std::array<std::unique_ptr<Font>, all_faces.size()> loaded_;
};

// The file in fonts/ for a face (PT Serif and PT Mono from ParaType).
std::string_view font_file(Face face);

}  // namespace zapros::text
