// Fonts as PDF objects, built with libharu's object layer instead of HPDF_GetFont.
//
// HPDF_GetFont walks all 65,536 codes with a linear character-map scan for each (milliseconds
// per face), writes a 128 KB CIDToGIDMap and a width array for every code the font maps,
// embeds every table but glyf whole, and a ToUnicode map with an illegal operator
// (shared/notes/libharu-2.3.0.md §1, §9). Here a face the document uses becomes, from the
// subset text/ cut (text::Subset): a Type 0 font with Identity-H encoding over a CIDFontType2
// whose character ids are glyph ids (CIDToGIDMap /Identity, PDF 1.7 §9.7.4.2), a /W array of
// the drawn glyphs only, a font descriptor, the subset program as FontFile2, and a ToUnicode
// map from each drawn glyph to its character, for copying and searching.
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>

#include "base/hash.hpp"
#include "base/utf8.hpp"
#include "output/internals.hpp"

static_assert(HPDF_VERSION_ID == 20300, "output/embed.cpp builds objects with libharu 2.3.0's internal API");

namespace zapros::output::internals {

namespace {

// libharu's arrays take at most 8191 elements (HPDF_LIMIT_MAX_ARRAY).
constexpr std::size_t max_array = 8191;

// Six capital letters naming the subset (PDF 1.7 §9.6.4: "EOODIA+Poetica"), derived from the
// glyphs it holds and their widths, so that the same document always gives the same name and
// different subsets of one font differ.
std::string subset_tag(const text::Subset& s) {
    Fnv1a fnv;
    auto mix = [&fnv](std::uint64_t v) {
        for (int k = 0; k < 8; ++k) fnv.add(static_cast<unsigned char>(v >> (8 * k)));
    };
    for (char c : s.postscript_name) mix(static_cast<unsigned char>(c));
    for (const auto& [glyph, width] : s.widths) mix(glyph);
    // Symbola's subsets for the serif faces and for the monospaced one may hold the same glyphs
    // with different widths (fonts.cpp): two fonts, two names.
    for (const auto& [glyph, width] : s.widths) mix(static_cast<std::uint64_t>(width));
    std::uint64_t h = fnv.value;
    std::string tag(6, 'A');
    for (char& c : tag) {
        c = static_cast<char>('A' + h % 26);
        h /= 26;
    }
    return tag;
}

// The ToUnicode CMap (Adobe Technical Note #5411): each drawn glyph to the character it draws
// (the first, when one glyph draws several, as the space draws U+0020 and U+00A0), in UTF-16BE
// as the CMap's destination strings are (PDF 1.7 §9.10.3). Glyph 0 (.notdef) is never drawn
// (text/subset.cpp): a character no font has is a placeholder glyph whose /ActualText gives
// the character back (pdf.cpp).
std::string to_unicode(const text::Subset& s) {
    std::vector<std::pair<std::uint16_t, char32_t>> map;  // glyph → character, by glyph, then character
    for (const auto& [c, g] : s.glyphs) map.emplace_back(g, c);
    std::sort(map.begin(), map.end());
    map.erase(std::unique(map.begin(), map.end(), [](const auto& a, const auto& b) { return a.first == b.first; }), map.end());
    std::string out =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    char line[32];
    for (std::size_t i = 0; i < map.size(); i += 100) {  // at most 100 entries a block
        const std::size_t n = std::min<std::size_t>(100, map.size() - i);
        std::snprintf(line, sizeof line, "%zu beginbfchar\n", n);
        out += line;
        for (std::size_t k = i; k < i + n; ++k) {
            char16_t units[2];
            const int count = utf8::utf16(map[k].second, units);
            std::snprintf(line, sizeof line, "<%04X> <%04X", map[k].first, static_cast<unsigned>(units[0]));
            out += line;
            if (count == 2) {  // a surrogate pair
                std::snprintf(line, sizeof line, "%04X", static_cast<unsigned>(units[1]));
                out += line;
            }
            out += ">\n";
        }
        out += "endbfchar\n";
    }
    out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return out;
}

// Builds the objects; a libharu failure (recorded in the document too) ends it with Failed.
class Builder {
public:
    struct Failed {};

    Builder(HPDF_Doc doc, Deflater& deflater) : doc_(doc), deflater_(deflater) {}

    HPDF_Dict font(const text::Subset& s) {
        const std::string base = subset_tag(s) + "+" + s.postscript_name;

        HPDF_Dict program = stream(s.program);
        check(HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(s.program.size())));

        HPDF_Dict descriptor = dict();
        check(HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor"));
        check(HPDF_Dict_AddName(descriptor, "FontName", base.c_str()));
        check(HPDF_Dict_AddNumber(descriptor, "Flags", s.flags));
        HPDF_Array bbox = need(HPDF_Array_New(doc_->mmgr));
        check(HPDF_Dict_Add(descriptor, "FontBBox", bbox));
        for (int v : s.bbox) check(HPDF_Array_AddNumber(bbox, v));
        check(HPDF_Dict_AddReal(descriptor, "ItalicAngle", static_cast<HPDF_REAL>(s.italic_angle)));
        check(HPDF_Dict_AddNumber(descriptor, "Ascent", s.ascent));
        check(HPDF_Dict_AddNumber(descriptor, "Descent", s.descent));
        check(HPDF_Dict_AddNumber(descriptor, "CapHeight", s.cap_height));
        check(HPDF_Dict_AddNumber(descriptor, "StemV", s.stem_v));
        check(HPDF_Dict_Add(descriptor, "FontFile2", program));

        HPDF_Dict cid = dict();
        check(HPDF_Dict_AddName(cid, "Type", "Font"));
        check(HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2"));
        check(HPDF_Dict_AddName(cid, "BaseFont", base.c_str()));
        HPDF_Dict system = need(HPDF_Dict_New(doc_->mmgr));
        check(HPDF_Dict_Add(cid, "CIDSystemInfo", system));
        check(HPDF_Dict_Add(system, "Registry", need(HPDF_String_New(doc_->mmgr, "Adobe", nullptr))));
        check(HPDF_Dict_Add(system, "Ordering", need(HPDF_String_New(doc_->mmgr, "Identity", nullptr))));
        check(HPDF_Dict_AddNumber(system, "Supplement", 0));
        check(HPDF_Dict_Add(cid, "FontDescriptor", descriptor));
        check(HPDF_Dict_Add(cid, "W", widths(s)));
        check(HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity"));

        HPDF_Dict type0 = dict();
        check(HPDF_Dict_AddName(type0, "Type", "Font"));
        check(HPDF_Dict_AddName(type0, "Subtype", "Type0"));
        check(HPDF_Dict_AddName(type0, "BaseFont", base.c_str()));
        check(HPDF_Dict_AddName(type0, "Encoding", "Identity-H"));
        HPDF_Array descendants = need(HPDF_Array_New(doc_->mmgr));
        check(HPDF_Dict_Add(type0, "DescendantFonts", descendants));
        check(HPDF_Array_Add(descendants, cid));
        check(HPDF_Dict_Add(type0, "ToUnicode", stream(to_unicode(s))));
        return type0;
    }

private:
    static void check(HPDF_STATUS status) {
        if (status != HPDF_OK) throw Failed{};
    }
    template <class T>
    static T need(T object) {
        if (!object) throw Failed{};
        return object;
    }

    // An indirect dictionary (its own numbered object, referred to from elsewhere).
    HPDF_Dict dict() {
        HPDF_Dict d = need(HPDF_Dict_New(doc_->mmgr));
        check(HPDF_Xref_Add(doc_->xref, d));  // frees d when it fails
        return d;
    }

    HPDF_Dict stream(const std::string& bytes) {
        HPDF_Dict d = need(HPDF_DictStream_New(doc_->mmgr, doc_->xref));
        check(write_deflated(d, bytes, deflater_));
        return d;
    }

    // [first [w w …] first [w …] …]: a group per run of consecutive glyph ids. A direct array
    // holds at most 8191 elements in libharu: a run is split before that, and a font with more
    // than 4095 runs drawn (no letter comes near) is refused rather than written wrong.
    HPDF_Array widths(const text::Subset& s) {
        HPDF_Array w = need(HPDF_Array_New(doc_->mmgr));
        HPDF_Array run = nullptr;
        std::uint32_t next = 0;
        for (const auto& [glyph, width] : s.widths) {
            if (!run || glyph != next || run->list->count >= max_array) {
                if (w->list->count + 2 > max_array) throw Failed{};
                check(HPDF_Array_AddNumber(w, glyph));
                run = need(HPDF_Array_New(doc_->mmgr));
                check(HPDF_Array_Add(w, run));
            }
            check(HPDF_Array_AddNumber(run, width));
            next = glyph + 1u;
        }
        return w;
    }

    HPDF_Doc doc_;
    Deflater& deflater_;
};

}  // namespace

HPDF_Dict embed_font(HPDF_Doc doc, const text::Subset& subset, Deflater& deflater) {
    try {
        return Builder(doc, deflater).font(subset);
    } catch (const Builder::Failed&) {
        return nullptr;
    }
}

const char* font_resource(HPDF_Page page, HPDF_Dict font) { return HPDF_Page_GetLocalFontName(page, font); }

}  // namespace zapros::output::internals
