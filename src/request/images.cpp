#include "request/images.hpp"

#include <cctype>

#include "request/markdown.hpp"

namespace zapros::request {

namespace {

// "scheme:" at the start of a URL (RFC 3986): remote, not a file next to the request.
bool has_scheme(std::string_view url) {
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
    for (std::size_t i = 1; i < url.size(); ++i) {
        const char c = url[i];
        if (c == ':') return true;
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') return false;
    }
    return false;
}

std::string plain_text(cmark_node* n) {
    std::string s;
    for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
        s += literal(c);
        s += plain_text(c);
    }
    return s;
}

std::string percent_decoded(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

}  // namespace

Inline image_alt_text(cmark_node* n, Pos at, const FileAccess& access, std::vector<std::string>& reads,
                      Diagnostics& diags) {
    const char* url_c = cmark_node_get_url(n);
    const std::string url = url_c ? url_c : "";
    Inline in;
    in.pos = at;
    in.text = plain_text(n);
    if (has_scheme(url)) {
        diags.warning(in.pos, "remote images are not fetched; the alt text '" + in.text + "' is printed instead");
        return in;
    }
    const std::filesystem::path file = percent_decoded(url);
    const std::string shown = access.dir().empty() ? std::string(".") : access.dir().string();
    switch (access.check(file)) {
    case FileAccess::Verdict::missing:
        diags.error(in.pos, "image file '" + url + "' not found (looked in " + shown + ")");
        break;
    case FileAccess::Verdict::outside:
        diags.error(in.pos, "image file '" + url + "' lies outside the request's directory",
                    "a request reads only files under its own directory; zapros render --allow-dir DIR allows another");
        break;
    case FileAccess::Verdict::ok:
        reads.push_back((access.dir() / file).string());
        diags.warning(in.pos, "images are not rendered yet; the alt text '" + in.text + "' is printed instead");
        break;
    }
    return in;
}

}  // namespace zapros::request
