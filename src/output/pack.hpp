#pragma once
// Inside output/: the PDF libharu 2.3.0 saved, rewritten with PDF 1.5 object streams and a
// cross-reference stream (ISO 32000-1 §7.5.7, §7.5.8), which PDF/A-2 allows. A tagged letter
// has a few hundred small dictionaries (structure elements, annotations, font parts); libharu
// writes each uncompressed with a 20-byte xref entry, and packed they cost a fraction of that.
#include <cstddef>
#include <string>
#include <string_view>

namespace zapros::output {

namespace internals {
class Deflater;
}

struct PackSettings {
    // Objects per object stream: a reader inflates a whole stream to reach one of its objects,
    // and a letter's few hundred objects fit in one, where they compress best.
    std::size_t objects_per_stream = 1000;
};

// Rewrites a PDF in libharu 2.3.0's shape (header and binary comment, "N G obj … endobj"
// objects, one classic xref table, "trailer << … >>", startxref, %%EOF) into: the same header
// (version raised to 1.5 if lower); every stream object, and every object of a generation other
// than 0, copied byte for byte; every other object moved into /Type /ObjStm streams; a
// /Type /XRef stream as the last object, with the trailer's /Root, /Info and /ID; startxref and
// %%EOF with one end of line. Object numbers keep their values. Throws OutputError
// (output/haru.hpp) when the input is not in that shape.
std::string pack_objects(std::string_view pdf, internals::Deflater& deflater, const PackSettings& settings = {});

}  // namespace zapros::output
