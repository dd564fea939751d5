#include "cli/copies.hpp"

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

}  // namespace zapros::cli
