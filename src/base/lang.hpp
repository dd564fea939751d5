#pragma once
#include <string_view>

namespace zapros {

// The language of a request: it chooses hyphenation, quotes and the letter's fixed words.
enum class Lang { ru, en };

constexpr std::string_view lang_code(Lang l) { return l == Lang::ru ? "ru" : "en"; }

}  // namespace zapros
