#pragma once
// An e-mail address as zapros takes it, for the front matter (request/) and for the drafts'
// headers (mail/): one rule in one place.
#include <string_view>

namespace zapros {

// RFC 5322 §3.2.3 atext: the characters of an atom.
bool is_atext(char c);

// An address a header can carry unquoted (RFC 5322 addr-spec in dot-atom form, RFC 5321's
// lengths): local@domain.tld, ASCII only, no blanks, brackets, quotes or second '@'; the local
// part at most 64 bytes, the whole at most 254; the domain two or more labels of letters, digits
// and inner hyphens, each at most 63 bytes.
bool is_mail_address(std::string_view s);

}  // namespace zapros
