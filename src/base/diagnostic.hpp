#pragma once
// Problems with the input are values with positions (STYLE 8): collected during a run, sorted,
// printed together, and mapped to an exit status only by the CLI.
#include <string>
#include <string_view>
#include <vector>

namespace zapros {

// A position in the original file: 1-based line, 1-based column in characters (code points).
// 0 means unknown; a Pos{} diagnostic is about the whole file.
struct Pos {
    int line = 0;
    int col = 0;
    friend bool operator==(const Pos&, const Pos&) = default;
    friend auto operator<=>(const Pos&, const Pos&) = default;
};

enum class Severity { error, warning };

struct Diagnostic {
    Severity severity = Severity::error;
    std::string file;
    Pos pos;
    std::string message;
    std::string hint;  // optional advice, printed as a "note:" line
};

// Collects the diagnostics of one input file. Past `limit` of them only a count is kept, so a
// hostile file cannot turn into gigabytes of messages.
class Diagnostics {
public:
    static constexpr std::size_t limit = 1000;
    static constexpr std::size_t max_message_bytes = 1000;  // a message or hint past it is cut, with "…"

    explicit Diagnostics(std::string file = {}) : file_(std::move(file)) {}

    void error(Pos pos, std::string message, std::string hint = {});
    void warning(Pos pos, std::string message, std::string hint = {});
    void add(Diagnostic d);

    const std::string& file() const { return file_; }
    bool has_errors() const { return errors_ > 0; }
    std::size_t size() const { return list_.size(); }
    // Sorted by position (stable, so equal positions keep the order they were found in); past
    // the limit a last note says how many more there were.
    std::vector<Diagnostic> sorted() const;
    const std::vector<Diagnostic>& all() const { return list_; }

private:
    std::string file_;
    std::vector<Diagnostic> list_;
    std::size_t errors_ = 0;
    std::size_t dropped_ = 0;
};

// GCC's form, which editors and CI logs understand: "FILE:LINE:COL: error: message",
// followed by "FILE:LINE:COL: note: hint" when there is a hint.
std::string format_gcc(const Diagnostic& d);
// One JSON object on one line: {"file":…,"line":…,"column":…,"severity":…,"message":…,"hint":…}.
std::string format_json(const Diagnostic& d);
// GitHub Actions' workflow command, which the runner turns into an annotation on the file:
// "::error file=F,line=L,col=C::message" (::warning), followed by "::notice file=…::hint" when
// there is a hint. No position: no line= and col=.
std::string format_github(const Diagnostic& d);

// text as one line of a terminal or a CI log: a control character a request (or its file's name)
// put in it (a line end, an escape sequence) shown as \n, \x1b…, so that it can neither forge a
// diagnostic or workflow-command line nor drive the terminal. keep_breaks: CR and LF stay
// (GitHub's format escapes them as %0D, %0A, and shows them as line breaks in the annotation).
std::string one_line(std::string_view text, bool keep_breaks = false);

enum class DiagnosticFormat { gcc, json, github };
std::string format(const Diagnostic& d, DiagnosticFormat f);

// GitHub's escaping of a workflow command (actions/toolkit, command.ts): in the message "%", CR
// and LF as %25, %0D, %0A; in a property's value (file=, title=) also ":" and "," as %3A, %2C,
// which would otherwise end the value.
std::string github_data(std::string_view text);
std::string github_property(std::string_view text);

// text as a JSON string, quotes included: '"', '\\' and control characters escaped, valid UTF-8
// as it is, each byte of no valid sequence as \ufffd (JSON is UTF-8).
std::string json_string(std::string_view text);

}  // namespace zapros
