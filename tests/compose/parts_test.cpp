// The official letter's parts as the form writes them (GOST R 7.0.97): the registration number
// and the letter answered, the salutation and the courtesy phrase, the enclosures' wording, the
// executor, images that fail, and the style a request asks for.
#include <catch2/catch.hpp>

#include "compose/labels.hpp"
#include "compose/letter.hpp"
#include "layout_support.hpp"
#include "letter_parts.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

request::Request base(Lang lang = Lang::ru) {
    auto p = test::parse(test::request_text(test::minimal_yaml + (lang == Lang::en ? "lang: en\n" : "") +
                                            "signatures: [{role: Редактор, name: И. И. Иванов}]\n",
                                        lang == Lang::en ? "Text.\n" : "Текст.\n"));
    REQUIRE(p.req);
    return std::move(*p.req);
}

compose::Document compose_request(const request::Request& req, Diagnostics& d) {
    return compose::letter(req, test::pipeline().fonts(), d, compose::style_for(req.meta));
}

std::string paragraph_text(const compose::Paragraph& p) {
    std::string s;
    for (const compose::Span& sp : p.spans) s += sp.line_break ? "\n" : sp.text;
    return s;
}

std::vector<std::string> texts(const std::vector<compose::Paragraph>& ps) {
    std::vector<std::string> out;
    for (const auto& p : ps) out.push_back(paragraph_text(p));
    return out;
}

// The body's paragraphs after the title, as text (labels first).
std::vector<std::string> after_title(const compose::Document& doc) {
    std::vector<std::string> out;
    for (std::size_t i = 2; i < doc.blocks.size(); ++i)
        if (const auto* p = std::get_if<compose::Paragraph>(&doc.blocks[i])) {
            std::string s;
            for (const auto& l : p->labels) s += l.span.text + " ";
            out.push_back(s + paragraph_text(*p));
        }
    return out;
}

}  // namespace

TEST_CASE("the outgoing number carries the date in GOST's numeric form and the closing does not repeat it", "[compose]") {
    auto req = base();
    req.meta.number = test::text_at("17/2024", 9);
    req.meta.date = request::Date{2024, 3, 5};
    Diagnostics d("t.md");
    auto doc = compose_request(req, d);
    const auto& h = std::get<compose::Header>(doc.blocks.front());
    CHECK(texts(h.sender) == std::vector<std::string>{"Исх.\u00A0№\u00A017/2024 от\u00A005.03.2024"});
    CHECK(std::get<compose::Closing>(doc.blocks.back()).date_place.spans.empty());
    // With a place, the place alone stays beside the signatures.
    req.meta.place = test::text_at("Москва", 10);
    doc = compose_request(req, d);
    CHECK(paragraph_text(std::get<compose::Closing>(doc.blocks.back()).date_place) == "Москва");
    // Without a number the date stands there as before.
    req.meta.number.reset();
    doc = compose_request(req, d);
    CHECK(paragraph_text(std::get<compose::Closing>(doc.blocks.back()).date_place) == "5\u00A0марта\u00A02024\u00A0г., Москва");
    CHECK(test::messages(d).empty());
}

TEST_CASE("the number and the letter answered stand under the sender, in English in words", "[compose]") {
    auto req = base(Lang::en);
    req.meta.from = {test::text_at("The Herald", 8)};
    req.meta.number = test::text_at("17/2024", 9);
    req.meta.date = request::Date{2024, 3, 15};
    request::Reference r;
    r.number = test::text_at("123", 10);
    r.date = request::Date{2024, 3, 1};
    req.meta.reply_to = r;
    Diagnostics d("t.md");
    const auto doc = compose_request(req, d);
    const auto& h = std::get<compose::Header>(doc.blocks.front());
    CHECK(texts(h.sender) == std::vector<std::string>{"The Herald", "Ref.\u00A0No.\u00A017/2024 of\u00A0March\u00A015,\u00A02024",
                                                      "In reply to No.\u00A0123 of\u00A0March\u00A01,\u00A02024"});
    CHECK(h.sender[1].space_before == compose::Style{}.number_before);
}

TEST_CASE("a number or a letter answered without a date leaves a blank for it", "[compose]") {
    auto req = base();
    req.meta.number = test::text_at("17", 9);
    request::Reference r;
    r.number = test::text_at("123", 10);
    req.meta.reply_to = r;
    Diagnostics d("t.md");
    const auto doc = compose_request(req, d);
    CHECK(texts(std::get<compose::Header>(doc.blocks.front()).sender) ==
          std::vector<std::string>{"Исх.\u00A0№\u00A017 от\u00A0__________", "На\u00A0№\u00A0123 от\u00A0__________"});
}

TEST_CASE("the salutation is centred between the title and the text, the courtesy phrase opens the closing", "[compose]") {
    auto req = base();
    req.meta.opening = test::text_at("Уважаемый Иван Иванович!", 9);
    req.meta.closing = test::text_at("С уважением,", 10);
    Diagnostics d("t.md");
    const auto doc = compose_request(req, d);
    const auto& opening = std::get<compose::Paragraph>(doc.blocks[2]);
    CHECK(paragraph_text(opening) == "Уважаемый Иван Иванович!");
    CHECK(opening.align == compose::Align::center);
    CHECK(opening.keep_with_next);
    CHECK(paragraph_text(std::get<compose::Paragraph>(doc.blocks[3])) == "Текст.");
    const auto& closing = std::get<compose::Closing>(doc.blocks.back());
    REQUIRE(closing.courtesy);
    CHECK(paragraph_text(*closing.courtesy) == "С\u00A0уважением,");  // a one-letter word holds to the next
    CHECK(closing.courtesy->align == compose::Align::left);
}

TEST_CASE("one enclosure is a line after the text, with sheets and copies only when given", "[compose]") {
    auto req = base();
    req.meta.enclosures = {{test::text_at("Устав", 9), 2, 1, {9, 3}}};
    Diagnostics d("t.md");
    CHECK(after_title(compose_request(req, d)) == std::vector<std::string>{"Текст.", "Приложение: Устав на\u00A02\u00A0л. в\u00A01\u00A0экз."});
    req.meta.enclosures[0].copies = 0;
    CHECK(after_title(compose_request(req, d)).back() == "Приложение: Устав на\u00A02\u00A0л.");
    req.meta.enclosures[0].sheets = 0;
    req.meta.enclosures[0].copies = 3;
    CHECK(after_title(compose_request(req, d)).back() == "Приложение: Устав в\u00A03\u00A0экз.");
    req.meta.enclosures[0].copies = 0;
    CHECK(after_title(compose_request(req, d)).back() == "Приложение: Устав");
}

TEST_CASE("several enclosures are numbered under one heading, the numbers hanging at the margin", "[compose]") {
    auto req = base();
    req.meta.enclosures = {{test::text_at("Устав", 9), 2, 1, {9, 3}}, {test::text_at("Задание", 10), 0, 0, {10, 3}}};
    Diagnostics d("t.md");
    const auto doc = compose_request(req, d);
    CHECK(after_title(doc) ==
          std::vector<std::string>{"Текст.", "Приложение:", "1. Устав на\u00A02\u00A0л. в\u00A01\u00A0экз.", "2. Задание"});
    const auto& item = std::get<compose::Paragraph>(doc.blocks[doc.blocks.size() - 2]);
    REQUIRE(item.labels.size() == 1);
    CHECK(item.labels[0].x == 0);
    CHECK(item.left >= compose::Style{}.list_indent);
    CHECK(std::get<compose::Paragraph>(doc.blocks[3]).keep_with_next);  // the heading stays with its first item
}

TEST_CASE("enclosures in English count pages and copies in words", "[compose]") {
    auto req = base(Lang::en);
    req.meta.enclosures = {{test::text_at("The charter", 9), 2, 1, {9, 3}}};
    Diagnostics d("t.md");
    CHECK(after_title(compose_request(req, d)).back() == "Enclosure: The charter, 2\u00A0pages, 1\u00A0copy.");
    req.meta.enclosures.push_back({test::text_at("The assignment", 10), 1, 2, {10, 3}});
    CHECK(after_title(compose_request(req, d)) ==
          std::vector<std::string>{"Text.", "Enclosures:", "1. The charter, 2\u00A0pages, 1\u00A0copy.",
                                   "2. The assignment, 1\u00A0page, 2\u00A0copies."});
}

TEST_CASE("the executor is the document's foot: a line each for the name, the phone and the e-mail, in 10 pt", "[compose]") {
    auto req = base();
    req.meta.executor = request::Executor{test::text_at("Сидорова О. П.", 9), test::text_at("+7 495 000-00-01", 10),
                                          test::text_at("o@example.org", 11), {9, 3}};
    Diagnostics d("t.md");
    auto doc = compose_request(req, d);
    CHECK(texts(doc.foot) == std::vector<std::string>{"Сидорова\u00A0О.\u00A0П.", "+7 495 000-00-01", "o@example.org"});
    for (const auto& p : doc.foot) CHECK(p.size == pt(10));
    CHECK(compose::text_of(doc).find("Сидорова") != std::string::npos);  // its words are hyphenation's too
    req.meta.executor->email.reset();
    CHECK(compose_request(req, d).foot.size() == 2);
}

TEST_CASE("an image that cannot be read or decoded is an error at the key's value naming the file", "[compose]") {
    auto req = base();
    const auto dir = test::temp_dir("parts-bad-image");
    test::write(dir / "broken.png", "not an image at all");
    request::Signature& sig = req.meta.signatures.front();
    sig.image = request::ImageRef{{"broken.png", {12, 10}}, dir / "broken.png"};
    req.meta.stamp = request::Stamp{{{"missing.png", {14, 12}}, dir / "missing.png"}, 1, {13, 3}};
    Diagnostics d("t.md");
    compose_request(req, d);
    const auto m = test::messages(d);
    REQUIRE(m.size() == 2);
    CHECK(m[0] == "12:10: error: image 'broken.png': not a PNG or JPEG file");
    CHECK(m[1].rfind("14:12: error: image 'missing.png': cannot read it", 0) == 0);
}

TEST_CASE("a stamp for a signature the letter lacks is an error at the stamp", "[compose]") {
    auto req = base();
    req.meta.stamp = request::Stamp{test::letter_image("stamp", 14), 2, {13, 3}};
    Diagnostics d("t.md");
    compose_request(req, d);
    CHECK(test::messages(d) == std::vector<std::string>{"13:3: error: the stamp is for signature 2, and the letter has 1 signature"});
}

TEST_CASE("the style follows the paper and the text size; notes, sender and captions keep 10 pt", "[compose]") {
    request::Meta m;
    m.paper = request::Paper::letter;
    m.font_size = 14;
    const compose::Style s = compose::style_for(m);
    CHECK(s.page_width == mm(215.9));
    CHECK(s.page_height == mm(279.4));
    CHECK(s.margin_left == compose::Style{}.margin_left);
    CHECK(s.body_size == pt(14));
    CHECK(s.body_leading == pt(17.5));
    CHECK(s.title_size == pt(14));
    CHECK(s.heading1_size == pt(15));
    CHECK(s.heading_size == pt(14));
    CHECK(s.note_size == pt(10));
    CHECK(s.sender_size == pt(10));
    CHECK(s.table_size == pt(10));
    // The defaults are the 12-pt A4 letter.
    const compose::Style plain = compose::style_for(request::Meta{});
    CHECK(plain.page_width == compose::Style{}.page_width);
    CHECK(plain.body_leading == compose::Style{}.body_leading);
    CHECK(plain.addressee_leading == compose::Style{}.addressee_leading);
}

TEST_CASE("a reference date is GOST's numeric form in Russian, with leading zeros", "[compose]") {
    CHECK(compose::format_reference_date({2024, 3, 5}, Lang::ru) == "05.03.2024");
    CHECK(compose::format_reference_date({2024, 11, 15}, Lang::ru) == "15.11.2024");
    CHECK(compose::format_reference_date({2024, 3, 5}, Lang::en) == "March\u00A05, 2024");
}

TEST_CASE("the logo, signature scan and stamp carry alt texts saying what and whose they are", "[compose]") {
    for (const Lang lang : {Lang::ru, Lang::en}) {
        auto req = base(lang);
        test::add_letter_parts(req.meta, false);
        Diagnostics d("t.md");
        const auto doc = compose_request(req, d);
        CHECK(test::messages(d).empty());
        const auto& h = std::get<compose::Header>(doc.blocks.front());
        const compose::Closing* closing = nullptr;
        for (const auto& b : doc.blocks)
            if (const auto* c = std::get_if<compose::Closing>(&b)) closing = c;
        REQUIRE(h.logo);
        REQUIRE(closing);
        REQUIRE(closing->rows.size() == 1);
        REQUIRE(closing->rows[0].scan);
        REQUIRE(closing->rows[0].stamp);
        if (lang == Lang::ru) {
            CHECK(h.logo->alt == "Логотип Редакция «Вестник»");
            CHECK(closing->rows[0].scan->alt == "Подпись А.\u00A0А.\u00A0Петров");
            CHECK(closing->rows[0].stamp->alt == "Печать");
        } else {
            CHECK(h.logo->alt == "Logo The Herald newsroom");
            CHECK(closing->rows[0].scan->alt == "Signature A.\u00A0A.\u00A0Petrov");
            CHECK(closing->rows[0].stamp->alt == "Stamp");
        }
    }
}
