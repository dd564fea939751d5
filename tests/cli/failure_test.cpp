// What ends a command or the work on one input: every exception a message and the exit status
// of its class, with the diagnostics found before it kept; nothing reaches std::terminate.
#include <catch2/catch.hpp>

#include <filesystem>
#include <new>
#include <stdexcept>

#include "base/files.hpp"
#include "cli/cli.hpp"
#include "cli/failure.hpp"
#include "cli/options.hpp"
#include "output/haru.hpp"
#include "support.hpp"
#include "text/font.hpp"
#include "text/fonts.hpp"
#include "text/hyphenate.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

template <class E>
cli::Failure failure_of(E e, const std::string& input = "r.md") {
    return cli::describe(std::make_exception_ptr(std::move(e)), input);
}

// An installation whose own fonts work and whose fallbacks are broken: a request that needs a
// fallback fails midway through typesetting, after the front matter has been read.
fs::path broken_fallbacks(const std::string& name) {
    const fs::path data = test::temp_dir(name);
    fs::create_directories(data / "fonts");
    for (text::FontId id = 0; id < text::font_count(); ++id) {
        const fs::path to = data / "fonts" / text::font_file(id);
        if (id < 4) fs::copy_file(test::source_dir() / "fonts" / text::font_file(id), to);
        else test::write(to, "not a font");
    }
    fs::create_directory_symlink(test::source_dir() / "hyph", data / "hyph");
    fs::create_directory_symlink(test::source_dir() / "icc", data / "icc");
    return data;
}

}  // namespace

TEST_CASE("each exception class ends in its exit status and a message naming the file", "[cli][failure]") {
    CHECK(failure_of(cli::Usage{"bad option"}).status == cli::exit_usage);
    CHECK(failure_of(LinkRefused("r.pdf", "r.pdf", "/etc/passwd", {"/work"})).status == cli::exit_input);
    CHECK(failure_of(IoError("cannot open r.md: gone")).status == cli::exit_system);
    const cli::Failure font = failure_of(text::FontError("x.ttf: truncated"));
    CHECK(font.status == cli::exit_system);
    CHECK(font.message() == "zapros: r.md: font: x.ttf: truncated\n");
    CHECK(failure_of(text::HyphenError("no dictionary")).message() == "zapros: r.md: no dictionary\n");
    CHECK(failure_of(output::OutputError("libharu 0x1015")).message() == "zapros: r.md: PDF: libharu 0x1015\n");
    CHECK(failure_of(std::bad_alloc()).message() == "zapros: r.md: out of memory\n");
}

TEST_CASE("an unexpected exception is an internal error naming the file, exit 3", "[cli][failure]") {
    const cli::Failure logic = failure_of(std::out_of_range("vector::at"));
    CHECK(logic.status == cli::exit_system);
    CHECK(logic.message().rfind("zapros: r.md: internal error: vector::at (a bug in zapros", 0) == 0);
    const cli::Failure unknown = failure_of(42);
    CHECK(unknown.status == cli::exit_system);
    CHECK(unknown.message().rfind("zapros: r.md: internal error: an exception of unknown type", 0) == 0);
    CHECK(failure_of(42, "").message().rfind("zapros: internal error:", 0) == 0);  // no file: the command's
}

TEST_CASE("with JSON diagnostics a failure is a JSON diagnostic about the whole file", "[cli][failure]") {
    CHECK(failure_of(text::FontError("x.ttf: truncated")).message(DiagnosticFormat::json, "r.md") ==
          "{\"file\":\"r.md\",\"line\":0,\"column\":0,\"severity\":\"error\",\"message\":\"r.md: font: x.ttf: truncated\",\"hint\":\"\"}\n");
}

TEST_CASE("in GitHub's format a failure is an annotation on the whole file, or on none", "[cli][failure]") {
    CHECK(failure_of(text::FontError("x.ttf: truncated")).message(DiagnosticFormat::github, "r.md") ==
          "::error file=r.md::r.md: font: x.ttf: truncated\n");
    CHECK(failure_of(IoError("cannot find zapros's fonts; looked in:\n  /a\n  /b"), "").message(DiagnosticFormat::github) ==
          "::error::cannot find zapros's fonts; looked in:%0A  /a%0A  /b\n");
}

TEST_CASE("an installation error midway keeps the diagnostics found before it", "[cli][failure]") {
    // Before, any exception in typesetting dropped the warnings gathered so far.
    const fs::path data = broken_fallbacks("failure-keeps");
    test::write(data / "greek.md", "---\ntitle: T\nto: X\n---\nα <b>x</b>\n");
    const auto r = test::run({"env", "ZAPROS_DATA_DIR=" + data.string(), test::binary().string(), "render", (data / "greek.md").string()});
    CHECK(r.status == 3);
    CHECK(r.err.find("greek.md:5:1: warning: raw HTML") != std::string::npos);
    CHECK(r.err.find("greek.md: font: ") != std::string::npos);
    CHECK(r.err.find("warning") < r.err.find("font: "));
}

TEST_CASE("a batch goes on with the next file after one ends in an installation error", "[cli][failure]") {
    const fs::path data = broken_fallbacks("failure-batch");
    test::write(data / "a.md", "---\ntitle: T\nto: X\n---\nα\n");
    test::write(data / "b.md", "---\ntitle: T\nto: X\n---\nТекст.\n");
    for (const std::string jobs : {"1", "2"}) {
        fs::remove(data / "b.pdf");
        const auto r = test::run({"env", "ZAPROS_DATA_DIR=" + data.string(), test::binary().string(), "render", "-j", jobs,
                                  (data / "a.md").string(), (data / "b.md").string()});
        CHECK(r.status == 3);
        CHECK(test::read(data / "b.pdf").rfind("%PDF-1.", 0) == 0);
        CHECK_FALSE(fs::exists(data / "a.pdf"));
    }
}
