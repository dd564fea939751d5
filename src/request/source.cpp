#include "request/source.hpp"

#include <algorithm>
#include <cstdio>

#include "base/utf8.hpp"

namespace zapros::request {

namespace {

// Position of a byte offset in raw bytes that are valid UTF-8 up to that offset.
Pos raw_pos(std::string_view bytes, std::size_t offset) {
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset; ++i) {
        if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n'))) {
            ++line;
            line_start = i + 1;
        }
    }
    std::size_t from = line_start;
    if (line == 1 && bytes.substr(0, 3) == "\xEF\xBB\xBF") from = 3;
    return {line, static_cast<int>(utf8::length(bytes.substr(from, offset - from))) + 1};
}

// An 8-bit Cyrillic file shows its encoding in where its letters fall: Russian text is mostly
// lower case, which is 0xE0–0xFF in CP1251 and 0xC0–0xDF in KOI8-R.
std::string guess_8bit_encoding(std::string_view bytes) {
    std::size_t high = 0, c0_df = 0, e0_ff = 0;
    for (unsigned char c : bytes) {
        if (c < 0x80) continue;
        ++high;
        if (c >= 0xC0 && c <= 0xDF) ++c0_df;
        if (c >= 0xE0) ++e0_ff;
    }
    if (high == 0 || (c0_df + e0_ff) * 10 < high * 7) return {};
    return e0_ff >= c0_df ? "CP1251" : "KOI8-R";
}

}  // namespace

std::optional<Source> Source::load(std::string_view bytes, Diagnostics& diags) {
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        diags.error({1, 1}, "the file is UTF-16; zapros reads UTF-8 only",
                    "save the file as UTF-8 (iconv -f UTF-16 -t UTF-8)");
        return std::nullopt;
    }
    if (const auto bad = utf8::first_invalid(bytes)) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
        const std::string enc = guess_8bit_encoding(bytes);
        if (!enc.empty()) {
            diags.error(raw_pos(bytes, *bad),
                        "the file is not UTF-8: byte " + std::string(byte) +
                            " here, and the file looks like " + enc + " Cyrillic text",
                        "convert it: iconv -f " + enc + " -t UTF-8 FILE > FILE.new");
        } else {
            diags.error(raw_pos(bytes, *bad),
                        "the file is not UTF-8: invalid byte " + std::string(byte),
                        "save the file as UTF-8");
        }
        return std::nullopt;
    }
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        diags.error(raw_pos(bytes, nul), "NUL byte in the file; a request is plain text",
                    "remove the NUL bytes; was a binary file or a UTF-16 file renamed to .md?");
        return std::nullopt;
    }

    Source src;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    src.text_.reserve(bytes.size());
    src.line_starts_.push_back(0);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        char c = bytes[i];
        if (c == '\r') {
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n') continue;  // CRLF: keep the LF
            c = '\n';                                                     // a lone CR ends a line
        }
        src.text_ += c;
        if (c == '\n') src.line_starts_.push_back(src.text_.size());
    }
    // A final line end does not open another line.
    if (src.line_starts_.size() > 1 && src.line_starts_.back() == src.text_.size())
        src.line_starts_.pop_back();
    return src;
}

std::string_view Source::line(int n) const {
    if (n < 1 || n > line_count()) return {};
    const std::size_t start = line_starts_[n - 1];
    std::size_t end = n < line_count() ? line_starts_[n] : text_.size();
    if (end > start && text_[end - 1] == '\n') --end;
    return std::string_view(text_).substr(start, end - start);
}

std::size_t Source::line_offset(int n) const {
    if (n < 1) return 0;
    if (n > line_count()) return text_.size();
    return line_starts_[n - 1];
}

Pos Source::pos_at(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    const int line = static_cast<int>(it - line_starts_.begin());
    const std::size_t start = line_starts_[line - 1];
    return {line, static_cast<int>(utf8::length(std::string_view(text_).substr(start, offset - start))) + 1};
}

Pos Source::pos_from_byte_col(int line, int byte_col) const {
    if (line < 1) return {};
    const std::string_view l = this->line(line);
    const std::size_t bytes = std::min<std::size_t>(byte_col > 0 ? byte_col - 1 : 0, l.size());
    return {line, static_cast<int>(utf8::length(l.substr(0, bytes))) + 1};
}

Pos ColumnCounter::pos(int line, int byte_col) {
    if (line < 1) return {};
    const std::string_view l = src_.line(line);
    const std::size_t bytes = std::min<std::size_t>(byte_col > 0 ? byte_col - 1 : 0, l.size());
    if (line != line_ || bytes < bytes_) {  // another line, or back: count from the line's start
        line_ = line;
        bytes_ = 0;
        col_ = 1;
    }
    col_ += static_cast<int>(utf8::length(l.substr(bytes_, bytes - bytes_)));
    bytes_ = bytes;
    return {line, col_};
}

}  // namespace zapros::request
