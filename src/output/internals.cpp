#include "output/internals.hpp"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <libdeflate.h>

#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "base/utf8.hpp"

static_assert(HPDF_VERSION_ID == 20300, "output/internals.cpp reads libharu 2.3.0's internal structures");

namespace zapros::output::internals {

// The Russian model request's 8 streams, 109 KB (bench/stages_bench BM_Deflate and BM_Zlib,
// medians of 5 in one run): libdeflate level 1 0.76 ms → 49,689 B; 4 1.49 ms → 48,018 B;
// 6 1.86 ms → 47,044 B; 9 3.41 ms → 46,478 B. zlib, which libharu uses: level 1 1.96 ms →
// 50,994 B; 3 2.45 ms → 49,513 B; 6 (its default) 4.12 ms → 47,217 B. Level 1 is a third of
// zlib 3's time for 0.4 % more bytes, and 6 % more than the smallest: a letter is not worth
// more time for that.
Deflater::Deflater() : compressor_(libdeflate_alloc_compressor(level)) {
    if (!compressor_) throw std::bad_alloc();
}

Deflater::~Deflater() { libdeflate_free_compressor(compressor_); }

std::string Deflater::compress(std::string_view bytes) {
    std::string out(libdeflate_zlib_compress_bound(compressor_, bytes.size()), '\0');
    const std::size_t size = libdeflate_zlib_compress(compressor_, bytes.data(), bytes.size(), out.data(), out.size());
    out.resize(size);  // never 0: the buffer has the bound's room
    return out;
}

namespace {

// libharu writes /Filter only for the filters it applies itself (it removes any other); these
// add it to the dictionary of a stream encoded beforehand, among the entries it writes.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }
HPDF_STATUS write_dct_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /DCTDecode\012"); }

}  // namespace

HPDF_STATUS write_encoded(HPDF_Dict stream, std::string_view bytes, Filter filter) {
    stream->filter = HPDF_STREAM_FILTER_NONE;  // copied as it is at save
    stream->write_fn = filter == Filter::dct ? write_dct_filter : write_flate_filter;
    return HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                             static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_STATUS write_deflated(HPDF_Dict stream, std::string_view bytes, Deflater& deflater) {
    return write_encoded(stream, deflater.compress(bytes), Filter::flate);
}

HPDF_STATUS xobject_resource(HPDF_Page page, const char* name, HPDF_Dict xobject) {
    // As libharu's HPDF_Page_GetXObjectName, but under our name: it numbers a page's XObjects
    // per page ("X1" on each), and the names are to be the document's.
    HPDF_PageAttr attr = static_cast<HPDF_PageAttr>(page->attr);
    if (!attr->xobjects) {
        HPDF_Dict resources = static_cast<HPDF_Dict>(HPDF_Page_GetInheritableItem(page, "Resources", HPDF_OCLASS_DICT));
        if (!resources) return HPDF_Error_GetCode(page->error);
        HPDF_Dict xobjects = HPDF_Dict_New(page->mmgr);
        if (!xobjects) return HPDF_Error_GetCode(page->error);
        if (const HPDF_STATUS st = HPDF_Dict_Add(resources, "XObject", xobjects); st != HPDF_OK) return st;
        attr->xobjects = xobjects;
    }
    if (HPDF_Dict_GetKeyByObj(attr->xobjects, xobject)) return HPDF_OK;
    return HPDF_Dict_Add(attr->xobjects, name, xobject);
}

void require_version(HPDF_Doc doc, HPDF_PDFVer version) {
    if (doc->pdf_version < version) doc->pdf_version = version;
}

std::uint32_t crc32(std::string_view bytes) { return libdeflate_crc32(0, bytes.data(), bytes.size()); }

HPDF_STATUS set_content(HPDF_Page page, std::string_view operators, Deflater& deflater) {
    return write_deflated(static_cast<HPDF_PageAttr>(page->attr)->contents, operators, deflater);
}

std::string text_string(std::string_view utf8) { return text_string(utf8, std::string::npos); }

std::string text_string(std::string_view utf8, std::size_t max_bytes) {
    std::string utf16 = "\xFE\xFF";
    char16_t units[2];
    for (std::size_t i = 0; i < utf8.size();) {
        const int n = utf8::utf16(utf8::next(utf8, i), units);
        if (utf16.size() + 2 * static_cast<std::size_t>(n) > max_bytes) break;  // a whole character or none
        for (int k = 0; k < n; ++k) {
            utf16 += static_cast<char>(units[k] >> 8);
            utf16 += static_cast<char>(units[k] & 0xFF);
        }
    }
    return utf16;
}

HPDF_STATUS set_info(HPDF_Doc doc, const char* key, std::string_view utf8) {
    std::string utf16 = text_string(utf8);
    if (!doc->info) {  // libharu's GetInfo, which is not exported
        doc->info = HPDF_Dict_New(doc->mmgr);
        if (!doc->info || HPDF_Xref_Add(doc->xref, doc->info) != HPDF_OK) return HPDF_Error_GetCode(doc->mmgr->error);
        if (HPDF_Dict_Add(doc->trailer, "Info", doc->info) != HPDF_OK) return HPDF_Error_GetCode(doc->mmgr->error);
    }
    HPDF_Binary text = HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()), static_cast<HPDF_UINT>(utf16.size()));
    if (!text) return HPDF_Error_GetCode(doc->mmgr->error);
    return HPDF_Dict_Add(doc->info, key, text);
}

HPDF_Dict uri_action(HPDF_Doc doc, const char* uri) {
    // As libharu's URILinkAnnot_New builds it, but added to the cross-reference table: an
    // indirect object, which every annotation holding it refers to instead of copying.
    HPDF_Dict action = HPDF_Dict_New(doc->mmgr);
    if (!action || HPDF_Xref_Add(doc->xref, action) != HPDF_OK) return nullptr;
    HPDF_String target = HPDF_String_New(doc->mmgr, uri, nullptr);
    if (!target || HPDF_Dict_AddName(action, "Type", "Action") != HPDF_OK ||
        HPDF_Dict_AddName(action, "S", "URI") != HPDF_OK || HPDF_Dict_Add(action, "URI", target) != HPDF_OK)
        return nullptr;
    return action;
}

HPDF_STATUS set_action(HPDF_Annotation annot, HPDF_Dict action) {
    return HPDF_Dict_Add(annot, "A", action);  // frees the action libharu made, refers to this one
}

HPDF_STATUS set_print_flag(HPDF_Annotation annot) { return HPDF_Dict_AddNumber(annot, "F", 4); }

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

Md5::Md5() : state_(std::make_unique<State>()) { HPDF_MD5Init(&state_->ctx); }
Md5::~Md5() = default;

void Md5::update(std::string_view data) {
    HPDF_MD5Update(&state_->ctx, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT32>(data.size()));
}

void Md5::digest(unsigned char (&out)[16]) { HPDF_MD5Final(out, &state_->ctx); }

}  // namespace zapros::output::internals

// libharu copies and clears memory a byte at a time (HPDF_MemCpy, HPDF_MemSet in hpdf_utils.c),
// for every byte its memory streams take in and give out: a seventh of a letter's instructions.
// Its own calls go through the PLT, so these definitions in our binary take their place, with
// the same results (the end of the destination) done by the C library.
extern "C" HPDF_BYTE* HPDF_MemCpy(HPDF_BYTE* out, const HPDF_BYTE* in, HPDF_UINT n) {
    if (n != 0) std::memmove(out, in, n);
    return out + n;
}

extern "C" void* HPDF_MemSet(void* s, HPDF_BYTE c, HPDF_UINT n) {
    if (n != 0) std::memset(s, c, n);
    return static_cast<HPDF_BYTE*>(s) + n;
}
