// The saves zapros watch sees (cli/watcher.hpp): a file written in place, renamed over it (an
// editor's atomic save), deleted and written again, reached through a link. Each test first
// makes every change, then waits (with a generous bound, never a sleep) and takes what is
// pending: the kernel queues the events in order, so all of them are there once one is. Where a
// test asserts that a save is *not* reported, a save of another key follows it as the sentinel.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "cli/watcher.hpp"
#include "support.hpp"

using zapros::cli::Watcher;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

constexpr int bound_ms = 20000;  // a loaded CI machine; a passing run waits microseconds

std::set<std::size_t> saved_keys(Watcher& w) {
    REQUIRE(w.wait(bound_ms));
    return w.take().keys;
}

// An editor's atomic save (vim's default on most files, gedit, VS Code, Emacs's backup by
// renaming): the new text in a temporary file beside the old, renamed over it.
void save_by_rename(const fs::path& p, const std::string& text) {
    const fs::path tmp = p.string() + ".swp";
    write(tmp, text);
    fs::rename(tmp, p);
}

// Opened for writing and closed: the event that ends a save in place (IN_CLOSE_WRITE), without
// the truncation and data, which cost a file system milliseconds each; for the tests that need
// thousands of events.
void close_written(const fs::path& p) {
    const int fd = ::open(p.c_str(), O_WRONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    ::close(fd);
}

// A directory with a.md watched for key 0 and b.md for key 1.
struct TwoRequests {
    explicit TwoRequests(const std::string& name) : d(zapros::test::temp_dir(name)) {
        write(d / "a.md", "a");
        write(d / "b.md", "b");
        CHECK(w.watch(0, {(d / "a.md").string()}).empty());
        CHECK(w.watch(1, {(d / "b.md").string()}).empty());
    }
    fs::path d;
    Watcher w;
};

}  // namespace

TEST_CASE("watcher: a file written in place is reported for its key only", "[cli][watch]") {
    TwoRequests t("watcher-in-place");
    auto& [d, w] = t;
    write(d / "a.md", "a, edited");
    const Watcher::Changes c = [&] {
        REQUIRE(w.wait(bound_ms));
        return w.take();
    }();
    CHECK(c.keys == std::set<std::size_t>{0});
    CHECK(c.files == std::set<std::string>{(d / "a.md").string()});
    CHECK_FALSE(c.overflow);
}

TEST_CASE("watcher: a file renamed over the old one (an atomic save) is reported", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watcher-rename");
    write(d / "a.md", "a");
    Watcher w;
    w.watch(7, {(d / "a.md").string()});
    save_by_rename(d / "a.md", "a, saved atomically");
    CHECK(saved_keys(w) == std::set<std::size_t>{7});
}

TEST_CASE("watcher: other names in a watched directory (outputs, temporary files) are ignored", "[cli][watch]") {
    TwoRequests t("watcher-others");
    auto& [d, w] = t;
    save_by_rename(d / "a.pdf", "%PDF");  // a's output, written as zapros writes it
    write(d / "a.pdf.d", "a.pdf: a.md\n");
    write(d / "b.md", "b, edited");  // the sentinel
    CHECK(saved_keys(w) == std::set<std::size_t>{1});
}

TEST_CASE("watcher: a file deleted and written again is reported", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watcher-recreated");
    write(d / "a.md", "a");
    Watcher w;
    w.watch(0, {(d / "a.md").string()});
    fs::remove(d / "a.md");
    write(d / "a.md", "a, again");
    CHECK(saved_keys(w) == std::set<std::size_t>{0});
}

TEST_CASE("watcher: a file a key no longer depends on is no longer reported for it", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watcher-dropped");
    for (const char* f : {"a.md", "old.png", "b.md"}) write(d / f, f);
    Watcher w;
    w.watch(0, {(d / "a.md").string(), (d / "old.png").string()});
    w.watch(1, {(d / "b.md").string()});
    w.watch(0, {(d / "a.md").string()});  // the request no longer shows old.png
    write(d / "old.png", "changed");
    write(d / "b.md", "b, edited");  // the sentinel
    CHECK(saved_keys(w) == std::set<std::size_t>{1});
}

TEST_CASE("watcher: a file shared by two keys is reported for both, once each", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watcher-shared");
    for (const char* f : {"a.md", "b.md", "seal.png"}) write(d / f, f);
    Watcher w;
    w.watch(0, {(d / "a.md").string(), (d / "seal.png").string()});
    w.watch(1, {(d / "b.md").string(), (d / "seal.png").string()});
    write(d / "seal.png", "new seal");
    write(d / "seal.png", "newer seal");
    write(d / "a.md", "a, edited");
    CHECK(saved_keys(w) == std::set<std::size_t>{0, 1});
    CHECK(w.take().keys.empty());  // all of it was taken at once
}

TEST_CASE("watcher: a file named through a link is reported when its target is saved", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watcher-link");
    fs::create_directories(d / "real");
    write(d / "real" / "a.md", "a");
    fs::create_symlink("real/a.md", d / "a.md");
    Watcher w;
    w.watch(0, {(d / "a.md").string()});
    save_by_rename(d / "real" / "a.md", "a, saved where it really is");
    CHECK(saved_keys(w) == std::set<std::size_t>{0});
}

TEST_CASE("watcher: a file in a directory that does not exist is returned as not watched", "[cli][watch]") {
    const fs::path d = zapros::test::temp_dir("watcher-missing");
    Watcher w;
    const std::string missing = (d / "nowhere" / "a.png").string();
    CHECK(w.watch(0, {missing}) == std::vector<std::string>{missing});
}

TEST_CASE("watcher: everything pending is taken at once, beyond one read's buffer", "[cli][watch]") {
    TwoRequests t("watcher-drain");
    auto& [d, w] = t;
    // The kernel merges an event with an identical one just before it, so the two files take
    // turns: 4,000 events of 32 bytes, twice the 64 KiB that one read takes.
    for (int k = 0; k < 2000; ++k) {
        close_written(d / "a.md");
        close_written(d / "b.md");
    }
    CHECK(saved_keys(w) == std::set<std::size_t>{0, 1});
    CHECK_FALSE(w.wait(0));  // nothing left for a second round of renders
}

TEST_CASE("watcher: a queue that overflowed is said, so that every request is rendered again", "[cli][watch]") {
    TwoRequests t("watcher-overflow");
    auto& [d, w] = t;
    std::size_t limit = 16384;  // the kernel's default
    std::ifstream("/proc/sys/fs/inotify/max_queued_events") >> limit;
    REQUIRE(limit <= 200000);  // else this test would take long: leave it to a machine with the default
    for (std::size_t k = 0; k < limit / 2 + 1; ++k) {
        close_written(d / "a.md");
        close_written(d / "b.md");
    }
    REQUIRE(w.wait(bound_ms));
    CHECK(w.take().overflow);
}
