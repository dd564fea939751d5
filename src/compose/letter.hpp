#pragma once
// Stage 2: Request → Document, the form of a letter.
#include "base/diagnostic.hpp"
#include "compose/document.hpp"
#include "request/request.hpp"
#include "text/fonts.hpp"

namespace zapros::compose {

// Builds the letter: requisites, title, body, closing, notes. Fonts are consulted for
// characters they lack (a warning each, with its position). Throws text::FontError when a
// font is unusable.
Document letter(const request::Request& req, const text::Fonts& fonts, Diagnostics& diags,
                const Style& style = {});

// Everything the document will set in words, spans separated by newlines: its words are the
// words hyphenation can be asked for, including those the letter adds (month names, "Дата,
// место") and those the source only encodes (entities).
std::string text_of(const Document& doc);

}  // namespace zapros::compose
