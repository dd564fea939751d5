// Every note starts on its mark's page. Marks are raised digits at 0.65× their text's size;
// a note starts at the foot of a page, at the left margin, with its number at the note size,
// a space, then its first words. A continuation line that happens to begin with a number is
// not taken for a start: it must be a note's number followed by that note's first letters.
// Numbers follow the marks' order in the source, not the pages': a table row split across
// pages shows its second cell's marks on the first page and its first cell's later marks on
// the next, so note 15 may start a page before note 14.
#include <algorithm>
#include <map>

#include "base/utf8.hpp"
#include "evidence.hpp"
#include "geometry.hpp"

namespace zapros::property {

namespace {

// b follows a on its baseline without a gap (kerning aside): the next letter of one word.
bool touches(const Glyph& a, const Glyph& b) {
    return std::abs(b.y - a.y) < 0.05 && std::abs(b.x - (a.x + a.width)) < 0.1 * a.size;
}

// The note numbers marked on each page, first mark of each number only: number → page index.
// A mark's digits stand on one baseline, each where the one before ends; the marks of two cells
// of a row, or of two lines, may share a span of the PDF, but never touch.
std::map<int, std::size_t> first_marks(const std::vector<PdfPage>& pages) {
    std::map<int, std::size_t> marks;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const std::vector<Glyph>& gs = pages[p].glyphs;
        for (std::size_t i = 0; i < gs.size();) {
            if (!is_mark(gs[i])) {
                ++i;
                continue;
            }
            int n = static_cast<int>(gs[i].ch - U'0');
            for (++i; i < gs.size() && is_mark(gs[i]) && touches(gs[i - 1], gs[i]) && n < 100000; ++i) n = n * 10 + static_cast<int>(gs[i].ch - U'0');
            marks.emplace(n, p);
        }
    }
    return marks;
}

// Whether a note's number may begin at glyph i: a digit at the note size at the left margin.
bool number_at(const std::vector<Glyph>& gs, std::size_t i) {
    return utf8::is_digit(gs[i].ch) && std::abs(gs[i].size - geometry::note_size) < 0.05 && std::abs(gs[i].x - geometry::left) < 1;
}

// Whether two letter strings agree on their first 12 letters, or as far as the shorter goes: a
// note's first line may hold fewer letters than that.
bool same_start(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    for (int n = 0; n < 12 && i < a.size() && j < b.size(); ++n)
        if (utf8::next(a, i) != utf8::next(b, j)) return false;
    return true;
}

}  // namespace

std::vector<std::optional<NoteStart>> note_starts(const std::vector<PdfPage>& pages, const Written& written) {
    std::vector<std::optional<NoteStart>> starts(static_cast<std::size_t>(written.notes));
    std::size_t last = 0;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const PdfPage& page = pages[p];
        const Regions regions = classify(page);
        const std::vector<Glyph>& gs = page.glyphs;
        for (std::size_t i = 0; i < gs.size(); ++i) {
            const bool line_start = i == 0 || std::abs(gs[i - 1].y - gs[i].y) > 0.5 || gs[i - 1].x > gs[i].x;
            if (regions.of[i] != Region::note || !line_start || !number_at(gs, i)) continue;
            std::size_t j = i;
            std::string number;
            while (j < gs.size() && utf8::is_digit(gs[j].ch) && std::abs(gs[j].size - geometry::note_size) < 0.05 &&
                   std::abs(gs[j].y - gs[i].y) < 0.5)
                utf8::append(number, gs[j++].ch);
            const std::size_t n = number.size() < 6 && !number.empty() ? std::stoul(number) : 0;
            // The number, then a blank or the line's end (a note with no text of its own).
            const bool ends = j >= gs.size() || std::abs(gs[j].y - gs[i].y) > 0.5 || gs[j].x < gs[j - 1].x;
            if (n == 0 || n > starts.size() || starts[n - 1] || number != std::to_string(n) || (!ends && gs[j].visible())) continue;
            // Then the note's own first letters: its number's line shows nothing but the first of
            // them ("38 органов…" ends a continuation when note 38 is "о"), and read on into its
            // next lines on this page, up to one that may be the next note's, they go on as the
            // note does ("15 о" was once a continuation, not note 15 "области…"), some at least (a
            // line "15" alone at a page's foot ends a continuation; a note may open with a dash
            // and a line break). A note without letters (a dash) shows none on its number's line.
            // In a request written by hand, whose words are not known, numbers come in increasing
            // order.
            std::string text, line;
            for (std::size_t k = j; k < gs.size() && std::abs(gs[k].y - gs[i].y) < 0.5 && gs[k].x >= gs[k - 1].x; ++k)
                if (!is_mark(gs[k])) utf8::append(line, gs[k].ch);  // the whole line: its first 12 letters may agree by chance
            for (std::size_t k = j; k < gs.size() && utf8::length(letters_of(text)) < 12; ++k) {
                if (regions.of[k] != Region::note || is_mark(gs[k])) continue;  // a mark of a note it marks
                if (std::abs(gs[k].y - gs[k - 1].y) > 0.5 && number_at(gs, k)) break;  // the next note's, perhaps
                utf8::append(text, gs[k].ch);
            }
            const std::string shown = letters_of(text);
            const Stream* note = nullptr;
            for (const Stream& s : written.streams)
                if (s.name == "note " + number) note = &s;
            std::string expected;
            for (const std::string& w : note ? note->words : std::vector<std::string>{}) expected += w;
            const std::string first = letters_of(line);
            const bool starts_note = expected.empty() ? first.empty() : expected.starts_with(first) && !shown.empty() && same_start(shown, expected);
            // By hand, a note whose first letters the checker misread is taken by its number's
            // place: numbers rise down the pages, but for the notes marked in notes.
            if (note && !starts_note && (!written.approximate || n <= last)) continue;
            if (!note && n <= last) continue;
            starts[n - 1] = NoteStart{p, i};
            last = n;
        }
    }
    return starts;
}

std::vector<Failure> check_notes(const std::vector<PdfPage>& pages, const Written& written) {
    Evidence ev;
    const std::map<int, std::size_t> marks = first_marks(pages);
    const std::vector<std::optional<NoteStart>> starts = note_starts(pages, written);
    for (int n = 1; n <= written.notes; ++n) {
        const auto mark = marks.find(n);
        const std::optional<NoteStart>& start = starts[static_cast<std::size_t>(n - 1)];
        const std::string note = "note " + std::to_string(n);
        if (mark == marks.end()) {
            ev.add("a mark is not drawn", note + ": its mark is not drawn");
        } else if (!start) {
            ev.add("a note does not start", note + " (marked on page " + std::to_string(mark->second + 1) + ") does not start at the foot of any page");
        } else if (start->page != mark->second) {
            ev.add("a note starts on another page", note + " is marked on page " + std::to_string(mark->second + 1) + " but starts on page " +
                   std::to_string(start->page + 1) + ": " + context_of(pages[start->page], start->glyph));
        }
    }
    for (const auto& [n, page] : marks)
        if (n < 1 || n > written.notes) ev.add("a mark for no note", "page " + std::to_string(page + 1) + ": a mark " + std::to_string(n) + " for no note");
    std::vector<Failure> out;
    ev.into(out, Invariant::note_page);
    return out;
}

}  // namespace zapros::property
