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

}  // namespace zapros::compose
