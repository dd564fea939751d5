#pragma once
// The whole pipeline for one request, reading as the stages do (STYLE 1):
//   parse → letter → flow (which sets each paragraph) → paginate → write_pdf / write_trace
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "compose/document.hpp"
#include "image/image.hpp"
#include "output/pdf.hpp"
#include "page/page.hpp"
#include "request/parse.hpp"
#include "para/typeset.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

namespace zapros::cli {

// Where the installation keeps its data: fonts/, hyph/ and schema/.
struct Installation {
    std::filesystem::path fonts;
    std::filesystem::path hyph;
    std::filesystem::path schema;  // the front matter's JSON Schema
    std::filesystem::path srgb;    // icc/sRGB.icc, the PDF/A output intent's profile; empty: none (tests)
};

// $ZAPROS_DATA_DIR, else share/zapros next to the binary's bin/, else the source tree the binary
// was built in (build/zapros → ./fonts), else the compiled-in ZAPROS_DATADIR (cli/locate.hpp).
// Throws IoError, naming every place looked in, when none holds the fonts.
// Pipeline::pdf throws IoError when the sRGB profile is missing or not one PDF/A takes.
Installation find_installation();

struct Typeset {
    page::Pages pages;
    std::shared_ptr<const image::Images> images;  // what the pages' ImageBoxes draw
    std::shared_ptr<const compose::Document> document;  // the letter composed: the text twin's source
    output::Info info;
    std::vector<std::string> inputs;  // every file the PDF depends on: request, images, fonts, dictionaries
    output::Standard standard = output::Standard::a_2u;  // the front matter's, or the command line's
    Lang lang = Lang::ru;
};

// Holds the fonts and hyphenation dictionaries across documents; one per thread.
class Pipeline {
public:
    // image_threads: how many threads decode one request's images at once (0: one per core).
    explicit Pipeline(Installation inst, unsigned image_threads = 0);
    ~Pipeline();

    // Stages 1–5. Nothing when the request has errors (they are in diags). Throws
    // text::FontError or text::HyphenError when the installation is broken.
    std::optional<Typeset> typeset(std::string_view file, std::string_view bytes, Diagnostics& diags,
                                   const request::Options& options = {});
    // Stages 2–5 of a request already parsed (or made by hand).
    std::optional<Typeset> typeset(const request::Request& req, Diagnostics& diags);

    // Stage 6. Throws output::OutputError (also for a standard without a profile: Installation::srgb
    // empty), or IoError when the installation's profile is missing or wrong.
    std::string pdf(const Typeset& t) const;
    static std::string trace(const Typeset& t);

    const text::Fonts& fonts() const { return fonts_; }
    const std::filesystem::path& srgb_path() const { return inst_.srgb; }  // an input of every PDF/A file (render.cpp)
    const text::Dictionaries& dictionaries() const { return dictionaries_; }

private:
    Installation inst_;
    text::Fonts fonts_;
    text::Dictionaries dictionaries_;
    // The sRGB profile's bytes, read and checked once, when a PDF first needs them (pdf() is const).
    const std::string& srgb_profile() const;
    mutable std::optional<std::string> srgb_;
    unsigned image_threads_;
};

}  // namespace zapros::cli
