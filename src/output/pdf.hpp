#pragma once
// Stage 6: pages → PDF bytes (libharu), and → a text trace for golden tests.
#include <vector>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/face.hpp"
#include "base/lang.hpp"
#include "compose/structure.hpp"
#include "image/image.hpp"
#include "page/page.hpp"
#include "text/font.hpp"
#include "text/fonts.hpp"

namespace zapros::output {

struct Info {
    std::string title;
    std::string author;
    std::string subject;
    std::string creator;  // "zapros VERSION"
    // Seconds since 1970 (SOURCE_DATE_EPOCH) for the creation date; none: no date at all, since
    // a date from the clock would make every build's bytes differ.
    std::optional<std::int64_t> created;
};

// The subset of each font the pages use, cut to what they draw, by text::FontId (an empty
// program for the others).
using FontData = std::vector<text::Subset>;

// Which standards the PDF claims (--pdf-standard, the front matter's pdf-standard).
enum class Standard {
    none,  // a plain PDF, as zapros wrote before it claimed any standard: no XMP, no tags
    a_2b,  // PDF/A-2b and PDF/UA-1 (tagged), without PDF/A's Unicode level
    a_2u,  // PDF/A-2u and PDF/UA-1: the default
};

// Stage 6's settings.
struct Settings {
    Standard standard = Standard::a_2u;
    Lang lang = Lang::ru;  // the catalog's /Lang
    // The structure tree the pages' Tags point into; nullptr: none (the PDF is untagged even
    // with a standard, which only hand-made pages in tests do).
    const compose::Structure* structure = nullptr;
    // The ICC profile of the output intent a standard's PDF carries (the installation's
    // icc/sRGB.icc, cli/pipeline.cpp); not read without a standard.
    std::string_view srgb_profile;
};

// The PDF, byte-identical for the same input, with a document /ID derived from what it shows.
// Throws OutputError (from output/haru.hpp).
// Images: the document's, by the ids its lines' ImageBoxes hold (none: the pages draw none).
std::string write_pdf(const page::Pages& pages, const Info& info, const FontData& fonts,
                      const image::Images* images = nullptr, const Settings& settings = {});

// One drawing operation per line: pages, text (with kerns), rules, images, links, note anchors.
std::string write_trace(const page::Pages& pages);
std::string write_trace(const page::Page& page, Sp width, Sp height);  // one page of it

}  // namespace zapros::output
