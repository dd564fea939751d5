#include "base/diagnostic.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace zapros {

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::error) ++errors_;
    // A message quoting a megabyte of the request (a value) would be a megabyte line: cut at a
    // character boundary.
    for (std::string* text : {&d.message, &d.hint})
        if (text->size() > max_message_bytes) *text = std::string(utf8::prefix(*text, max_message_bytes)) + "…";
    if (list_.size() >= limit) {
        ++dropped_;
        return;
    }
    list_.push_back(std::move(d));
}

void Diagnostics::error(Pos pos, std::string message, std::string hint) {
    add({Severity::error, file_, pos, std::move(message), std::move(hint)});
}

void Diagnostics::warning(Pos pos, std::string message, std::string hint) {
    add({Severity::warning, file_, pos, std::move(message), std::move(hint)});
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = list_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.pos < b.pos;
    });
    if (dropped_ > 0)
        out.push_back({errors_ > 0 ? Severity::error : Severity::warning, file_, {},
                       std::to_string(dropped_) + " more diagnostics not shown", {}});
    return out;
}

std::string one_line(std::string_view text, bool keep_breaks) {
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (keep_breaks && (c == '\n' || c == '\r')) out += ch;
        else if (c == '\n') out += "\\n";
        else if (c < 0x20 || c == 0x7F) (out += "\\x") += std::string{hex[c >> 4], hex[c & 15]};
        else out += ch;
    }
    return out;
}

namespace {

std::string location(const Diagnostic& d) {
    std::string s = one_line(d.file);  // a file name is the request's author's too
    if (d.pos.line > 0) {
        s += ':' + std::to_string(d.pos.line);
        if (d.pos.col > 0) s += ':' + std::to_string(d.pos.col);
    }
    return s;
}

}  // namespace

std::string format_gcc(const Diagnostic& d) {
    std::string s = location(d);
    s += d.severity == Severity::error ? ": error: " : ": warning: ";
    s += one_line(d.message);
    if (!d.hint.empty()) s += '\n' + location(d) + ": note: " + one_line(d.hint);
    return s;
}

namespace {

void append_json_chars(std::string& out, std::string_view text) {
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        default:
            if (c < 0x20) {
                static const char hex[] = "0123456789abcdef";
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += ch;
            }
        }
    }
}

}  // namespace

std::string json_string(std::string_view text) {
    std::string out = "\"";
    // JSON is UTF-8 (RFC 8259, 8.1): a byte of no valid sequence (a file named in Latin-1) becomes
    // U+FFFD, or a strict reader (GitLab's, for the Code Quality report) rejects the whole text.
    while (const std::optional<std::size_t> bad = utf8::first_invalid(text)) {
        append_json_chars(out, text.substr(0, *bad));
        out += "\\ufffd";
        text.remove_prefix(*bad + 1);
    }
    append_json_chars(out, text);
    out += '"';
    return out;
}

std::string format_json(const Diagnostic& d) {
    std::string s = "{\"file\":" + json_string(d.file);
    s += ",\"line\":" + std::to_string(d.pos.line);
    s += ",\"column\":" + std::to_string(d.pos.col);
    s += ",\"severity\":";
    s += d.severity == Severity::error ? "\"error\"" : "\"warning\"";
    s += ",\"message\":" + json_string(d.message);
    s += ",\"hint\":" + json_string(d.hint);
    s += '}';
    return s;
}

std::string github_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string github_property(std::string_view text) {
    std::string out;
    for (const char c : github_data(text)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

namespace {

// "::KIND file=F,line=L,col=C::" with what of the position is known.
std::string github_command(const char* kind, const Diagnostic& d) {
    std::string s = std::string("::") + kind;
    if (!d.file.empty()) s += " file=" + github_property(d.file);
    if (d.pos.line > 0) {
        s += (d.file.empty() ? " line=" : ",line=") + std::to_string(d.pos.line);
        if (d.pos.col > 0) s += ",col=" + std::to_string(d.pos.col);
    }
    return s + "::";
}

}  // namespace

std::string format_github(const Diagnostic& d) {
    const char* kind = d.severity == Severity::error ? "error" : "warning";
    std::string s = github_command(kind, d) + github_data(one_line(d.message, true));
    if (!d.hint.empty()) s += '\n' + github_command("notice", d) + github_data(one_line(d.hint, true));
    return s;
}

std::string format(const Diagnostic& d, DiagnosticFormat f) {
    switch (f) {
    case DiagnosticFormat::json: return format_json(d);
    case DiagnosticFormat::github: return format_github(d);
    case DiagnosticFormat::gcc: break;
    }
    return format_gcc(d);
}

}  // namespace zapros
