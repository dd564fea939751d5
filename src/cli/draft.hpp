#pragma once
// Inside cli/: the e-mail draft of one rendered request (render --eml), as mail::Draft values.
#include <cstdint>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "mail/draft.hpp"
#include "request/request.hpp"

namespace zapros::cli {

// To: every addressee with an email (a warning at each one without: the draft misses it);
// Subject: the title; From: the executor's email and name when given (a warning when that email
// is no address); Date: the front matter's date at 12:00:00 UTC, which is the same calendar day
// from UTC−11 to UTC+11, else epoch (SOURCE_DATE_EPOCH), else none, never the clock; the body:
// the front matter's email: text (a cover), else twin (the letter as plain text, for a reception
// that reads the mail and not the attachment); the PDF attached as pdf_name.
mail::Draft draft_for(const request::Request& req, const std::string& pdf_name, std::string pdf, const std::string& twin,
                      std::optional<std::int64_t> epoch, Diagnostics& diags);

// Seconds since 1970 of 12:00:00 UTC on the date.
std::int64_t noon_utc(const request::Date& d);

}  // namespace zapros::cli
