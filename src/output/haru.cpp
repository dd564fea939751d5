#include "output/haru.hpp"

#include <cstdio>
#include <vector>

namespace zapros::output {

Haru::Haru() {
    doc_ = HPDF_New(&Haru::on_error, this);
    if (!doc_) throw OutputError("libharu: cannot create a document (out of memory)");
}

Haru::~Haru() {
    if (doc_) HPDF_Free(doc_);
}

void Haru::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* self) {
    auto* h = static_cast<Haru*>(self);
    if (h->error_ == 0) {
        h->error_ = error;
        h->detail_ = detail;
    }
}

void Haru::check(const char* what, bool ok) {
    // Some failures only set the document's error without calling the handler (an array past its
    // limit): read it too, or the save fails later with a useless 0x1025.
    if (error_ == 0 && HPDF_GetError(doc_) != HPDF_OK) {
        error_ = HPDF_GetError(doc_);
        detail_ = HPDF_GetErrorDetail(doc_);
    }
    if (error_ == 0 && ok) return;
    char code[64];
    std::snprintf(code, sizeof code, "libharu error 0x%04X, detail %u", static_cast<unsigned>(error_),
                  static_cast<unsigned>(detail_));
    const std::string message = std::string(what) + ": " + (error_ ? code : "failed without an error code");
    error_ = detail_ = 0;
    HPDF_ResetError(doc_);
    throw OutputError(message);
}

std::string Haru::save() {
    HPDF_SaveToStream(doc_);
    check("saving the PDF");
    const HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
    std::string out;
    out.resize(size);
    HPDF_UINT32 done = 0;
    while (done < size) {
        HPDF_UINT32 n = size - done;
        const HPDF_STATUS st = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data() + done), &n);
        done += n;
        if (st == HPDF_STREAM_EOF || n == 0) break;
        check("reading the PDF back");
    }
    error_ = detail_ = 0;  // HPDF_STREAM_EOF is reported as an error at the end
    HPDF_ResetError(doc_);
    if (done != size) throw OutputError("libharu returned " + std::to_string(done) + " of " + std::to_string(size) + " bytes");
    return out;
}

}  // namespace zapros::output
