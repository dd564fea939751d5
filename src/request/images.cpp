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

std::string url_of(cmark_node* n) {
    const char* url = cmark_node_get_url(n);
    return url ? url : "";
}

// The local file image node n names, checked: the path to read, or nothing (an error given).
std::optional<std::filesystem::path> checked_file(cmark_node* n, Pos at, const FileAccess& access,
                                                  std::vector<std::string>& reads, Diagnostics& diags) {
    const std::string url = url_of(n);
    const auto ref = image_file(Text{url, at}, percent_decoded(url), access, reads, diags);
    if (!ref) return std::nullopt;
    return ref->path;
}

}  // namespace

bool is_remote_image(cmark_node* n) { return is_remote(url_of(n)); }

std::optional<Block> image_figure(cmark_node* n, Pos at, const FileAccess& access, std::vector<std::string>& reads,
                                  Diagnostics& diags) {
    const auto path = checked_file(n, at, access, reads, diags);
    if (!path) return std::nullopt;
    Block b;
    b.kind = Block::Kind::figure;
    b.pos = at;
    b.image = ImageRef{Text{url_of(n), at}, *path};
    b.text = plain_text(n);
    if (const char* title = cmark_node_get_title(n)) b.info = title;
    return b;
}

Inline image_alt_text(cmark_node* n, Pos at, std::string_view where, const FileAccess& access,
                      std::vector<std::string>& reads, Diagnostics& diags) {
    Inline in;
    in.pos = at;
    in.text = plain_text(n);
    if (is_remote_image(n)) {
        diags.warning(in.pos, "remote images are not fetched; the alt text '" + in.text + "' is printed instead");
        return in;
    }
    if (checked_file(n, at, access, reads, diags))
        diags.warning(in.pos, "an image " + std::string(where) + " is not drawn; the alt text '" + in.text +
                                  "' is printed instead");
    return in;
}

void trim_around_figure(std::vector<Inline>& in) {
    using Kind = Inline::Kind;
    const auto blank = [](const Inline& x) {
        return x.kind == Kind::soft_break || x.kind == Kind::hard_break ||
               (x.kind == Kind::text && x.text.find_first_not_of(' ') == std::string::npos);
    };
    while (!in.empty() && blank(in.back())) in.pop_back();
    std::size_t lead = 0;
    while (lead < in.size() && blank(in[lead])) ++lead;
    in.erase(in.begin(), in.begin() + static_cast<std::ptrdiff_t>(lead));
    if (in.empty()) return;
    if (in.back().kind == Kind::text) in.back().text.erase(in.back().text.find_last_not_of(' ') + 1);
    if (Inline& first = in.front(); first.kind == Kind::text) {
        const std::size_t spaces = first.text.find_first_not_of(' ');
        first.text.erase(0, spaces);
        first.pos.col += static_cast<int>(spaces);
    }
}

}  // namespace zapros::request
