// libFuzzer target, the whole pipeline: any bytes → a PDF in memory (nothing written to disk).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "cli/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static zapros::cli::Pipeline pipeline({ZAPROS_SOURCE_DIR "/fonts", ZAPROS_SOURCE_DIR "/hyph",
                                           ZAPROS_SOURCE_DIR "/schema/request.schema.json", ZAPROS_SOURCE_DIR "/icc/sRGB.icc"});
    zapros::Diagnostics diags("fuzz.md");
    const auto t = pipeline.typeset("fuzz.md", std::string_view(reinterpret_cast<const char*>(data), size), diags);
    if (t) pipeline.pdf(*t);
    return 0;
}
