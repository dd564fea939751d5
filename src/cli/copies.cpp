#include "cli/copies.hpp"

#include "cli/options.hpp"
#include "cli/render.hpp"
#include "request/slug.hpp"

namespace zapros::cli {

std::filesystem::path copy_path(const std::filesystem::path& out, const std::string& slug) {
    return out.parent_path() / (out.stem().string() + "--" + slug + out.extension().string());
}

std::vector<Copy> plan_copies(const request::Request& req, const std::filesystem::path& out, bool split) {
    std::vector<Copy> copies{{out, std::nullopt}};
    if (!split) return copies;
    const std::vector<std::string> slugs = request::copy_slugs(req.meta.to);
    for (std::size_t i = 0; i < slugs.size(); ++i) copies.push_back({copy_path(out, slugs[i]), i});
    return copies;
}

std::optional<std::string> named_for_another(const Options& o, const std::string& input, const std::filesystem::path& p) {
    const std::filesystem::path n = p.lexically_normal();
    for (const std::string& i : o.inputs) {
        if (i == input || std::filesystem::path(i).stem() != n.stem()) continue;  // only these can collide
        const std::filesystem::path q = output_path(o, i).lexically_normal();
        if (q.parent_path() == n.parent_path() && q.stem() == n.stem()) return i;
    }
    const std::filesystem::path in(input), sibling = in.parent_path() / (n.stem().string() + in.extension().string());
    std::error_code ec;
    if (std::filesystem::exists(sibling, ec)) return sibling.string();
    return std::nullopt;
}

// An addressee's copy written where another request's PDF goes (a.md's copy for slug b and
// a--b.md, both a--b.pdf) would overwrite it; under make, rendering each alone, a--b.md would
// never be rendered at all (its PDF looks up to date). Refused before anything is written.
void check_copies_apart(const Options& o, const std::string& input, const std::vector<Copy>& copies) {
    for (const Copy& c : copies)
        if (c.addressee)
            if (const std::optional<std::string> other = named_for_another(o, input, c.pdf))
                throw Usage{"the copy " + c.pdf.lexically_normal().string() + " of '" + input +
                            "' would be named as the PDF of '" + *other +
                            "': rename one of them, or give the addressee another slug"};
}

}  // namespace zapros::cli
