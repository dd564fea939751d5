#pragma once
// Inside mail/: the transfer encodings of MIME bodies and the RFC 5322 date.
#include <cstdint>
#include <string>
#include <string_view>

namespace zapros::mail {

// RFC 4648 §4 base64 in lines of at most line_length characters, each ending in CRLF.
std::string base64_lines(std::string_view bytes, std::size_t line_length);

// RFC 4648 §4 base64 of bytes, on one line.
std::string base64(std::string_view bytes);

// RFC 2045 §6.7 quoted-printable of UTF-8 text whose lines end in "\n" (or "\r\n"): each line
// end a CRLF (a hard break), lines of at most line_length characters by soft breaks ("=" CRLF),
// '=' and every byte outside printable ASCII as =XX, a space or tab at a line's end as =20 / =09.
// As '=' is always followed by two hex digits or a line end, "=_" never occurs in the result.
std::string quoted_printable(std::string_view text, std::size_t line_length);

// RFC 5322 §3.3: "Mon, 30 Nov 2026 12:00:00 +0000" for seconds since 1970 (UTC), the day in two
// digits as date -R writes it.
std::string rfc5322_date(std::int64_t seconds);

}  // namespace zapros::mail
