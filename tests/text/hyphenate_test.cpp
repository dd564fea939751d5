// Hyphenation through libhyphen with the dictionaries in hyph/, and TeX's minimums.
#include <catch2/catch.hpp>

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
