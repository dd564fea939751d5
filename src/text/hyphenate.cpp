#include "text/hyphenate.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "base/files.hpp"
#include "base/hash.hpp"
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

Hyphenator::Hyphenator(std::string_view text, const std::filesystem::path& name, int left_min, int right_min)
    : dict_(std::make_unique<Dict>()), left_min_(left_min), right_min_(right_min) {
    // libhyphen reads only from a FILE: one over the text in memory.
    std::FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
    if (!f) throw HyphenError("cannot read hyphenation dictionary " + name.string());
    dict_->handle = hnj_hyphen_load_file(f);
    std::fclose(f);
    if (!dict_->handle) throw HyphenError("cannot load hyphenation dictionary " + name.string());
}

Hyphenator::~Hyphenator() = default;
Hyphenator::Hyphenator(Hyphenator&&) noexcept = default;
Hyphenator& Hyphenator::operator=(Hyphenator&&) noexcept = default;

const std::vector<int>& Hyphenator::points(std::string_view word) const {
    static const std::vector<int> none;
    const auto cached = cache_.find(word);
    if (cached != cache_.end()) return cached->second;
    const int letters = static_cast<int>(utf8::length(word));
    if (letters < left_min_ + right_min_ || word.size() > 200) return none;
    std::vector<int> out;
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
    return cache_.emplace(std::string(word), std::move(out)).first->second;
}

namespace {

// TeX's minimums (hyph-utf8 "hyphenmins"): Russian 2 and 2, English 2 and 3.
constexpr const char* russian_file = "hyph_ru.dic";
constexpr const char* english_file = "hyph_en_US.dic";

}  // namespace

Dictionaries::Dictionaries(std::filesystem::path dir) : dir_(std::move(dir)) {}
Dictionaries::~Dictionaries() = default;

namespace {

// FNV-1a over a (lower-case) letter string's bytes is the key of the substring set.

// The bytes of the UTF-8 character that starts with this byte (1 for a stray continuation).
std::size_t utf8_length(char lead) {
    const auto c = static_cast<unsigned char>(lead);
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

// Patterns are at most this long in letters (with their dots); a longer one is always kept.
constexpr std::size_t max_pattern_letters = 12;

// The substring set is a Bloom filter: three bits of 2^19 per substring. The Russian model
// request's 16,000 substrings set 9 % of them, so fewer than one pattern in a thousand that
// matches no word is kept all the same (harmless: it is loaded for nothing); 64 KB to clear.
constexpr std::uint64_t substring_bits = 1u << 19;

void set_bit(std::vector<std::uint64_t>& bits, std::uint64_t h) {
    for (int k = 0; k < 3; ++k, h >>= 21) {
        const std::uint64_t bit = h % substring_bits;
        bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}
bool has_bit(const std::vector<std::uint64_t>& bits, std::uint64_t h) {
    for (int k = 0; k < 3; ++k, h >>= 21) {
        const std::uint64_t bit = h % substring_bits;
        if (!((bits[bit / 64] >> (bit % 64)) & 1)) return false;
    }
    return true;
}

}  // namespace

void Dictionaries::prepare(std::string_view text) {
    russian_asked_ = english_asked_ = false;  // a new document
    if (++prepared_ > 1) {  // a batch: the whole dictionaries from now on
        if (restricted_) russian_.reset(), english_.reset();
        restricted_ = false;
        substrings_.clear();
        return;
    }
    // Every distinct word that can be hyphenated as ".word." (lower case, the dots Liang's
    // patterns use for its ends), then every substring of it up to the longest pattern, each
    // hashed as it grows a character at a time.
    std::unordered_set<std::string> words;  // a long request says the same words again and again
    std::string word = ".";
    std::size_t letters = 0;
    auto flush = [&] {
        if (letters >= 4) {  // shorter: never hyphenated (lmin + rmin ≥ 4)
            word += '.';
            words.insert(word);
        }
        word.resize(1);
        letters = 0;
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        if (utf8::is_letter(c)) utf8::append(word, utf8::to_lower(c)), ++letters;
        else if (letters) flush();
    }
    flush();
    substrings_.assign(substring_bits / 64, 0);
    for (const std::string& w : words) {
        for (std::size_t a = 0; a < w.size(); a += utf8_length(w[a])) {
            Fnv1a h;
            std::size_t b = a;
            for (std::size_t n = 0; n < max_pattern_letters && b < w.size(); ++n) {
                for (const std::size_t end = b + utf8_length(w[b]); b < end && b < w.size(); ++b)
                    h.add(static_cast<unsigned char>(w[b]));
                set_bit(substrings_, h.value);
            }
        }
    }
    restricted_ = true;
}

std::unique_ptr<Hyphenator> Dictionaries::load(const char* file, int left_min, int right_min) const {
    const std::filesystem::path path = dir_ / file;
    if (!restricted_) return std::make_unique<Hyphenator>(path, left_min, right_min);
    std::string text;
    try {
        text = read_file(path);
    } catch (const IoError& e) {
        throw HyphenError(std::string("hyphenation dictionary: ") + e.what());
    }
    // Keep the header (encoding, LEFTHYPHENMIN…) and the patterns whose letters occur in the
    // announced words.
    std::string kept;
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < text.size(); ++line_no) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = std::string_view(text).substr(at, end - at);
        at = end + 1;
        // A header line (the encoding, LEFTHYPHENMIN…) starts with an upper-case ASCII letter.
        bool keep = line_no == 0 || line.empty() || (line[0] >= 'A' && line[0] <= 'Z');
        if (!keep) {
            // The pattern's letters without its digits, hashed as prepare() hashes substrings.
            Fnv1a h;
            std::size_t letters = 0;
            for (unsigned char c : line) {
                if (c >= '0' && c <= '9') continue;
                h.add(c);
                letters += (c & 0xC0) != 0x80;
            }
            keep = letters > max_pattern_letters || has_bit(substrings_, h.value);
        }
        if (keep) kept.append(line).append("\n");
    }
    return std::make_unique<Hyphenator>(kept, path, left_min, right_min);
}

const Hyphenator* Dictionaries::russian() const {
    if (!russian_) russian_ = load(russian_file, 2, 2);
    russian_asked_ = true;
    return russian_.get();
}

const Hyphenator* Dictionaries::english() const {
    if (!english_) english_ = load(english_file, 2, 3);
    english_asked_ = true;
    return english_.get();
}

std::vector<std::filesystem::path> Dictionaries::loaded() const {
    std::vector<std::filesystem::path> out;
    if (russian_asked_) out.push_back(dir_ / russian_file);
    if (english_asked_) out.push_back(dir_ / english_file);
    return out;
}

}  // namespace zapros::text
