#include "mail/header.hpp"

#include "base/mail_address.hpp"

#include <algorithm>


namespace zapros::mail {

namespace {

// The bytes of the UTF-8 sequence starting with lead (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

// Text that may stand as it is: printable ASCII words joined by single spaces, none of them
// looking like an encoded word ("=?"), each short enough for a line of its own; in a phrase
// also only atext (else it would need quoting, and an encoded word is as good).
bool plain(std::string_view text, bool phrase, std::size_t longest) {
    if (text.empty() || text.front() == ' ' || text.back() == ' ' || text.find("  ") != std::string_view::npos ||
        text.find("=?") != std::string_view::npos)
        return false;
    std::size_t word = 0;
    for (char c : text) {
        if (c == ' ') {
            word = 0;
            continue;
        }
        if (c < 33 || c > 126 || (phrase && !is_atext(c)) || ++word > longest) return false;
    }
    return true;
}

// RFC 2047 §4.2 and §5 (3): the Q encoding as a phrase allows it: letters and digits as they
// are, a space as '_', every other byte =XX.
std::size_t q_length(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ? 1 : 3;
}

std::string q_encoded(std::string_view text) {
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == ' ') out += '_';
        else if (q_length(c) == 1) out += ch;
        else out += {'=', hex[c >> 4], hex[c & 15]};
    }
    return out;
}

// Where an encoded word starting at `at` ends within `room` encoded characters: after the last
// space that fits (whole: true), at the text's end (whole), else after the last character that
// fits (whole: false; at least one character, however little room there is).
struct Fit {
    std::size_t end;
    bool whole;
    std::size_t used;  // encoded characters within room; 0: not even one character fits
};

Fit fit_q(std::string_view text, std::size_t at, std::size_t room) {
    std::size_t used = 0, end = at, after_space = at;
    while (end < text.size()) {
        const std::size_t next = std::min(text.size(), end + sequence_length(static_cast<unsigned char>(text[end])));
        std::size_t cost = 0;
        for (std::size_t k = end; k < next; ++k) cost += q_length(static_cast<unsigned char>(text[k]));
        if (used + cost > room) break;
        used += cost;
        if (text[end] == ' ') after_space = next;
        end = next;
    }
    if (end == text.size()) return {end, true, used};
    if (after_space > at) return {after_space, true, used};
    if (end == at) return {std::min(text.size(), at + sequence_length(static_cast<unsigned char>(text[at]))), false, 0};
    return {end, false, used};
}

}  // namespace

HeaderLine::HeaderLine(std::string_view name, const Limits& limits) : limits_(limits) {
    out_ = std::string(name) + ":";
    col_ = out_.size();
}

void HeaderLine::token(std::string_view token, bool glued) {
    const std::size_t need = token.size() + (glued ? 0 : 1);
    if (!glued && col_ > 1 && need > room()) {  // fold: the space starts the next line
        out_ += "\r\n";
        col_ = 0;
    }
    if (!glued) out_ += ' ';
    out_ += token;
    col_ += need;
}

void HeaderLine::text(std::string_view text, bool phrase) {
    if (text.empty()) return;
    if (!plain(text, phrase, limits_.line - 1)) return encoded_words(text);
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) end = text.size();
        token(text.substr(start, end - start));
        start = end + 1;
    }
}

// RFC 2047 encoded words "=?UTF-8?Q?…?=", each at most limits_.encoded_word characters.
// Q, not B: GMime (mu, Evolution) joins the base64 of adjacent B words before decoding, and
// loses the rest of the text at a word's '=' padding; Q has no padding. Each word holds whole
// UTF-8 characters (§5) and, where it can, ends just after one of the text's spaces, the space
// encoded inside it: the white space between adjacent encoded words is dropped on decoding
// (§6.2), and readers that show a word cut between two encoded words with a space in the cut
// (Python's address parser, some mail clients) then still show the words whole.
void HeaderLine::encoded_words(std::string_view text) {
    constexpr std::string_view open = "=?UTF-8?Q?", close = "?=";
    const std::size_t frame = open.size() + close.size();
    const std::size_t widest = limits_.encoded_word - frame;  // encoded characters in the longest word
    for (std::size_t at = 0; at < text.size();) {
        const std::size_t room_here = room() > frame + 1 ? std::min(widest, room() - 1 - frame) : 0;
        Fit fit = fit_q(text, at, room_here);
        if (!fit.whole && col_ > 1) {  // a fresh line may hold the text's word whole
            const Fit fresh = fit_q(text, at, widest);
            if (fresh.whole || fit.used == 0) {
                out_ += "\r\n";
                col_ = 0;
                fit = fresh;
            }
        }
        token(std::string(open) + q_encoded(text.substr(at, fit.end - at)) + std::string(close));
        at = fit.end;
    }
}

std::string HeaderLine::finish() {
    return out_ + "\r\n";
}

void mailbox(HeaderLine& h, const Mailbox& m, bool comma) {
    if (!is_mail_address(m.address)) throw BadDraft("not an addr-spec (local@domain): '" + m.address + "'");
    const std::string tail = comma ? "," : "";
    if (m.name.empty()) return h.token(m.address + tail);
    h.text(m.name, true);
    h.token("<" + m.address + ">" + tail);
}

std::vector<std::string> rfc2231_parameter(std::string_view name, std::string_view utf8, const Limits& limits) {
    // §4: the value's characters outside attribute-char (RFC 2045's token less '*', '\'', '%')
    // as %XX.
    auto attribute_char = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
    };
    static constexpr std::string_view hex = "0123456789ABCDEF";
    std::vector<std::string> pieces;  // one character each: "a" or "%D0"
    for (char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        pieces.push_back(attribute_char(c) ? std::string(1, ch) : std::string{'%', hex[c >> 4], hex[c & 15]});
    }
    std::string whole = " " + std::string(name) + "*=UTF-8''";
    for (const std::string& p : pieces) whole += p;
    if (whole.size() + 1 <= limits.line) return {whole};
    // §3: name*0*=UTF-8''…, name*1*=…; each line " name*N*=" + value + ";" within the limit.
    std::vector<std::string> lines;
    std::string line;
    for (std::size_t i = 0; i < pieces.size();) {
        line = " " + std::string(name) + "*" + std::to_string(lines.size()) + "*=" + (lines.empty() ? "UTF-8''" : "");
        const std::size_t empty = line.size();
        while (i < pieces.size() && (line.size() == empty || line.size() + pieces[i].size() + 1 <= limits.line))
            line += pieces[i++];
        lines.push_back(line);
    }
    return lines;
}

std::string ascii_fallback(std::string_view utf8, const Limits& limits) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size(); i += sequence_length(static_cast<unsigned char>(utf8[i]))) {
        const char c = utf8[i];
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                          c == '-' || c == '_';
        out += keep ? c : '_';
    }
    if (out.size() <= limits.fallback_name) return out;
    const std::size_t dot = out.rfind('.');
    const std::string ext = dot != std::string::npos && out.size() - dot <= 8 ? out.substr(dot) : "";
    return out.substr(0, limits.fallback_name - ext.size()) + ext;
}

}  // namespace zapros::mail
