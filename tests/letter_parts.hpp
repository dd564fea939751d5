#pragma once
// The official letter's parts filled by hand (front matter keys for them are parsed elsewhere):
// every part, with the images in tests/data/letter.
#include "request/request.hpp"
#include "support.hpp"

namespace zapros::test {

inline request::Text text_at(std::string value, int line) { return {std::move(value), {line, 3}}; }

inline request::ImageRef letter_image(const std::string& name, int line) {
    return {text_at(name + ".png", line), source_dir() / "tests" / "data" / "letter" / (name + ".png")};
}

// Every part. Images: the logo 101.6 × 50.8 mm, the signature 50.8 × 25.4 mm, the seal 50.8 mm
// square (150 DPI); positions are made up, a line per key from 20.
inline void add_letter_parts(request::Meta& m, bool centered) {
    const bool ru = m.lang == Lang::ru;
    request::Letterhead lh;
    lh.name = text_at(ru ? "Редакция «Вестник»" : "The Herald newsroom", 20);
    lh.lines = {text_at(ru ? "Свидетельство Эл № ФС77-12345" : "Registered as El No. FS77-12345", 21),
                text_at(ru ? "125009, Москва, ул. Тверская, 1" : "1 Tverskaya St, Moscow 125009", 22),
                text_at("+7 495 000-00-00, news@example.org", 23)};
    lh.logo = letter_image("logo", 24);
    lh.centered = centered;
    m.letterhead = lh;
    m.number = text_at("17/2024", 25);
    m.date = request::Date{2024, 3, 15};
    request::Reference r;
    r.number = text_at("123", 26);
    r.date = request::Date{2024, 3, 1};
    m.reply_to = r;
    m.opening = text_at(ru ? "Уважаемый Иван Иванович!" : "Dear Mr Ivanov,", 27);
    m.closing = text_at(ru ? "С уважением," : "Yours sincerely,", 28);
    m.enclosures = {{text_at(ru ? "Копия свидетельства о регистрации" : "A copy of the registration", 29), 2, 1, {29, 3}},
                    {text_at(ru ? "Редакционное задание" : "The editorial assignment", 30), 1, 0, {30, 3}}};
    m.signatures = {{text_at(ru ? "Главный редактор" : "Editor-in-chief", 31), text_at(ru ? "А.\u00A0А.\u00A0Петров" : "A.\u00A0A.\u00A0Petrov", 31),
                     letter_image("signature", 31)}};
    m.stamp = request::Stamp{letter_image("stamp", 32), 1, {32, 3}};
    m.executor = request::Executor{text_at(ru ? "Сидорова Ольга Петровна" : "Olga Sidorova", 33), text_at("+7 495 000-00-01", 34),
                                   text_at("o.sidorova@example.org", 35), {33, 3}};
}

}  // namespace zapros::test
