// The command line, by running the binary: exit statuses 0/1/2/3 and the diagnostic format.
#include <catch2/catch.hpp>

#include <filesystem>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support.hpp"

using zapros::test::read;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::temporaries;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::string valid = "---\ntitle: Запрос\nto: Министерство\n---\nТекст запроса.\n";

}  // namespace

TEST_CASE("the version option prints the version and exits 0", "[cli]") {
    const auto r = run_zapros({"--version"});
    CHECK(r.status == 0);
    CHECK(r.out == "zapros " ZAPROS_VERSION "\n");
}

TEST_CASE("the help options print usage and exit 0", "[cli]") {
    const auto main = run_zapros({"--help"});
    CHECK(main.status == 0);
    CHECK(main.out.find("zapros render IN.md") != std::string::npos);
    const auto render = run_zapros({"render", "--help"});
    CHECK(render.status == 0);
    CHECK(render.out.find("-d, --dir DIR") != std::string::npos);
    const auto check = run_zapros({"check", "--help"});
    CHECK(check.status == 0);
    CHECK(check.out.rfind("Usage: zapros check", 0) == 0);
}

TEST_CASE("usage errors exit 2 with a message", "[cli]") {
    CHECK(run_zapros({}).status == 2);
    const auto unknown = run_zapros({"frobnicate"});
    CHECK(unknown.status == 2);
    CHECK(unknown.err == "zapros: unknown command 'frobnicate'\nTry 'zapros --help'.\n");
    CHECK(run_zapros({"render", "--bogus", "a.md"}).status == 2);
    CHECK(run_zapros({"check"}).status == 2);
    CHECK(run_zapros({"render", "a.md", "b.md", "-o", "x.pdf"}).status == 2);
}

TEST_CASE("check on a valid request exits 0 and prints nothing", "[cli]") {
    const auto dir = temp_dir("cli-valid");
    write(dir / "ok.md", valid);
    const auto r = run_zapros({"check", "ok.md"}, dir);
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK_FALSE(fs::exists(dir / "ok.pdf"));
}

TEST_CASE("check prints three mistakes as FILE:LINE:COL errors in order and exits 1", "[cli]") {
    const auto dir = temp_dir("cli-three");
    write(dir / "bad.md", "---\ntitel: Запрос\nto: 5\n---\nТекст со ссылкой[^1].\n");
    const auto r = run_zapros({"check", "bad.md"}, dir);
    CHECK(r.status == 1);
    CHECK(r.err ==
          "bad.md:1:1: error: missing required key 'title'\n"
          "bad.md:1:1: note: add a line: title: Информационный запрос\n"
          "bad.md:2:1: error: unknown key 'titel'; did you mean 'title'?\n"
          "bad.md:3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number\n"
          "bad.md:3:5: note: to use it as text, put it in quotes: to: \"5\"\n"
          "bad.md:5:17: error: note [^1] is not defined\n"
          "bad.md:5:17: note: define it on a line of its own: [^1]: text of the note\n");
}

TEST_CASE("a missing input file exits 3", "[cli]") {
    const auto dir = temp_dir("cli-missing");
    const auto r = run_zapros({"check", "nope.md"}, dir);
    CHECK(r.status == 3);
    CHECK(r.err.rfind("zapros: cannot open nope.md: No such file or directory", 0) == 0);
}

TEST_CASE("render writes a PDF and exits 0", "[cli]") {
    const auto dir = temp_dir("cli-render");
    write(dir / "ok.md", valid);
    const auto r = run_zapros({"render", "ok.md", "-o", "out.pdf"}, dir);
    CHECK(r.status == 0);
    CHECK(read(dir / "out.pdf").rfind("%PDF-1.", 0) == 0);
    CHECK(temporaries(dir).empty());
}

TEST_CASE("render into an unwritable place exits 3 and leaves no file", "[cli]") {
    const auto dir = temp_dir("cli-unwritable");
    write(dir / "ok.md", valid);
    const auto r = run_zapros({"render", "ok.md", "-o", "no-such-dir/out.pdf"}, dir);
    CHECK(r.status == 3);
    CHECK(r.err.find("cannot write no-such-dir/out.pdf: No such file or directory") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "no-such-dir"));
}

TEST_CASE("a request with errors exits 1 and never replaces a good PDF", "[cli]") {
    const auto dir = temp_dir("cli-keep");
    write(dir / "r.md", valid);
    REQUIRE(run_zapros({"render", "r.md", "-o", "r.pdf"}, dir).status == 0);
    const std::string good = read(dir / "r.pdf");
    write(dir / "r.md", "---\ntitle: Запрос\nto: 5\n---\n");
    CHECK(run_zapros({"render", "r.md", "-o", "r.pdf"}, dir).status == 1);
    CHECK(read(dir / "r.pdf") == good);
}

TEST_CASE("render -d writes each input to DIR/NAME.pdf", "[cli]") {
    const auto dir = temp_dir("cli-dir");
    write(dir / "a.md", valid);
    write(dir / "b.md", valid);
    const auto r = run_zapros({"render", "a.md", "b.md", "-d", "out"}, dir);
    CHECK(r.status == 0);
    CHECK(fs::exists(dir / "out" / "a.pdf"));
    CHECK(fs::exists(dir / "out" / "b.pdf"));
}

TEST_CASE("a write cut short by a file size limit leaves the good PDF and no temporary file", "[cli]") {
    // ulimit -f: the write fails with EFBIG midway (zapros ignores SIGXFSZ) and must not leave a
    // half-written PDF or replace the good one.
    const auto dir = temp_dir("cli-fsize");
    write(dir / "r.md", valid);
    REQUIRE(run_zapros({"render", "r.md", "-o", "r.pdf"}, dir).status == 0);
    const std::string good = read(dir / "r.pdf");
    write(dir / "r.md", valid + "Новый абзац, которого нет в хорошем PDF.\n");
    const auto r = zapros::test::run({"prlimit", "--fsize=2048", "--", zapros::test::binary().string(), "render", "r.md", "-o", "r.pdf"}, dir);
    CHECK(r.status == 3);
    CHECK_FALSE(r.signaled);
    CHECK(r.err.find("cannot write r.pdf: File too large") != std::string::npos);
    CHECK(read(dir / "r.pdf") == good);
    CHECK(temporaries(dir).empty());
}

TEST_CASE("rendering onto a directory fails cleanly and leaves the directory alone", "[cli]") {
    const auto dir = temp_dir("cli-onto-dir");
    write(dir / "r.md", valid);
    fs::create_directories(dir / "out.pdf");
    const auto r = run_zapros({"render", "r.md", "-o", "out.pdf"}, dir);
    CHECK(r.status == 3);
    CHECK(fs::is_directory(dir / "out.pdf"));
    CHECK(temporaries(dir).empty());
}

TEST_CASE("render -o - writes the PDF to standard output and no file named -", "[cli]") {
    const auto dir = temp_dir("cli-dash");
    write(dir / "r.md", valid);
    const auto r = run_zapros({"render", "r.md", "-o", "-"}, dir);
    REQUIRE(r.status == 0);
    CHECK(r.out.rfind("%PDF-", 0) == 0);
    CHECK(r.out.find("%%EOF") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "-"));
    CHECK_FALSE(fs::exists(dir / "r.pdf"));
}

TEST_CASE("render into a FIFO writes the PDF through it and leaves the FIFO in place", "[cli]") {
    // As -o /dev/null or /dev/stdout on a pipe: renaming a temporary file over a device or a
    // pipe would replace it with a regular file (root may do that to /dev/null). The test holds
    // the reading end open without blocking, with room in the pipe for the whole PDF, so that a
    // zapros that replaced the FIFO fails the checks instead of hanging the test.
    const auto dir = temp_dir("cli-fifo");
    write(dir / "r.md", valid);
    REQUIRE(::mkfifo((dir / "out.pdf").c_str(), 0600) == 0);
    const int fd = ::open((dir / "out.pdf").c_str(), O_RDONLY | O_NONBLOCK);
    REQUIRE(fd >= 0);
    REQUIRE(::fcntl(fd, F_SETPIPE_SZ, 1 << 20) >= (1 << 20));
    const auto r = run_zapros({"render", "r.md", "-o", "out.pdf"}, dir);
    std::string received;
    char buf[1 << 16];
    for (ssize_t n; (n = ::read(fd, buf, sizeof buf)) > 0;) received.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    CHECK(r.status == 0);
    CHECK(received.rfind("%PDF-1.", 0) == 0);
    CHECK(received.find("%%EOF") != std::string::npos);
    CHECK(fs::is_fifo(dir / "out.pdf"));
    CHECK(temporaries(dir).empty());
}

TEST_CASE("render through a symbolic link replaces its target and keeps the link", "[cli]") {
    const auto dir = temp_dir("cli-symlink");
    write(dir / "r.md", valid);
    fs::create_directories(dir / "store");
    write(dir / "store" / "r.pdf", "old");
    fs::create_symlink("store/r.pdf", dir / "r.pdf");
    const auto r = run_zapros({"render", "r.md", "-o", "r.pdf"}, dir);
    CHECK(r.status == 0);
    CHECK(fs::is_symlink(dir / "r.pdf"));
    CHECK(read(dir / "store" / "r.pdf").rfind("%PDF-1.", 0) == 0);
    CHECK(temporaries(dir).empty());
}

TEST_CASE("two inputs that would write one PDF are a usage error and nothing is rendered", "[cli]") {
    const auto dir = temp_dir("cli-same-output");
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    write(dir / "a" / "x.md", valid);
    write(dir / "b" / "x.md", valid);
    const auto r = run_zapros({"render", "a/x.md", "b/x.md", "-d", "out", "-j", "2"}, dir);
    CHECK(r.status == 2);
    CHECK(r.err.rfind("zapros: 'a/x.md' and 'b/x.md' would both be written to out/x.pdf\n", 0) == 0);
    CHECK_FALSE(fs::exists(dir / "out" / "x.pdf"));
    CHECK(run_zapros({"render", "a/x.md", "b/x.md"}, dir).status == 0);  // beside each input: distinct
    CHECK(run_zapros({"check", "a/x.md", "a/x.md"}, dir).status == 0);   // check writes nothing
}
