#include "cli/copies.hpp"

#include <map>

#include "request/slug.hpp"

namespace zapros::cli {

std::filesystem::path copy_path(const std::filesystem::path& out, const std::string& slug) {
    return out.parent_path() / (out.stem().string() + "--" + slug + out.extension().string());
}

std::vector<Copy> plan_copies(const request::Request& req, const std::filesystem::path& out, bool split,
                              Diagnostics& diags) {
    std::vector<Copy> copies{{out, std::nullopt}};
    if (!split) return copies;
    const std::vector<request::Addressee>& to = req.meta.to;
    std::map<std::string, std::size_t> given;  // a given slug → the first addressee holding it
    bool clash = false;
    for (std::size_t i = 0; i < to.size(); ++i) {
        if (!to[i].slug) continue;
        const auto [at, fresh] = given.emplace(to[i].slug->value, i);
        if (fresh) continue;
        diags.error(to[i].slug->pos, "the slug '" + to[i].slug->value + "' is addressee " + std::to_string(at->second + 1) +
                                         "'s too: each copy needs a file name of its own");
        clash = true;
    }
    if (clash) return copies;
    const std::vector<std::string> slugs = request::copy_slugs(to);
    for (std::size_t i = 0; i < to.size(); ++i) copies.push_back({copy_path(out, slugs[i]), i});
    return copies;
}

}  // namespace zapros::cli
