// libFuzzer target: any bytes as a hyphenation dictionary (ZAPROS_DATA_DIR may hold anyone's)
// → text::Hyphenator, built by zapros or, for what only libhyphen reads, by libhyphen's loader;
// then words broken with it. Must end in breaks or a HyphenError, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/hyphenate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const zapros::text::Hyphenator h(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.dic", 2, 2);
        for (const char* word : {"информационной", "безопасности", "hyphenation", "сотрудничества", "абв"})
            (void)h.points(word);
    } catch (const zapros::text::HyphenError&) {
    }
    return 0;
}
