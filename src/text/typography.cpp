#include "text/typography.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/utf8.hpp"

namespace zapros::text {

namespace {

constexpr char32_t nbsp = 0xA0;
// The pass's own marks lie beyond U+10FFFF, where no text can reach: an author's U+FFFC
// (OBJECT REPLACEMENT CHARACTER) or any other character is always the author's.
constexpr char32_t gone = 0x110000;         // a character the pass removed
constexpr char32_t opaque_mark = 0x110001;  // stands for an opaque piece: one word

// The paragraph as one sequence of characters, each knowing its piece.
struct Char {
    char32_t c;
    int piece;
};

class Text {
public:
    explicit Text(std::vector<Char> chars) : c_(std::move(chars)) {}

    std::size_t size() const { return c_.size(); }
    char32_t at(std::size_t i) const { return c_[i].c; }
    bool editable(std::size_t i) const { return c_[i].c != opaque_mark; }
    void set(std::size_t i, char32_t c) {
        if (editable(i)) c_[i].c = c;
    }
    const std::vector<Char>& chars() const { return c_; }

    // The neighbours of i that were not removed; 0 at the ends.
    char32_t before(std::size_t i) const {
        for (std::size_t k = i; k-- > 0;)
            if (c_[k].c != gone) return c_[k].c;
        return 0;
    }
    char32_t after(std::size_t i) const {
        for (std::size_t k = i + 1; k < c_.size(); ++k)
            if (c_[k].c != gone) return c_[k].c;
        return 0;
    }
    bool same_piece(std::size_t a, std::size_t b) const { return c_[a].piece == c_[b].piece; }

private:
    std::vector<Char> c_;
};

bool is_space(char32_t c) { return c == U' ' || c == nbsp; }
bool is_word(char32_t c) { return utf8::is_letter(c) || utf8::is_digit(c) || c == opaque_mark; }
// Signs that behave as words next to a number: "№ 5", "5 %", "$ 5".
bool is_sign(char32_t c) {
    return c == U'№' || c == U'§' || c == U'%' || c == U'‰' || c == U'₽' || c == U'$' || c == U'€';
}

// The word that ends just before position i (skipping removed characters), into w.
bool word_char(char32_t c) { return is_word(c) || is_sign(c) || c == U'.' || c == U'-' || c == U','; }

void word_before(const Text& t, std::size_t i, std::u32string& w) {
    w.clear();
    for (std::size_t k = i; k-- > 0;) {
        const char32_t c = t.at(k);
        if (c == gone) continue;
        if (!word_char(c)) break;
        w += c;
    }
    std::reverse(w.begin(), w.end());
}

// The word that starts just after position i, into w.
void word_after(const Text& t, std::size_t i, std::u32string& w) {
    w.clear();
    for (std::size_t k = i + 1; k < t.size(); ++k) {
        const char32_t c = t.at(k);
        if (c == gone) continue;
        if (!word_char(c)) break;
        w += c;
    }
}

std::u32string word_after(const Text& t, std::size_t i) {
    std::u32string w;
    word_after(t, i, w);
    return w;
}

bool all_digits(std::u32string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char32_t c) { return utf8::is_digit(c); });
}

// A trailing comma or period is not part of a word for the tables below.
std::u32string bare(std::u32string w) {
    while (!w.empty() && (w.back() == U',' || w.back() == U'.')) w.pop_back();
    return w;
}

bool in(const std::u32string& w, std::initializer_list<std::u32string_view> list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// --- dashes and the ellipsis ------------------------------------------------------------------

void dashes(Text& t, Lang lang) {
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        if (t.at(i) != U'-' || t.at(i + 1) != U'-' || !t.same_piece(i, i + 1)) continue;
        if (i + 2 < t.size() && t.at(i + 2) == U'-' && t.same_piece(i, i + 2)) {
            t.set(i, U'—');
            t.set(i + 1, gone);
            t.set(i + 2, gone);
        } else {
            t.set(i, U'–');
            t.set(i + 1, gone);
        }
    }
    // A hyphen (or in Russian an en dash) standing alone between spaces is a dash between words.
    for (std::size_t i = 0; i + 1 < t.size(); ++i) {
        const char32_t c = t.at(i), prev = t.before(i);
        if (!(prev == 0 || is_space(prev)) || !is_space(t.after(i))) continue;
        if (c == U'-') t.set(i, lang == Lang::ru ? U'—' : U'–');
        else if (c == U'–' && lang == Lang::ru) t.set(i, U'—');
    }
}

void ellipsis(Text& t) {
    for (std::size_t i = 0; i + 2 < t.size(); ++i) {
        if (t.at(i) == U'.' && t.at(i + 1) == U'.' && t.at(i + 2) == U'.' && t.same_piece(i, i + 2) &&
            (i + 3 >= t.size() || t.at(i + 3) != U'.')) {
            t.set(i, U'…');
            t.set(i + 1, gone);
            t.set(i + 2, gone);
        }
    }
}

// --- quotes -------------------------------------------------------------------------------------

void quotes(Text& t, Lang lang) {
    const bool ru = lang == Lang::ru;
    const std::array<char32_t, 2> outer = ru ? std::array<char32_t, 2>{U'«', U'»'} : std::array<char32_t, 2>{U'“', U'”'};
    const std::array<char32_t, 2> inner = ru ? std::array<char32_t, 2>{U'„', U'“'} : std::array<char32_t, 2>{U'‘', U'’'};
    int depth = 0;  // quotes open around this point
    for (std::size_t i = 0; i < t.size(); ++i) {
        const char32_t c = t.at(i);
        const char32_t prev = t.before(i);
        const char32_t next = t.after(i);
        // Already typographic: kept, and counted for nesting.
        if (c == outer[0] || (ru && c == U'„')) {
            ++depth;
            continue;
        }
        if (c == outer[1] || (ru && c == U'“' && depth >= 2)) {
            depth = std::max(0, depth - 1);
            continue;
        }
        if (c == U'\'') {
            // Between letters (or after one): an apostrophe or a closing single quote.
            if (is_word(prev) || prev == U'.' || prev == U',') t.set(i, U'’');
            else if (lang == Lang::en) t.set(i, U'‘');
            continue;
        }
        if (c != U'"') continue;
        // Opening where a word may start: at the start, after a space, a bracket, a dash or
        // another opening quote; closing after a word or punctuation.
        const bool after_opening = prev == outer[0] || prev == inner[0];
        const bool opens = prev == 0 || is_space(prev) || prev == U'(' || prev == U'[' || prev == U'—' ||
                           prev == U'–' || prev == U'/' || after_opening ||
                           (depth == 0 && !is_word(prev) && is_word(next));
        if (opens) {
            t.set(i, depth % 2 == 0 ? outer[0] : inner[0]);
            ++depth;
        } else {
            depth = std::max(0, depth - 1);
            t.set(i, depth % 2 == 0 ? outer[1] : inner[1]);
        }
    }
}

// --- no-break spaces ----------------------------------------------------------------------------

bool is_initial(const std::u32string& w) {  // "С." or "S."
    return w.size() == 2 && utf8::is_upper(w[0]) && w[1] == U'.';
}

bool capitalized(const std::u32string& w) { return !w.empty() && utf8::is_upper(w[0]); }

// One- and two-letter prepositions, conjunctions and particles ("во", "ко", "со", "об" are the
// same prepositions before some consonants).
const std::initializer_list<std::u32string_view> ru_joins_next = {
    U"в", U"к", U"с", U"о", U"у", U"и", U"а", U"но", U"на", U"по", U"за", U"от", U"до", U"из", U"не", U"ни",
    U"во", U"ко", U"со", U"об"};
// Particles lean on the word before them.
const std::initializer_list<std::u32string_view> ru_joins_previous = {U"же", U"ли", U"бы", U"ж", U"б", U"ль"};
const std::initializer_list<std::u32string_view> before_number = {
    U"№", U"§", U"ст", U"п", U"пп", U"ч", U"гл", U"разд", U"абз", U"подп", U"рис", U"табл", U"с", U"т",
    U"no", U"art", U"arts", U"p", U"pp", U"para", U"sec", U"fig", U"vol"};
const std::initializer_list<std::u32string_view> units = {
    U"%", U"‰", U"₽", U"$", U"€", U"руб", U"коп", U"тыс", U"млн", U"млрд", U"трлн", U"мм", U"см", U"м",
    U"км", U"кг", U"т", U"л", U"мл", U"га", U"мб", U"гб", U"кб", U"mm", U"cm", U"km", U"kg", U"mb", U"gb",
    U"kb", U"pt", U"px", U"rub", U"usd", U"eur"};
const std::initializer_list<std::u32string_view> months_ru = {
    U"января", U"февраля", U"марта", U"апреля", U"мая", U"июня", U"июля", U"августа", U"сентября",
    U"октября", U"ноября", U"декабря"};
const std::initializer_list<std::u32string_view> months_en = {
    U"january", U"february", U"march", U"april", U"may", U"june", U"july", U"august", U"september",
    U"october", U"november", U"december"};

// After the initials that follow the space at i: is there a surname ("С. В. Лавров"), or do the
// initials close the name ("Лавров С. В.")?
bool surname_follows(const Text& t, std::size_t i) {
    std::size_t k = i;
    for (;;) {
        std::size_t end = k + 1;
        while (end < t.size() && !is_space(t.at(end))) ++end;  // the end of the next word
        const std::u32string w = word_after(t, k);
        if (!is_initial(w)) return capitalized(w) && w.back() != U'.';
        if (end >= t.size()) return false;
        k = end;
    }
}

// The words around a space and their bare lower-case forms: ties()'s working space, kept
// from one space to the next.
struct Around {
    std::u32string prev, next, p, n;
};

// Whether the space at i (between word_before and word_after) must not break a line.
bool ties(const Text& t, std::size_t i, Lang lang, Around& words) {
    const char32_t after = t.after(i);
    if (after == U'—' || after == U'–') return true;  // the dash stays on the line before
    std::u32string &prev = words.prev, &next = words.next, &p = words.p, &n = words.n;
    word_before(t, i, prev);
    word_after(t, i, next);
    if (prev.empty() || next.empty()) return false;
    p.assign(prev);
    n.assign(next);
    for (std::u32string* w : {&p, &n}) {
        while (!w->empty() && (w->back() == U',' || w->back() == U'.')) w->pop_back();
        for (char32_t& c : *w) c = utf8::to_lower(c);
    }
    const bool p_abbrev = prev.back() == U'.';

    if (is_initial(prev)) return true;  // "С. В. Лавров", "S. Lavrov"
    if (is_initial(next) && capitalized(prev) && !p_abbrev && !surname_follows(t, i)) return true;  // "Лавров С. В."
    if (p == U"№" || p == U"§") return true;  // "№ 5", "Эл № ФС77-59216"
    if (p_abbrev && in(p, before_number) && utf8::is_digit(next[0])) return true;
    if (p == U"no" && p_abbrev && (utf8::is_digit(next[0]) || utf8::is_upper(next[0]))) return true;  // "No. FS77"
    if (all_digits(p) && n == U"г" && next.size() >= 2 && next[1] == U'.') return true;  // "2014 г."
    if (all_digits(p) && (n == U"гг" || n == U"в" || n == U"вв") && next.back() == U'.') return true;
    if (p == U"т" && p_abbrev && in(n, {U"е", U"д", U"п", U"к", U"н"}) && next.back() == U'.') return true;
    if (utf8::is_digit(prev.back()) && in(n, units)) return true;  // "5 %", "100 руб."
    if ((p == U"$" || p == U"€" || p == U"₽") && utf8::is_digit(next[0])) return true;
    if (all_digits(p) && in(n, lang == Lang::ru ? months_ru : months_en)) return true;  // "22 августа"
    if (in(p, lang == Lang::ru ? months_ru : months_en) && (all_digits(n) || all_digits(bare(next)))) return true;  // "августа 2014", "August 22,"
    if (lang == Lang::en && prev.back() == U',' && all_digits(n) && n.size() == 4) {
        // "August 22, 2014": the year stays with its day.
        const std::u32string day = bare(prev);
        if (all_digits(day)) return true;
    }
    if (lang == Lang::ru) {
        if (!p_abbrev && prev.back() != U',' && in(p, ru_joins_next)) return true;
        if (in(n, ru_joins_previous) && next.size() == n.size()) return true;
    } else if ((prev == U"a" || prev == U"A" || prev == U"I") && !p_abbrev) {
        return true;
    }
    return false;
}

void no_break_spaces(Text& t, Lang lang) {
    Around words;
    for (std::size_t i = 0; i < t.size(); ++i)
        if (t.at(i) == U' ' && ties(t, i, lang, words)) t.set(i, nbsp);
}

}  // namespace

void typographize(std::vector<Piece>& pieces, Lang lang) {
    std::vector<Char> chars;
    for (std::size_t p = 0; p < pieces.size(); ++p) {
        if (pieces[p].opaque) {
            chars.push_back({opaque_mark, static_cast<int>(p)});
            continue;
        }
        const std::string& s = *pieces[p].text;
        for (std::size_t i = 0; i < s.size();) chars.push_back({utf8::next(s, i), static_cast<int>(p)});
    }
    Text t(std::move(chars));
    dashes(t, lang);
    ellipsis(t);
    quotes(t, lang);
    no_break_spaces(t, lang);

    std::vector<std::string> out(pieces.size());
    for (const Char& c : t.chars())
        if (c.c != gone && c.c != opaque_mark) utf8::append(out[static_cast<std::size_t>(c.piece)], c.c);
    for (std::size_t p = 0; p < pieces.size(); ++p)
        if (!pieces[p].opaque) *pieces[p].text = std::move(out[p]);
}

std::string typographize(std::string text, Lang lang) {
    std::vector<Piece> pieces{{&text, false}};
    typographize(pieces, lang);
    return text;
}

}  // namespace zapros::text
