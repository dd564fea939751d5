// The word check on hand-made pages: every source word present, in order, however a page break
// cuts a note or a word; and a word missing or out of place is still caught.
#include <catch2/catch.hpp>

#include "hand_made.hpp"

using namespace zapros::property;
using namespace zapros::property::hand_made;

TEST_CASE("property: every word in order, and one missing word is reported alone", "[property]") {
    PdfPage p = page(1);
    set(p, "Первое слово пере-", 100, 700);
    set(p, "несено и ещё четыре слова дальше здесь", 100, 685);
    Stream body{"body", {"Первое", "слово", "перенесено", "и", "ещё", "четыре", "слова", "дальше", "здесь"}};
    CHECK(check_words({p}, written({body})).empty());

    Stream lost = body;
    lost.words.insert(lost.words.begin() + 4, "достопримечательностями");
    const std::vector<Failure> f = check_words({p}, written({lost}));
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == "words missing from body");
    CHECK_THAT(f[0].evidence, Catch::Contains("1 of 10 words") && Catch::Contains("достопримечательностями"));

    Stream swapped{"body", {"четыре", "Первое"}};  // present, but not in order
    CHECK(check_words({p}, written({swapped})).size() == 1);
}

TEST_CASE("property: a table as wide as the note rule is not taken for it, a table crossing it is", "[property]") {
    PdfPage p = page(1);
    note_rule(p, 300);  // a table's bottom rule, 50 mm wide, with its column rules ending there
    p.rules.push_back({geometry::left, 300, geometry::left + 0.4, 340});
    p.rules.push_back({geometry::left + geometry::note_rule_width - 0.4, 300, geometry::left + geometry::note_rule_width, 340});
    set(p, "Текст", geometry::left + 3, 310, 10);
    set(p, "ниже", geometry::left + 3, 280, 10);
    CHECK(check_words({p}, written({{"body", {"Текст", "ниже"}}})).empty());
    PdfPage bare = p;  // a column rule passing through, not ending there: the note rule stays one
    bare.rules.back() = {geometry::left + geometry::note_rule_width - 0.4, 200, geometry::left + geometry::note_rule_width, 340};
    CHECK(check_words({bare}, written({{"body", {"Текст", "ниже"}}})).size() == 1);
}

TEST_CASE("property: a note's word broken at a page's end goes on at a line's start wherever its continuation stands", "[property]") {
    // Seed 5 focus mixed: note 2's URL ends page 1 as "…%D1" and goes on as "81…" on a later
    // page, after the continuation of the note before it. Read as one stream of the note area,
    // the URL was missing.
    const Written w = written({{"note 1", {"Первое", "примечание", "длинное", "продолжается", "и", "дальше", "идёт", "по", "всей", "странице", "и",
                                           "заканчивается", "здесь"}},
                               {"note 2", {"Второе", "httpsyandexrusearchtextD181D182D0B0", "данных", "нет"}}},
                              2);
    auto pages = [](bool rest_begins_a_line) {
        PdfPage one = page(1);
        set(one, "Текст", 100, 700);
        set(one, "1", 130, 704.3, 7.8);
        set(one, "и ещё", 140, 700);
        set(one, "2", 170, 704.3, 7.8);
        note_rule(one, 200);
        lines(one, {"1 Первое примечание длинное", "продолжается", "2 Второе https://yandex.ru/search/?text=%D1%81%D1"}, geometry::left, 180);
        PdfPage two = page(2);  // note 1's continuation fills the note area
        set(two, "Ещё текст", 100, 700);
        note_rule(two, 200);
        lines(two, {"и дальше идёт", "по всей странице"}, geometry::left, 180);
        PdfPage three = page(3);
        set(three, "Конец текста", 100, 700);
        note_rule(three, 200);
        if (rest_begins_a_line) lines(three, {"и заканчивается здесь", "%82%D0%B0 данных нет"}, geometry::left, 180);
        else lines(three, {"и заканчивается здесь %82%D0%B0 данных нет"}, geometry::left, 180);
        return std::vector<PdfPage>{one, two, three};
    };
    CHECK(check_notes(pages(true), w).empty());
    CHECK(check_words(pages(true), w).empty());
    // A continuation begins a line: letters that only go on the word elsewhere are not its rest.
    const std::vector<Failure> f = check_words(pages(false), w);
    REQUIRE(f.size() == 1);
    CHECK_THAT(f[0].evidence, Catch::Contains("note 2: 1 of 4 words"));
}
