// Every source word present, in order. Each part of the letter is read apart (reading.hpp): the
// body and the letter's parts outside the note area, each note from its own start. A part's
// words are looked for as successive substrings, each from where the last ended. The body goes
// on where the next page begins; a note at the start of a line of a later page, after the
// continuations of the notes before it, and a word broken at its page's end goes on with its
// rest there. A table row split across pages reads page by page (rows.cpp).
#include "words.hpp"

#include <algorithm>

#include "evidence.hpp"

namespace zapros::property {

namespace {

// Between two words of a part the PDF adds at most a list label or a line's hyphen (page
// numbers, marks and notes are read apart): a word found further on may be another occurrence
// of it, reached because the word is missing. Before taking such a far match the next words are
// tried right where the last one ended; if a run of them is there, the words skipped are the
// missing ones. So one dropped table cell reports its own words, not every word after it.
constexpr std::size_t near = 80;  // bytes: 40 Cyrillic letters
constexpr std::size_t run_length = 5;  // words that must follow each other closely to resynchronise
constexpr std::size_t skip_at_most = 3000;

}  // namespace

std::size_t WordMatcher::find_near(std::string_view word, std::size_t pos) const {
    if (pos > text_.size()) return none;
    const std::size_t hit = std::string_view(text_).substr(pos, near + word.size()).find(word);
    return hit == std::string_view::npos ? none : pos + hit;
}

bool WordMatcher::run_at(std::size_t k, std::size_t pos, bool partial) const {
    if (!partial && k + run_length > s_.words.size()) return false;
    const std::size_t end = std::min(s_.words.size(), k + run_length);
    for (; k < end; ++k) {
        const std::size_t hit = find_near(s_.words[k], pos);
        if (hit == none) return false;
        pos = hit + s_.words[k].size();
    }
    return true;
}

void WordMatcher::run() {
    std::size_t t = 0;
    for (std::size_t w = 0; w < s_.words.size();) {
        while (t < s_.tables.size() && words_of(s_.tables[t]).second <= w) ++t;
        if (t < s_.tables.size() && words_of(s_.tables[t]).first == w) w = table(s_.tables[t++], w);
        else w = word(w);
    }
}

std::size_t WordMatcher::word(std::size_t w) {
    const std::string& word = s_.words[w];
    if (first_) {
        const std::size_t at = anchor(w);
        if (at == none) {
            lose(w);
            return w + 1;
        }
        at_ = at;
    }
    if (const std::size_t end = close_by(w); end != none) {
        found(end);
        return w + 1;
    }
    const std::size_t hit = text_.find(word, at_);
    if (hit == none) {
        lose(w);
        return w + 1;
    }
    std::size_t skip = 1;
    while (skip <= skip_at_most && w + skip < s_.words.size() && !run_at(w + skip, at_, false)) ++skip;
    if (skip <= skip_at_most && w + skip < s_.words.size()) {
        for (std::size_t k = w; k < w + skip; ++k) lose(k);
        return w + skip;
    }
    found(hit + word.size());
    return w + 1;
}

std::size_t WordMatcher::anchor(std::size_t w) const {
    const std::string& word = s_.words[w];
    const std::size_t after = std::min(run_length, s_.words.size() - w - 1);  // words that may follow
    std::size_t best = none, most = 0;
    for (std::size_t hit = text_.find(word, at_); hit != none && (best == none || most < after); hit = text_.find(word, hit + 1)) {
        if (!run_at(w, hit, true)) continue;
        if (const std::size_t n = adjacent(w + 1, hit + word.size()); best == none || n > most) best = hit, most = n;
    }
    return best != none ? best : text_.find(word, at_);
}

std::size_t WordMatcher::adjacent(std::size_t k, std::size_t pos) const {
    std::size_t n = 0;
    for (; n < run_length && k + n < s_.words.size() && text_.compare(pos, s_.words[k + n].size(), s_.words[k + n]) == 0; ++n)
        pos += s_.words[k + n].size();
    return n;
}

std::size_t WordMatcher::close_by(std::size_t w) const {
    const std::string& word = s_.words[w];
    const std::size_t end = r_.end_of(r_.piece_before(at_));
    // Where a note's page ends, the next page's first lines (another note's continuation) may
    // well hold the word by chance: this note goes on at a line's start, the words after the
    // word following it there.
    const Resumed next_page = at_ == end && !first_ && r_.jumps ? resume(r_.piece_before(at_), word, w) : Resumed{};
    if (next_page.followed) return next_page.end;
    const std::size_t hit = first_ ? text_.find(word, at_) : find_near(word, at_);
    if (hit != none && hit < end) return hit + word.size();
    const Resumed rest = broken(w, end);
    if (rest.followed) return rest.end;
    if (hit != none) return hit + word.size();
    return next_page.end != none ? next_page.end : rest.end;
}

WordMatcher::Resumed WordMatcher::broken(std::size_t w, std::size_t end) const {
    const std::string& word = s_.words[w];
    if (!r_.jumps || at_ >= end || end - at_ > near + word.size()) return {};
    Resumed first;
    for (std::size_t from = at_; from < end; ++from) {
        const std::size_t shown = end - from;
        if (shown >= word.size() || text_.compare(from, shown, word, 0, shown) != 0) continue;
        const Resumed r = resume(r_.piece_before(end), std::string_view(word).substr(shown), w);
        if (r.followed) return r;
        if (first.end == none) first = r;
    }
    return first;
}

WordMatcher::Resumed WordMatcher::resume(std::size_t piece, std::string_view letters, std::size_t w) const {
    Resumed first;
    // On any later page: a note's continuation gives way to the continuations before it, and
    // a long one's can hold the held-over room of ten pages.
    for (std::size_t k = piece + 1; k < r_.pieces.size(); ++k) {
        const std::size_t end = r_.end_of(k);
        for (auto line = std::lower_bound(r_.lines.begin(), r_.lines.end(), r_.pieces[k].from); line != r_.lines.end() && *line < end; ++line) {
            const std::size_t at = *line;
            Resumed r;
            if (at + letters.size() <= end && text_.compare(at, letters.size(), letters) == 0)
                r = {at + letters.size(), follow(w + 1, at + letters.size(), end)};
            else if (end - at < letters.size() && text_.compare(at, end - at, letters, 0, end - at) == 0)
                r = resume(k, letters.substr(end - at), w);  // broken again at this page's end
            if (r.followed) return r;
            if (first.end == none) first = r;
        }
    }
    return first;
}

bool WordMatcher::follow(std::size_t k, std::size_t pos, std::size_t end) const {
    for (std::size_t n = 0; n < run_length && k < s_.words.size(); ++n, ++k) {
        const std::string& word = s_.words[k];
        if (end - pos < word.size()) return n > 0 && text_.compare(pos, end - pos, word, 0, end - pos) == 0;
        if (text_.compare(pos, word.size(), word) != 0) return false;
        pos += word.size();
    }
    return true;
}

void WordMatcher::found(std::size_t end) {
    at_ = end;
    first_ = false;
}

void WordMatcher::lose(std::size_t w) {
    if (missing_++ == 0) first_missing_ = w, found_before_ = at_;
}

void WordMatcher::report(Evidence& ev) const {
    if (missing_ == 0) return;
    std::string around;
    for (std::size_t w = first_missing_ > 2 ? first_missing_ - 2 : 0; w < std::min(s_.words.size(), first_missing_ + 3); ++w)
        around += (around.empty() ? "" : " ") + (w == first_missing_ ? "[" + s_.words[w] + "]" : s_.words[w]);
    ev.add("words missing from " + (s_.name.rfind("note ", 0) == 0 ? std::string("a note") : s_.name),
           s_.name + ": " + std::to_string(missing_) + " of " + std::to_string(s_.words.size()) + " words not found in order; first word " +
               std::to_string(first_missing_ + 1) + " \"" + s_.words[first_missing_] + "\" (" + around + "), looked for after page " +
               std::to_string(r_.page_at(found_before_)));
}

std::vector<Failure> check_words(const std::vector<PdfPage>& pages, const Written& written) {
    const Reading body = read_body(written.images.empty() ? pages : without_captions(pages, written));
    const std::vector<Reading> notes = read_notes(pages, note_starts(pages, written));
    Evidence ev;
    for (const Stream& s : written.streams) {
        const bool note = s.name.rfind("note ", 0) == 0;
        const std::size_t n = note ? std::stoul(s.name.substr(5)) - 1 : 0;
        WordMatcher m(s, note && n < notes.size() ? notes[n] : body);
        m.run();
        m.report(ev);
    }
    std::vector<Failure> out;
    ev.into(out, Invariant::words);
    return out;
}

}  // namespace zapros::property
