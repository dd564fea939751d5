#pragma once
// Liang hyphenation through libhyphen with the dictionaries in hyph/ (DESIGN: HyphenDict* lives
// here and nowhere else).
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace zapros::text {

struct HyphenError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Hyphenator {
public:
    // Loads a libhyphen dictionary (UTF-8). left_min/right_min: the fewest letters before and
    // after a break (TeX's \lefthyphenmin, \righthyphenmin). Throws HyphenError.
    Hyphenator(const std::filesystem::path& dict, int left_min, int right_min);
    ~Hyphenator();
    Hyphenator(Hyphenator&&) noexcept;
    Hyphenator& operator=(Hyphenator&&) noexcept;

    // Where a hyphen may go in word (letters only, any case): the number of letters before each
    // break, ascending. The caller decides which words to hyphenate at all.
    std::vector<int> points(std::string_view word) const;

private:
    struct Dict;
    std::unique_ptr<Dict> dict_;
    int left_min_, right_min_;
};

}  // namespace zapros::text
