// Word lists and token makers for the generator. The lists are small on purpose: what matters
// for layout is the mix of lengths and shapes, not the vocabulary.
#include "vocabulary.hpp"

#include <vector>

#include "base/utf8.hpp"

namespace zapros::property {

namespace {

const std::vector<std::string> russian = {
    "в", "и", "на", "по", "с", "о", "к", "не", "за", "от", "до", "из", "а", "но", "же", "ли",
    "редакция", "просит", "предоставить", "информацию", "сведения", "о", "количестве", "уголовных",
    "дел", "возбуждённых", "году", "статьи", "закона", "Российской", "Федерации", "средствах",
    "массовой", "информации", "согласно", "ответ", "прошу", "направить", "адрес", "электронной",
    "почты", "документы", "копии", "решений", "судов", "органов", "внутренних", "дел", "число",
    "обращений", "граждан", "период", "января", "декабря", "г.", "т.", "е.", "ст.", "№", "пп.",
    "Министерство", "юстиции", "управление", "прокуратуры", "области", "города", "Москвы", "районного",
    "суда", "приговоров", "заявлений", "сотрудников", "полиции", "следственного", "комитета",
    "какие", "меры", "были", "приняты", "каков", "порядок", "рассмотрения", "жалоб", "регламент",
    "основании", "части", "пункта", "также", "просим", "сообщить", "сроки", "ответа", "семь", "дней",
    "«Медиазона»", "(в", "том", "числе)", "—", "–", "«так", "называемых»", "данные", "статистику",
    "2014", "2023", "15", "38", "39", "40", "1", "12,5", "100%", "мероприятий", "объявления", "ответственности",
};

const std::vector<std::string> english = {
    "a", "an", "the", "of", "to", "in", "for", "on", "and", "or", "with", "by", "from", "I",
    "editorial", "office", "requests", "information", "about", "number", "criminal", "cases",
    "opened", "year", "article", "law", "Russian", "Federation", "mass", "media", "according",
    "reply", "please", "send", "address", "electronic", "mail", "documents", "copies", "decisions",
    "courts", "bodies", "internal", "affairs", "citizens", "period", "January", "December",
    "Ministry", "Justice", "department", "prosecutor's", "region", "city", "Moscow", "district",
    "court", "sentences", "applications", "officers", "police", "investigative", "committee",
    "which", "measures", "were", "taken", "what", "procedure", "complaints", "regulation", "basis",
    "part", "paragraph", "also", "we", "ask", "you", "report", "deadlines", "seven", "days",
    "\"Mediazona\"", "(including", "so-called)", "—", "data", "statistics", "2014", "2023", "15",
    "No.", "e.g.", "i.e.", "12.5", "100%", "well-known", "state-of-the-art", "responsibility",
};

const std::vector<std::string> long_russian = {
    "достопримечательностями", "неприкосновенности", "человеконенавистничество",
    "высокопревосходительство", "субстанционализирующимися", "частнопредпринимательский",
    "гидроэлектростанциями", "восьмидесятидевятилетний", "рентгеноэлектрокардиографического",
    "Гражданина", "правоприменительной", "межведомственного",
};

const std::vector<std::string> long_english = {
    "internationalization", "counterrevolutionaries", "uncharacteristically",
    "electroencephalographically", "pneumonoultramicroscopicsilicovolcanoconiosis",
    "incomprehensibilities", "antidisestablishmentarianism", "telecommunications",
};

const std::vector<std::string> syllables_ru = {"про", "сто", "вер", "ка", "ни", "ме", "ло", "ра", "ту",
                                               "ще", "ство", "ния", "гра", "жда", "зи", "ре", "пре"};
const std::vector<std::string> syllables_en = {"pro", "sto", "ver", "ka", "ni", "me", "lo", "ra",
                                               "tion", "ment", "ing", "dis", "con", "ab"};

const std::vector<std::string> search_words = {"камеры", "видеонаблюдения", "Москва", "распознавание",
                                               "лиц", "суд", "решение", "статистика", "обращения"};

std::string digits(Random& r, int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += static_cast<char>('0' + r.below(10));
    return s;
}

std::string percent_encoded(const std::string& s) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string latin_word(Random& r) {
    std::string w;
    for (int i = r.between(3, 10); i > 0; --i) w += static_cast<char>('a' + r.below(26));
    return w;
}

}  // namespace

std::string common_word(Random& r, const std::string& lang) { return r.pick(lang == "en" ? english : russian); }

std::string long_word(Random& r, const std::string& lang) {
    if (r.percent(50)) return r.pick(lang == "en" ? long_english : long_russian);
    const std::vector<std::string>& syl = lang == "en" || r.percent(15) ? syllables_en : syllables_ru;
    const std::size_t target = static_cast<std::size_t>(r.between(60, 160));
    std::string w;
    while (utf8::length(w) < target) w += r.pick(syl);
    return w;
}

std::string identifier(Random& r) {
    switch (r.below(5)) {
    case 0: {
        std::string id = "А40-" + digits(r, 6) + "/" + std::to_string(r.between(2010, 2024));
        for (int i = r.between(1, 6); i > 0; --i)
            id += r.percent(50) ? "-ДСП-" + digits(r, r.between(2, 6)) : "-КУСП-" + digits(r, 5);
        return id;
    }
    case 1:
        return std::to_string(r.between(1, 33)) + "-" + digits(r, r.between(2, 5)) + "/" + std::to_string(r.between(2010, 2024));
    case 2:
        return email(r);
    case 3: {
        std::string p = r.percent(50) ? "/var/lib/zapros/requests" : "C:\\Users\\Редакция\\Documents";
        const char sep = p[0] == '/' ? '/' : '\\';
        for (int i = r.between(1, 6); i > 0; --i) p += sep + (r.percent(50) ? latin_word(r) : "Запросы_" + digits(r, 4));
        return p + (r.percent(50) ? ".docx" : ".pdf");
    }
    default:
        return "ИНН" + digits(r, 12) + "-ОГРН" + digits(r, 13);
    }
}

std::string email(Random& r) {
    std::string e = latin_word(r);
    for (int i = r.below(3); i > 0; --i) e += "." + latin_word(r);
    return e + "@" + latin_word(r) + (r.percent(50) ? "-" + latin_word(r) : "") + (r.percent(50) ? ".ru" : ".com");
}

std::string url(Random& r, bool tilde) {
    std::string u;
    switch (r.below(4)) {
    case 0: {
        u = "https://yandex.ru/search/?lr=213&text=";
        for (int i = r.between(1, 12); i > 0; --i) u += percent_encoded(r.pick(search_words) + (i > 1 ? " " : ""));
        break;
    }
    case 1:
        u = "https://www.consultant.ru/document/cons_doc_LAW_" + digits(r, r.between(3, 6)) + "/" + digits(r, 40) + "/";
        break;
    case 2:
        u = "https://mos-gorsud.ru/rs/" + latin_word(r) + "/services/cases/appeal-criminal/details/" + digits(r, 8) + "-" +
            digits(r, 4) + "?participants=" + percent_encoded("Иванов И. И.") + "&formType=fullForm";
        break;
    default:
        u = "https://example.org/" + latin_word(r);
        for (int i = r.between(0, 8); i > 0; --i) u += "/" + latin_word(r) + (r.percent(30) ? "_" + latin_word(r) : "");
        if (r.percent(50)) u += "?id=" + digits(r, r.between(1, 12)) + "&page=" + digits(r, 2);
        break;
    }
    if (tilde && r.percent(20)) u += "~" + latin_word(r);
    if (r.percent(20)) u += "#section-" + digits(r, 2);
    return u;
}

std::string code_line(Random& r, int length) {
    static const std::vector<std::string> tokens = {
        "if", "(x", "==", "0)", "return;", "std::vector<int>", "request_handler(ctx,", "buffer);", "curl",
        "-X", "POST", "--data", "'{\"id\":", "42}'", "SELECT", "*", "FROM", "cases", "WHERE", "year", "=",
        "2023;", "for", "i", "in", "range(10):", "print(i)", "{", "}", "//", "комментарий", "запрос",
    };
    std::string line;
    if (r.percent(20)) line = std::string(static_cast<std::size_t>(r.below(3) * 4), ' ');
    while (static_cast<int>(line.size()) < length) {
        const int kind = r.below(20);
        if (kind == 0) line += url(r, true);
        else if (kind == 1) line += std::string(static_cast<std::size_t>(r.between(20, 90)), 'x');
        else line += r.pick(tokens);
        line += r.percent(5) ? "\t" : " ";
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    return line;
}

std::string person_name(Random& r, const std::string& lang) {
    static const std::vector<std::string> ru = {"С. С. Смирнов", "А. В. Иванова", "Д. Н. Константинопольский",
                                                "Е. М. Петрова-Водкина"};
    static const std::vector<std::string> en = {"S. S. Smirnov", "Anna Ivanova", "D. N. Konstantinopolsky"};
    return r.pick(lang == "en" ? en : ru);
}

std::string with_soft_hyphens(Random& r, const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        const std::size_t at = i;
        const char32_t c = utf8::next(word, i);
        if (at > 0 && utf8::is_letter(c) && r.percent(10)) out += "\u00AD";
        out.append(word, at, i - at);
    }
    return out;
}

}  // namespace zapros::property
