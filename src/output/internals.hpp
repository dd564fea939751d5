#pragma once
// Inside output/: the few things libharu 2.3.0 has no public API for, done through its internal
// structures: fonts in embed.cpp, the rest in internals.cpp, both pinned to that version.
#include <hpdf.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "image/image.hpp"
#include "text/font.hpp"

struct libdeflate_compressor;

namespace zapros::output::internals {

// Compresses streams for /FlateDecode (zlib format) with libdeflate, one compressor for a
// document's streams. libharu compresses through zlib at save, with no choice of level, and
// zlib is slower than libdeflate at every level (stages_bench: BM_Zlib against BM_Deflate); the
// streams it is given are already compressed and marked (write_deflated), so it copies them.
class Deflater {
public:
    // The level, chosen by measurement (bench/stages_bench BM_Deflate; see internals.cpp).
    static constexpr int level = 1;
    Deflater();
    ~Deflater();
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;
    std::string compress(std::string_view bytes);

private:
    libdeflate_compressor* compressor_;
};

// Sets a stream dictionary's data to bytes compressed, with /Filter /FlateDecode.
HPDF_STATUS write_deflated(HPDF_Dict stream, std::string_view bytes, Deflater& deflater);

// What a stream's bytes already are: written as they are, with this /Filter.
enum class Filter { flate, dct };
HPDF_STATUS write_encoded(HPDF_Dict stream, std::string_view bytes, Filter filter);

// An image as an image XObject of the document (embed_image.cpp), with its alpha as an /SMask;
// nullptr when libharu failed.
HPDF_Dict embed_image(HPDF_Doc doc, const image::Image& image, Deflater& deflater);

// Raises the version the PDF's header declares to at least `version` (libharu writes 1.3).
void require_version(HPDF_Doc doc, HPDF_PDFVer version);

// Adds the XObject to the page's resources under `name` ("Im1"), unless the page has it already.
HPDF_STATUS xobject_resource(HPDF_Page page, const char* name, HPDF_Dict xobject);

// CRC-32 of bytes: a fingerprint of an image's data for the document /ID (pdf.cpp).
std::uint32_t crc32(std::string_view bytes);

// A font subset as a Type 0 font of the document whose character codes are the subset's glyph
// ids (embed.cpp): the font dictionary, or nullptr when libharu failed.
HPDF_Dict embed_font(HPDF_Doc doc, const text::Subset& subset, Deflater& deflater);

// The name ("F1") under which the page's resources hold the font, added the first time.
const char* font_resource(HPDF_Page page, HPDF_Dict font);

// Sets a page's content stream to operators, compressed (libharu 2.3.0 has no TJ call for
// kerned text, and its float printing was a tenth of a letter's time). Once per page.
HPDF_STATUS set_content(HPDF_Page page, std::string_view operators, Deflater& deflater);

// Sets a document information entry ("Title", "Author"…) to UTF-8 text, written as UTF-16BE
// with a byte order mark. libharu converts through its UTF-8 encoder, whose set-up fills
// 256 KB of tables: a tenth of a short letter's fresh memory.
HPDF_STATUS set_info(HPDF_Doc doc, const char* key, std::string_view utf8);

// A text string for PDF (PDF 1.7 §7.9.2.2): UTF-16BE after its byte order mark.
std::string text_string(std::string_view utf8);

// The longest string PDF/A allows (ISO 19005-2 6.1.13; ISO 32000-1 Annex C), in bytes.
inline constexpr std::size_t max_string_bytes = 32767;

// The same cut to at most max_bytes, its mark included, after a whole character: never inside
// a surrogate pair (/ActualText, /Alt, /Contents).
std::string text_string(std::string_view utf8, std::size_t max_bytes);

// A URI action << /Type /Action /S /URI /URI (uri) >> as an object of its own, so that the link
// annotations of every line a link spans refer to one copy; nullptr when libharu failed.
HPDF_Dict uri_action(HPDF_Doc doc, const char* uri);

// Makes a link annotation (one libharu created with a placeholder URI, as it refuses an empty
// one) open `action` instead.
HPDF_STATUS set_action(HPDF_Annotation annot, HPDF_Dict action);

// Sets an annotation's flags to /F 4: Print, and none of Hidden, Invisible, NoView (PDF 1.7
// §12.5.3), as PDF/A asks of every annotation.
HPDF_STATUS set_print_flag(HPDF_Annotation annot);

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
    std::unique_ptr<State> state_;
};

}  // namespace zapros::output::internals
