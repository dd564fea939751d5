#pragma once
// Inside output/: the tagged PDF (PDF/UA-1; ISO 32000-1 §14.6–14.8). The writer feeds it while it
// draws each page: every run, image and rule block gets the marked-content sequence its Tag
// says (an MCID sequence named by its element's type, or an artifact), and it records which
// element each MCID belongs to. Once every page and annotation exists, write() builds the
// structure tree from compose::Structure: tags.cpp marks, struct_tree.cpp writes.
#include <hpdf.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/tag.hpp"
#include "compose/structure.hpp"

namespace zapros::output {

class Haru;

class Tags {
public:
    // libharu's arrays take at most 8191 elements (embed.cpp): the MCIDs of one page (its
    // ParentTree array), the kids of one element, an IDTree or ParentTree leaf.
    static constexpr std::size_t max_array = 8191;
    // A ParentTree or IDTree leaf holds at most this many keys; more go into /Kids with /Limits.
    static constexpr std::size_t leaf_keys = 512;

    Tags(const compose::Structure& structure, std::size_t pages);

    // Drawing page `page` (in order, from 0) begins: its MCIDs count from 0.
    void start_page(std::size_t page);
    // Makes the open marked-content sequence of ops the one of `tag`: nothing when it is open
    // already, else ends the open one and begins the new one. Content of no element that is no
    // artifact either (untagged) becomes an /Artifact BMC; so does content past a page's
    // max_array MCIDs.
    void mark(std::string& ops, const Tag& tag);
    // Ends the open sequence, if any (before ET, and at the end of the page).
    void close(std::string& ops);
    // The rules of a page as one layout artifact around `body`.
    static void layout(std::string& ops, std::string_view body);

    // A link annotation on page `page`, created after every page was drawn: its Link element
    // (tag) gets an OBJR to it, and it gets /StructParent and /Contents (the element's contents,
    // else `fallback`: the URL or "Note N").
    void annotation(HPDF_Annotation annot, std::size_t page, const Tag& tag, std::string_view fallback, Haru& haru);

    // The structure tree, /StructParents and /Tabs on the pages, /MarkInfo (struct_tree.cpp).
    void write(Haru& haru, const std::vector<HPDF_Page>& pages);

    // What the /ID depends on besides the content streams (which hold the MCIDs and type names):
    // the elements, their attributes and the annotations' places in the tree.
    std::string fingerprint() const;

private:
    // A piece of an element's content: an MCID on a page, or an annotation (an OBJR).
    struct Item {
        int order = 0;     // Tag::order
        std::size_t seq = 0;  // drawing order, over the whole document
        std::size_t page = 0;
        int mcid = -1;     // or -1 and
        int annot = -1;    // the annotation's index in annots_
    };
    // Kids of a node in the written tree (struct_tree.cpp).
    struct Kid {
        int element = -1;         // an element's index, or
        HPDF_Dict node = nullptr;  // a node of its own (a group of kids past max_array), or
        const Item* item = nullptr;  // content
    };

    // A text string (UTF-16BE after its byte order mark) cut at a character to a string's
    // 32,767 bytes; added to dict under key.
    static std::string text(std::string_view utf8);
    static void add_text(Haru& haru, HPDF_Dict dict, const char* key, std::string_view utf8);

    bool valid(const Tag& tag) const;
    std::string type(int element) const;  // its /S: "P", "H2"…
    void open(std::string& ops, const Tag& tag);

    // struct_tree.cpp
    HPDF_Dict element_dict(Haru& haru, int e);
    void write_kids(Haru& haru, HPDF_Dict node, std::vector<Kid> kids, const char* group, const std::vector<HPDF_Page>& pages);
    HPDF_Dict parent_tree(Haru& haru);
    HPDF_Dict id_tree(Haru& haru);

    const compose::Structure& s_;
    std::vector<std::vector<Item>> items_;  // by element
    std::vector<std::size_t> mcids_;        // by page: how many it has
    std::size_t page_ = 0;
    std::size_t seq_ = 0;
    std::optional<Tag> open_;  // the sequence open in the page's content
    struct Annot {
        HPDF_Annotation annot;
        std::size_t page;
    };
    std::vector<Annot> annots_;  // the tagged ones, by /StructParent − pages
    // Filled by write(): the node holding each MCID (by page) and each annotation's OBJR.
    std::vector<std::vector<HPDF_Dict>> mcid_parents_;
    std::vector<HPDF_Dict> annot_parents_;
    std::vector<HPDF_Dict> dicts_;  // by element; nullptr: left out (no content anywhere)
    std::vector<std::pair<std::string, HPDF_Dict>> ids_;  // the Notes' /ID
};

}  // namespace zapros::output
