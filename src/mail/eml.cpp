// write_eml: a Draft as one RFC 5322 message, the parts encoded and the headers folded by
// encode.cpp and header.cpp.
#include <algorithm>

#include "base/sha256.hpp"
#include "mail/draft.hpp"
#include "mail/encode.hpp"
#include "mail/header.hpp"

namespace zapros::mail {

namespace {

// Every field of the draft, each preceded by its length so that no two drafts hash alike.
std::string digest(const Draft& d) {
    Sha256 h;
    auto field = [&h](std::string_view s) {
        h.add(std::to_string(s.size()) + ":");
        h.add(s);
    };
    if (d.from) field("from"), field(d.from->name), field(d.from->address);
    for (const Mailbox& m : d.to) field("to"), field(m.name), field(m.address);
    field(d.subject);
    if (d.date) field(std::to_string(*d.date));
    field(d.text);
    for (const Attachment& a : d.attachments) field(a.filename), field(a.content_type), field(a.bytes);
    return h.hex();
}

// RFC 2045 §5.1: type "/" subtype, each a token.
bool is_content_type(std::string_view s) {
    const std::size_t slash = s.find('/');
    auto token = [](std::string_view t) {
        return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) {
            return c > 32 && c < 127 && std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
        });
    };
    return slash != std::string_view::npos && token(s.substr(0, slash)) && token(s.substr(slash + 1));
}

std::string attachment_part(const Attachment& a, const Limits& limits) {
    if (!is_content_type(a.content_type)) throw BadDraft("not a MIME type: '" + a.content_type + "'");
    const std::string fallback = ascii_fallback(a.filename, limits);
    std::string part = "Content-Type: " + a.content_type + ";\r\n name=\"" + fallback + "\"\r\n";
    part += "Content-Transfer-Encoding: base64\r\n";
    // filename*= before filename=: where both are given, Python's email package and GMime (mu,
    // Evolution) take the last, readers without RFC 2231 the plain one.
    part += "Content-Disposition: attachment";
    for (const std::string& line : rfc2231_parameter("filename", a.filename, limits)) part += ";\r\n" + line;
    part += ";\r\n filename=\"" + fallback + "\"\r\n\r\n" + base64_lines(a.bytes, limits.encoded_line);
    return part;
}

}  // namespace

std::string write_eml(const Draft& d) {
    const Limits limits;
    const std::string hash = digest(d);
    // The boundary opens with "=_", which neither quoted-printable (an '=' is followed by two hex
    // digits or a line end) nor base64 (no '_') nor the part headers written here contain: it
    // cannot occur inside a part (RFC 2046 §5.1.1).
    const std::string boundary = "=_zapros_" + hash.substr(32, 24);

    std::string out;
    if (d.date) out += "Date: " + rfc5322_date(*d.date) + "\r\n";
    if (d.from) {
        HeaderLine h("From", limits);
        mailbox(h, *d.from, false);
        out += h.finish();
    }
    if (!d.to.empty()) {
        HeaderLine h("To", limits);
        for (std::size_t i = 0; i < d.to.size(); ++i) mailbox(h, d.to[i], i + 1 < d.to.size());
        out += h.finish();
    }
    HeaderLine subject("Subject", limits);
    subject.text(d.subject, false);
    out += subject.finish();
    out += "Message-ID: <" + hash.substr(0, 32) + "@zapros.invalid>\r\n";
    out += "MIME-Version: 1.0\r\n";
    out += "X-Unsent: 1\r\n";
    out += "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n";
    out += "\r\n";

    out += "--" + boundary + "\r\n";
    out += "Content-Type: text/plain; charset=UTF-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    out += quoted_printable(d.text, limits.encoded_line);
    for (const Attachment& a : d.attachments) {
        // The CRLF before a delimiter belongs to it (RFC 2046 §5.1.1), not to the part.
        out += "\r\n--" + boundary + "\r\n";
        out += attachment_part(a, limits);
    }
    out += "\r\n--" + boundary + "--\r\n";
    return out;
}

}  // namespace zapros::mail
