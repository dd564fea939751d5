// Issue 16's content as the writer puts it in the request and in the words the PDF must show:
// the letter's parts each a part of its own, a figure's caption apart from the body's order.
#include <set>

#include <catch2/catch.hpp>

#include "generate.hpp"
#include "hand_made.hpp"

using namespace zapros::property;
using namespace zapros::property::hand_made;

namespace {

Sample letter() {
    Sample s;
    s.title = {"Запрос"};
    s.to = {{"Министерство"}};
    s.parts.number = "17/2024";
    s.parts.reply_number = "1/12";
    s.parts.opening = {"Уважаемые", "коллеги"};
    s.parts.closing = {"С", "уважением"};
    s.parts.enclosures = {{{"Копия", "устава"}, 2, 1}};
    s.parts.executor = {"И.", "И.", "Иванова"};
    s.parts.executor_phone = "+7 (495) 000-00-01";
    return s;
}

std::vector<std::string> kinds(const std::vector<Failure>& f) {
    std::vector<std::string> out;
    for (const Failure& x : f) out.push_back(x.kind);
    return out;
}

}  // namespace

TEST_CASE("property: the letter's parts are written as front matter, each part's words a part the PDF must show", "[property]") {
    const Written w = write(letter());
    CHECK_THAT(w.markdown, Catch::Contains("number: \"17/2024\"\nreply-to:\n  number: \"1/12\"\nopening: \"Уважаемые коллеги\""));
    CHECK_THAT(w.markdown, Catch::Contains("enclosures:\n  - title: \"Копия устава\"\n    sheets: 2\n    copies: 1\n"));
    CHECK_THAT(w.markdown, Catch::Contains("executor:\n  name: \"И. И. Иванова\"\n  phone: \"+7 (495) 000-00-01\"\n"));
    PdfPage p = page(1);
    set(p, "Министерство Запрос Исх. № 17/2024 На № 1/12 Уважаемые коллеги", 100, 700, 6);
    set(p, "Приложение: Копия устава на 2 л. в 1 экз. С уважением Исполнитель И. И. Иванова +7 (495) 000-00-01", 100, 600, 4);
    CHECK(check_words({p}, w).empty());

    for (const auto& [part, lost] : {std::pair{"opening", "коллеги"}, {"number", "17/2024"}, {"reply-to", "1/12"}, {"closing", "уважением"},
                                    {"enclosures", "устава"}, {"executor", "Иванова"}}) {
        PdfPage q = page(1);
        const std::string all = "Министерство Запрос Исх. № 17/2024 На № 1/12 Уважаемые коллеги Приложение: Копия устава С уважением "
                                "Исполнитель И. И. Иванова +7 (495) 000-00-01";
        std::string without = all;
        without.erase(without.find(lost), std::string(lost).size());
        set(q, without, 20, 700, 3);
        CHECK(kinds(check_words({q}, w)) == std::vector<std::string>{std::string("words missing from ") + part});
    }
}

TEST_CASE("property: a figure is written with its caption as the title, the caption not among the body's words", "[property]") {
    Sample s;
    s.title = {"T"};
    s.to = {{"X"}};
    s.pictures.push_back({40, 30, 72, false, 0x336699});
    Piece image;
    image.kind = Piece::Kind::image, image.picture = 0, image.text = "снимок", image.caption = "Рис. 1 \"экрана\"";
    Block b;
    b.text = {Piece{.text = "до"}, image, Piece{.text = "после"}};
    s.body.push_back(b);
    const Written w = write(s, "d.img/");
    CHECK_THAT(w.markdown, Catch::Contains("до ![снимок](d.img/p0.png \"Рис. 1 \\\"экрана\\\"\") после"));
    REQUIRE(w.images.size() == 1);
    CHECK(w.images[0].file == "d.img/p0.png");
    CHECK(w.images[0].caption == "Рис1экрана");
    CHECK(w.streams[5].words == std::vector<std::string>{"до", "после"});
}

TEST_CASE("property: a caption's words between the body's do not make the body's words look lost", "[property]") {
    // The caption holds the words the body ends with, and is too long for the words after it
    // to be near: read as body text, "X1" … "X5" would be taken as lost.
    const std::string caption = "один два три четыре пять заключительныйхвостподписикрисунку";
    Written w = written({{"body", {"до", "шесть", "семь", "восемь", "девять", "десять", "один", "два", "три", "четыре", "пять"}}});
    w.images.push_back({Drawn::Role::figure, "p0.png", {40, 30}, letters_of(caption)});
    PdfPage p = page(1);
    set(p, "до", geometry::left, 620);
    p.images.push_back({{200, 400, 400, 600}, 40, 30});
    set(p, caption, 100, 386, 4);
    set(p, "шесть семь восемь девять десять один два три четыре пять", geometry::left, 360);
    CHECK(check_words({p}, w).empty());
    CHECK(check_images({p}, w).empty());
}

TEST_CASE("property: the generator's pictures have distinct pixel sizes, and the letter focus gives letter parts and figures", "[property]") {
    int parts = 0, figures = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const Sample s = generate(seed, Focus::letter);
        std::set<std::pair<int, int>> sizes;
        for (const Picture& p : s.pictures) CHECK(sizes.insert({p.width, p.height}).second);
        const Written w = write(s);
        parts += !s.parts.number.empty() || !s.parts.opening.empty() || !s.parts.executor.empty();
        for (const Drawn& d : w.images) figures += d.role == Drawn::Role::figure;
    }
    CHECK(parts >= 15);
    CHECK(figures >= 10);
}
