// The copies' file name parts: GOST 7.79-2000 system B transliteration (request/slug.cpp) and
// unique slugs per addressee. Each expected value is spelled out from the standard's table.
#include <catch2/catch.hpp>

#include "request/slug.hpp"

using zapros::request::Addressee;
using zapros::request::copy_slugs;
using zapros::request::Text;
using zapros::request::transliterate;

namespace {

Addressee named(const std::string& name) {
    Addressee a;
    a.name.value = name;
    return a;
}

Addressee given(const std::string& name, const std::string& slug) {
    Addressee a = named(name);
    a.slug = Text{slug, {}};
    return a;
}

}  // namespace

TEST_CASE("transliteration follows GOST 7.79-2000 system B, letter by letter", "[slug]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"Министерство юстиции", "ministerstvo-yusticii"},  // ц before и: c; ю: yu
        {"Ёлка", "yolka"},                                  // ё: yo
        {"Майский", "majskij"},                             // й: j
        {"Щука", "shhuka"},                                 // щ: shh
        {"Жучок", "zhuchok"},                               // ж: zh, ч: ch
        {"Шахта", "shaxta"},                                // ш: sh, х: x
        {"Царь", "czar"},                                   // ц before a: cz; ь: its mark left out
        {"Цех", "cex"},                                     // ц before е: c
        {"Цыган", "cygan"},                                 // ц before ы (y): c
        {"Отец", "otecz"},                                  // ц at the end: cz
        {"Донецьк", "doneczk"},                             // ц before ь: cz
        {"Объявление", "obyavlenie"},                       // ъ: its mark left out, no separator
        {"Эхо", "exo"},                                     // э: e
        {"Ясно", "yasno"},                                  // я: ya
        {"Київ", "kiyiv"},                                  // Ukrainian ї: yi
        {"Ґанок", "ganok"},                                 // Ukrainian ґ: g
        {"Єва", "yeva"},                                    // Ukrainian є: ye
        {"Ўладзімір", "uladzimir"},                         // Belarusian ў: u, і: i
    };
    for (const Case& c : cases) {
        INFO(c.in);
        CHECK(transliterate(c.in) == c.out);
    }
}

TEST_CASE("a decomposed й or ё (a letter and a combining mark) is the same letter", "[slug]") {
    CHECK(transliterate("Мои\xCC\x86") == "moj");    // и U+0306
    CHECK(transliterate("Е\xCC\x88ж") == "yozh");    // Е U+0308
    CHECK(transliterate("Cafe\xCC\x81") == "cafe");  // an acute over a Latin e: the e kept, the mark dropped
}

TEST_CASE("Latin letters are lowered and digits kept; any other run is one '-', none at the ends", "[slug]") {
    CHECK(transliterate("Ministry of Justice") == "ministry-of-justice");
    CHECK(transliterate("МВД России № 5") == "mvd-rossii-5");
    CHECK(transliterate("  «Минфин» — отдел 2024 ") == "minfin-otdel-2024");
    CHECK(transliterate("Минюст/МВД") == "minyust-mvd");
    CHECK(transliterate("Café") == "caf");  // é is no a–z and no Cyrillic: a separator, trimmed
    CHECK(transliterate("«…» — !") == "");
    CHECK(transliterate("") == "");
}

TEST_CASE("a long slug is cut at a '-' to at most 40 bytes, mid-word only for one long word", "[slug]") {
    // ministerstvo-yusticii-rossijskoj-federacii is 42 bytes; the last '-' at or before byte 40
    // follows "rossijskoj" (byte 32).
    CHECK(transliterate("Министерство юстиции Российской Федерации") == "ministerstvo-yusticii-rossijskoj");
    CHECK(transliterate(std::string(50, 'a')) == std::string(40, 'a'));
    zapros::request::SlugSettings s;
    s.max_bytes = 5;
    CHECK(transliterate("ab cd ef", s) == "ab-cd");
}

TEST_CASE("copy slugs: the first line of the name, transliterated", "[slug]") {
    CHECK(copy_slugs({named("Минюст\nул. Житная, 14"), named("МВД"), named("ФСБ")}) ==
          std::vector<std::string>{"minyust", "mvd", "fsb"});
}

TEST_CASE("copy slugs: a name with no letter or digit gives addressee-N, N from 1", "[slug]") {
    CHECK(copy_slugs({named("МВД"), named("«…»")}) == std::vector<std::string>{"mvd", "addressee-2"});
}

TEST_CASE("copy slugs: repeated names get -2, -3 in order", "[slug]") {
    CHECK(copy_slugs({named("Минюст"), named("Минюст"), named("МВД"), named("Минюст")}) ==
          std::vector<std::string>{"minyust", "minyust-2", "mvd", "minyust-3"});
}

TEST_CASE("copy slugs: a given slug is never renamed; a generated one that meets it is", "[slug]") {
    CHECK(copy_slugs({named("Минюст"), given("Министерство", "minyust")}) ==
          std::vector<std::string>{"minyust-2", "minyust"});
    // The lowest free suffix: -2 is given, so the second Минюст is -3.
    CHECK(copy_slugs({named("Минюст"), named("Минюст"), given("X", "minyust-2")}) ==
          std::vector<std::string>{"minyust", "minyust-3", "minyust-2"});
}
