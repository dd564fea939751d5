#include "request/slug.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/utf8.hpp"

namespace zapros::request {

namespace {

// GOST 7.79-2000, system B ("транслитерация с использованием буквосочетаний"), table 1, for the
// letters of Russian, Ukrainian and Belarusian. The system marks some letters with an apostrophe
// or a grave accent (ъ ``, ь `, ы y`, э e`, ґ g`, ў u`); a file name keeps a–z, 0–9 and '-'
// only, so the marks are left out: ъ and ь give nothing, ы y, э e, ґ g, ў u. Ц is "c" before
// i, e, y, j and "cz" elsewhere (цирк → cirk, царь → czar), decided below by the next letter's
// Latin form.
const char* const russian[32] = {
    "a", "b", "v", "g", "d", "e", "zh", "z",  "i",  "j", "k", "l", "m",  "n",  "o",  "p",   // а–п
    "r", "s", "t", "u", "f", "x", "c",  "ch", "sh", "shh", "", "y", "",  "e", "yu", "ya",   // р–я
};

// A lower-case letter's Latin form; nullptr: not a letter we transliterate (a separator).
const char* latin(char32_t c) {
    if (c >= U'а' && c <= U'я') return russian[c - U'а'];
    switch (c) {
        case U'ё': return "yo";
        case U'є': return "ye";  // Ukrainian
        case U'і': return "i";   // Ukrainian, Belarusian
        case U'ї': return "yi";  // Ukrainian
        case U'ґ': return "g";   // Ukrainian (g`)
        case U'ў': return "u";   // Belarusian (u`)
        default: return nullptr;
    }
}

char32_t lower(char32_t c) {
    if (c >= U'А' && c <= U'Я') return c + 0x20;
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;  // Ѐ–Џ: Ё, Є, І, Ї, Ў among them
    if (c == U'Ґ') return U'ґ';
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    return c;
}

// The code points, lower case, with a decomposed й, ё, ї (и, е, і and a combining breve or
// diaeresis) put together and any other combining mark left out, as the letter it marks is kept.
std::u32string letters(std::string_view utf8) {
    std::u32string out;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = lower(utf8::next(utf8, i));
        const bool combining = c >= 0x300 && c <= 0x36F;
        if (!combining) out += c;
        else if (!out.empty() && c == 0x306 && out.back() == U'и') out.back() = U'й';
        else if (!out.empty() && c == 0x308 && out.back() == U'е') out.back() = U'ё';
        else if (!out.empty() && c == 0x308 && out.back() == U'і') out.back() = U'ї';
    }
    return out;
}

bool ascii_kept(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'0' && c <= U'9'); }

// The first Latin letter c's form begins with ('\0' for ъ and ь, and for a separator).
char first_latin(char32_t c) {
    if (ascii_kept(c)) return static_cast<char>(c);
    if (c == U'ц') return 'c';  // c or cz
    const char* f = latin(c);
    return f ? *f : '\0';
}

// What the code point at s[k] becomes; nullptr for a separator.
const char* form(const std::u32string& s, std::size_t k, char (&ascii)[2]) {
    const char32_t c = s[k];
    if (ascii_kept(c)) {
        ascii[0] = static_cast<char>(c);
        return ascii;
    }
    if (c != U'ц') return latin(c);
    const char next = k + 1 < s.size() ? first_latin(s[k + 1]) : '\0';
    return next == 'i' || next == 'e' || next == 'y' || next == 'j' ? "c" : "cz";
}

}  // namespace

std::string transliterate(std::string_view utf8, const SlugSettings& settings) {
    const std::u32string s = letters(utf8);
    std::string out;
    bool gap = false;  // a separator since the last letter
    for (std::size_t k = 0; k < s.size(); ++k) {
        char ascii[2] = {};
        const char* f = form(s, k, ascii);
        if (!f) {
            gap = true;
            continue;
        }
        if (!*f) continue;  // ъ, ь: no letter, and no separator either
        if (gap && !out.empty()) out += '-';
        gap = false;
        out += f;
    }
    if (out.size() > settings.max_bytes) {
        const std::size_t cut = out.rfind('-', settings.max_bytes);
        out.resize(cut == std::string::npos || cut == 0 ? settings.max_bytes : cut);
    }
    return out;
}

std::vector<std::string> copy_slugs(const std::vector<Addressee>& to, const SlugSettings& settings) {
    std::set<std::string> taken;
    std::map<std::string, int> next_suffix;
    for (const Addressee& a : to)
        if (a.slug) taken.insert(a.slug->value);
    std::vector<std::string> slugs;
    for (std::size_t i = 0; i < to.size(); ++i) {
        if (to[i].slug) {
            slugs.push_back(to[i].slug->value);
            continue;
        }
        const std::string& name = to[i].name.value;
        std::string base = transliterate(std::string_view(name).substr(0, name.find('\n')), settings);
        if (base.empty()) base = "addressee-" + std::to_string(i + 1);
        std::string slug = base;
        if (taken.count(slug)) {  // the lowest free suffix; each base's count kept, so n equal names cost n look-ups
            int& n = next_suffix[base];
            for (n = std::max(n, 2); taken.count(slug = base + "-" + std::to_string(n));) ++n;
        }
        taken.insert(slug);
        slugs.push_back(std::move(slug));
    }
    return slugs;
}

}  // namespace zapros::request
