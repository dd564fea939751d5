#pragma once
// Stage 6: pages → PDF bytes (libharu), and → a text trace for golden tests.
#include <array>
#include <filesystem>
#include <string>

#include "base/face.hpp"
#include "page/page.hpp"

namespace zapros::output {

struct Info {
    std::string title;
    std::string author;
    std::string subject;
    std::string creator;  // "zapros VERSION"
};

// The TrueType file of each face (validated before: libharu fails silently on a broken font).
using FontFiles = std::array<std::filesystem::path, all_faces.size()>;

// The PDF, byte-identical for the same input. Throws OutputError (from output/haru.hpp).
std::string write_pdf(const page::Pages& pages, const Info& info, const FontFiles& fonts);

// One drawing operation per line: pages, text (with kerns), rules, links, note anchors.
std::string write_trace(const page::Pages& pages);

}  // namespace zapros::output
