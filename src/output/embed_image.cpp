// Images as PDF image XObjects (PDF 1.7 §8.9.5), built with libharu's object layer: its own
// loaders abort the process on a corrupt PNG and write the alpha uncompressed
// (shared/notes/libharu-2.3.0.md §7, §8). image/ has validated the samples; here they are only
// wrapped, and passed through where image/ kept them encoded: a JPEG's bytes under /DCTDecode,
// a PNG's IDAT data under /FlateDecode with the PNG predictor, as pdfTeX embeds them.
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <string>

#include "output/internals.hpp"

static_assert(HPDF_VERSION_ID == 20300, "output/embed_image.cpp builds objects with libharu 2.3.0's internal API");

namespace zapros::output::internals {

namespace {

struct Failed {};

void ok(HPDF_STATUS status) {
    if (status != HPDF_OK) throw Failed{};
}

template <class T>
T made(T object) {
    if (!object) throw Failed{};
    return object;
}

// A stream << /Type /XObject /Subtype /Image /Width /Height /BitsPerComponent >>, its own object.
HPDF_Dict image_stream(HPDF_Doc doc, int width, int height, int bits) {
    HPDF_Dict d = made(HPDF_DictStream_New(doc->mmgr, doc->xref));
    ok(HPDF_Dict_AddName(d, "Type", "XObject"));
    ok(HPDF_Dict_AddName(d, "Subtype", "Image"));
    ok(HPDF_Dict_AddNumber(d, "Width", width));
    ok(HPDF_Dict_AddNumber(d, "Height", height));
    ok(HPDF_Dict_AddNumber(d, "BitsPerComponent", bits));
    return d;
}

void colour_space(HPDF_Doc doc, HPDF_Dict d, const image::Image& im) {
    switch (im.colour) {
    case image::Colour::gray: ok(HPDF_Dict_AddName(d, "ColorSpace", "DeviceGray")); return;
    case image::Colour::rgb: ok(HPDF_Dict_AddName(d, "ColorSpace", "DeviceRGB")); return;
    case image::Colour::indexed: break;
    }
    // [/Indexed /DeviceRGB hival <palette>]: hival is the highest index, the palette's entries less one.
    HPDF_Array cs = made(HPDF_Array_New(doc->mmgr));
    ok(HPDF_Dict_Add(d, "ColorSpace", cs));
    ok(HPDF_Array_AddName(cs, "Indexed"));
    ok(HPDF_Array_AddName(cs, "DeviceRGB"));
    ok(HPDF_Array_AddNumber(cs, static_cast<HPDF_INT32>(im.palette.size() / 3) - 1));
    auto* palette = reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(im.palette.data()));  // copied, not changed
    ok(HPDF_Array_Add(cs, made(HPDF_Binary_New(doc->mmgr, palette, static_cast<HPDF_UINT>(im.palette.size())))));
}

// The PNG predictor's parameters for IDAT data (PDF 1.7 §7.4.4.4): 15 lets each row name its
// own filter, as PNG does, and the rest say how many bytes a pixel and a row have.
void png_predictor(HPDF_Doc doc, HPDF_Dict d, const image::Image& im) {
    HPDF_Dict parms = made(HPDF_Dict_New(doc->mmgr));
    ok(HPDF_Dict_Add(d, "DecodeParms", parms));
    ok(HPDF_Dict_AddNumber(parms, "Predictor", 15));
    ok(HPDF_Dict_AddNumber(parms, "Colors", im.components()));
    ok(HPDF_Dict_AddNumber(parms, "BitsPerComponent", im.bits));
    ok(HPDF_Dict_AddNumber(parms, "Columns", im.width));
}

HPDF_Dict build(HPDF_Doc doc, const image::Image& im, Deflater& deflater) {
    HPDF_Dict d = image_stream(doc, im.width, im.height, im.bits);
    colour_space(doc, d, im);
    switch (im.encoding) {
    case image::Encoding::dct: ok(write_encoded(d, im.data, Filter::dct)); break;
    case image::Encoding::png_idat:
        png_predictor(doc, d, im);
        ok(write_encoded(d, im.data, Filter::flate));
        break;
    case image::Encoding::raw: ok(write_deflated(d, im.data, deflater)); break;
    }
    if (!im.alpha.empty()) {
        HPDF_Dict mask = image_stream(doc, im.width, im.height, 8);
        ok(HPDF_Dict_AddName(mask, "ColorSpace", "DeviceGray"));
        ok(write_deflated(mask, im.alpha, deflater));
        ok(HPDF_Dict_Add(d, "SMask", mask));
    }
    return d;
}

}  // namespace

HPDF_Dict embed_image(HPDF_Doc doc, const image::Image& image, Deflater& deflater) {
    try {
        return build(doc, image, deflater);
    } catch (const Failed&) {
        return nullptr;
    }
}

}  // namespace zapros::output::internals
