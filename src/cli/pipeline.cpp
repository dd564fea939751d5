#include "cli/pipeline.hpp"

#include <unistd.h>

#include <cstdlib>
#include <set>

#include "base/files.hpp"
#include "compose/letter.hpp"
#include "flow/flow.hpp"
#include "page/paginate.hpp"
#include "request/parse.hpp"

namespace zapros::cli {

Installation find_installation() {
    auto at = [](const std::filesystem::path& dir) -> Installation {
        return {dir / "fonts", dir / "hyph", dir / "schema" / "request.schema.json"};
    };
    // Given explicitly, the data directory is used as it is: a broken one is an error, not a
    // reason to quietly take other fonts.
    if (const char* env = std::getenv("ZAPROS_DATA_DIR"); env && *env) return at(env);
    std::vector<std::filesystem::path> candidates;
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        candidates.push_back(exe.parent_path().parent_path() / "share" / "zapros");  // PREFIX/bin/zapros
        candidates.push_back(exe.parent_path().parent_path());                       // build/zapros in the source tree
    }
    for (const auto& dir : candidates)
        if (std::filesystem::is_regular_file(dir / "fonts" / text::font_file(Face::serif)))
            return at(dir);
    std::string looked;
    for (const auto& dir : candidates) looked += "\n  " + (dir / "fonts").string();
    throw IoError("cannot find zapros's fonts; looked in:" + looked +
                  "\n(set ZAPROS_DATA_DIR to the directory holding fonts/ and hyph/)");
}

Pipeline::Pipeline(Installation inst) : inst_(std::move(inst)), fonts_(inst_.fonts) {}
Pipeline::~Pipeline() = default;

para::Resources Pipeline::resources() {
    // TeX's hyphen minimums: Russian 2/2, English 2/3 (hyph-utf8 "hyphenmins").
    if (!russian_) russian_ = std::make_unique<text::Hyphenator>(inst_.hyph / "hyph_ru.dic", 2, 2);
    if (!english_) english_ = std::make_unique<text::Hyphenator>(inst_.hyph / "hyph_en_US.dic", 2, 3);
    return para::Resources{fonts_, russian_.get(), english_.get()};
}

std::optional<Typeset> Pipeline::typeset(std::string_view file, std::string_view bytes, Diagnostics& diags,
                                         const request::Options& options) {
    const auto req = request::parse(file, bytes, diags, options);         // bytes → Request
    if (!req) return std::nullopt;
    const compose::Document doc = compose::letter(*req, fonts_, diags);   // Request → Document
    const para::Resources res = resources();
    para::Params params;
    params.repeat_hyphen = doc.repeat_hyphen;
    flow::Flow vlist = flow::flow(doc, res, params, diags);               // Document → VList (+ lines)
    Typeset out;
    out.pages = page::paginate(std::move(vlist), doc.style, res, params, diags);  // VList → Pages
    if (diags.has_errors()) return std::nullopt;
    out.info = {doc.info.title, doc.info.author, doc.info.subject, "zapros " ZAPROS_VERSION, std::nullopt};
    out.inputs.push_back(std::string(file));
    out.inputs.insert(out.inputs.end(), req->reads.begin(), req->reads.end());
    std::set<Face> faces;
    for (const page::Page& p : out.pages.pages)
        for (const page::Placed& pl : p.lines)
            for (const para::Run& r : pl.line.runs) faces.insert(r.face);
    for (Face f : faces) out.inputs.push_back(fonts_.path(f).string());
    out.inputs.push_back((inst_.hyph / "hyph_ru.dic").string());
    out.inputs.push_back((inst_.hyph / "hyph_en_US.dic").string());
    return out;
}

std::string Pipeline::pdf(const Typeset& t) const {
    output::FontFiles files;
    for (Face f : all_faces) files[static_cast<std::size_t>(f)] = fonts_.path(f);
    return output::write_pdf(t.pages, t.info, files);
}

std::string Pipeline::trace(const Typeset& t) { return output::write_trace(t.pages); }

}  // namespace zapros::cli
