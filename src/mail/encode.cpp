#include "mail/encode.hpp"

#include <array>
#include <chrono>

namespace zapros::mail {

namespace {

constexpr std::string_view base64_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view hex_digits = "0123456789ABCDEF";

std::string hex_escape(unsigned char c) {
    return {'=', hex_digits[c >> 4], hex_digits[c & 15]};
}

// One line of text (no line end) as quoted-printable, folded with soft breaks.
void quote_line(std::string_view line, std::size_t line_length, std::string& out) {
    std::size_t col = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const auto c = static_cast<unsigned char>(line[i]);
        const bool last = i + 1 == line.size();
        // §6.7 (2) literal printable ASCII except '='; (3) a space or tab only when something
        // printable follows it on the encoded line.
        const bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
        const std::string piece = literal ? std::string(1, static_cast<char>(c)) : hex_escape(c);
        // §6.7 (5): a soft break "=" keeps each line within line_length; the line's last piece
        // may use the column the "=" would have needed.
        const std::size_t room = last ? line_length : line_length - 1;
        if (col + piece.size() > room) {
            out += "=\r\n";
            col = 0;
        }
        out += piece;
        col += piece.size();
    }
}

}  // namespace

std::string base64(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k)
            v = v << 8 | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k)
            out += k <= n ? base64_alphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

std::string base64_lines(std::string_view bytes, std::size_t line_length) {
    const std::string flat = base64(bytes);
    std::string out;
    out.reserve(flat.size() + flat.size() / line_length * 2 + 2);
    for (std::size_t at = 0; at < flat.size(); at += line_length) {
        out.append(flat, at, line_length);
        out += "\r\n";
    }
    return out;
}

std::string quoted_printable(std::string_view text, std::size_t line_length) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        const bool has_end = end != std::string_view::npos;
        if (!has_end) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (has_end && !line.empty() && line.back() == '\r') line.remove_suffix(1);
        quote_line(line, line_length, out);
        if (has_end) out += "\r\n";
        start = end + 1;
    }
    return out;
}

std::string rfc5322_date(std::int64_t seconds) {
    using namespace std::chrono;
    static constexpr std::array<std::string_view, 7> days{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const sys_seconds t{std::chrono::seconds{seconds}};
    const sys_days day = floor<std::chrono::days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss<std::chrono::seconds> time{t - day};
    auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
    return std::string(days[weekday(day).c_encoding()]) + ", " + two(static_cast<unsigned>(ymd.day())) + " " +
           std::string(months[static_cast<unsigned>(ymd.month()) - 1]) + " " + std::to_string(static_cast<int>(ymd.year())) +
           " " + two(time.hours().count()) + ":" + two(time.minutes().count()) + ":" + two(time.seconds().count()) + " +0000";
}

}  // namespace zapros::mail
