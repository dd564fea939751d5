#include "base/mail_address.hpp"

#include <algorithm>

namespace zapros {

namespace {

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Dot-separated runs of characters allowed by `ok`, none empty.
template <typename Ok>
bool dotted(std::string_view s, Ok ok) {
    if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return c == '.' || ok(c); });
}

}  // namespace

bool is_atext(char c) { return is_alnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos; }

bool is_mail_address(std::string_view s) {
    const std::size_t at = s.find('@');
    if (at == std::string_view::npos || s.size() > 254) return false;
    const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
    if (local.size() > 64 || !dotted(local, is_atext)) return false;
    // The domain: labels of letters, digits and inner hyphens, at least two of them.
    if (domain.find('.') == std::string_view::npos || !dotted(domain, [](char c) { return is_alnum(c) || c == '-'; }))
        return false;
    for (std::size_t from = 0; from <= domain.size();) {
        const std::size_t end = std::min(domain.find('.', from), domain.size());
        if (domain[from] == '-' || domain[end - 1] == '-' || end - from > 63) return false;
        from = end + 1;
    }
    return true;
}

}  // namespace zapros
