// Notes are numbered by their first references in reading order, nested ones included: a
// definition's text is read where it stands. A note's first letters are those of its
// definition's first paragraph with the Markdown a reader does not see taken out: the targets
// of links, the marks of other notes. Best effort: a note whose first letters this gets wrong
// is still found by its number's place (invariants.hpp, note_starts).
#include "hand_written.hpp"

#include <map>

namespace zapros::property {

namespace {

// The label of a note reference "[^label]" at `at`, and where it ends; empty when there is none.
std::string label_at(const std::string& md, std::size_t at, std::size_t& end) {
    if (md.compare(at, 2, "[^") != 0) return {};
    const std::size_t close = md.find(']', at + 2);
    if (close == std::string::npos || close == at + 2 || md.find('\n', at) < close) return {};
    end = close + 1;
    return md.substr(at + 2, close - at - 2);
}

bool line_start(const std::string& md, std::size_t at) { return at == 0 || md[at - 1] == '\n'; }

// The text a reader sees of a definition's first paragraph (from `at` to a blank line).
std::string shown(const std::string& md, std::size_t at) {
    const std::size_t blank = md.find("\n\n", at);
    const std::string p = md.substr(at, blank == std::string::npos ? std::string::npos : blank - at);
    std::string out;
    for (std::size_t i = 0; i < p.size();) {
        std::size_t end = 0;
        if (!label_at(p, i, end).empty()) {
            i = end;  // another note's mark: its number, not letters
        } else if (p.compare(i, 2, "](") == 0 && p.find(')', i) != std::string::npos) {
            i = p.find(')', i) + 1;  // a link's target
        } else {
            out += p[i++];
        }
    }
    return out;
}

}  // namespace

Written read_hand_written(const std::string& md) {
    std::map<std::string, std::size_t> defined;  // label → where its text starts
    for (std::size_t at = 0; (at = md.find("[^", at)) != std::string::npos; ++at) {
        std::size_t end = 0;
        const std::string label = label_at(md, at, end);
        if (!label.empty() && line_start(md, at) && md.compare(end, 1, ":") == 0) defined.emplace(label, end + 1);
    }
    Written w;
    w.approximate = true;
    std::map<std::string, int> number;
    for (std::size_t at = 0; (at = md.find("[^", at)) != std::string::npos; ++at) {
        std::size_t end = 0;
        const std::string label = label_at(md, at, end);
        if (label.empty() || (line_start(md, at) && md.compare(end, 1, ":") == 0) || !defined.count(label) || number.count(label)) continue;
        number[label] = ++w.notes;
        Stream s;
        s.name = "note " + std::to_string(w.notes);
        s.words.push_back(letters_of(shown(md, defined[label])));
        w.streams.push_back(std::move(s));
    }
    return w;
}

}  // namespace zapros::property
