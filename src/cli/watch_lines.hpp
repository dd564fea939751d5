#pragma once
// Inside cli/: what zapros watch prints about a file after each render. A watch renders the same
// file again and again: repeating the same warnings at every save would bury the one that is new,
// so diagnostics are printed when they change, and the render itself is one short line.
#include <optional>
#include <string>

namespace zapros::cli {

// A file's last render, as far as its lines go.
struct LastRender {
    std::string report;  // the diagnostics and messages printed for it (render's Outcome::report)
    bool ok = false;     // written without error
};

// What to print before the render's line: the diagnostics when they differ from the last
// render's (all of them at the first render), "FILE: all errors fixed" when the last render
// failed and this one did not, "FILE: no warnings left" when the last one's warnings are gone.
std::string diagnostics_news(const std::string& file, const std::optional<LastRender>& last,
                             const std::string& report, bool ok);

// "FILE → OUT (N ms)" for a render written, "FILE: failed, OUT not written (N ms)" for one that
// was not (the last good OUT stays). One line, whatever the names hold.
std::string render_line(const std::string& file, const std::string& out, bool ok, long milliseconds);

}  // namespace zapros::cli
