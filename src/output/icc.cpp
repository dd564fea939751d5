#include "output/icc.hpp"

#include <cstdint>

namespace zapros::output {

namespace {

// The ICC header (ICC.1:2001-04 §6.1, the layout of versions 2 and 4 alike): big-endian fields
// at fixed offsets in its first 128 bytes.
constexpr std::size_t header_bytes = 128;
constexpr std::size_t size_at = 0, version_at = 8, class_at = 12, space_at = 16, signature_at = 36;

std::uint32_t be32(std::string_view s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v = v << 8 | static_cast<unsigned char>(s[at + k]);
    return v;
}

}  // namespace

std::string srgb_profile_problem(std::string_view icc) {
    if (icc.size() < header_bytes || icc.substr(signature_at, 4) != "acsp")
        return "not an ICC profile (no 'acsp' signature in a 128-byte header)";
    if (be32(icc, size_at) != icc.size())
        return "its header gives " + std::to_string(be32(icc, size_at)) + " bytes and the file has " +
               std::to_string(icc.size()) + " (truncated?)";
    const int major = static_cast<unsigned char>(icc[version_at]);
    if (major != 2 && major != 4)  // PDF/A-2 takes ICC versions below 5; 2 and 4 are the ones issued
        return "ICC version " + std::to_string(major) + ", and PDF/A-2 takes versions 2 and 4";
    if (icc.substr(class_at, 4) != "mntr")
        return "a '" + std::string(icc.substr(class_at, 4)) + "' profile, and the output intent needs a display ('mntr') one";
    if (icc.substr(space_at, 4) != "RGB ")
        return "a profile of '" + std::string(icc.substr(space_at, 4)) + "' data, and the sRGB intent needs RGB";
    return {};
}

}  // namespace zapros::output
