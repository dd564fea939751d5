#include "request/images.hpp"

#include <cctype>

#include "request/image_file.hpp"
#include "request/markdown.hpp"

namespace zapros::request {

namespace {

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
    if (is_remote(url)) {
        diags.warning(in.pos, "remote images are not fetched; the alt text '" + in.text + "' is printed instead");
        return in;
    }
    if (image_file(Text{url, in.pos}, percent_decoded(url), access, reads, diags))
        diags.warning(in.pos, "images are not rendered yet; the alt text '" + in.text + "' is printed instead");
    return in;
}

}  // namespace zapros::request
