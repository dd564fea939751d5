#include "structure_check.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace zapros::test {

namespace {

using compose::Element;
using compose::Role;

std::string role_name(const Element& e) {
    return e.role == Role::h ? "H" + std::to_string(e.level) : compose::role_name(e.role);
}

bool holds_text(Role r) {
    return r == Role::p || r == Role::h || r == Role::lbl || r == Role::link || r == Role::th || r == Role::td ||
           r == Role::code || r == Role::caption;
}

// A kid of an element: another element, or a piece of its text content (one order).
struct Kid {
    int order = 0;
    int element = -1;  // -1: text
    std::string text;
};

struct Tree {
    std::vector<std::vector<Kid>> kids;  // per element, in order
};

Tree tree_of(const compose::Structure& s, const page::Pages& pages) {
    Tree t;
    t.kids.resize(s.elements.size());
    for (std::size_t i = 1; i < s.elements.size(); ++i) {
        const int parent = s.elements[i].parent;
        if (parent >= 0 && static_cast<std::size_t>(parent) < s.elements.size())
            t.kids[static_cast<std::size_t>(parent)].push_back({s.elements[i].order, static_cast<int>(i), {}});
    }
    // Text content by (element, order), in the order drawn; a space where the runs have one
    // or a line ends between them.
    std::map<std::pair<int, int>, std::string> text;
    struct Last {
        const page::Placed* line;
        Sp y;
        bool space_after;
    };
    std::map<std::pair<int, int>, Last> last;
    for (const page::Page& pg : pages.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::Run& r : pl.line.runs) {
                if (!r.tag.is_content() || static_cast<std::size_t>(r.tag.element) >= s.elements.size()) continue;
                const std::pair key{r.tag.element, r.tag.order};
                std::string& t_ = text[key];
                const auto it = last.find(key);
                if (it != last.end() && (it->second.space_after || it->second.line != &pl || it->second.y != r.y)) t_ += ' ';
                t_ += r.text;
                last[key] = {&pl, r.y, r.space_after};
            }
    for (const page::Page& pg : pages.pages)
        for (const page::Placed& pl : pg.lines)
            for (const para::ImageBox& im : pl.line.images)
                if (im.tag.is_content() && static_cast<std::size_t>(im.tag.element) < s.elements.size())
                    text[{im.tag.element, im.tag.order}] = "[image]";
    for (auto& [key, value] : text) t.kids[static_cast<std::size_t>(key.first)].push_back({key.second, -1, value});
    for (auto& k : t.kids) std::stable_sort(k.begin(), k.end(), [](const Kid& a, const Kid& b) { return a.order < b.order; });
    return t;
}

// Elements in reading order (depth first, kids by order).
void reading_order(const Tree& t, int e, std::vector<int>& out) {
    out.push_back(e);
    for (const Kid& k : t.kids[static_cast<std::size_t>(e)])
        if (k.element >= 0) reading_order(t, k.element, out);
}

void dump(const compose::Structure& s, const Tree& t, int e, int depth, std::string& out) {
    const Element& el = s.elements[static_cast<std::size_t>(e)];
    std::string line(static_cast<std::size_t>(depth) * 2, ' ');
    line += role_name(el);
    if (el.role == Role::l) {
        static const char* names[] = {"none", "disc", "decimal", "lower-alpha", "upper-alpha", "lower-roman", "upper-roman"};
        line += std::string(" ") + names[static_cast<int>(el.numbering)];
    }
    if (el.role == Role::th) line += el.scope == compose::Scope::column ? " column" : " row";
    if (el.role == Role::figure) line += " alt=" + el.alt;
    if (el.role == Role::note) line += " " + std::to_string(el.note);
    if (el.role == Role::link) line += " contents=" + el.contents;
    auto quoted = [](std::string text) {
        for (std::size_t at; (at = text.find("\u00A0")) != std::string::npos;) text.replace(at, 2, "~");
        return "\"" + text + "\"";
    };
    const std::vector<Kid>& kids = t.kids[static_cast<std::size_t>(e)];
    if (kids.size() == 1 && kids.front().element < 0) {
        out += line + " " + quoted(kids.front().text) + "\n";
        return;
    }
    out += line + "\n";
    for (const Kid& k : kids) {
        if (k.element >= 0) dump(s, t, k.element, depth + 1, out);
        else out += std::string(static_cast<std::size_t>(depth + 1) * 2, ' ') + quoted(k.text) + "\n";
    }
}

}  // namespace

std::vector<std::string> structure_violations(const compose::Structure& s, const page::Pages& pages) {
    std::vector<std::string> out;
    const auto n = static_cast<int>(s.elements.size());
    if (n == 0 || s.elements[0].role != Role::document || s.elements[0].parent != -1) {
        out.push_back("element 0 is not the Document");
        return out;
    }
    auto named = [&](int e) { return role_name(s.elements[static_cast<std::size_t>(e)]) + " #" + std::to_string(e); };
    for (int i = 1; i < n; ++i) {
        const Element& e = s.elements[static_cast<std::size_t>(i)];
        if (e.role == Role::document) out.push_back(named(i) + ": a second Document");
        if (e.parent < 0 || e.parent >= i) out.push_back(named(i) + ": its parent " + std::to_string(e.parent) + " does not come before it");
    }
    if (!out.empty()) return out;

    // What the pages draw.
    for (const page::Page& pg : pages.pages) {
        const std::string where = "page " + std::to_string(pg.number) + ": ";
        for (const page::Placed& pl : pg.lines) {
            for (const para::Run& r : pl.line.runs) {
                if (r.tag.artifact != Tag::Artifact::none) continue;
                if (r.tag.element < 0 || r.tag.element >= n) out.push_back(where + "run '" + r.text + "' is neither content nor an artifact");
                else if (!holds_text(s.elements[static_cast<std::size_t>(r.tag.element)].role))
                    out.push_back(where + "run '" + r.text + "' is content of " + named(r.tag.element));
            }
            for (const para::ImageBox& im : pl.line.images) {
                if (im.tag.artifact != Tag::Artifact::none) continue;
                if (im.tag.element < 0 || im.tag.element >= n || s.elements[static_cast<std::size_t>(im.tag.element)].role != Role::figure)
                    out.push_back(where + "image " + std::to_string(im.image) + " is neither a Figure's nor an artifact");
            }
            for (const para::LinkArea& l : pl.line.links)
                if (l.tag.element < 0 || l.tag.element >= n || s.elements[static_cast<std::size_t>(l.tag.element)].role != Role::link)
                    out.push_back(where + "a link area is no Link's");
        }
    }

    const Tree t = tree_of(s, pages);
    for (int i = 0; i < n; ++i) {
        const std::vector<Kid>& kids = t.kids[static_cast<std::size_t>(i)];
        std::set<int> orders;
        for (const Kid& k : kids)
            if (k.element >= 0 && !orders.insert(k.order).second) out.push_back(named(i) + ": two kids of order " + std::to_string(k.order));
        for (const Kid& k : kids)
            if (k.element < 0 && orders.contains(k.order)) out.push_back(named(i) + ": text and a kid of order " + std::to_string(k.order));
        const Role role = s.elements[static_cast<std::size_t>(i)].role;
        auto only = [&](std::initializer_list<Role> allowed) {
            for (const Kid& k : kids) {
                if (k.element < 0) out.push_back(named(i) + ": holds text '" + k.text + "'");
                else if (std::find(allowed.begin(), allowed.end(), s.elements[static_cast<std::size_t>(k.element)].role) == allowed.end())
                    out.push_back(named(i) + ": holds " + named(k.element));
            }
        };
        if (role == Role::l) only({Role::li});
        if (role == Role::li) only({Role::lbl, Role::lbody});
        if (role == Role::table) only({Role::tr});
        if (role == Role::tr) only({Role::th, Role::td});
        const Element& e = s.elements[static_cast<std::size_t>(i)];
        if (role == Role::link && e.contents.empty()) out.push_back(named(i) + ": no /Contents");
        if (role == Role::figure && e.alt.empty()) out.push_back(named(i) + ": no /Alt");
    }

    // Reading order: headings, and each note after its one reference.
    std::vector<int> order;
    reading_order(t, 0, order);
    int level = 0;
    std::set<int> notes;
    std::map<int, int> references;  // note → the References to it read so far
    for (const int i : order) {
        const Element& e = s.elements[static_cast<std::size_t>(i)];
        if (e.role == Role::h) {
            if (e.level < 1 || e.level > 6 || (level == 0 && e.level != 1) || e.level > level + 1)
                out.push_back(named(i) + " after H" + std::to_string(level));
            level = e.level;
        }
        if (e.role == Role::link && e.note != 0) {
            if (s.elements[static_cast<std::size_t>(e.parent)].role != Role::reference)
                out.push_back(named(i) + ": a note's mark outside a Reference");
            ++references[e.note];
        }
        if (e.role != Role::note) continue;
        if (e.note <= 0 || !notes.insert(e.note).second) out.push_back(named(i) + ": its number " + std::to_string(e.note) + " is not its own");
        if (references[e.note] != 1) {
            out.push_back(named(i) + " " + std::to_string(e.note) + ": " + std::to_string(references[e.note]) + " references before it");
            continue;
        }
        // The kid just before it: its Reference.
        const std::vector<Kid>& siblings = t.kids[static_cast<std::size_t>(e.parent)];
        const auto at = std::find_if(siblings.begin(), siblings.end(), [i](const Kid& k) { return k.element == i; });
        bool right = at != siblings.begin() && std::prev(at)->element >= 0 &&
                     s.elements[static_cast<std::size_t>(std::prev(at)->element)].role == Role::reference;
        if (right) {
            const std::vector<Kid>& inside = t.kids[static_cast<std::size_t>(std::prev(at)->element)];
            right = inside.size() == 1 && inside.front().element >= 0 &&
                    s.elements[static_cast<std::size_t>(inside.front().element)].note == e.note;
        }
        if (!right) out.push_back(named(i) + " " + std::to_string(e.note) + ": not right after its Reference");
    }
    return out;
}

std::string dump_structure(const compose::Structure& s, const page::Pages& pages) {
    if (s.elements.empty()) return "";
    std::string out;
    dump(s, tree_of(s, pages), 0, 0, out);
    return out;
}

}  // namespace zapros::test
