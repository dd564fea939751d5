#pragma once
// An e-mail draft as plain values, and the one writer that turns it into an RFC 5322 message
// (MIME: RFC 2045–2047, RFC 2231) that a mail client opens as a draft. Nothing here knows
// requests: cli/ fills a Draft from one, as output/ is handed pages.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace zapros::mail {

struct Mailbox {
    std::string name;     // UTF-8, may be empty
    std::string address;  // an ASCII addr-spec (is_mail_address, base/mail_address.hpp)
};

struct Attachment {
    std::string filename;      // UTF-8
    std::string content_type;  // type/subtype, e.g. application/pdf
    std::string bytes;
};

struct Draft {
    std::optional<Mailbox> from;  // none: the mail client fills it in
    std::vector<Mailbox> to;
    std::string subject;                // UTF-8
    std::optional<std::int64_t> date;   // seconds since 1970, UTC; none: no Date header
    std::string text;                   // UTF-8, lines ending in "\n"
    std::vector<Attachment> attachments;
};

// The limits the writer keeps, each with its source. Not tunables: the RFCs' numbers.
struct Limits {
    std::size_t line = 78;           // RFC 5322 §2.1.1: a line SHOULD hold at most 78 characters
    std::size_t encoded_word = 75;   // RFC 2047 §2: an encoded word is at most 75 characters
    std::size_t encoded_line = 76;   // RFC 2045 §6.7 (5) and §6.8: quoted-printable and base64 lines
    std::size_t fallback_name = 48;  // the ASCII filename= fallback's length, so its line fits
};

// A Draft the writer cannot express: an address that is no addr-spec, a content type that is
// no type/subtype. The caller checks what it passes (is_mail_address); this is a bug, not input.
struct BadDraft : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};


// The message: CRLF line ends, every line at most Limits::line characters (an addr-spec longer
// than a line allows stands on a line of its own; RFC 5321 keeps it under 254), ASCII only.
// Non-ASCII header text as RFC 2047 Q encoded words (header.cpp says why not B).
// Headers Date (when given), From (when given), To (when any), Subject, Message-ID,
// MIME-Version, X-Unsent: 1 (Outlook and Thunderbird open the file as a draft to send); the body
// multipart/mixed: the text as text/plain; charset=UTF-8 in quoted-printable, then each
// attachment in base64 with Content-Disposition: attachment, filename*= (RFC 2231) and an ASCII
// filename= for older readers. Deterministic: the boundary and the Message-ID come from a
// SHA-256 of the draft. Throws BadDraft.
std::string write_eml(const Draft& draft);

}  // namespace zapros::mail
