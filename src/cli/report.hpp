#pragma once
// Inside cli/: what a run of render or check reports beside stderr, for CI: the facts of each
// input; a Markdown section for a job summary (GitHub's $GITHUB_STEP_SUMMARY); GitLab's Code
// Quality report; the list of the files written (the GitHub action's output).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "records/records.hpp"

namespace zapros::cli {

struct Options;

// One input as the run left it.
struct InputReport {
    std::string file;                     // as given on the command line
    bool ok = false;                      // rendered (or checked) without error; false until it was
    std::string title;                    // from the front matter, when it was read
    std::vector<std::string> addressees;  // the front matter's `to`
    std::optional<std::size_t> pages;     // when it was typeset
    std::string output;                   // the file written; empty: none (check, a failure, "-o -")
    std::vector<std::string> copies;      // with split: each addressee's copy written beside it
    std::vector<std::string> others;      // written beside them: the text twins, the e-mail drafts
    std::size_t size = 0;                 // its bytes
    std::string sha256;                   // their digest
    std::vector<Diagnostic> diagnostics;  // every one printed for it, what ended its work included
    std::vector<records::Row> register_rows;  // its rows of the register (records::rows), when it was read
};

struct ReportSettings {
    DiagnosticFormat format = DiagnosticFormat::gcc;
    std::string link;  // --summary-link: each written file's row links here
    // GitHub turns at most this many errors, and as many warnings, of one step into annotations
    // (docs.github.com, "Workflow commands": the rest stay in the log).
    std::size_t annotation_limit = 10;
};

// text as one cell of a Markdown table that cannot end the cell, start HTML, a link or emphasis,
// whatever a stranger's request puts in it: '|', '\\', '`', '*', '_', '[', ']' backslash-escaped,
// '<' '>' '&' as entities, line ends and other control characters as spaces.
std::string markdown_cell(std::string_view text);

// "### zapros", a table with a row per input, and, in the github format when this run printed
// more errors or warnings than GitHub annotates, a line saying how many stay in the log only.
// general: diagnostics that belong to no input (an installation that failed). When any request
// was sent (a row not a draft), the register of all of them follows (register_markdown).
std::string summary_markdown(const std::vector<InputReport>& inputs, const std::vector<Diagnostic>& general,
                             const ReportSettings& settings);

// GitLab's Code Quality report (docs.gitlab.com, "Code Quality": a JSON array of issues with
// description, check_name, fingerprint, severity, location.path, location.lines.begin); every
// error "major", warning "minor", hint "info"; "[]" with none. Fingerprints are SHA-256 of the
// path, position, severity and message, so the same problem keeps its fingerprint from run to
// run, and are unique within the report.
std::string code_quality_json(const std::vector<InputReport>& inputs, const std::vector<Diagnostic>& general);

// Every file written (each input's file copy, its addressees' copies, then the twins and
// drafts beside them), one a line, in input order.
std::string outputs_list(const std::vector<InputReport>& inputs);

// Appends text to path (created if missing), never truncating it: a step summary file is shared
// by every step of a job. Throws IoError.
void append_file(const std::string& path, std::string_view text);

// --summary, --code-quality and --outputs-file, those that were asked for. Throws IoError.
void write_reports(const Options& o, const std::vector<InputReport>& inputs, const std::vector<Diagnostic>& general);

}  // namespace zapros::cli
