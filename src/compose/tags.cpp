// The letter's structure tree, built in the order of its source (compose/tags.hpp).
#include "compose/tags.hpp"

#include <algorithm>

#include "compose/labels.hpp"

namespace zapros::compose {

Tagger::Tagger(Structure& structure, Lang lang) : s_(structure), lang_(lang) {
    s_.elements.clear();
    s_.counter = 0;
    s_.add(Role::document, -1);
}

int Tagger::link(int parent, int note, const std::string& contents) {
    const int l = add(Role::link, parent);
    at(l).note = note;
    at(l).contents = contents;
    return l;
}

// Text between two kids is one piece of content (one order), whatever its spans: runs of one
// word in two faces ("«" and "статьи»") stay one run.
void Tagger::content(std::vector<Span>& spans, int element) {
    int open = -1;  // the Link element of the URL link being tagged
    Tag text;       // the element's text since its last kid
    Tag linked;     // the open link's text
    for (Span& s : spans) {
        if (s.note != 0) {
            // The mark: Reference > Link; its Note right after it, at the first mark only.
            const int reference = add(Role::reference, element);
            const int l = link(reference, s.note, std::string(labels(lang_).note) + " " + std::to_string(s.note));
            s.tag = next(l);
            if (!notes_.contains(s.note)) {
                const int n = add(Role::note, element);
                at(n).note = s.note;
                notes_.emplace(s.note, n);
            }
            open = -1;
            text = {};
        } else if (!s.link.empty()) {
            if (open < 0 || at(open).contents != s.link) {
                open = link(element, 0, s.link);
                linked = next(open);
                text = {};
            }
            s.tag = linked;
        } else {
            open = -1;
            if (text.element < 0) text = next(element);
            s.tag = text;
        }
    }
}

int Tagger::block(Paragraph& p, Role role, int parent) {
    const int e = add(role, parent);
    p.tag = next(e);
    content(p.spans, e);
    return e;
}

void Tagger::lines(Paragraph& p, int parent) {
    int e = -1;
    for (Span& s : p.spans) {
        if (s.line_break) {
            e = -1;
            s.tag = artifact(Tag::Artifact::layout);  // draws nothing
            continue;
        }
        if (e < 0) e = add(Role::p, parent);
        s.tag = next(e);
    }
    p.tag = artifact(Tag::Artifact::layout);  // nothing of its own beyond its lines
}

int Tagger::heading(int markdown_level, int parent) {
    level_ = std::clamp(markdown_level + 1, 2, std::min(level_ + 1, 6));
    const int h = add(Role::h, parent);
    at(h).level = level_;
    return h;
}

Tag Tagger::figure(const std::string& alt, int parent) {
    if (alt.empty()) return artifact(Tag::Artifact::layout);
    const int f = add(Role::figure, parent);
    at(f).alt = alt;
    return next(f);
}

int Tagger::note(int number) {
    const auto it = notes_.find(number);
    if (it != notes_.end()) return it->second;
    const int n = add(Role::note, document);
    at(n).note = number;
    notes_.emplace(number, n);
    return n;
}

Numbering numbering_of(bool ordered, int ordered_depth, std::string_view bullet) {
    if (!ordered) return bullet == "•" ? Numbering::disc : Numbering::none;  // "–" is no numbering scheme
    switch (ordered_depth % 3) {
    case 0: return Numbering::decimal;
    case 1: return Numbering::lower_alpha;
    default: return Numbering::lower_roman;
    }
}

}  // namespace zapros::compose
