#include "output/internals.hpp"

#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "base/utf8.hpp"

static_assert(HPDF_VERSION_ID == 20300, "output/internals.cpp reads libharu 2.3.0's internal structures");

namespace zapros::output::internals {

HPDF_STATUS write_content(HPDF_Page page, std::string_view operators) {
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    return HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(operators.data()),
                             static_cast<HPDF_UINT>(operators.size()));
}

HPDF_STATUS set_info(HPDF_Doc doc, const char* key, std::string_view utf8) {
    std::string utf16 = "\xFE\xFF";
    auto unit = [&utf16](std::uint32_t u) {
        utf16 += static_cast<char>(u >> 8);
        utf16 += static_cast<char>(u & 0xFF);
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = utf8::next(utf8, i);
        if (c < 0x10000) {
            unit(c);
        } else {
            unit(0xD800 + ((c - 0x10000) >> 10));
            unit(0xDC00 + ((c - 0x10000) & 0x3FF));
        }
    }
    if (!doc->info) {  // libharu's GetInfo, which is not exported
        doc->info = HPDF_Dict_New(doc->mmgr);
        if (!doc->info || HPDF_Xref_Add(doc->xref, doc->info) != HPDF_OK) return HPDF_Error_GetCode(doc->mmgr->error);
        if (HPDF_Dict_Add(doc->trailer, "Info", doc->info) != HPDF_OK) return HPDF_Error_GetCode(doc->mmgr->error);
    }
    HPDF_Binary text = HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()), static_cast<HPDF_UINT>(utf16.size()));
    if (!text) return HPDF_Error_GetCode(doc->mmgr->error);
    return HPDF_Dict_Add(doc->info, key, text);
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

Md5::Md5() : state_(std::make_unique<State>()) { HPDF_MD5Init(&state_->ctx); }
Md5::~Md5() = default;

void Md5::update(std::string_view data) {
    HPDF_MD5Update(&state_->ctx, reinterpret_cast<const HPDF_BYTE*>(data.data()), static_cast<HPDF_UINT32>(data.size()));
}

void Md5::digest(unsigned char (&out)[16]) { HPDF_MD5Final(out, &state_->ctx); }

}  // namespace zapros::output::internals

// libharu calls deflateInit(…, Z_DEFAULT_COMPRESSION) with no way to choose; this definition in
// our binary takes precedence over zlib's for libharu's calls (dynamic symbol interposition) and
// sets level 3. The Russian model request's 109 KB of streams (bench/stages_bench BM_Deflate,
// one run): level 1 1.45 ms → 50,394 B; 3 2.07 ms → 48,661 B; 6 (zlib's default) 3.90 ms →
// 46,239 B; 9 6.47 ms → 45,928 B. Level 3 keeps most of level 1's speed for 5.2 % more bytes
// than level 6, and saves a tenth of a letter's time.
extern "C" int deflateInit_(z_streamp strm, int /*level*/, const char* version, int stream_size) {
    return deflateInit2_(strm, zapros::output::internals::zlib_level, Z_DEFLATED, MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

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
