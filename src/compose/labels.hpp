#pragma once
// The letter's fixed words, one table per language.
#include <array>
#include <string>
#include <string_view>

#include "base/lang.hpp"
#include "request/request.hpp"

namespace zapros::compose {

struct Labels {
    std::string_view date_place;  // both blank: "Date, place"
    std::string_view date;        // date blank, place given
    std::string_view place;       // place blank, date given
    std::string_view bullet;      // a bullet list's marker
    std::string_view subject;     // the PDF's Subject, before the addressees
    std::array<std::string_view, 12> months;  // as written in a date ("5 июня")
    std::string_view number;      // the outgoing number: "Исх. №" 17/2024
    std::string_view reply_to;    // the letter answered: "На №" 123
    std::string_view of;          // … "от" its date
    std::string_view enclosure;   // one enclosure: "Приложение:" its title
    std::string_view enclosures;  // several, numbered under it
    std::string_view logo;        // the alt texts of the letter's pictures: "Логотип" and the name,
    std::string_view signature;   // "Подпись" and the signer's name,
    std::string_view stamp;       // "Печать"
    std::string_view note;        // what a note mark's link says: "Сноска" 3
};

const Labels& labels(Lang lang);

// A picture's alt text: its label, then whose it is when known ("Подпись Иванов И. И.").
std::string picture_alt(std::string_view label, const std::string& whose);

// A date as written in a letter: "5 июня 2016 г." / "June 5, 2016", with no-break spaces so
// that its parts stay on one line (GOST R 7.0.97).
std::string format_date(const request::Date& d, Lang lang);

// A date in a registration number: GOST's numeric "15.03.2024" in Russian, the verbal
// "March 15, 2024" in English.
std::string format_reference_date(const request::Date& d, Lang lang);

// "Исх. № 17/2024 от 15.03.2024" (label: Labels::number or reply_to), a blank to fill in for a
// missing date; no-break spaces hold "№" to its number and "от" to the date.
std::string format_reference(std::string_view label, const std::string& number, const request::Date* date, Lang lang);

// What an enclosure has, after its title: " на 2 л. в 1 экз." / ", 2 pages, 1 copy."; each
// part only when given, nothing when neither is.
std::string enclosure_extent(int sheets, int copies, Lang lang);

// The marker of list item n (1-based) at nesting level depth (0, 1, 2…) of ordered lists:
// level 0 keeps the source's delimiter ("1)" or "1."), level 1 uses "a.", level 2 "i.".
std::string ordered_label(int n, int depth, request::ListDelim delim);

}  // namespace zapros::compose
