// The structure tree (ISO 32000-1 §14.7–14.8), written once every page and annotation exists:
// one StructElem per element that holds content somewhere below it (an element with none is
// left out, and so is its /ID; a table's empty rows and cells stay), its kids in logical order (Tag::order), the ParentTree from
// every MCID and annotation back to the element holding it, the IDTree of the notes. Every
// object that is referred to from two places is added to the cross-reference table before it
// is inserted anywhere (libharu decides direct or indirect at insertion; research note §5).
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <tuple>

#include "output/haru.hpp"
#include "output/tags.hpp"

namespace zapros::output {

namespace {

constexpr const char* what = "writing the structure tree";

const char* numbering_name(compose::Numbering n) {
    using compose::Numbering;
    switch (n) {
    case Numbering::disc: return "Disc";
    case Numbering::decimal: return "Decimal";
    case Numbering::lower_alpha: return "LowerAlpha";
    case Numbering::upper_alpha: return "UpperAlpha";
    case Numbering::lower_roman: return "LowerRoman";
    case Numbering::upper_roman: return "UpperRoman";
    case Numbering::none: break;
    }
    return nullptr;
}

// The type of a node that groups an element's kids past Tags::max_array (a Document of ten
// thousand paragraphs): a list's items in a nested L, a table's rows in TBody, inline content
// in Span, the rest in Div; each may hold what its element holds.
const char* group_type(compose::Role role) {
    using compose::Role;
    switch (role) {
    case Role::l: return "L";
    case Role::table: return "TBody";
    case Role::p: case Role::h: case Role::lbl: case Role::link: case Role::reference: case Role::caption:
    case Role::code: case Role::td: case Role::th: case Role::figure: return "Span";
    default: return "Div";
    }
}

HPDF_Dict indirect(Haru& haru) {
    HPDF_Doc doc = haru.get();
    HPDF_Dict d = haru.checked(what, HPDF_Dict_New(doc->mmgr));
    haru.check(what, HPDF_Xref_Add(doc->xref, d) == HPDF_OK);
    return d;
}

HPDF_Array array(Haru& haru) { return haru.checked(what, HPDF_Array_New(haru.get()->mmgr)); }

void add(Haru& haru, HPDF_Array a, void* obj) { haru.check(what, obj && HPDF_Array_Add(a, obj) == HPDF_OK); }
void add(Haru& haru, HPDF_Dict d, const char* key, void* obj) { haru.check(what, obj && HPDF_Dict_Add(d, key, obj) == HPDF_OK); }
void name(Haru& haru, HPDF_Dict d, const char* key, const char* value) { haru.check(what, HPDF_Dict_AddName(d, key, value) == HPDF_OK); }
void number(Haru& haru, HPDF_Dict d, const char* key, std::size_t n) {
    haru.check(what, HPDF_Dict_AddNumber(d, key, static_cast<HPDF_INT32>(n)) == HPDF_OK);
}

// A number tree (/Nums) or name tree (/Names) of count entries in key order: one dict when
// they fit in a leaf, else leaves with /Limits under the root's /Kids. key(i) and value(i)
// make new objects (a key is written twice when it bounds a leaf).
template <typename Key, typename Value>
HPDF_Dict tree(Haru& haru, const char* entries, std::size_t count, Key key, Value value) {
    const std::size_t leaf = std::max(Tags::leaf_keys, (count + Tags::max_array - 1) / Tags::max_array);
    auto fill = [&](HPDF_Dict d, std::size_t from, std::size_t to) {
        HPDF_Array a = array(haru);
        add(haru, d, entries, a);
        for (std::size_t i = from; i < to; ++i) add(haru, a, key(i)), add(haru, a, value(i));
    };
    HPDF_Dict root = indirect(haru);
    if (count <= leaf) {
        fill(root, 0, count);
        return root;
    }
    HPDF_Array kids = array(haru);
    add(haru, root, "Kids", kids);
    for (std::size_t from = 0; from < count; from += leaf) {
        const std::size_t to = std::min(count, from + leaf);
        HPDF_Dict d = indirect(haru);
        add(haru, kids, d);
        HPDF_Array limits = array(haru);
        add(haru, d, "Limits", limits);
        add(haru, limits, key(from)), add(haru, limits, key(to - 1));
        fill(d, from, to);
    }
    return root;
}

}  // namespace

HPDF_Dict Tags::element_dict(Haru& haru, int index) {
    const compose::Element& e = s_.elements[static_cast<std::size_t>(index)];
    HPDF_Dict d = indirect(haru);
    name(haru, d, "S", type(index).c_str());
    HPDF_MMgr mmgr = haru.get()->mmgr;
    if (e.role == compose::Role::l && numbering_name(e.numbering)) {
        HPDF_Dict a = haru.checked(what, HPDF_Dict_New(mmgr));
        add(haru, d, "A", a);
        name(haru, a, "O", "List");
        name(haru, a, "ListNumbering", numbering_name(e.numbering));
    }
    if (e.role == compose::Role::th) {
        HPDF_Dict a = haru.checked(what, HPDF_Dict_New(mmgr));
        add(haru, d, "A", a);
        name(haru, a, "O", "Table");
        name(haru, a, "Scope", e.scope == compose::Scope::row ? "Row" : "Column");
    }
    if (e.role == compose::Role::figure && !e.alt.empty()) add_text(haru, d, "Alt", e.alt);
    if (e.role == compose::Role::note && e.note > 0) {
        const std::string id = "note-" + std::to_string(e.note);
        if (std::none_of(ids_.begin(), ids_.end(), [&](const auto& i) { return i.first == id; })) {  // IDs are unique
            add(haru, d, "ID", HPDF_String_New(mmgr, id.c_str(), nullptr));
            ids_.emplace_back(id, d);
        }
    }
    return d;
}

void Tags::write_kids(Haru& haru, HPDF_Dict node, std::vector<Kid> kids, const char* group, const std::vector<HPDF_Page>& pages) {
    if (kids.size() > max_array) {
        std::vector<Kid> groups;
        for (std::size_t from = 0; from < kids.size(); from += max_array) {
            HPDF_Dict g = indirect(haru);
            name(haru, g, "S", group);
            const auto to = kids.begin() + static_cast<std::ptrdiff_t>(std::min(kids.size(), from + max_array));
            write_kids(haru, g, std::vector<Kid>(kids.begin() + static_cast<std::ptrdiff_t>(from), to), group, pages);
            groups.push_back({-1, g, nullptr});
        }
        write_kids(haru, node, std::move(groups), group, pages);
        return;
    }
    if (kids.empty()) return;
    HPDF_MMgr mmgr = haru.get()->mmgr;
    const auto first = std::find_if(kids.begin(), kids.end(), [](const Kid& k) { return k.item != nullptr; });
    const std::size_t pg = first == kids.end() ? 0 : first->item->page;
    if (first != kids.end()) add(haru, node, "Pg", pages[pg]);
    HPDF_Array k = array(haru);
    add(haru, node, "K", k);
    for (const Kid& kid : kids) {
        if (kid.item == nullptr) {
            HPDF_Dict child = kid.node ? kid.node : dicts_[static_cast<std::size_t>(kid.element)];
            add(haru, k, child);
            add(haru, child, "P", node);
            continue;
        }
        const Item& i = *kid.item;
        if (i.mcid >= 0) {
            mcid_parents_[i.page][static_cast<std::size_t>(i.mcid)] = node;
            if (i.page == pg) {
                haru.check(what, HPDF_Array_AddNumber(k, i.mcid) == HPDF_OK);
                continue;
            }
            HPDF_Dict mcr = haru.checked(what, HPDF_Dict_New(mmgr));
            add(haru, k, mcr);
            name(haru, mcr, "Type", "MCR");
            add(haru, mcr, "Pg", pages[i.page]);
            number(haru, mcr, "MCID", static_cast<std::size_t>(i.mcid));
        } else {
            const Annot& a = annots_[static_cast<std::size_t>(i.annot)];
            annot_parents_[static_cast<std::size_t>(i.annot)] = node;
            HPDF_Dict objr = haru.checked(what, HPDF_Dict_New(mmgr));
            add(haru, k, objr);
            name(haru, objr, "Type", "OBJR");
            add(haru, objr, "Obj", a.annot);
            add(haru, objr, "Pg", pages[a.page]);
        }
    }
}

void Tags::write(Haru& haru, const std::vector<HPDF_Page>& pages) {
    HPDF_Doc doc = haru.get();
    const std::size_t n = s_.elements.size();
    // Each element's kids: child elements and its content, by order; a child before content of
    // the same order, content of one order as drawn.
    auto parent = [&](std::size_t e) {
        const int p = s_.elements[e].parent;
        return p >= 0 && static_cast<std::size_t>(p) < e ? static_cast<std::size_t>(p) : 0;  // a stray one: the Document's
    };
    std::vector<bool> live(n, false);
    for (std::size_t e = n; e-- > 1;) {
        live[e] = live[e] || !items_[e].empty();
        if (live[e]) live[parent(e)] = true;
    }
    if (n > 0) live[0] = true;
    // A table keeps its empty rows and cells: a cell's column is its place among its row's kids.
    for (std::size_t e = 1; e < n; ++e) {
        const compose::Role r = s_.elements[e].role;
        if ((r == compose::Role::tr || r == compose::Role::th || r == compose::Role::td) && live[parent(e)]) live[e] = true;
    }
    using Sorted = std::tuple<int, int, std::size_t, Kid>;
    std::vector<std::vector<Sorted>> sorted(n);
    for (std::size_t e = 1; e < n; ++e)
        if (live[e]) sorted[parent(e)].emplace_back(s_.elements[e].order, 0, 0, Kid{static_cast<int>(e), nullptr, nullptr});
    for (std::size_t e = 0; e < n; ++e)
        for (const Item& i : items_[e]) sorted[e].emplace_back(i.order, 1, i.seq, Kid{-1, nullptr, &i});

    mcid_parents_.assign(mcids_.size(), {});
    for (std::size_t p = 0; p < mcids_.size(); ++p) mcid_parents_[p].assign(mcids_[p], nullptr);
    annot_parents_.assign(annots_.size(), nullptr);
    dicts_.assign(n, nullptr);
    for (std::size_t e = 0; e < n; ++e)
        if (live[e]) dicts_[e] = element_dict(haru, static_cast<int>(e));
    if (n == 0) {  // no structure: a Document with nothing in it
        dicts_.push_back(indirect(haru));
        name(haru, dicts_[0], "S", "Document");
    }
    for (std::size_t e = 0; e < n; ++e) {
        if (!live[e]) continue;
        std::stable_sort(sorted[e].begin(), sorted[e].end(), [](const Sorted& a, const Sorted& b) {
            return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
        });
        std::vector<Kid> kids;
        kids.reserve(sorted[e].size());
        for (const Sorted& s : sorted[e]) kids.push_back(std::get<3>(s));
        write_kids(haru, dicts_[e], std::move(kids), group_type(s_.elements[e].role), pages);
    }

    HPDF_Dict root = indirect(haru);
    name(haru, root, "Type", "StructTreeRoot");
    add(haru, root, "K", dicts_[0]);
    add(haru, dicts_[0], "P", root);
    add(haru, root, "ParentTree", parent_tree(haru));
    number(haru, root, "ParentTreeNextKey", pages.size() + annots_.size());
    if (!ids_.empty()) add(haru, root, "IDTree", id_tree(haru));
    add(haru, doc->catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = haru.checked(what, HPDF_Dict_New(doc->mmgr));
    add(haru, doc->catalog, "MarkInfo", mark_info);
    haru.check(what, HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE) == HPDF_OK);
    for (std::size_t p = 0; p < pages.size(); ++p) {
        number(haru, pages[p], "StructParents", p);
        if (HPDF_Dict_GetItem(pages[p], "Annots", HPDF_OCLASS_ARRAY)) name(haru, pages[p], "Tabs", "S");
    }
}

HPDF_Dict Tags::parent_tree(Haru& haru) {
    HPDF_MMgr mmgr = haru.get()->mmgr;
    const std::size_t pages = mcids_.size();
    return tree(
        haru, "Nums", pages + annots_.size(), [&](std::size_t i) { return HPDF_Number_New(mmgr, static_cast<HPDF_INT32>(i)); },
        [&](std::size_t i) -> void* {
            if (i >= pages) return annot_parents_[i - pages];
            HPDF_Array a = array(haru);
            for (HPDF_Dict d : mcid_parents_[i]) add(haru, a, d);
            return a;
        });
}

HPDF_Dict Tags::id_tree(Haru& haru) {
    std::sort(ids_.begin(), ids_.end(), [](const auto& a, const auto& b) { return a.first < b.first; });  // byte order
    HPDF_MMgr mmgr = haru.get()->mmgr;
    return tree(
        haru, "Names", ids_.size(), [&](std::size_t i) { return HPDF_String_New(mmgr, ids_[i].first.c_str(), nullptr); },
        [&](std::size_t i) { return ids_[i].second; });
}

}  // namespace zapros::output
