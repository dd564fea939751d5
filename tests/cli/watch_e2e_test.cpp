// zapros watch as a user runs it: the binary started on requests in a temporary directory, its
// stderr read line by line. Every test waits on the line the watcher prints after a render
// (polling its stderr, with a generous upper bound), never on a sleep; then it checks the PDF.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "png_writer.hpp"
#include "support.hpp"

extern char** environ;

using zapros::test::occurrences;
using zapros::test::read;
using zapros::test::run;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

constexpr double bound_seconds = 60;  // a loaded CI machine; a render takes milliseconds

// zapros watch ARGS… in dir, its stderr kept as it comes.
class Watching {
public:
    Watching(const std::vector<std::string>& args, const fs::path& dir) {
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        std::vector<std::string> argv_s{zapros::test::binary().string(), "watch"};
        argv_s.insert(argv_s.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : argv_s) argv.push_back(a.data());
        argv.push_back(nullptr);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&fa, fds[1], 2);
        posix_spawn_file_actions_addchdir_np(&fa, dir.c_str());
        const int spawned = posix_spawn(&pid_, argv[0], &fa, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        ::close(fds[1]);
        err_fd_ = fds[0];
        REQUIRE(spawned == 0);
    }
    ~Watching() {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            ::waitpid(pid_, nullptr, 0);
        }
        ::close(err_fd_);
    }
    Watching(const Watching&) = delete;
    Watching& operator=(const Watching&) = delete;

    // Reads stderr until it holds `text` `times` times in all; fails the test after the bound.
    const std::string& wait_for(const std::string& text, std::size_t times = 1) {
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(bound_seconds);
        while (occurrences(err_, text) < times) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
            INFO("stderr so far:\n" << err_);
            REQUIRE(left.count() > 0);
            pollfd p{err_fd_, POLLIN, 0};
            const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
            REQUIRE(ready >= 0);
            if (ready == 0) continue;  // the bound: failed above
            char buf[4096];
            const ssize_t n = ::read(err_fd_, buf, sizeof buf);
            REQUIRE(n > 0);  // the watcher is still running
            err_.append(buf, static_cast<std::size_t>(n));
        }
        return err_;
    }
    const std::string& err() const { return err_; }

    // Sends sig and returns the exit status (128 + N when the signal killed it).
    int stop(int sig = SIGTERM) {
        REQUIRE(::kill(pid_, sig) == 0);
        int status = 0;
        const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(bound_seconds);
        pid_t done = 0;
        while ((done = ::waitpid(pid_, &status, WNOHANG)) == 0 && std::chrono::steady_clock::now() < end) {
            pollfd p{err_fd_, POLLIN, 0};  // stderr's end tells when it exits; its last lines are kept
            if (::poll(&p, 1, 100) > 0) {
                char buf[4096];
                if (const ssize_t n = ::read(err_fd_, buf, sizeof buf); n > 0) err_.append(buf, static_cast<std::size_t>(n));
            }
        }
        REQUIRE(done == pid_);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    pid_t pid_ = -1;
    int err_fd_ = -1;
    std::string err_;
};

std::string request(const std::string& body) { return "---\ntitle: Запрос\nto: Министерство\n---\n" + body; }

std::string pdf_text(const fs::path& pdf) {
    const auto r = run({"pdftotext", pdf.string(), "-"});
    REQUIRE(r.status == 0);
    return r.out;
}

// An editor's atomic save: the new text in a temporary file beside the old, renamed over it.
void save_by_rename(const fs::path& p, const std::string& text) {
    write(p.string() + ".swp", text);
    fs::rename(p.string() + ".swp", p);
}

}  // namespace

TEST_CASE("zapros watch renders a request again after it is written in place", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-in-place");
    write(d / "a.md", request("Первая редакция.\n"));
    Watching w({"a.md"}, d);
    w.wait_for("a.md → a.pdf (");
    CHECK(pdf_text(d / "a.pdf").find("Первая редакция.") != std::string::npos);
    write(d / "a.md", request("Вторая редакция.\n"));
    w.wait_for("a.md → a.pdf (", 2);
    CHECK(pdf_text(d / "a.pdf").find("Вторая редакция.") != std::string::npos);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch renders a request again after an editor's atomic save, into -d DIR", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-rename");
    write(d / "a.md", request("Первая редакция.\n"));
    Watching w({"a.md", "-d", "out"}, d);
    w.wait_for("a.md → out/a.pdf (");
    save_by_rename(d / "a.md", request("Сохранено переименованием.\n"));
    w.wait_for("a.md → out/a.pdf (", 2);
    CHECK(pdf_text(d / "out" / "a.pdf").find("Сохранено переименованием.") != std::string::npos);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch renders a request again when an image it shows is saved", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-image");
    fs::create_directories(d / "images");
    write(d / "images" / "scan.png", zapros::test::png(300, 150));
    write(d / "a.md", request("Скан:\n\n![скан](images/scan.png)\n"));
    Watching w({"a.md"}, d);
    w.wait_for("a.md → a.pdf (");
    const std::string before = read(d / "a.pdf");
    save_by_rename(d / "images" / "scan.png", zapros::test::png(150, 300));  // another size, another page
    w.wait_for("a.md → a.pdf (", 2);
    CHECK(read(d / "a.pdf") != before);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch picks up a request deleted and written again", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-recreated");
    write(d / "a.md", request("Первая редакция.\n"));
    Watching w({"a.md"}, d);
    w.wait_for("a.md → a.pdf (");
    fs::remove(d / "a.md");
    write(d / "a.md", request("Написан заново.\n"));
    w.wait_for("a.md → a.pdf (", 2);
    CHECK(pdf_text(d / "a.pdf").find("Написан заново.") != std::string::npos);
    CHECK(w.stop(SIGINT) == 0);  // Ctrl-C
}

TEST_CASE("zapros watch renders again with a font saved over the one it used", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-font");
    // An installation of its own (ZAPROS_DATA_DIR), whose serif face can be replaced.
    fs::create_directories(d / "data");
    for (const char* sub : {"fonts", "hyph", "icc", "schema"})
        fs::copy(zapros::test::source_dir() / sub, d / "data" / sub, fs::copy_options::recursive);
    REQUIRE(::setenv("ZAPROS_DATA_DIR", (d / "data").c_str(), 1) == 0);
    write(d / "a.md", request("Текст запроса.\n"));
    Watching w({"a.md"}, d);
    REQUIRE(::unsetenv("ZAPROS_DATA_DIR") == 0);
    w.wait_for("a.md → a.pdf (");
    auto fonts = [&] { return run({"pdffonts", (d / "a.pdf").string()}).out; };
    REQUIRE(fonts().find("PTSerif-Regular") != std::string::npos);
    // The serif face's file now holds DejaVu Serif: the fonts loaded for the first render are stale.
    save_by_rename(d / "data" / "fonts" / "PTF55F.ttf", read(d / "data" / "fonts" / "DejaVuSerif.ttf"));
    w.wait_for("a.md → a.pdf (", 2);
    CHECK(fonts().find("PTSerif-Regular") == std::string::npos);
    CHECK(fonts().find("DejaVuSerif") != std::string::npos);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch keeps the last good PDF through a broken save and prints its errors once", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-broken");
    write(d / "a.md", request("Хорошая редакция.\n"));
    Watching w({"a.md"}, d);
    w.wait_for("a.md → a.pdf (");
    const std::string good = read(d / "a.pdf");
    const std::string broken = "---\ntitel: Запрос\nto: Министерство\n---\nТекст.\n";
    write(d / "a.md", broken);
    w.wait_for("a.md: failed, a.pdf not written (");
    CHECK(read(d / "a.pdf") == good);
    CHECK(occurrences(w.err(), "a.md:2:1: error:") == 1);
    write(d / "a.md", broken);  // the same errors again: not printed again
    w.wait_for("a.md: failed, a.pdf not written (", 2);
    CHECK(occurrences(w.err(), "a.md:2:1: error:") == 1);
    write(d / "a.md", request("Исправленная редакция.\n"));
    w.wait_for("a.md: all errors fixed\na.md → a.pdf (");
    CHECK(pdf_text(d / "a.pdf").find("Исправленная редакция.") != std::string::npos);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch still watches an image through a save that breaks the front matter", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-broken-image");
    write(d / "scan.png", zapros::test::png(300, 150));
    write(d / "a.md", request("![скан](scan.png)\n"));
    Watching w({"a.md"}, d);
    w.wait_for("a.md → a.pdf (");
    // A YAML error: the request is not read, so this render does not know of the image.
    write(d / "a.md", "---\ntitle: [Запрос\nto: Министерство\n---\n![скан](scan.png)\n");
    w.wait_for("a.md: failed, a.pdf not written (");
    write(d / "scan.png", zapros::test::png(150, 300));
    w.wait_for("a.md: failed, a.pdf not written (", 2);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch renders again when an image that broke the first render is mended", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-mended-image");
    write(d / "scan.png", "not a PNG at all");  // the request is read; the image fails when it is set
    write(d / "a.md", request("![скан](scan.png)\n"));
    Watching w({"a.md"}, d);
    w.wait_for("a.md: failed, a.pdf not written (");
    write(d / "scan.png", zapros::test::png(300, 150));
    w.wait_for("a.md: all errors fixed\na.md → a.pdf (");
    CHECK(fs::exists(d / "a.pdf"));
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch is not woken by its own PDFs, and renders only the request saved", "[e2e][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-own-outputs");
    write(d / "a.md", request("Первый.\n"));
    write(d / "b.md", request("Второй.\n"));
    Watching w({"a.md", "b.md", "-MD"}, d);  // PDFs and depfiles beside the requests
    const std::string ready = w.wait_for("zapros: watching 2 requests");
    CHECK(occurrences(ready, "a.md → a.pdf (") == 1);
    write(d / "b.md", request("Второй, исправленный.\n"));
    // Had a.pdf's or b.pdf's writing woken the watcher, a or b would be rendered before this save.
    const std::string after = w.wait_for("b.md → b.pdf (", 2);
    CHECK(occurrences(after, "a.md → a.pdf (") == 1);
    CHECK(occurrences(after, "b.md → b.pdf (") == 2);
    CHECK(w.stop() == 0);
}

TEST_CASE("zapros watch refuses -o - and render's reports", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watch-usage");
    write(d / "a.md", request("Текст.\n"));
    // Bounded: a watch that took them would never end by itself.
    auto watch = [&](const std::vector<std::string>& args) {
        std::vector<std::string> argv{zapros::test::binary().string(), "watch", "a.md"};
        argv.insert(argv.end(), args.begin(), args.end());
        return run(argv, d, 10);
    };
    for (const auto& args : std::vector<std::vector<std::string>>{{"-o", "-"}, {"--summary", "s.md"}, {"-j", "2"}}) {
        const auto r = watch(args);
        CHECK(r.status == 2);
        CHECK(r.err.find("zapros: 'watch' ") == 0);
    }
    CHECK_FALSE(fs::exists(d / "a.pdf"));
}
