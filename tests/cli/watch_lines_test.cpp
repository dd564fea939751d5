// What zapros watch prints about a file after a render (cli/watch_lines.hpp): the diagnostics
// only when they changed since that file's last render, a line when its errors are all fixed,
// and one line per render.
#include <catch2/catch.hpp>

#include "cli/watch_lines.hpp"

using zapros::cli::diagnostics_news;
using zapros::cli::LastRender;
using zapros::cli::render_line;

namespace {

const std::string warning = "a.md:3:1: warning: the request has no text\n";
const std::string error = "a.md:2:5: error: unknown key 'titel'\n";

}  // namespace

TEST_CASE("watch: the first render of a file prints all its diagnostics", "[cli][watch]") {
    CHECK(diagnostics_news("a.md", std::nullopt, warning, true) == warning);
    CHECK(diagnostics_news("a.md", std::nullopt, error, false) == error);
}

TEST_CASE("watch: diagnostics the same as at the file's last render are not printed again", "[cli][watch]") {
    CHECK(diagnostics_news("a.md", LastRender{warning, true}, warning, true).empty());
    CHECK(diagnostics_news("a.md", LastRender{error, false}, error, false).empty());
}

TEST_CASE("watch: diagnostics that changed are printed whole", "[cli][watch]") {
    CHECK(diagnostics_news("a.md", LastRender{warning, true}, warning + error, false) == warning + error);
    const std::string other = "a.md:4:1: error: unknown key 'to_'\n";
    CHECK(diagnostics_news("a.md", LastRender{error, false}, other, false) == other);
}

TEST_CASE("watch: a file whose errors are all fixed gets a line saying so", "[cli][watch]") {
    CHECK(diagnostics_news("a.md", LastRender{error, false}, "", true) == "a.md: all errors fixed\n");
    // Fixed, but a warning is left: the warning, then the line.
    CHECK(diagnostics_news("a.md", LastRender{error, false}, warning, true) == warning + "a.md: all errors fixed\n");
}

TEST_CASE("watch: a file whose warnings are all gone gets a line saying so", "[cli][watch]") {
    CHECK(diagnostics_news("a.md", LastRender{warning, true}, "", true) == "a.md: no warnings left\n");
    CHECK(diagnostics_news("a.md", LastRender{"", true}, "", true).empty());  // nothing was there to go
}

TEST_CASE("watch: a render is one line naming the file, the PDF and the milliseconds", "[cli][watch]") {
    CHECK(render_line("a.md", "build/a.pdf", true, 12) == "a.md → build/a.pdf (12 ms)\n");
    CHECK(render_line("a.md", "build/a.pdf", false, 3) == "a.md: failed, build/a.pdf not written (3 ms)\n");
    // A name holding a line break stays on the render's line (nothing can fake a line of its own).
    const std::string line = render_line("x\n::error::y.md", "x.pdf", true, 1);
    CHECK(line.find('\n') == line.size() - 1);
}
