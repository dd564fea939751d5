#pragma once
// Inside output/: the few things libharu 2.3.0 has no public API for, done through its internal
// structures. All of them live in internals.cpp, pinned to that version.
#include <hpdf.h>

#include <string_view>

namespace zapros::output::internals {

// Appends PDF operators to a page's content stream (for TJ: kerned text; 2.3.0 has no TJ call).
HPDF_STATUS write_content(HPDF_Page page, std::string_view operators);

// Replaces the font's ToUnicode CMap, which libharu writes with the illegal 'begincidrange'
// (poppler warns), by a valid identity map: codes are UCS-2 code points.
HPDF_STATUS fix_to_unicode(HPDF_Doc doc, HPDF_Font font);

// A destination [page /XYZ left top null]: keeps the reader's zoom, which SetXYZ cannot.
HPDF_Destination xyz_destination(HPDF_Doc doc, HPDF_Page page, HPDF_REAL left, HPDF_REAL top);

// Sets the trailer's /ID to [<id> <id>] (16 bytes), which libharu 2.3.0 only writes from the
// clock, for encryption or PDF/A.
HPDF_STATUS set_document_id(HPDF_Doc doc, const unsigned char (&id)[16]);

// MD5 (libharu's own, as PDF uses it for /ID), fed piece by piece.
class Md5 {
public:
    Md5();
    ~Md5();
    void update(std::string_view data);
    void digest(unsigned char (&out)[16]);

private:
    struct State;
    State* state_;
};

}  // namespace zapros::output::internals
