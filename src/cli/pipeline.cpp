#include "cli/pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdlib>
#include <set>
#include <thread>

#include "base/files.hpp"
#include "base/utf8.hpp"
#include "cli/locate.hpp"
#include "output/icc.hpp"
#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "page/paginate.hpp"
#include "request/parse.hpp"

namespace zapros::cli {

Installation find_installation() {
    auto at = [](const std::filesystem::path& dir) -> Installation {
        return {dir / "fonts", dir / "hyph", dir / "schema" / "request.schema.json", dir / "icc" / "sRGB.icc"};
    };
    // Given explicitly, the data directory is used as it is: a broken one is an error, not a
    // reason to quietly take other fonts.
    if (const char* env = std::getenv("ZAPROS_DATA_DIR"); env && *env) return at(env);
    const DataSearch s = search_data(own_executable(), ZAPROS_DATADIR, [](const std::filesystem::path& dir) {
        return std::filesystem::is_regular_file(dir / "fonts" / text::font_file(text::own_font(Face::serif)));
    });
    if (s.found) return at(*s.found);
    throw IoError(data_not_found(s));
}

Pipeline::Pipeline(Installation inst, unsigned image_threads)
    : inst_(std::move(inst)),
      fonts_(inst_.fonts),
      dictionaries_(inst_.hyph),
      image_threads_(image_threads ? image_threads : std::max(1u, std::thread::hardware_concurrency())) {}
Pipeline::~Pipeline() = default;

std::optional<Typeset> Pipeline::typeset(std::string_view file, std::string_view bytes, Diagnostics& diags,
                                         const request::Options& options) {
    const auto req = request::parse(file, bytes, diags, options);         // bytes → Request
    if (!req) return std::nullopt;
    return typeset(*req, diags);
}

std::optional<Typeset> Pipeline::typeset(const request::Request& req, Diagnostics& diags) {
    auto images = std::make_shared<image::Images>();
    // Every image the request names (a figure, a letter part; an inline one too, though only its
    // alt text is set) is decoded now, side by side; compose then load()s them in its order.
    images->preload({req.reads.begin(), req.reads.end()}, image_threads_);
    auto composed = std::make_shared<const compose::Document>(
        compose::letter(req, fonts_, *images, diags, compose::style_for(req.meta)));  // Request → Document
    const compose::Document& doc = *composed;
    dictionaries_.prepare(compose::text_of(doc));  // hyphenation patterns for the words set
    const para::Resources res{fonts_, &dictionaries_};
    para::Params params;
    params.repeat_hyphen = doc.repeat_hyphen;
    flow::Flow vlist = flow::flow(doc, res, params, diags);               // Document → VList (+ lines)
    Typeset out;
    out.images = std::move(images);
    out.document = std::move(composed);
    out.pages = page::paginate(std::move(vlist), doc.style, res, params, diags);  // VList → Pages
    if (diags.has_errors()) return std::nullopt;
    out.info = {doc.info.title, doc.info.author, doc.info.subject, "zapros " ZAPROS_VERSION, std::nullopt};
    switch (req.meta.pdf_standard) {
    case request::PdfStandard::a_2u: out.standard = output::Standard::a_2u; break;
    case request::PdfStandard::a_2b: out.standard = output::Standard::a_2b; break;
    case request::PdfStandard::none: out.standard = output::Standard::none; break;
    }
    out.lang = req.meta.lang;
    out.inputs.push_back(req.file);
    out.inputs.insert(out.inputs.end(), req.reads.begin(), req.reads.end());
    std::set<text::FontId> fonts;
    for (const page::Page& p : out.pages.pages)
        for (const page::Placed& pl : p.lines)
            for (const para::Run& r : pl.line.runs) fonts.insert(r.font);
    for (text::FontId f : fonts) {  // a file once, though two catalogue entries read it (Symbola)
        std::string file = fonts_.path(f).string();
        if (std::find(out.inputs.begin(), out.inputs.end(), file) == out.inputs.end()) out.inputs.push_back(std::move(file));
    }
    for (const auto& dict : dictionaries_.loaded()) out.inputs.push_back(dict.string());
    return out;
}

const std::string& Pipeline::srgb_profile() const {
    // Read when a PDF first needs it, as a font is: an input that cannot have it fails on its
    // own, with its row in a CI report, and a check writes no PDF.
    if (!srgb_ && !inst_.srgb.empty()) {
        const std::string why = "; PDF/A's output intent needs the sRGB profile zapros ships (reinstall zapros, or set"
                                " ZAPROS_DATA_DIR to the directory holding fonts/, hyph/ and icc/)";
        std::string icc;
        try {
            icc = read_file(inst_.srgb);
        } catch (const IoError& e) {  // "cannot open PATH: No such file or directory"
            throw IoError(e.what() + why);
        }
        if (const std::string problem = output::srgb_profile_problem(icc); !problem.empty())
            throw IoError(inst_.srgb.string() + ": " + problem + why);
        srgb_ = std::move(icc);
    }
    static const std::string none;
    return srgb_ ? *srgb_ : none;
}

std::string Pipeline::pdf(const Typeset& t) const {
    // Each font the pages use, cut down to the characters drawn in it (marked in a bit per
    // BMP code point: a letter draws 30,000 characters of a few hundred kinds; the few above
    // the BMP, emoji, are listed).
    struct Used {
        std::vector<std::uint64_t> bmp;
        std::vector<char32_t> astral;
    };
    std::vector<Used> used(text::font_count());
    for (const page::Page& p : t.pages.pages)
        for (const page::Placed& pl : p.lines)
            for (const para::Run& r : pl.line.runs) {
                Used& u = used.at(r.font);
                if (u.bmp.empty()) u.bmp.resize(0x10000 / 64);
                auto mark = [&u](char32_t c) {
                    if (c <= 0xFFFF) u.bmp[c / 64] |= std::uint64_t{1} << (c % 64);
                    else u.astral.push_back(c);
                };
                for (std::size_t i = 0; i < r.text.size();) mark(utf8::next(r.text, i));
                if (r.space_after) mark(U' ');
            }
    output::FontData fonts(text::font_count());
    for (std::size_t f = 0; f < used.size(); ++f) {
        const Used& u = used[f];
        if (u.bmp.empty()) continue;
        std::vector<char32_t> codes;
        for (std::size_t k = 0; k < u.bmp.size(); ++k)
            for (std::uint64_t bits = u.bmp[k]; bits; bits &= bits - 1)
                codes.push_back(static_cast<char32_t>(64 * k + static_cast<std::size_t>(std::countr_zero(bits))));
        codes.insert(codes.end(), u.astral.begin(), u.astral.end());  // subset() sorts and dedups
        fonts[f] = fonts_.font(static_cast<text::FontId>(f)).subset(std::move(codes));
    }
    output::Settings settings;
    settings.standard = t.standard;
    settings.lang = t.lang;
    if (t.document) settings.structure = &t.document->structure;
    if (t.standard != output::Standard::none) settings.srgb_profile = srgb_profile();
    return output::write_pdf(t.pages, t.info, fonts, t.images.get(), settings);
}

std::string Pipeline::trace(const Typeset& t) { return output::write_trace(t.pages); }

}  // namespace zapros::cli
