#pragma once
// What a PDF draws, read back through `mutool trace` (MuPDF's device trace, XML): each glyph
// with its character, glyph id, origin and advance, and each filled rectangle (rules). Only what
// the invariants need, and each image drawn with its box; coordinates in PDF space (points, y up from the page's bottom).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zapros::property {

struct Glyph {
    char32_t ch = 0;
    int id = -1;         // the glyph id; 0 is .notdef
    double x = 0, y = 0; // origin, PDF space
    double width = 0;    // advance × horizontal size (font expansion included)
    double size = 0;     // the font size (vertical)
    int span = 0;        // glyphs of one <span> share it; consecutive ones may kern into each other
    bool bold = false;
    bool visible() const;  // not a space of any kind
};

struct Box {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct Image {
    Box box;
    int width = 0, height = 0;  // pixels
};

struct PdfPage {
    int number = 0;  // from 1
    double width = 0, height = 0;
    std::vector<Glyph> glyphs;  // in drawing order
    std::vector<Box> rules;     // filled paths' bounding boxes
    std::vector<Image> images;  // in drawing order
};

std::vector<PdfPage> parse_trace(std::string_view xml);

// Runs mutool trace on pdf (its XML kept at scratch); nothing, with why in error, on failure.
std::optional<std::vector<PdfPage>> read_pdf(const std::string& pdf, const std::string& scratch, std::string& error);

}  // namespace zapros::property
