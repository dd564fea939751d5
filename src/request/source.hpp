#pragma once
// The checked text of an input file: valid UTF-8 without a BOM, with LF line ends, and a line
// index that turns offsets back into positions of the original file.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"

namespace zapros::request {

class Source {
public:
    // Checks the bytes: UTF-8 only (a UTF-16 or CP1251/KOI8-R file gets a message saying so),
    // no NUL bytes; skips a UTF-8 BOM; accepts CRLF, LF and lone CR line ends. On a problem it
    // reports an error and returns nothing.
    static std::optional<Source> load(std::string_view bytes, Diagnostics& diags);

    std::string_view text() const { return text_; }
    int line_count() const { return static_cast<int>(line_starts_.size()); }
    // Line n (1-based) without its line end; empty past the end.
    std::string_view line(int n) const;
    // The offset in text() where line n starts.
    std::size_t line_offset(int n) const;
    Pos pos_at(std::size_t offset) const;
    // A position from a 1-based line and a 1-based column counted in bytes (what cmark-gfm and
    // yaml-cpp report), turned into a column counted in characters.
    Pos pos_from_byte_col(int line, int byte_col) const;

private:
    std::string text_;
    std::vector<std::size_t> line_starts_;
};

// Source::pos_from_byte_col for positions asked for in reading order: the characters are counted
// on from the last position asked for on the same line, so that a line of 100,000 inline nodes
// is counted through once, not once a node.
class ColumnCounter {
public:
    explicit ColumnCounter(const Source& src) : src_(src) {}
    Pos pos(int line, int byte_col);

private:
    const Source& src_;
    int line_ = 0;
    std::size_t bytes_ = 0;  // bytes of line_ counted so far
    int col_ = 1;            // the column after them
};

}  // namespace zapros::request
