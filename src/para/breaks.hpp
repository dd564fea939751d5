#pragma once
// Inside para/: where a word may break, decided from its characters alone. Which of the last
// resorts a word needs is decided once it is measured (build.cpp).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/hyphenate.hpp"

namespace zapros::para {

// What may break after a character of a word, from the most ordinary to never.
enum class BreakAfter : std::uint8_t {
    none,             // nothing, unless the word is too long for its line (then a last resort)
    pattern,          // a hyphen the patterns found
    soft_hyphen,      // the author's U+00AD
    explicit_hyphen,  // after "-" between letters: the hyphen is printed already
    url,              // after / . - ? & = _ # ~ , in a URL or code: nothing added
    url_escape,       // before a %XX escape in a URL or code
    chance,           // the author's U+200B, or a space in a line of a code block
    emergency,        // the last resort in a word too long for its line (set once it is measured)
    tied,             // at a joiner (U+2060, U+200C, U+200D): none, but a last resort as any two letters
    never,            // inside a %XX escape, before a combining mark
};

// How a word breaks: as text (hyphenation), as a URL (code spans too), or as a line of a code
// block (a URL whose spaces are characters a line may also break after).
enum class WordKind : std::uint8_t { text, url, verbatim };

// A word: its visible characters (invisible ones left out) and what may break after each.
struct Word {
    std::u32string chars;
    std::vector<int> cols;          // each character's column, counted from the word's start
    std::vector<BreakAfter> after;  // after[k] between chars[k] and chars[k + 1]; the last none
    bool chance_before = false;     // a U+200B before the first visible character
    bool chance_after = false;      // … after the last
    bool glued_before = false;      // a joiner before the first visible character
    bool glued_after = false;       // … after the last
};

class WordBreaker {
public:
    // dictionaries nullptr: no hyphenation at all.
    explicit WordBreaker(const text::Dictionaries* dictionaries) : dictionaries_(dictionaries) {}

    // Reads the word (between spaces) into word_; hyphenate: whether patterns may break it.
    const Word& analyse(std::u32string_view raw, WordKind kind, bool hyphenate);

private:
    void url_breaks(WordKind kind);
    void text_breaks(bool hyphenate);
    const text::Hyphenator* dictionary(std::size_t begin, std::size_t end) const;

    const text::Dictionaries* dictionaries_;
    Word word_;
    std::string letters_;  // a run of letters, for the patterns
};

}  // namespace zapros::para
