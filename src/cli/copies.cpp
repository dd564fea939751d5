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

// An addressee's copy written where another request's PDF goes (a.md's copy for slug b and
// a--b.md, both a--b.pdf) would overwrite it, and a later stale removal delete it; under make,
// rendering each alone, a--b.md would never be rendered at all (its PDF looks up to date). So a
// copy named as another input of this run, or as a request beside this one (a--b.md next to a.md:
// every layout, -d and make's pattern rule alike, names its PDF a--b.pdf), is refused before
// anything of the input is written. Only inputs with the copy's stem can collide.
void check_copies_apart(const Options& o, const std::string& input, const std::vector<Copy>& copies) {
    const std::filesystem::path in(input);
    for (const Copy& c : copies) {
        if (!c.addressee) continue;
        const std::filesystem::path p = c.pdf.lexically_normal();
        std::optional<std::string> other;
        for (const std::string& i : o.inputs)
            if (i != input && std::filesystem::path(i).stem() == p.stem() && output_path(o, i).lexically_normal() == p)
                other = i;
        const std::filesystem::path sibling = in.parent_path() / (p.stem().string() + in.extension().string());
        std::error_code ec;
        if (!other && std::filesystem::exists(sibling, ec)) other = sibling.string();
        if (other)
            throw Usage{"the copy " + p.string() + " of '" + input + "' would be named as the PDF of '" + *other +
                        "': rename one of them, or give the addressee another slug"};
    }
}

}  // namespace zapros::cli
