#include "compose/labels.hpp"

namespace zapros::compose {

namespace {

const Labels russian{
    "Дата, место",
    "Дата",
    "место",
    "–",
    "Информационный запрос",
    {"января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
     "ноября", "декабря"},
    "Исх.\u00A0№",
    "На\u00A0№",
    "от",
    "Приложение:",
    "Приложение:",
    "Логотип",
    "Подпись",
    "Печать",
    "Сноска",
};

const Labels english{
    "Date, place",
    "Date",
    "place",
    "•",
    "Information request",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
    "Ref.\u00A0No.",
    "In reply to No.",
    "of",
    "Enclosure:",
    "Enclosures:",
    "Logo",
    "Signature",
    "Stamp",
    "Note",
};

constexpr std::string_view nbsp = "\u00A0";

std::string roman(int n) {
    static const std::pair<int, const char*> digits[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                         {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                         {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                         {1, "i"}};
    std::string s;
    for (const auto& [value, text] : digits)
        for (; n >= value; n -= value) s += text;
    return s;
}

std::string letters(int n) {  // 1 → a, 26 → z, 27 → aa
    std::string s;
    for (; n > 0; n = (n - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (n - 1) % 26));
    return s;
}

}  // namespace

const Labels& labels(Lang lang) { return lang == Lang::ru ? russian : english; }

std::string picture_alt(std::string_view label, const std::string& whose) {
    return whose.empty() ? std::string(label) : std::string(label) + " " + whose;
}

std::string format_date(const request::Date& d, Lang lang) {
    const std::string month(labels(lang).months[d.month - 1]);
    if (lang == Lang::ru)
        return std::to_string(d.day) + std::string(nbsp) + month + std::string(nbsp) + std::to_string(d.year) +
               std::string(nbsp) + "г.";
    return month + std::string(nbsp) + std::to_string(d.day) + ", " + std::to_string(d.year);
}

std::string format_reference_date(const request::Date& d, Lang lang) {
    if (lang != Lang::ru) return format_date(d, lang);
    auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return two(d.day) + "." + two(d.month) + "." + std::to_string(d.year);
}

std::string format_reference(std::string_view label, const std::string& number, const request::Date* date, Lang lang) {
    const std::string when = date ? format_reference_date(*date, lang) : "__________";
    return std::string(label) + std::string(nbsp) + number + " " + std::string(labels(lang).of) + std::string(nbsp) + when;
}

std::string enclosure_extent(int sheets, int copies, Lang lang) {
    const std::string n(nbsp);
    if (lang == Lang::ru)
        return (sheets > 0 ? " на" + n + std::to_string(sheets) + n + "л." : "") +
               (copies > 0 ? " в" + n + std::to_string(copies) + n + "экз." : "");
    std::string s;
    if (sheets > 0) s += ", " + std::to_string(sheets) + n + (sheets == 1 ? "page" : "pages");
    if (copies > 0) s += ", " + std::to_string(copies) + n + (copies == 1 ? "copy" : "copies");
    return s.empty() ? s : s + ".";
}

std::string ordered_label(int n, int depth, request::ListDelim delim) {
    if (depth % 3 == 0) return std::to_string(n) + (delim == request::ListDelim::paren ? ")" : ".");
    if (n < 1) n = 1;
    return (depth % 3 == 1 ? letters(n) : roman(n)) + ".";
}

}  // namespace zapros::compose
