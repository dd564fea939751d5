// Every source word present, in order. The PDF's text is reduced to its letters and digits in
// drawing order, so a word broken at a line end (by a hyphen, or by an emergency break without
// one) rejoins, and typographic rewriting (quotes, dashes, no-break spaces) is invisible. Each
// part's words are then looked for as successive substrings, each from where the last ended.
// The body and the letter's parts are read outside the note
// area, each note inside it from its own start.
#include <algorithm>
#include <string_view>

#include "base/utf8.hpp"
#include "evidence.hpp"

namespace zapros::property {

namespace {

// Between two words of a part the PDF adds at most a mark, a list label or a line's hyphen
// (page numbers and notes are read apart): a word found further on may be another occurrence
// of it, reached because the word is missing. Before taking such a far match the next words are
// tried right where the last one ended; if a run of them is there, the words skipped are the
// missing ones. So one dropped table cell reports its own words, not every word after it.
constexpr std::size_t near = 80;   // bytes: 40 Cyrillic letters
constexpr std::size_t run = 5;     // words that must follow each other closely to resynchronise
constexpr std::size_t skip_at_most = 3000;

struct Flow {
    std::string text;
    std::vector<std::pair<std::size_t, int>> pages;  // (offset where a page starts, its number)
    int page_at(std::size_t offset) const {
        int n = pages.empty() ? 0 : pages.front().second;
        for (const auto& [at, page] : pages)
            if (at <= offset) n = page;
        return n;
    }
};

void append(Flow& f, const Glyph& g) {
    if (utf8::is_letter(g.ch) || utf8::is_digit(g.ch)) utf8::append(f.text, g.ch);
}

// Where word sits within `near` bytes of pos, or npos.
std::size_t find_near(const std::string& text, const std::string& word, std::size_t pos) {
    if (pos > text.size()) return std::string::npos;
    const std::size_t hit = std::string_view(text).substr(pos, near + word.size()).find(word);
    return hit == std::string_view::npos ? std::string::npos : pos + hit;
}

// Whether the words from k on (a run of them; with partial, as many as are left) follow each
// other closely from pos.
bool run_at(const Stream& s, std::size_t k, const std::string& text, std::size_t pos, bool partial) {
    if (!partial && k + run > s.words.size()) return false;
    const std::size_t end = std::min(s.words.size(), k + run);
    for (; k < end; ++k) {
        const std::size_t hit = find_near(text, s.words[k], pos);
        if (hit == std::string::npos) return false;
        pos = hit + s.words[k].size();
    }
    return true;
}

void check_stream(const Stream& s, const Flow& flow, std::size_t from, Evidence& ev) {
    std::size_t at = from, missing = 0, first_missing = 0, found_before = from;
    bool first = true;
    auto lose = [&](std::size_t w) {
        if (missing++ == 0) first_missing = w, found_before = at;
    };
    // The first word where the next ones follow it, if anywhere (a short word of the title may
    // occur in the addressee block first); else its first occurrence.
    if (!s.words.empty())
        for (std::size_t hit = flow.text.find(s.words[0], at); hit != std::string::npos; hit = flow.text.find(s.words[0], hit + 1))
            if (run_at(s, 0, flow.text, hit, true)) {
                at = hit;
                break;
            }
    for (std::size_t w = 0; w < s.words.size(); ++w) {
        const std::size_t hit = flow.text.find(s.words[w], at);
        if (hit == std::string::npos) {
            lose(w);
            continue;
        }
        if (!first && hit - at > near) {
            std::size_t skip = 1;
            while (skip <= skip_at_most && w + skip < s.words.size() && !run_at(s, w + skip, flow.text, at, false)) ++skip;
            if (skip <= skip_at_most && w + skip < s.words.size()) {
                for (std::size_t k = w; k < w + skip; ++k) lose(k);
                w += skip - 1;
                continue;
            }
        }
        at = hit + s.words[w].size();
        first = false;
    }
    if (missing == 0) return;
    std::string around;
    for (std::size_t w = first_missing > 2 ? first_missing - 2 : 0; w < std::min(s.words.size(), first_missing + 3); ++w)
        around += (around.empty() ? "" : " ") + (w == first_missing ? "[" + s.words[w] + "]" : s.words[w]);
    ev.add("words missing from " + (s.name.rfind("note ", 0) == 0 ? std::string("a note") : s.name), s.name + ": " + std::to_string(missing) + " of " + std::to_string(s.words.size()) + " words not found in order; first word " +
           std::to_string(first_missing + 1) + " \"" + s.words[first_missing] + "\" (" + around + "), looked for after page " +
           std::to_string(flow.page_at(found_before)));
}

}  // namespace

std::vector<Failure> check_words(const std::vector<PdfPage>& pages, const Written& written) {
    Flow main, notes;
    const std::vector<std::optional<NoteStart>> starts = note_starts(pages, written);
    std::vector<std::size_t> note_offset(starts.size(), 0);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const Regions regions = classify(pages[p]);
        main.pages.emplace_back(main.text.size(), pages[p].number);
        notes.pages.emplace_back(notes.text.size(), pages[p].number);
        for (std::size_t i = 0; i < pages[p].glyphs.size(); ++i) {
            const Region r = regions.of[i];
            if (r == Region::page_number) continue;
            if (r != Region::note) {
                append(main, pages[p].glyphs[i]);
                continue;
            }
            for (std::size_t n = 0; n < starts.size(); ++n)
                if (starts[n] && starts[n]->page == p && starts[n]->glyph == i) note_offset[n] = notes.text.size();
            append(notes, pages[p].glyphs[i]);
        }
    }
    Evidence ev;
    for (const Stream& s : written.streams) {
        if (s.name.rfind("note ", 0) != 0) {
            check_stream(s, main, 0, ev);
            continue;
        }
        const std::size_t n = std::stoul(s.name.substr(5)) - 1;
        check_stream(s, notes, n < note_offset.size() ? note_offset[n] : 0, ev);
    }
    std::vector<Failure> out;
    ev.into(out, Invariant::words);
    return out;
}

}  // namespace zapros::property
