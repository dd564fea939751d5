#pragma once
// Inside mail/: header fields folded to the line limit (RFC 5322 §2.2.3), non-ASCII text as
// RFC 2047 encoded words (Q), addresses, and RFC 2231 parameters.
#include <string>
#include <string_view>
#include <vector>

#include "mail/draft.hpp"

namespace zapros::mail {

// One header field being written: tokens placed on the line while they fit, else on a folded
// continuation line (CRLF, a space). A token is never split.
class HeaderLine {
public:
    HeaderLine(std::string_view name, const Limits& limits);

    // token after a space (the folding white space), or, with glued, right after the last one.
    void token(std::string_view token, bool glued = false);
    // text as unstructured (Subject) or a phrase (a display name): its words as they are when
    // plain ASCII allows, else as encoded words filling each line.
    void text(std::string_view text, bool phrase);
    // The field with its CRLF.
    std::string finish();

private:
    void encoded_words(std::string_view text);
    std::size_t room() const { return limits_.line - col_; }

    const Limits& limits_;
    std::string out_;
    std::size_t col_ = 0;
};

// "Name <addr@domain>" (or the bare address when the name is empty) into a header, with a
// comma after it when more follow. Throws BadDraft for an address that is no addr-spec.
void mailbox(HeaderLine& h, const Mailbox& m, bool comma);

// ' filename*=UTF-8''%D0%9F….pdf' as RFC 2231 §4 writes a UTF-8 parameter, split in numbered
// sections (§3: name*0*=, name*1*=…) so that each line keeps the limit: the lines, each
// starting with a space, separated by ";" CRLF, without the final ";".
std::vector<std::string> rfc2231_parameter(std::string_view name, std::string_view utf8, const Limits& limits);

// The filename for readers without RFC 2231: letters, digits, '.', '-', '_' kept, every other
// character one '_', the stem cut so that the whole is at most limits.fallback_name characters.
std::string ascii_fallback(std::string_view utf8, const Limits& limits);

}  // namespace zapros::mail
