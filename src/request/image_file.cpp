#include "request/image_file.hpp"

#include <cctype>

namespace zapros::request {

bool is_remote(std::string_view url) {
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
    for (std::size_t i = 1; i < url.size(); ++i) {
        const char c = url[i];
        if (c == ':') return true;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') return false;
    }
    return false;
}

std::optional<ImageRef> image_file(const Text& written, const std::filesystem::path& file, const FileAccess& access,
                                   std::vector<std::string>& reads, Diagnostics& diags) {
    const std::string shown = access.dir().empty() ? std::string(".") : access.dir().string();
    switch (access.check(file)) {
    case FileAccess::Verdict::missing:
        diags.error(written.pos, "image file '" + written.value + "' not found (looked in " + shown + ")");
        return std::nullopt;
    case FileAccess::Verdict::outside:
        diags.error(written.pos, "image file '" + written.value + "' lies outside the request's directory",
                    "a request reads only files under its own directory; zapros render --allow-dir DIR allows another");
        return std::nullopt;
    case FileAccess::Verdict::ok:
        break;
    }
    ImageRef ref{written, access.dir() / file};
    reads.push_back(ref.path.string());
    return ref;
}

}  // namespace zapros::request
