// Where a word may break. The author's invisible characters are read here and left out of
// what is drawn: U+200B offers a break, joiners forbid one, the soft hyphen offers a hyphen.
// URLs and code break after their separators first, then before a %XX escape, never inside
// one and never with a hyphen added; text breaks at explicit hyphens and where the patterns say.
#include "para/breaks.hpp"

#include "base/chars.hpp"
#include "base/utf8.hpp"

namespace zapros::para {

namespace {

bool url_break_char(char32_t c) {
    return c == U'/' || c == U'.' || c == U'-' || c == U'?' || c == U'&' || c == U'=' || c == U'_' || c == U'#' ||
           c == U'~' || c == U',';
}

bool hex(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'a' && c <= U'f') || (c >= U'A' && c <= U'F'); }

// Sets a break where nothing stronger stands: never > chance > the rest > none.
void offer(BreakAfter& at, BreakAfter kind) {
    if (at == BreakAfter::none) at = kind;
}

}  // namespace

const Word& WordBreaker::analyse(std::u32string_view raw, WordKind kind, bool hyphenate) {
    Word& w = word_;
    w.chars.clear();
    w.cols.clear();
    w.after.clear();
    w.chance_before = w.chance_after = w.glued_before = w.glued_after = false;
    // What the invisible characters since the last visible one ask of the break after it.
    BreakAfter pending = BreakAfter::none;
    bool soft_hyphen = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const char32_t c = raw[i];
        if (chars::invisible(c)) {
            if (chars::joiner(c)) pending = BreakAfter::tied;
            else if (chars::break_chance(c) && pending != BreakAfter::tied) pending = BreakAfter::chance;
            else if (c == 0xAD && pending == BreakAfter::none) pending = BreakAfter::soft_hyphen, soft_hyphen = true;
            continue;
        }
        if (w.chars.empty()) {
            w.chance_before = pending == BreakAfter::chance;
            w.glued_before = pending == BreakAfter::tied;
        } else {
            w.after.back() = pending;
        }
        if (chars::combining(c) && !w.after.empty()) w.after.back() = BreakAfter::never;
        pending = BreakAfter::none;
        w.chars += c;
        w.cols.push_back(static_cast<int>(i));
        w.after.push_back(BreakAfter::none);
    }
    if (w.chars.empty()) {
        w.chance_before = w.chance_after = pending == BreakAfter::chance;
        w.glued_before = w.glued_after = pending == BreakAfter::tied;
        return w;
    }
    w.chance_after = pending == BreakAfter::chance;
    w.glued_after = pending == BreakAfter::tied;
    if (soft_hyphen) hyphenate = false;  // the author marked the word's breaks
    if (kind == WordKind::text) text_breaks(hyphenate);
    else url_breaks(kind);
    return w;
}

void WordBreaker::url_breaks(WordKind kind) {
    Word& w = word_;
    const std::size_t n = w.chars.size();
    for (std::size_t k = 0; k + 1 < n; ++k) {
        if (w.after[k] == BreakAfter::soft_hyphen) w.after[k] = BreakAfter::chance;  // never a hyphen added
        const char32_t c = w.chars[k], next = w.chars[k + 1];
        if (next == U'%' && k + 3 < n && hex(w.chars[k + 2]) && hex(w.chars[k + 3])) {
            offer(w.after[k], BreakAfter::url_escape);
            w.after[k + 1] = BreakAfter::never;  // after the %
            w.after[k + 2] = BreakAfter::never;  // between its two digits
        }
        // After a separator, unless another follows ("//" stays whole).
        if (url_break_char(c) && !url_break_char(next)) offer(w.after[k], BreakAfter::url);
        if (kind == WordKind::verbatim && c == U' ' && next != U' ') offer(w.after[k], BreakAfter::chance);
    }
}

void WordBreaker::text_breaks(bool hyphenate) {
    Word& w = word_;
    const std::size_t n = w.chars.size();
    for (std::size_t k = 1; k + 1 < n; ++k)
        if (w.chars[k] == U'-' && utf8::is_letter(w.chars[k - 1]) && utf8::is_letter(w.chars[k + 1]))
            offer(w.after[k], BreakAfter::explicit_hyphen);
    if (!hyphenate || !dictionaries_) return;
    // Not a word with digits or an e-mail address, not an all-caps abbreviation ("ФСБ", "UN").
    int upper = 0, lower = 0;
    for (char32_t c : w.chars) {
        if (utf8::is_digit(c) || c == U'@') return;
        if (utf8::is_letter(c)) (utf8::is_upper(c) ? upper : lower)++;
    }
    if (upper >= 2 && lower == 0) return;
    // Each run of letters is a word for the patterns ("Russia's" → "Russia").
    for (std::size_t b = 0; b < n;) {
        if (!utf8::is_letter(w.chars[b])) {
            ++b;
            continue;
        }
        std::size_t e = b;
        while (e < n && utf8::is_letter(w.chars[e])) ++e;
        if (const text::Hyphenator* h = dictionary(b, e)) {
            letters_.clear();
            for (std::size_t k = b; k < e; ++k) utf8::append(letters_, w.chars[k]);
            for (int p : h->points(letters_)) offer(w.after[b + static_cast<std::size_t>(p) - 1], BreakAfter::pattern);
        }
        b = e;
    }
}

const text::Hyphenator* WordBreaker::dictionary(std::size_t begin, std::size_t end) const {
    bool cyrillic = true, latin = true;
    for (std::size_t k = begin; k < end; ++k) {
        cyrillic &= utf8::is_cyrillic_letter(word_.chars[k]);
        latin &= utf8::is_latin_letter(word_.chars[k]);
    }
    return cyrillic ? dictionaries_->russian() : latin ? dictionaries_->english() : nullptr;
}

}  // namespace zapros::para
