#include "cli/watch_lines.hpp"

#include "base/diagnostic.hpp"

namespace zapros::cli {

std::string diagnostics_news(const std::string& file, const std::optional<LastRender>& last,
                             const std::string& report, bool ok) {
    if (!last) return report;
    std::string news = report != last->report ? report : std::string();
    if (!last->ok && ok) news += one_line(file) + ": all errors fixed\n";
    else if (report.empty() && !last->report.empty()) news += one_line(file) + ": no warnings left\n";
    return news;
}

std::string render_line(const std::string& file, const std::string& out, bool ok, long milliseconds) {
    const std::string ms = " (" + std::to_string(milliseconds) + " ms)\n";
    if (ok) return one_line(file) + " → " + one_line(out) + ms;
    return one_line(file) + ": failed, " + one_line(out) + " not written" + ms;
}

}  // namespace zapros::cli
