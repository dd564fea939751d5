#include "cli/draft.hpp"

#include "base/mail_address.hpp"

#include <chrono>
#include <string_view>

namespace zapros::cli {

namespace {

// A block's text (a name over several lines) as one line for a display name: every run of
// white space one space, none at either end.
std::string one_line_name(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

}  // namespace

std::int64_t noon_utc(const request::Date& d) {
    using namespace std::chrono;
    const sys_days day{year{d.year} / month{static_cast<unsigned>(d.month)} / std::chrono::day{static_cast<unsigned>(d.day)}};
    return duration_cast<seconds>(day.time_since_epoch()).count() + 12 * 3600;
}

mail::Draft draft_for(const request::Request& req, const std::string& pdf_name, std::string pdf, const std::string& twin,
                      std::optional<std::int64_t> epoch, Diagnostics& diags) {
    const request::Meta& meta = req.meta;
    mail::Draft d;
    for (const request::Addressee& to : meta.to) {
        if (!to.email) diags.warning(to.pos, "this addressee has no email: the e-mail draft's To misses it");
        else if (!is_mail_address(to.email->value))  // request/ checks it too; mail/ must never see one
            diags.warning(to.email->pos, "this email is no address (local@domain): the e-mail draft's To misses it");
        else d.to.push_back({one_line_name(to.name.value), to.email->value});
    }
    if (meta.executor && meta.executor->email) {
        const request::Text& email = *meta.executor->email;
        if (is_mail_address(email.value)) d.from = mail::Mailbox{one_line_name(meta.executor->name.value), email.value};
        else diags.warning(email.pos, "the executor's email is no address (local@domain): the e-mail draft has no From");
    }
    d.subject = one_line_name(meta.title.value);
    if (meta.date) d.date = noon_utc(*meta.date);
    else d.date = epoch;
    d.text = meta.email ? meta.email->value : twin;
    if (!d.text.empty() && d.text.back() != '\n') d.text += '\n';  // the last line ends, as a text file's does
    d.attachments.push_back({pdf_name, "application/pdf", std::move(pdf)});
    return d;
}

}  // namespace zapros::cli
