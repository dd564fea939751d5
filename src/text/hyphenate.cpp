#include "text/hyphenate.hpp"

#include <hyphen.h>

#include <cstdlib>
#include <string>

#include "base/utf8.hpp"

namespace zapros::text {

struct Hyphenator::Dict {
    HyphenDict* handle = nullptr;
    ~Dict() {
        if (handle) hnj_hyphen_free(handle);
    }
};

Hyphenator::Hyphenator(const std::filesystem::path& dict, int left_min, int right_min)
    : dict_(std::make_unique<Dict>()), left_min_(left_min), right_min_(right_min) {
    if (!std::filesystem::is_regular_file(dict))
        throw HyphenError("hyphenation dictionary " + dict.string() + " not found");
    dict_->handle = hnj_hyphen_load(dict.c_str());
    if (!dict_->handle) throw HyphenError("cannot load hyphenation dictionary " + dict.string());
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

std::vector<int> Hyphenator::points(std::string_view word) const {
    std::vector<int> out;
    const int letters = static_cast<int>(utf8::length(word));
    if (letters < left_min_ + right_min_ || word.size() > 200) return out;
    // libhyphen matches lower-case patterns; for a UTF-8 dictionary it indexes the result by
    // character, and an odd value at i allows a break after character i.
    const std::string lower = utf8::to_lower(word);
    std::vector<char> hyphens(lower.size() + 5, 0);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    hnj_hyphen_hyphenate2(dict_->handle, lower.c_str(), static_cast<int>(lower.size()), hyphens.data(),
                          nullptr, &rep, &pos, &cut);
    if (rep) {  // non-standard hyphenation (not used by our dictionaries)
        for (int i = 0; i < static_cast<int>(lower.size()); ++i) std::free(rep[i]);
        std::free(rep);
        std::free(pos);
        std::free(cut);
    }
    for (int i = left_min_ - 1; i < letters - right_min_; ++i)
        if (hyphens[i] & 1) out.push_back(i + 1);
    return out;
}

}  // namespace zapros::text
