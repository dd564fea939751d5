#include "request/file_access.hpp"

namespace zapros::request {

FileAccess::FileAccess(const std::filesystem::path& request_dir, const std::vector<std::filesystem::path>& allowed)
    : dir_(request_dir) {
    std::error_code ec;
    for (const auto& root : allowed) {
        const auto c = std::filesystem::weakly_canonical(root, ec);
        if (!ec) roots_.push_back(c);
    }
    const auto own = std::filesystem::weakly_canonical(request_dir.empty() ? "." : request_dir, ec);
    if (!ec) roots_.push_back(own);
}

FileAccess::Verdict FileAccess::check(const std::filesystem::path& p) const {
    std::error_code ec;
    const std::filesystem::path full = dir_ / p;
    if (!std::filesystem::exists(full, ec)) return Verdict::missing;
    const std::filesystem::path real = std::filesystem::canonical(full, ec);  // symlinks resolved
    if (ec) return Verdict::missing;
    for (const auto& root : roots_) {
        const auto rel = real.lexically_relative(root);
        if (!rel.empty() && *rel.begin() != "..") return Verdict::ok;
    }
    return Verdict::outside;
}

}  // namespace zapros::request
