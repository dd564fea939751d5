#include "output/internals.hpp"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include <cstdio>
#include <string>

static_assert(HPDF_VERSION_ID == 20300, "output/internals.cpp reads libharu 2.3.0's internal structures");

namespace zapros::output::internals {

HPDF_STATUS write_content(HPDF_Page page, std::string_view operators) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                             static_cast<HPDF_UINT>(operators.size()));
}

HPDF_STATUS fix_to_unicode(HPDF_Doc doc, HPDF_Font font) {
    HPDF_Dict cmap = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!cmap) return HPDF_Error_GetCode(doc->mmgr->error);
    cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    std::string s =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    // 248 ranges of 256 codes, each mapped to itself; the surrogate block D800–DFFF is no text.
    char line[40];
    int written = 0;
    for (int hi = 0; hi < 256; ++hi) {
        if (hi >= 0xD8 && hi <= 0xDF) continue;
        if (written % 100 == 0) {
            const int left = 248 - written;
            std::snprintf(line, sizeof line, "%d beginbfrange\n", left < 100 ? left : 100);
            s += line;
        }
        std::snprintf(line, sizeof line, "<%02X00> <%02XFF> <%02X00>\n", hi, hi, hi);
        s += line;
        ++written;
        if (written % 100 == 0 || written == 248) s += "endbfrange\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_STATUS st = HPDF_Stream_Write(cmap->stream, reinterpret_cast<const HPDF_BYTE*>(s.data()),
                                       static_cast<HPDF_UINT>(s.size()));
    if (st != HPDF_OK) return st;
    return HPDF_Dict_Add(font, "ToUnicode", cmap);
}

HPDF_Destination xyz_destination(HPDF_Doc doc, HPDF_Page page, HPDF_REAL left, HPDF_REAL top) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(page);
    if (!dst) return nullptr;
    HPDF_Array_Clear(dst);
    if (HPDF_Array_Add(dst, page) != HPDF_OK || HPDF_Array_AddName(dst, "XYZ") != HPDF_OK ||
        HPDF_Array_AddReal(dst, left) != HPDF_OK || HPDF_Array_AddReal(dst, top) != HPDF_OK ||
        HPDF_Array_Add(dst, HPDF_Null_New(doc->mmgr)) != HPDF_OK)
        return nullptr;
    return dst;
}

HPDF_STATUS set_document_id(HPDF_Doc doc, const unsigned char (&id)[16]) {
    HPDF_Array array = HPDF_Array_New(doc->mmgr);
    if (!array) return HPDF_Error_GetCode(doc->mmgr->error);
    for (int k = 0; k < 2; ++k) {
        HPDF_Binary b = HPDF_Binary_New(doc->mmgr, const_cast<HPDF_BYTE*>(id), 16);
        if (!b || HPDF_Array_Add(array, b) != HPDF_OK) return HPDF_Error_GetCode(doc->mmgr->error);
    }
    return HPDF_Dict_Add(doc->trailer, "ID", array);
}

struct Md5::State {
    HPDF_MD5_CTX ctx;
};

Md5::Md5() : state_(new State) { HPDF_MD5Init(&state_->ctx); }
Md5::~Md5() { delete state_; }

void Md5::update(std::string_view data) {
    HPDF_MD5Update(&state_->ctx, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT32>(data.size()));
}

void Md5::digest(unsigned char (&out)[16]) { HPDF_MD5Final(out, &state_->ctx); }

}  // namespace zapros::output::internals
