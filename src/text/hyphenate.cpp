#include "text/hyphenate.hpp"

#include <hyphen.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "base/files.hpp"
#include "base/hash.hpp"
#include "base/utf8.hpp"

namespace zapros::text {

// libhyphen's automaton (HyphenDict): the one hnj_hyphen_load_file builds, or one built here
// from the same patterns.
struct Hyphenator::Dict {
    HyphenDict* loaded = nullptr;  // libhyphen's, freed by libhyphen
    // Ours: the automaton in three arrays that the HyphenDict points into.
    HyphenDict built{};
    std::vector<HyphenState> states;
    std::vector<HyphenTrans> transitions;
    std::string matches;

    HyphenDict* get() { return loaded ? loaded : &built; }
    bool build(std::string_view text);
    ~Dict() {
        if (loaded) hnj_hyphen_free(loaded);
    }
};

namespace {

// The automaton's states by the bytes of their prefix: open addressing on FNV-1a, grown at half
// full. The keys are views into storage the builder keeps.
class PrefixIndex {
public:
    PrefixIndex() : slots_(1024, 0) {}
    static std::uint64_t hash(std::string_view key) {
        Fnv1a h;
        for (const char c : key) h.add(static_cast<unsigned char>(c));
        return h.value;
    }
    // The state of key (whose hash is h), or -1.
    int find(std::string_view key, std::uint64_t h) const {
        for (std::size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
            const int s = slots_[i] - 1;
            if (s < 0) return -1;
            if (hashes_[static_cast<std::size_t>(s)] == h && keys_[static_cast<std::size_t>(s)] == key) return s;
        }
    }
    // Adds key as the next state (0, 1, …); key must be new.
    int add(std::string_view key, std::uint64_t h) {
        if (2 * (keys_.size() + 1) > slots_.size()) grow();
        keys_.push_back(key);
        hashes_.push_back(h);
        place(keys_.size() - 1);
        return static_cast<int>(keys_.size() - 1);
    }
    std::size_t size() const { return keys_.size(); }
    std::string_view key(int state) const { return keys_[static_cast<std::size_t>(state)]; }

private:
    void place(std::size_t state) {
        std::size_t i = hashes_[state] & (slots_.size() - 1);
        while (slots_[i]) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = static_cast<int>(state) + 1;
    }
    void grow() {
        slots_.assign(2 * slots_.size(), 0);
        for (std::size_t s = 0; s < keys_.size(); ++s) place(s);
    }
    std::vector<int> slots_;  // state + 1; 0: empty
    std::vector<std::string_view> keys_;
    std::vector<std::uint64_t> hashes_;
};

}  // namespace

// Builds the automaton hnj_hyphen_load_file would build for a UTF-8 dictionary of plain Liang
// patterns, without the library's per-state allocations and the two 31,627-bucket hash tables
// it sets up and walks however few the patterns are:
//  - a state for every prefix of every pattern's letters (bytes of UTF-8, the dots included),
//    numbered as libhyphen numbers them, state 0 the empty prefix;
//  - a transition from each prefix to the prefix one byte longer;
//  - the state of a pattern's letters holds its digits from the first non-zero one on;
//  - a state's fallback is its longest proper suffix that is a state (state 0's is -1).
// Only the pattern level is built, without libhyphen's implicit compound level: that level
// breaks words at hyphens and apostrophes, which points() never passes (letters only), so the
// breaks are the same. False when the dictionary uses what only libhyphen's loader handles
// (another encoding, NEXTLEVEL, NOHYPHEN, non-standard patterns, over-long lines).
bool Hyphenator::Dict::build(std::string_view text) {
    struct Edge {
        int from;
        char ch;
        int to;
    };
    std::vector<Edge> edges;
    std::vector<std::size_t> match_at;  // state → offset of its digits in matches, npos: none
    // The patterns' letters, reserved once (they are fewer than the text's bytes) so that the
    // index's views stay valid; a prefix's key is a view into its pattern's letters.
    std::string letters;
    letters.reserve(text.size());
    PrefixIndex index;
    auto state = [&](std::string_view key, std::uint64_t h) {
        const int known = index.find(key, h);
        if (known >= 0) return known;
        match_at.push_back(std::string::npos);
        return index.add(key, h);
    };
    state("", PrefixIndex::hash(""));
    built.lhmin = built.rhmin = built.clhmin = built.crhmin = 0;
    struct Minimum {
        std::string_view keyword;
        char HyphenDict::*field;
    };
    static constexpr Minimum minimums[] = {{"LEFTHYPHENMIN", &HyphenDict::lhmin},
                                           {"RIGHTHYPHENMIN", &HyphenDict::rhmin},
                                           {"COMPOUNDLEFTHYPHENMIN", &HyphenDict::clhmin},
                                           {"COMPOUNDRIGHTHYPHENMIN", &HyphenDict::crhmin}};
    std::string digits;
    std::vector<std::uint64_t> prefix_hash;
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < text.size(); ++line_no) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (line.size() >= MAX_CHARS - 1) return false;  // libhyphen would skip it, with a warning
        if (line_no == 0) {  // the encoding
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (line != "UTF-8") return false;
            continue;
        }
        if (line.empty() || line[0] == '%') continue;
        if (line.starts_with("NEXTLEVEL") || line.starts_with("NOHYPHEN") || line.find('/') != std::string_view::npos)
            return false;
        const auto minimum = std::find_if(std::begin(minimums), std::end(minimums),
                                          [&](const Minimum& m) { return line.starts_with(m.keyword); });
        if (minimum != std::end(minimums)) {
            built.*minimum->field = static_cast<char>(std::atoi(std::string(line.substr(minimum->keyword.size())).c_str()));
            continue;
        }

        // The pattern's letters go to letters, its digits (one before each letter and one
        // after the last, '0' where none is written) to digits; each prefix's hash as it grows.
        const std::size_t word_at = letters.size();
        digits.assign(1, '0');
        Fnv1a h;
        prefix_hash.assign(1, h.value);
        for (const char c : line) {
            if (static_cast<unsigned char>(c) <= ' ') break;  // where libhyphen ends a pattern ('\r', a comment)
            if (c >= '0' && c <= '9') {
                digits.back() = c;
            } else {
                letters.push_back(c);
                digits.push_back('0');
                h.add(static_cast<unsigned char>(c));
                prefix_hash.push_back(h.value);
            }
        }
        const std::string_view word(letters.data() + word_at, letters.size() - word_at);
        const bool existed = index.find(word, h.value) >= 0;
        int s = state(word, h.value);
        match_at[static_cast<std::size_t>(s)] = matches.size();
        matches.append(digits, std::min(digits.find_first_not_of('0'), digits.size())).push_back('\0');
        if (existed) {
            letters.resize(word_at);  // its prefixes are states already
            continue;
        }
        for (std::size_t j = word.size(); j > 0; --j) {
            const std::string_view prefix = word.substr(0, j - 1);
            const bool known = index.find(prefix, prefix_hash[j - 1]) >= 0;
            const int from = state(prefix, prefix_hash[j - 1]);
            edges.push_back({from, word[j - 1], s});
            s = from;
            if (known) break;
        }
    }
    // Each state's transitions side by side, in the order they were made.
    const std::size_t count = index.size();
    std::vector<int> first(count + 1, 0);
    for (const Edge& e : edges) ++first[static_cast<std::size_t>(e.from) + 1];
    for (std::size_t i = 1; i <= count; ++i) first[i] += first[i - 1];
    transitions.resize(edges.size());
    std::vector<int> fill(first.begin(), first.end() - 1);
    for (const Edge& e : edges)
        transitions[static_cast<std::size_t>(fill[static_cast<std::size_t>(e.from)]++)] = HyphenTrans{e.ch, e.to};
    states.assign(count, HyphenState{nullptr, nullptr, 0, 0, -1, 0, nullptr});
    for (std::size_t i = 0; i < count; ++i) {
        HyphenState& st = states[i];
        st.num_trans = first[i + 1] - first[i];
        st.trans = st.num_trans ? transitions.data() + first[i] : nullptr;
        if (match_at[i] != std::string::npos) st.match = matches.data() + match_at[i];
    }
    // Fallbacks shortest prefix first, as Aho and Corasick compute failure links: the longest
    // proper suffix of u·c that is a state extends the longest one of u that has a c to go on.
    auto go = [&](int from, char c) {
        const HyphenState& st = states[static_cast<std::size_t>(from)];
        for (int k = 0; k < st.num_trans; ++k)
            if (st.trans[k].ch == c) return st.trans[k].new_state;
        return -1;
    };
    std::vector<int> order(count), at_length(MAX_CHARS + 1, 0);  // by prefix length (< MAX_CHARS)
    for (std::size_t i = 0; i < count; ++i) ++at_length[index.key(static_cast<int>(i)).size() + 1];
    for (std::size_t n = 1; n < at_length.size(); ++n) at_length[n] += at_length[n - 1];
    for (std::size_t i = 0; i < count; ++i)
        order[static_cast<std::size_t>(at_length[index.key(static_cast<int>(i)).size()]++)] = static_cast<int>(i);
    std::vector<int> parent(count, -1);
    std::vector<char> via(count, 0);
    for (const Edge& e : edges) parent[static_cast<std::size_t>(e.to)] = e.from, via[static_cast<std::size_t>(e.to)] = e.ch;
    for (const int v : order) {
        const int u = parent[static_cast<std::size_t>(v)];
        if (u < 0) continue;  // state 0 keeps -1
        int fallback = 0;
        for (int f = states[static_cast<std::size_t>(u)].fallback_state; f >= 0; f = states[static_cast<std::size_t>(f)].fallback_state)
            if (const int t = go(f, via[static_cast<std::size_t>(v)]); t >= 0) {
                fallback = t;
                break;
            }
        states[static_cast<std::size_t>(v)].fallback_state = fallback;
    }
    built.nohyphen = nullptr;
    built.nohyphenl = 0;
    built.num_states = static_cast<int>(count);
    std::snprintf(built.cset, sizeof built.cset, "UTF-8");
    built.utf8 = 1;
    built.states = states.data();
    built.nextlevel = nullptr;
    return true;
}

namespace {

// A dictionary file's bytes; HyphenError when it cannot be read.
FileBytes dictionary_file(const std::filesystem::path& path) {
    if (!std::filesystem::is_regular_file(path))
        throw HyphenError("hyphenation dictionary " + path.string() + " not found");
    try {
        return FileBytes::map(path);
    } catch (const IoError& e) {
        throw HyphenError(std::string("hyphenation dictionary: ") + e.what());
    }
}

// A NUL byte ends a line for libhyphen's reader, which then mishandles the rest (it leaks,
// for one): no text dictionary holds one, so the file is broken.
void refuse_nul(std::string_view text, const std::filesystem::path& name) {
    const std::size_t nul = text.find('\0');
    if (nul == std::string_view::npos) return;
    const auto line = std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(nul), '\n') + 1;
    throw HyphenError("hyphenation dictionary " + name.string() + ": a NUL byte on line " + std::to_string(line) +
                      "; not a text file");
}

}  // namespace

// The file's bytes are needed only while the automaton is built: the temporary lives to the
// end of the delegating call.
Hyphenator::Hyphenator(const std::filesystem::path& dict, int left_min, int right_min)
    : Hyphenator(dictionary_file(dict).view(), dict, left_min, right_min) {}

Hyphenator::Hyphenator(std::string_view text, const std::filesystem::path& name, int left_min, int right_min)
    : dict_(std::make_unique<Dict>()), left_min_(left_min), right_min_(right_min) {
    refuse_nul(text, name);
    if (dict_->build(text)) return;
    // What only libhyphen reads: it reads from a FILE, here one over the text in memory.
    std::FILE* f = fmemopen(const_cast<char*>(text.data()), text.size(), "r");
    if (!f) throw HyphenError("cannot read hyphenation dictionary " + name.string());
    dict_->loaded = hnj_hyphen_load_file(f);
    std::fclose(f);
    if (!dict_->loaded) throw HyphenError("cannot load hyphenation dictionary " + name.string());
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
    hnj_hyphen_hyphenate2(dict_->get(), lower.c_str(), static_cast<int>(lower.size()), hyphens.data(),
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

// The key of a (lower-case) letter string in the substring set: FNV-1a's steps over its code
// points, a step a letter, extended as the string grows.
std::uint64_t extend(std::uint64_t key, char32_t letter) { return Fnv1a::step(key, letter); }
constexpr std::uint64_t empty_key = Fnv1a::basis;

// Patterns are at most this long in letters (with their dots); a longer one is always kept.
constexpr std::size_t max_pattern_letters = 12;

// The substring set is a Bloom filter: three bits of 2^19 per substring. 20,000 substrings (a
// letter has fewer) set at most 1 − e^(−3 · 20,000 / 2^19) ≈ 11 % of them, so a pattern that
// matches no word is kept all the same with a chance of 0.11³ ≈ 0.13 % (harmless: it is loaded
// for nothing); 64 KB to clear.
constexpr std::uint64_t substring_bits = 1u << 19;

// A key's three bits, from its hash mixed (FNV's low bits are weak over code points).
std::uint64_t mixed(std::uint64_t h) {
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}
void set_bit(std::vector<std::uint64_t>& bits, std::uint64_t key) {
    std::uint64_t h = mixed(key);
    for (int k = 0; k < 3; ++k, h >>= 21) {
        const std::uint64_t bit = h % substring_bits;
        bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
}
bool has_bit(const std::vector<std::uint64_t>& bits, std::uint64_t key) {
    std::uint64_t h = mixed(key);
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
    // key extended a letter at a time.
    std::unordered_set<std::u32string> words;  // a long request says the same words again and again
    std::u32string word = U".";
    auto flush = [&] {
        if (word.size() >= 5) {  // four letters and the dot; shorter: never hyphenated (lmin + rmin ≥ 4)
            word += U'.';
            words.insert(word);
        }
        word.resize(1);
    };
    for (std::size_t i = 0; i < text.size();) {
        const char32_t c = utf8::next(text, i);
        if (utf8::is_letter(c)) word += utf8::to_lower(c);
        else if (word.size() > 1) flush();
    }
    flush();
    substrings_.assign(substring_bits / 64, 0);
    for (const std::u32string& w : words)
        for (std::size_t a = 0; a < w.size(); ++a) {
            std::uint64_t key = empty_key;
            for (std::size_t b = a; b < w.size() && b - a < max_pattern_letters; ++b) {
                key = extend(key, w[b]);
                set_bit(substrings_, key);
            }
        }
    restricted_ = true;
}

std::unique_ptr<Hyphenator> Dictionaries::load(const char* file, int left_min, int right_min) const {
    const std::filesystem::path path = dir_ / file;
    if (!restricted_) return std::make_unique<Hyphenator>(path, left_min, right_min);
    const FileBytes dictionary = dictionary_file(path);
    const std::string_view text = dictionary.view();
    refuse_nul(text, path);  // before patterns are dropped: a batch's later documents read them all
    // Keep the header (encoding, LEFTHYPHENMIN…) and the patterns whose letters occur in the
    // announced words.
    std::string kept;
    std::size_t line_no = 0;
    for (std::size_t at = 0; at < text.size(); ++line_no) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        const std::string_view line = text.substr(at, end - at);
        at = end + 1;
        // A header line (the encoding, LEFTHYPHENMIN…) starts with an upper-case ASCII letter.
        bool keep = line_no == 0 || line.empty() || (line[0] >= 'A' && line[0] <= 'Z');
        if (!keep) {
            // The pattern's letters without its digits, keyed as prepare() keys substrings, up
            // to where libhyphen and the builder end a pattern (a CRLF file's '\r').
            std::uint64_t key = empty_key;
            std::size_t letters = 0;
            for (std::size_t i = 0; i < line.size();) {
                const char32_t c = utf8::next(line, i);
                if (c <= U' ') break;
                if (c >= U'0' && c <= U'9') continue;
                key = extend(key, c);
                ++letters;
            }
            keep = letters > max_pattern_letters || has_bit(substrings_, key);
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
