// The word check on hand-made pages: every source word present, in order; and a word missing or
// out of place is caught.
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
