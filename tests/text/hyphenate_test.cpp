// Hyphenation through libhyphen with the dictionaries in hyph/, and TeX's minimums.
#include <catch2/catch.hpp>
#include <hyphen.h>

#include <cctype>
#include <tuple>
#include <utility>

#include "base/utf8.hpp"
#include "support.hpp"
#include "text/hyphenate.hpp"

using zapros::text::Hyphenator;

namespace {

const Hyphenator& russian() {
    static const Hyphenator h(zapros::test::source_dir() / "hyph" / "hyph_ru.dic", 2, 2);
    return h;
}
const Hyphenator& english() {
    static const Hyphenator h(zapros::test::source_dir() / "hyph" / "hyph_en_US.dic", 2, 3);
    return h;
}

std::string shown(const Hyphenator& h, const std::string& word) {
    std::u32string w;
    for (std::size_t i = 0; i < word.size();) w += zapros::utf8::next(word, i);
    std::string out;
    const auto points = h.points(word);
    for (std::size_t k = 0; k < w.size(); ++k) {
        if (std::find(points.begin(), points.end(), static_cast<int>(k)) != points.end()) out += '-';
        zapros::utf8::append(out, w[k]);
    }
    return out;
}

// A fresh data directory whose hyph/hyph_ru.dic holds text; its hyph/ directory.
std::filesystem::path russian_dictionary_dir(const std::string& name, const std::string& text) {
    const auto dir = zapros::test::temp_dir(name) / "hyph";
    std::filesystem::create_directories(dir);
    zapros::test::write(dir / "hyph_ru.dic", text);
    return dir;
}

const std::string& shipped_russian() {
    static const std::string text = zapros::test::read(zapros::test::source_dir() / "hyph" / "hyph_ru.dic");
    return text;
}

}  // namespace

TEST_CASE("Russian words break where TeX's patterns allow (Debian's KOI8-R dictionary finds none)", "[hyphenate]") {
    CHECK(shown(russian(), "законодательства") == "за-ко-но-да-тель-ства");
    CHECK(shown(russian(), "информационной") == "ин-фор-ма-ци-он-ной");
    CHECK(shown(russian(), "Федерации") == "Фе-де-ра-ции");  // any case
}

TEST_CASE("Russian exceptions from hyph-ru.hyp.txt override the patterns", "[hyphenate]") {
    CHECK(shown(russian(), "бизнесмен") == "биз-нес-мен");
}

TEST_CASE("Russian keeps two letters before and after a break", "[hyphenate]") {
    for (const char* w : {"обязательства", "подразделение", "киберпреступности", "взаимодействуют"}) {
        const int n = static_cast<int>(zapros::utf8::length(w));
        for (int p : russian().points(w)) {
            CHECK(p >= 2);
            CHECK(n - p >= 2);
        }
    }
    CHECK(russian().points("акт").empty());
}

TEST_CASE("English keeps two letters before a break and three after", "[hyphenate]") {
    CHECK(shown(english(), "information") == "in-for-ma-tion");
    for (const char* w : {"beautiful", "surveillance", "cooperation", "agreements", "happily"}) {
        const int n = static_cast<int>(zapros::utf8::length(w));
        for (int p : english().points(w)) {
            CHECK(p >= 2);
            CHECK(n - p >= 3);
        }
    }
}

TEST_CASE("a dictionary restricted to a text's words breaks each of them as the whole one does", "[hyphenate]") {
    // Liang's algorithm only uses patterns whose letters occur in the word: keeping just those
    // must change nothing for the words of the text it was prepared for.
    for (const char* name : {"mediazona-cybercrime-ru", "mediazona-cybercrime-en"}) {
        const std::string text = zapros::test::read(zapros::test::source_dir() / "requests" / (std::string(name) + ".md"));
        zapros::text::Dictionaries restricted(zapros::test::source_dir() / "hyph");
        restricted.prepare(text);
        zapros::text::Dictionaries whole(zapros::test::source_dir() / "hyph");
        whole.prepare(text);
        whole.prepare(text);  // a second document: no restriction from now on
        int words = 0;
        std::string word;
        auto check = [&] {
            if (zapros::utf8::length(word) < 4) return word.clear();
            bool cyrillic = true;
            for (std::size_t i = 0; i < word.size();) cyrillic &= zapros::utf8::is_cyrillic_letter(zapros::utf8::next(word, i));
            const auto* a = cyrillic ? restricted.russian() : restricted.english();
            const auto* b = cyrillic ? whole.russian() : whole.english();
            INFO(word);
            CHECK(a->points(word) == b->points(word));
            ++words;
            word.clear();
        };
        for (std::size_t i = 0; i < text.size();) {
            const char32_t c = zapros::utf8::next(text, i);
            if (zapros::utf8::is_letter(c)) zapros::utf8::append(word, c);
            else check();
        }
        check();
        CHECK(words > 500);
    }
}

TEST_CASE("a dictionary with CRLF line ends, restricted to a text's words, breaks them as with LF ends", "[hyphenate]") {
    // libhyphen reads a pattern up to the first blank or control character; choosing the
    // patterns for a text must read them the same way, or a '\r' left in the key drops them.
    std::string crlf;
    for (const char c : shipped_russian()) {
        if (c == '\n') crlf += '\r';
        crlf += c;
    }
    const std::string text = "информационной безопасности противодействия киберпреступности сотрудничества";
    zapros::text::Dictionaries restricted(russian_dictionary_dir("crlf-dictionary", crlf));
    zapros::text::Dictionaries reference(zapros::test::source_dir() / "hyph");
    restricted.prepare(text);
    reference.prepare(text);
    for (const std::string word : {"информационной", "безопасности", "противодействия", "киберпреступности", "сотрудничества"}) {
        INFO(word);
        CHECK(!reference.russian()->points(word).empty());
        CHECK(restricted.russian()->points(word) == reference.russian()->points(word));
    }
}

TEST_CASE("the automaton built from the patterns breaks every word as libhyphen's own loader does", "[hyphenate]") {
    // Hyphenator builds libhyphen's automaton itself (hnj_hyphen_load_file is slow to build
    // it); libhyphen's loader and matcher are the reference. The words: every pattern's
    // letters, each pattern's letters followed by the next one's (so that matching falls back
    // across them), and every word of both model requests.
    for (const auto& [file, left, right] : {std::tuple{"hyph_ru.dic", 2, 2}, std::tuple{"hyph_en_US.dic", 2, 3}}) {
        const auto path = zapros::test::source_dir() / "hyph" / file;
        const Hyphenator ours(path, left, right);
        HyphenDict* reference = hnj_hyphen_load(path.c_str());
        REQUIRE(reference);
        std::vector<std::string> words;
        const std::string dictionary = zapros::test::read(path);
        std::string previous;
        for (std::size_t at = dictionary.find('\n') + 1; at < dictionary.size();) {
            const std::size_t end = dictionary.find('\n', at);
            std::string letters;
            for (std::size_t i = at; i < end; ++i)
                if (!std::isdigit(static_cast<unsigned char>(dictionary[i])) && dictionary[i] != '.') letters += dictionary[i];
            at = end + 1;
            if (letters.empty() || std::isupper(static_cast<unsigned char>(letters[0]))) continue;  // a header line
            words.push_back(letters);
            words.push_back(previous + letters);
            previous = letters;
        }
        for (const char* name : {"mediazona-cybercrime-ru", "mediazona-cybercrime-en"}) {
            const std::string text = zapros::test::read(zapros::test::source_dir() / "requests" / (std::string(name) + ".md"));
            std::string word;
            for (std::size_t i = 0; i <= text.size();) {
                const char32_t c = i < text.size() ? zapros::utf8::next(text, i) : (++i, U' ');
                if (zapros::utf8::is_letter(c)) zapros::utf8::append(word, zapros::utf8::to_lower(c));
                else if (!word.empty()) words.push_back(std::exchange(word, {}));
            }
        }
        int compared = 0, broken = 0;
        for (const std::string& w : words) {
            const int n = static_cast<int>(zapros::utf8::length(w));
            bool letters = true;  // what points() is given (patterns also hold hyphens, apostrophes)
            for (std::size_t i = 0; i < w.size();) letters &= zapros::utf8::is_letter(zapros::utf8::next(w, i));
            if (!letters || n < left + right || w.size() > 200) continue;
            std::vector<char> hyphens(w.size() + 5, 0);
            char** rep = nullptr;
            int* pos = nullptr;
            int* cut = nullptr;
            hnj_hyphen_hyphenate2(reference, w.c_str(), static_cast<int>(w.size()), hyphens.data(), nullptr, &rep, &pos, &cut);
            REQUIRE(rep == nullptr);  // the dictionaries have no non-standard patterns
            std::vector<int> expected;
            for (int i = left - 1; i < n - right; ++i)
                if (hyphens[static_cast<std::size_t>(i)] & 1) expected.push_back(i + 1);
            INFO(file << ": " << w);
            CHECK(ours.points(w) == expected);
            ++compared;
            broken += !expected.empty();
        }
        hnj_hyphen_free(reference);
        CHECK(compared > 10000);
        CHECK(broken > 5000);
    }
}

TEST_CASE("a dictionary with libhyphen's own keywords (NOHYPHEN, NEXTLEVEL) still loads and breaks words", "[hyphenate]") {
    // The automaton built here handles plain patterns; these go to libhyphen's loader.
    const std::string plain = "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nа1б\n";
    const std::string with_nohyphen = "UTF-8\nNOHYPHEN @\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nа1б\n";
    const std::string two_levels = "UTF-8\nLEFTHYPHENMIN 2\nRIGHTHYPHENMIN 2\nNEXTLEVEL\nа1б\n";
    for (const std::string& text : {plain, with_nohyphen, two_levels}) {
        const Hyphenator h(text, "test.dic", 2, 2);
        INFO(text);
        CHECK(h.points("бабаба") == std::vector<int>{2, 4});
    }
}

TEST_CASE("a dictionary holding a NUL byte is refused, naming its line", "[hyphenate]") {
    const std::string text = std::string("UTF-8\nLEFTHYPHENMIN 2\nа1б\n") + std::string(120, '\0') + "\n";
    CHECK_THROWS_WITH(Hyphenator(text, "broken.dic", 2, 2),
                      Catch::Contains("broken.dic") && Catch::Contains("NUL byte on line 4"));
    CHECK_NOTHROW(Hyphenator("UTF-8\nLEFTHYPHENMIN 2\nа1б\n", "fine.dic", 2, 2));
    // Also where the first document keeps only its words' patterns: the NUL is on a line that
    // would be dropped, and a batch's next document would read it.
    zapros::text::Dictionaries dicts(russian_dictionary_dir("nul-dictionary", shipped_russian() + "ъ1ъ" + '\0' + "\n"));
    dicts.prepare("информационной безопасности");
    CHECK_THROWS_WITH(dicts.russian(), Catch::Contains("hyph_ru.dic") && Catch::Contains("NUL byte on line"));
}

TEST_CASE("a document depends on the dictionaries its own words asked for, not an earlier one's", "[hyphenate]") {
    zapros::text::Dictionaries dicts(zapros::test::source_dir() / "hyph");
    const auto names = [&dicts] {
        std::vector<std::string> out;
        for (const auto& p : dicts.loaded()) out.push_back(p.filename().string());
        return out;
    };
    dicts.prepare("Первый документ по-русски.");
    CHECK(names().empty());  // nothing asked yet
    dicts.russian();
    CHECK(names() == std::vector<std::string>{"hyph_ru.dic"});
    dicts.prepare("The second document, in English.");
    CHECK(names().empty());
    dicts.english();
    CHECK(names() == std::vector<std::string>{"hyph_en_US.dic"});
}
