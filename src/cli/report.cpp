#include "cli/report.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include "base/files.hpp"
#include "base/sha256.hpp"
#include "cli/options.hpp"
#include "cli/register.hpp"

namespace zapros::cli {

std::string markdown_cell(std::string_view text) {
    std::string out;
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) out += ' ';  // a line end would end the table row
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '&') out += "&amp;";
        else if (std::strchr("|\\`*_[]", ch)) (out += '\\') += ch;
        else out += ch;
    }
    return out;
}

namespace {

const char* const dash = "—";

std::size_t count(const std::vector<Diagnostic>& list, Severity s) {
    std::size_t n = 0;
    for (const Diagnostic& d : list) n += d.severity == s;
    return n;
}

// 12345 → "12.3 kB" (decimal units, as ls -h --si and GitHub's artifact list count).
std::string size_text(std::size_t bytes) {
    if (bytes < 1000) return std::to_string(bytes) + " B";
    char buf[32];
    const double kb = static_cast<double>(bytes) / 1000;
    if (kb < 1000) std::snprintf(buf, sizeof buf, "%.1f kB", kb);
    else std::snprintf(buf, sizeof buf, "%.1f MB", kb / 1000);
    return buf;
}

// A URL inside a Markdown link's parentheses: what would end it or the table cell percent-encoded.
std::string link_target(std::string_view url) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : url) {
        const auto c = static_cast<unsigned char>(ch);
        if (c <= 0x20 || c == 0x7F || std::strchr("()<>|\\`\"'[]", ch))
            (out += '%') += std::string{hex[c >> 4], hex[c & 15]};
        else out += ch;
    }
    return out;
}

std::string row(const InputReport& r, bool error_column, const ReportSettings& s) {
    std::string to;  // an addressee of several lines (a name, an address) as one, lines split by ", "
    for (const std::string& a : r.addressees) {
        if (!to.empty()) to += "; ";
        for (const char c : a) to += c == '\n' ? std::string(", ") : std::string(1, c);
    }
    if (!r.copies.empty()) to += " (" + std::to_string(r.copies.size()) + (r.copies.size() == 1 ? " copy)" : " copies)");
    const bool written = !r.output.empty();
    std::vector<std::string> cells{
        markdown_cell(r.file),
        r.title.empty() ? dash : markdown_cell(r.title),
        to.empty() ? dash : markdown_cell(to),
        r.pages ? std::to_string(*r.pages) : dash,
        written ? size_text(r.size) : !r.ok ? "failed" : dash,
        written ? "`" + r.sha256 + "`" : dash,
    };
    if (error_column) cells.push_back(std::to_string(count(r.diagnostics, Severity::error)));
    cells.push_back(std::to_string(count(r.diagnostics, Severity::warning)));
    cells.push_back(written && !s.link.empty() ? "[" + markdown_cell(r.output) + "](" + link_target(s.link) + ")" : dash);
    std::string line = "|";
    for (const std::string& c : cells) line += " " + c + " |";
    return line + "\n";
}

}  // namespace

std::string summary_markdown(const std::vector<InputReport>& inputs, const std::vector<Diagnostic>& general,
                             const ReportSettings& settings) {
    std::size_t errors = count(general, Severity::error), warnings = count(general, Severity::warning);
    for (const InputReport& r : inputs) {
        errors += count(r.diagnostics, Severity::error);
        warnings += count(r.diagnostics, Severity::warning);
    }
    // The leading blank line keeps the heading off whatever an earlier step left unterminated.
    std::string s = "\n### zapros\n\n";
    const bool error_column = errors > 0;
    s += error_column ? "| file | title | addressees | pages | size | sha256 | errors | warnings | link |\n"
                        "|---|---|---|---:|---:|---|---:|---:|---|\n"
                      : "| file | title | addressees | pages | size | sha256 | warnings | link |\n"
                        "|---|---|---|---:|---:|---|---:|---|\n";
    for (const InputReport& r : inputs) s += row(r, error_column, settings);
    const std::size_t limit = settings.annotation_limit;
    if (settings.format == DiagnosticFormat::github && (errors > limit || warnings > limit)) {
        const std::size_t lost_errors = errors > limit ? errors - limit : 0;
        const std::size_t lost_warnings = warnings > limit ? warnings - limit : 0;
        s += "\nThis run printed " + std::to_string(errors) + " errors and " + std::to_string(warnings) +
             " warnings; GitHub shows at most " + std::to_string(limit) + " of each per step as annotations, so " +
             std::to_string(lost_errors) + " errors and " + std::to_string(lost_warnings) +
             " warnings are not annotations. All of them are in the step's log.\n";
    }
    std::vector<records::Row> rows;
    bool sent = false;
    for (const InputReport& r : inputs)
        for (const records::Row& row : r.register_rows) {
            sent = sent || row.status != records::Status::draft;
            rows.push_back(row);
        }
    if (sent) s += register_markdown(std::move(rows));
    return s;
}

namespace {

struct Issue {
    const Diagnostic* d;
    bool hint;  // the diagnostic's hint, as a note of its own
};

}  // namespace

std::string code_quality_json(const std::vector<InputReport>& inputs, const std::vector<Diagnostic>& general) {
    std::vector<Issue> issues;
    for (const InputReport& r : inputs)
        for (const Diagnostic& d : r.diagnostics) {
            issues.push_back({&d, false});
            if (!d.hint.empty()) issues.push_back({&d, true});
        }
    for (const Diagnostic& d : general) issues.push_back({&d, false});
    std::set<std::string> fingerprints;
    std::string out = "[";
    for (const Issue& i : issues) {
        const Diagnostic& d = *i.d;
        const char* severity = i.hint ? "info" : d.severity == Severity::error ? "major" : "minor";
        const char* check = i.hint ? "zapros/note" : d.severity == Severity::error ? "zapros/error" : "zapros/warning";
        const std::string& text = i.hint ? d.hint : d.message;
        const std::string path = d.file.empty() ? "." : d.file;  // what belongs to no input: the job's directory
        const std::string key = path + '\0' + std::to_string(d.pos.line) + '\0' + std::to_string(d.pos.col) + '\0' +
                                severity + '\0' + text;
        // The same message twice at one place (rare) gets a second fingerprint from its repetition.
        std::string fingerprint = sha256_hex(key);
        for (int n = 2; !fingerprints.insert(fingerprint).second; ++n) fingerprint = sha256_hex(key + '\0' + std::to_string(n));
        out += out.size() > 1 ? ",\n  " : "\n  ";
        out += "{\"description\":" + json_string(text) + ",\"check_name\":" + json_string(check) +
               ",\"fingerprint\":\"" + fingerprint + "\",\"severity\":\"" + severity + "\",\"location\":{\"path\":" +
               json_string(path) + ",\"lines\":{\"begin\":" + std::to_string(std::max(d.pos.line, 1)) + "}}}";
    }
    return out + (issues.empty() ? "]\n" : "\n]\n");
}

std::string outputs_list(const std::vector<InputReport>& inputs) {
    std::string out;
    for (const InputReport& r : inputs) {
        if (!r.output.empty()) out += r.output + "\n";
        for (const std::string& c : r.copies) out += c + "\n";
        for (const std::string& other : r.others) out += other + "\n";
    }
    return out;
}

void append_file(const std::string& path, std::string_view text) {
    // O_NOFOLLOW: a link put at path after report_target judged it is not followed.
    const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) throw IoError("cannot open " + path + ": " + std::strerror(errno));
    try {
        write_descriptor(fd, text, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (::close(fd) != 0) throw IoError("cannot write " + path + ": " + std::strerror(errno));
}

namespace {

// Where a report goes, under the rule for every output (README "Command line"): a path that is or
// leads through a symbolic link is followed only when it leads under the report's own directory or
// an --allow-dir, so a link committed to a repository (summary.md → ~/.bashrc, a reports/ → /etc)
// cannot make CI write elsewhere. Throws LinkRefused.
std::filesystem::path report_target(const Options& o, const std::string& path) {
    WriteRoots roots;
    for (const std::string& d : o.allow_dirs) roots.add_allowed(d);
    roots.add_named(std::filesystem::path(path).parent_path());
    return write_target(path, roots);
}

}  // namespace

void write_reports(const Options& o, const std::vector<InputReport>& inputs, const std::vector<Diagnostic>& general) {
    // Every target judged before anything is written, each once: a refused one leaves the others
    // untouched. A report into the process's own descriptor (/dev/stdout, /dev/fd/N) goes as it is.
    struct Target {
        const std::string& path;
        std::optional<int> fd;
        std::filesystem::path file;
    };
    auto target = [&o](const std::string& path) {
        Target t{path, own_descriptor(path), {}};
        if (!path.empty() && !t.fd) t.file = report_target(o, path);
        return t;
    };
    const Target summary = target(o.summary), quality = target(o.code_quality), outputs = target(o.outputs_file);
    // The summary is appended (a step summary file is shared by every step); the others replaced.
    auto put = [](const Target& t, std::string_view text, bool append) {
        if (t.fd) write_descriptor(*t.fd, text, t.path);
        else if (append) append_file(t.file.string(), text);
        else write_file_atomic(t.file, text, t.path);
    };
    if (!o.summary.empty()) put(summary, summary_markdown(inputs, general, {o.format, o.summary_link}), true);
    if (!o.code_quality.empty()) put(quality, code_quality_json(inputs, general), false);
    if (!o.outputs_file.empty()) put(outputs, outputs_list(inputs), false);
}

}  // namespace zapros::cli
