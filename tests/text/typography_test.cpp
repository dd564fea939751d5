// The typographic pass, rule by rule, before and after, in both languages.
#include <catch2/catch.hpp>

#include "text/typography.hpp"

using zapros::Lang;
using zapros::text::typographize;

namespace {

// Shows no-break spaces as "~" so that expectations read like TeX.
std::string shown(const std::string& s, Lang lang) {
    std::string out = typographize(s, lang);
    for (std::size_t at; (at = out.find("\u00A0")) != std::string::npos;) out.replace(at, 2, "~");
    return out;
}
std::string ru(const std::string& s) { return shown(s, Lang::ru); }
std::string en(const std::string& s) { return shown(s, Lang::en); }

}  // namespace

TEST_CASE("Russian quotes: « » outside, „ “ inside, by nesting", "[typography]") {
    CHECK(ru("Закон \"О СМИ\".") == "Закон «О~СМИ».");
    CHECK(ru("\"Закон \"О средствах массовой информации\"\" действует") ==
          "«Закон „О~средствах массовой информации“» действует");
    CHECK(ru("(\"цитата\")") == "(«цитата»)");
}

TEST_CASE("English quotes: “ ” outside, ‘ ’ inside, by nesting", "[typography]") {
    CHECK(en("the \"Mass Media\" law") == "the “Mass Media” law");
    CHECK(en("\"on \"cross-border\" access,\" it says") == "“on ‘cross-border’ access,” it says");
}

TEST_CASE("an apostrophe becomes ’", "[typography]") {
    CHECK(en("Russia's position isn't new; we've seen it") == "Russia’s position isn’t new; we’ve seen it");
}

TEST_CASE("typographic quotes already there are kept and count for nesting", "[typography]") {
    CHECK(ru("«Закон \"О СМИ\"»") == "«Закон „О~СМИ“»");
    CHECK(en("“- actions”") == "“- actions”");
}

TEST_CASE("two and three hyphens become an en and an em dash", "[typography]") {
    CHECK(ru("1990--2000") == "1990–2000");
    CHECK(ru("слово---слово") == "слово—слово");
}

TEST_CASE("a spaced hyphen between words is a dash, tied to the word before", "[typography]") {
    CHECK(ru("Москва - столица") == "Москва~— столица");
    CHECK(en("Moscow - the capital") == "Moscow~– the capital");
    CHECK(ru("интернет-издание") == "интернет-издание");  // a hyphen inside a word stays
}

TEST_CASE("three dots become an ellipsis", "[typography]") {
    CHECK(ru("<...> далее") == "<…> далее");
    CHECK(en("and so on...") == "and so on…");
}

TEST_CASE("initials stay with the surname", "[typography]") {
    CHECK(ru("министр С. В. Лавров сказал") == "министр С.~В.~Лавров сказал");
    CHECK(ru("сказал Лавров С. В.") == "сказал Лавров~С.~В.");
    CHECK(en("Minister S. Lavrov said") == "Minister S.~Lavrov said");
}

TEST_CASE("the number sign stays with its number", "[typography]") {
    CHECK(ru("Эл № ФС77-59216 и № 5") == "Эл №~ФС77-59216 и~№~5");
    CHECK(en("EL No. FS77-59216, No. 5") == "EL No.~FS77-59216, No.~5");
}

TEST_CASE("article, clause and part abbreviations stay with their numbers", "[typography]") {
    CHECK(ru("ст. 38, п. 5 ч. 1 ст. 3") == "ст.~38, п.~5 ч.~1 ст.~3");
    CHECK(en("under Art. 32 and p. 5") == "under Art.~32 and p.~5");
}

TEST_CASE("a year stays with its \"г.\"", "[typography]") {
    CHECK(ru("в 2008 г. было") == "в~2008~г. было");
}

TEST_CASE("т. е., т. д. and т. п. hold together", "[typography]") {
    CHECK(ru("то есть т. е. и т. д. и т. п.") == "то есть т.~е. и~т.~д. и~т.~п.");
}

TEST_CASE("a number stays with its unit or currency", "[typography]") {
    CHECK(ru("штраф 100 руб. и 5 % суммы") == "штраф 100~руб. и~5~% суммы");
    CHECK(en("a fee of $ 5 and 10 MB") == "a~fee of $~5 and 10~MB");
}

TEST_CASE("day, month and year of a written date hold together", "[typography]") {
    CHECK(ru("выдано 22 августа 2014 г. Роскомнадзором") == "выдано 22~августа~2014~г. Роскомнадзором");
    CHECK(en("issued on August 22, 2014 by") == "issued on August~22,~2014 by");
}

TEST_CASE("short prepositions, conjunctions and particles are tied to the next word", "[typography]") {
    CHECK(ru("в Москве и на запрос по закону от редакции до срока") ==
          "в~Москве и~на~запрос по~закону от~редакции до~срока");
    CHECK(ru("к делу, с тем, о нём, у нас, а также, но нет, за год, из них, не дано, ни слова") ==
          "к~делу, с~тем, о~нём, у~нас, а~также, но~нет, за~год, из~них, не~дано, ни~слова");
    CHECK(ru("Россия, и") == "Россия, и");  // nothing after it to tie to
}

TEST_CASE("the particles же, ли, бы are tied to the word before", "[typography]") {
    CHECK(ru("он же сказал, было бы лучше, знает ли он") == "он~же сказал, было~бы лучше, знает~ли он");
}

TEST_CASE("English keeps \"a\" and \"I\" with the next word", "[typography]") {
    CHECK(en("there lived a king and I saw") == "there lived a~king and I~saw");
}

TEST_CASE("code and URLs pass through untouched", "[typography]") {
    std::string before = "Смотри \"";
    std::string code = "a -- b \"c\" ...";
    std::string after = "\" в коде.";
    std::vector<zapros::text::Piece> pieces{{&before, false}, {&code, true}, {&after, false}};
    typographize(pieces, Lang::ru);
    CHECK(before == "Смотри «");
    CHECK(code == "a -- b \"c\" ...");
    CHECK(after == "» в\u00A0коде.");
}

TEST_CASE("the pass has no in-band marks: an author's U+FFFC and the pieces around it survive", "[typography]") {
    // U+FFFC once stood for an opaque piece inside the pass, and an author's own vanished.
    std::string before = "сноска \uFFFC и \"код\" ";
    std::string code = "x--y";
    std::string after = " \uFFFC.";
    std::vector<zapros::text::Piece> pieces{{&before, false}, {&code, true}, {&after, false}};
    zapros::text::typographize(pieces, zapros::Lang::ru);
    CHECK(before == "сноска \uFFFC и «код» ");
    CHECK(code == "x--y");
    CHECK(after == " \uFFFC.");
}
