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
};

const Labels english{
    "Date, place",
    "Date",
    "place",
    "•",
    "Information request",
    {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"},
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

std::string format_date(const request::Date& d, Lang lang) {
    const std::string month(labels(lang).months[d.month - 1]);
    if (lang == Lang::ru)
        return std::to_string(d.day) + std::string(nbsp) + month + std::string(nbsp) + std::to_string(d.year) +
               std::string(nbsp) + "г.";
    return month + std::string(nbsp) + std::to_string(d.day) + ", " + std::to_string(d.year);
}

std::string ordered_label(int n, int depth, request::ListDelim delim) {
    if (depth % 3 == 0) return std::to_string(n) + (delim == request::ListDelim::paren ? ")" : ".");
    if (n < 1) n = 1;
    return (depth % 3 == 1 ? letters(n) : roman(n)) + ".";
}

}  // namespace zapros::compose
