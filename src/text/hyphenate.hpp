#pragma once
// Liang hyphenation through libhyphen with the dictionaries in hyph/ (DESIGN: HyphenDict* lives
// here and nowhere else). libhyphen matches the words; the automaton it matches with is built
// here from the patterns, as its loader would build it but without the loader's cost, unless
// the dictionary uses what only the loader reads.
#include <filesystem>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
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
    // The same from the dictionary's text (what the file holds, or a part of it).
    Hyphenator(std::string_view text, const std::filesystem::path& name, int left_min, int right_min);
    ~Hyphenator();
    Hyphenator(Hyphenator&&) noexcept;
    Hyphenator& operator=(Hyphenator&&) noexcept;

    // Where a hyphen may go in word (letters only, any case): the number of letters before each
    // break, ascending. The caller decides which words to hyphenate at all. The reference
    // stays valid as long as the Hyphenator.
    const std::vector<int>& points(std::string_view word) const;

private:
    struct Dict;
    std::unique_ptr<Dict> dict_;
    int left_min_, right_min_;
    // Words recur (a letter says "информации" twenty times): each is hyphenated once, and
    // looked up without making a string of it.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    mutable std::unordered_map<std::string, std::vector<int>, Hash, std::equal_to<>> cache_;
};

// The dictionaries in hyph/, each loaded the first time a word of its script asks for it (a
// Russian letter never reads the English patterns). Not thread-safe: one per thread.
class Dictionaries {
public:
    explicit Dictionaries(std::filesystem::path dir);
    ~Dictionaries();

    // Announces the text whose words will be hyphenated (every word of the composed letter).
    // The first document's dictionaries then keep only the patterns whose letters occur in
    // those words: Liang's algorithm never uses the others, so every word of the text breaks
    // exactly as with the whole dictionary, and only a fraction of the automaton is built. A
    // second call (a batch) drops the restriction: the whole dictionaries are loaded once and
    // serve every document after.
    void prepare(std::string_view text);

    // Throw HyphenError when the dictionary cannot be loaded.
    const Hyphenator* russian() const;
    const Hyphenator* english() const;
    // The files asked for since prepare(): those the document depends on.
    std::vector<std::filesystem::path> loaded() const;

private:
    std::unique_ptr<Hyphenator> load(const char* file, int left_min, int right_min) const;

    std::filesystem::path dir_;
    // The announced words' substrings as bits of a hash set; a collision only keeps a pattern
    // that is not needed, which cannot change a break.
    std::vector<std::uint64_t> substrings_;
    bool restricted_ = false;
    int prepared_ = 0;
    mutable std::unique_ptr<Hyphenator> russian_, english_;
    mutable bool russian_asked_ = false, english_asked_ = false;
};

}  // namespace zapros::text
