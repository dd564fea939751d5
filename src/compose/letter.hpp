#pragma once
// Stage 2: Request → Document, the form of a letter.
#include "base/diagnostic.hpp"
#include "compose/document.hpp"
#include "image/image.hpp"
#include "request/request.hpp"
#include "text/fonts.hpp"

namespace zapros::compose {

// The style a request asks for (compose/style.cpp): its paper and its text size.
Style style_for(const request::Meta& meta);

// Builds the letter: requisites, title, body, closing, notes. Fonts are consulted for
// characters they lack (a warning each, with its position). Throws text::FontError when a
// font is unusable.
// Images (body figures, the logo, signature scans, the stamp) are loaded into `images`, whose
// ids the document's figures and overlays hold; a file that fails to decode is an error at the
// place that names it.
Document letter(const request::Request& req, const text::Fonts& fonts, image::Images& images, Diagnostics& diags,
                const Style& style = {});
// The same with images loaded into a set of its own (for tests that need only the layout).
Document letter(const request::Request& req, const text::Fonts& fonts, Diagnostics& diags,
                const Style& style = {});

// Everything the document will set in words, spans separated by newlines: its words are the
// words hyphenation can be asked for, including those the letter adds (month names, "Дата,
// место") and those the source only encodes (entities).
std::string text_of(const Document& doc);

}  // namespace zapros::compose
