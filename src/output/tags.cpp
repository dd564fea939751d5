// Marked content (ISO 32000-1 §14.6): each run of content of one element (and one place among
// its kids, Tag::order) is one MCID sequence named by the element's type, "/P <</MCID 3>> BDC …
// EMC"; page numbers and rules are artifacts. The writer keeps BT…ET and q…Q outside or whole
// inside a sequence: it closes the open one before ET (research note §3 "Content").
#include "output/tags.hpp"

#include <hpdf_objects.h>

#include "base/utf8.hpp"
#include "output/haru.hpp"
#include "output/internals.hpp"

namespace zapros::output {

Tags::Tags(const compose::Structure& structure, std::size_t pages)
    : s_(structure), items_(structure.elements.size()), mcids_(pages, 0) {}

bool Tags::valid(const Tag& tag) const {
    return tag.is_content() && static_cast<std::size_t>(tag.element) < s_.elements.size();
}

std::string Tags::type(int element) const {
    const compose::Element& e = s_.elements[static_cast<std::size_t>(element)];
    if (e.role != compose::Role::h) return compose::role_name(e.role);
    return "H" + std::to_string(e.level < 1 ? 1 : e.level > 6 ? 6 : e.level);  // H1 when unset
}

void Tags::start_page(std::size_t page) {
    page_ = page;
    open_.reset();
}

void Tags::mark(std::string& ops, const Tag& tag) {
    Tag t = tag;
    if (!valid(t)) t = Tag{-1, 0, tag.artifact};  // an artifact, or untagged
    else if (mcids_[page_] >= max_array) t = Tag{};  // past the page's MCIDs: untagged
    if (open_ && *open_ == t) return;
    close(ops);
    open(ops, t);
}

void Tags::open(std::string& ops, const Tag& tag) {
    open_ = tag;
    if (valid(tag)) {
        const int mcid = static_cast<int>(mcids_[page_]++);
        items_[static_cast<std::size_t>(tag.element)].push_back({tag.order, seq_++, page_, mcid, -1});
        ops += '/' + type(tag.element) + " <</MCID " + std::to_string(mcid) + ">> BDC\n";
    } else if (tag.artifact == Tag::Artifact::pagination) {
        ops += "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    } else if (tag.artifact == Tag::Artifact::layout) {
        ops += "/Artifact <</Type /Layout>> BDC\n";
    } else {
        ops += "/Artifact BMC\n";
    }
}

void Tags::close(std::string& ops) {
    if (open_) ops += "EMC\n";
    open_.reset();
}

void Tags::layout(std::string& ops, std::string_view body) {
    if (body.empty()) return;
    ops += "/Artifact <</Type /Layout>> BDC\n";
    ops += body;
    ops += "EMC\n";
}

std::string Tags::text(std::string_view utf8) { return internals::text_string(utf8, internals::max_string_bytes); }

void Tags::add_text(Haru& haru, HPDF_Dict dict, const char* key, std::string_view utf8) {
    std::string utf16 = text(utf8);
    HPDF_Binary b = HPDF_Binary_New(dict->mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()), static_cast<HPDF_UINT>(utf16.size()));
    haru.check("writing the structure tree", b && HPDF_Dict_Add(dict, key, b) == HPDF_OK);
}

void Tags::annotation(HPDF_Annotation annot, std::size_t page, const Tag& tag, std::string_view fallback, Haru& haru) {
    const compose::Element* e = valid(tag) ? &s_.elements[static_cast<std::size_t>(tag.element)] : nullptr;
    add_text(haru, annot, "Contents", e && !e->contents.empty() ? std::string_view(e->contents) : fallback);
    if (!e) return;
    const int index = static_cast<int>(annots_.size());
    annots_.push_back({annot, page});
    items_[static_cast<std::size_t>(tag.element)].push_back({tag.order, seq_++, page, -1, index});
    haru.check("tagging a link", HPDF_Dict_AddNumber(annot, "StructParent", static_cast<HPDF_INT32>(mcids_.size()) + index) == HPDF_OK);
}

std::string Tags::fingerprint() const {
    std::string out = "structure\n";
    for (const compose::Element& e : s_.elements) {
        out += std::to_string(static_cast<int>(e.role)) + ' ' + std::to_string(e.parent) + ' ' + std::to_string(e.order) + ' ' +
               std::to_string(e.level) + ' ' + std::to_string(e.note) + ' ' + std::to_string(static_cast<int>(e.numbering)) + ' ' +
               std::to_string(static_cast<int>(e.scope)) + ' ' + std::to_string(e.alt.size()) + ':' + e.alt + ' ' +
               std::to_string(e.contents.size()) + ':' + e.contents + '\n';
    }
    for (std::size_t e = 0; e < items_.size(); ++e)
        for (const Item& i : items_[e])
            if (i.annot >= 0) out += "annot " + std::to_string(i.annot) + " of " + std::to_string(e) + ' ' + std::to_string(i.order) + '\n';
    return out;
}

}  // namespace zapros::output
