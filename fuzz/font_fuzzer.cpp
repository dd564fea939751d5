// libFuzzer target: any bytes as a font file (ZAPROS_DATA_DIR may hold anyone's fonts) →
// text::Font, then what the pipeline asks of a font: widths, kerning, the x-height, cells, a
// subset of the characters it has (with one beyond the BMP: a format-12 map), read back as a font. Must end in
// a Font or a FontError, never a crash or a read outside the bytes. Seeded with fonts/: PT's
// format-4 maps, DejaVu's format-12 ones.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "text/font.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        auto font = zapros::text::Font::parse(std::string(reinterpret_cast<const char*>(data), size), "fuzz.ttf");
        const std::u32string text = U"AVTo Та.Го «ё» 1–2 ff α→😀";
        for (std::size_t i = 0; i < text.size(); ++i) {
            (void)font.advance(text[i]);
            if (i + 1 < text.size()) (void)font.kern(text[i], text[i + 1]);
        }
        (void)font.x_height();
        // Only characters the font has, as the pipeline asks (para/ draws a placeholder for the
        // others, and a subset asked for one it lacks throws: glyph 0 is never drawn).
        std::vector<char32_t> drawn;
        for (char32_t c : text)
            if (font.has_glyph(c)) drawn.push_back(c);
        const auto subset = font.subset(drawn);
        (void)zapros::text::Font::parse(subset.program, "subset.ttf").has_glyph(U'😀');
        font.fit_to_cells(600);
        (void)font.advance(U'A');
    } catch (const zapros::text::FontError&) {
    }
    return 0;
}
