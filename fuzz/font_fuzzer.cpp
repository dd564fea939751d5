// libFuzzer target: any bytes as a font file (ZAPROS_DATA_DIR may hold anyone's fonts) →
// text::Font, then what the pipeline asks of a font: widths, kerning, a subset. Must end in a
// Font or a FontError, never a crash or a read outside the bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "text/font.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto font = zapros::text::Font::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.ttf");
        const std::u32string text = U"AVTo Та.Го «ё» 1–2 ff";
        for (std::size_t i = 0; i < text.size(); ++i) {
            (void)font.advance(text[i]);
            if (i + 1 < text.size()) (void)font.kern(text[i], text[i + 1]);
        }
        (void)font.subset(std::vector<char32_t>(text.begin(), text.end()));
    } catch (const zapros::text::FontError&) {
    }
    return 0;
}
