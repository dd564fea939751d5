// Where the data is looked for (cli/locate.hpp), as a pure function of the binary's path and of
// which directories hold the data; then the real binary copied into a PREFIX/bin of its own.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "cli/locate.hpp"
#include "support.hpp"

using zapros::cli::data_candidates;
using zapros::cli::data_not_found;
using zapros::cli::resolve_program;
using zapros::cli::search_data;
using zapros::test::occurrences;
using zapros::test::read;
using zapros::test::run;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

auto holding(std::set<fs::path> dirs) {
    return [dirs = std::move(dirs)](const fs::path& d) { return dirs.count(d) > 0; };
}

// build/zapros copied into a fresh PREFIX/bin (returns PREFIX), and a request in a working
// directory elsewhere.
fs::path copied_binary(const std::string& name, fs::path& work) {
    const fs::path prefix = temp_dir(name) / "prefix";
    fs::create_directories(prefix / "bin");
    fs::copy_file(zapros::test::binary(), prefix / "bin" / "zapros");
    work = temp_dir(name + "-work");
    write(work / "r.md", "---\ntitle: Запрос\nto: МИД\n---\nТекст.\n");
    return prefix;
}

}  // namespace

TEST_CASE("the data is looked for beside the binary, then above it, then in the compiled-in directory", "[cli]") {
    const auto c = data_candidates(fs::path("/opt/z/bin/zapros"), "/usr/share/zapros");
    CHECK(c == std::vector<fs::path>{"/opt/z/share/zapros", "/opt/z", "/usr/share/zapros"});
}

TEST_CASE("without the binary's location only the compiled-in directory is looked in", "[cli]") {
    CHECK(data_candidates(std::nullopt, "/usr/share/zapros") == std::vector<fs::path>{"/usr/share/zapros"});
    const auto s = search_data(std::nullopt, "/usr/share/zapros", holding({"/usr/share/zapros"}));
    CHECK(!s.exe_known);
    REQUIRE(s.found);
    CHECK(*s.found == "/usr/share/zapros");
}

TEST_CASE("the first place holding the data wins: a tarball's own data before the installed one", "[cli]") {
    const auto s = search_data(fs::path("/opt/z/bin/zapros"), "/usr/share/zapros",
                               holding({"/opt/z/share/zapros", "/usr/share/zapros"}));
    REQUIRE(s.found);
    CHECK(*s.found == "/opt/z/share/zapros");
    const auto tree = search_data(fs::path("/src/build/zapros"), "/usr/share/zapros", holding({"/src", "/usr/share/zapros"}));
    REQUIRE(tree.found);
    CHECK(*tree.found == "/src");  // a source tree's build/zapros uses the tree's fonts, not an installed copy
}

TEST_CASE("an installed binary moved away from its data falls back to the compiled-in directory", "[cli]") {
    const auto s = search_data(fs::path("/tmp/x/zapros"), "/usr/share/zapros", holding({"/usr/share/zapros"}));
    REQUIRE(s.found);
    CHECK(*s.found == "/usr/share/zapros");
}

TEST_CASE("the installation error lists every place looked in", "[cli]") {
    const auto s = search_data(fs::path("/opt/z/bin/zapros"), "/usr/share/zapros", holding({}));
    CHECK(!s.found);
    const std::string m = data_not_found(s);
    CHECK(m.find("\n  /opt/z/share/zapros/fonts\n  /opt/z/fonts\n  /usr/share/zapros/fonts\n") != std::string::npos);
    CHECK(m.find("location is unknown") == std::string::npos);
    CHECK(m.find("ZAPROS_DATA_DIR") != std::string::npos);
}

TEST_CASE("the installation error says when the binary's own location could not be found", "[cli]") {
    const std::string m = data_not_found(search_data(std::nullopt, "/usr/share/zapros", holding({})));
    CHECK(m.find("\n  /usr/share/zapros/fonts\n") != std::string::npos);
    CHECK(m.find("the binary's own location is unknown") != std::string::npos);
}

TEST_CASE("argv[0] with a slash is taken against the starting directory, without one searched in PATH", "[cli]") {
    const auto none = holding({});
    CHECK(resolve_program("bin/zapros", "/usr/bin", "/work", none) == fs::path("/work/bin/zapros"));
    CHECK(resolve_program("/opt/z/bin/zapros", "", "/work", none) == fs::path("/opt/z/bin/zapros"));
    const auto on_b = holding({"/a/zapros", "/b/zapros"});
    CHECK(resolve_program("zapros", "/x:/b:/a", "/work", on_b) == fs::path("/b/zapros"));  // PATH's order
    CHECK(resolve_program("zapros", "/x:/y", "/work", on_b) == std::nullopt);
    CHECK(resolve_program("zapros", "/x::/y", "/work", holding({"/work/zapros"})) == fs::path("/work/zapros"));
    CHECK(resolve_program("", "/a", "/work", on_b) == std::nullopt);
}

TEST_CASE("a binary copied into PREFIX/bin reads its data from PREFIX/share/zapros, run from anywhere", "[cli][e2e]") {
    fs::path work;
    const fs::path prefix = copied_binary("locate-prefix", work);
    fs::create_directories(prefix / "share" / "zapros");
    for (const char* d : {"fonts", "hyph", "icc", "schema"})
        fs::copy(zapros::test::source_dir() / d, prefix / "share" / "zapros" / d, fs::copy_options::recursive);
    const auto r = run({"env", "-u", "ZAPROS_DATA_DIR", (prefix / "bin" / "zapros").string(), "render", "r.md", "-MD"}, work);
    REQUIRE(r.status == 0);
    CHECK(read(work / "r.pdf").rfind("%PDF-", 0) == 0);
    // The depfile names the fonts and dictionaries read: they must be the copies under PREFIX.
    const std::string dep = read(work / "r.pdf.d");
    CHECK(dep.find((prefix / "share" / "zapros" / "fonts" / "PTF55F.ttf").string()) != std::string::npos);
    CHECK(dep.find((prefix / "share" / "zapros" / "hyph").string()) != std::string::npos);
}

TEST_CASE("a binary with no data beside it names every place it looked in", "[cli][e2e]") {
    fs::path work;
    const fs::path prefix = copied_binary("locate-empty", work);
    const auto r = run({"env", "-u", "ZAPROS_DATA_DIR", (prefix / "bin" / "zapros").string(), "render", "r.md"}, work);
    if (fs::is_directory(ZAPROS_DATADIR "/fonts")) {  // this machine has an installed zapros: it is used
        CHECK(r.status == 0);
        return;
    }
    CHECK(r.status == 3);
    CHECK(r.err.find((prefix / "share" / "zapros" / "fonts").string()) != std::string::npos);
    CHECK(r.err.find((prefix / "fonts").string()) != std::string::npos);
    CHECK(r.err.find(ZAPROS_DATADIR "/fonts") != std::string::npos);
    CHECK(!fs::exists(work / "r.pdf"));
}

TEST_CASE("a binary with no data still writes the reports: a failed row per input with the error", "[cli][ci]") {
    // Nothing is rendered, but a CI job's summary must not silently lack the run.
    fs::path work;
    const fs::path prefix = copied_binary("locate-reports", work);
    write(work / "s.md", "---\ntitle: Второй\nto: МВД\n---\nТекст.\n");
    const auto r = run({"env", "-u", "ZAPROS_DATA_DIR", (prefix / "bin" / "zapros").string(), "render", "r.md", "s.md",
                        "--summary", "summary.md", "--code-quality", "cq.json", "--outputs-file", "outputs.txt"}, work);
    if (fs::is_directory(ZAPROS_DATADIR "/fonts")) {  // this machine has an installed zapros: it is used
        CHECK(r.status == 0);
        return;
    }
    CHECK(r.status == 3);
    const std::string summary = read(work / "summary.md");
    // Neither was read: no title, no pages; each failed with its one error.
    CHECK(summary.find("| r.md | — | — | — | failed | — | 1 | 0 | — |") != std::string::npos);
    CHECK(summary.find("| s.md | — | — | — | failed | — | 1 | 0 | — |") != std::string::npos);
    const std::string cq = read(work / "cq.json");
    CHECK(cq.find("\"path\":\"r.md\"") != std::string::npos);
    CHECK(cq.find("\"path\":\"s.md\"") != std::string::npos);
    CHECK(occurrences(cq, "cannot find zapros's fonts; looked in:") == 2);
    CHECK(cq.find((prefix / "share" / "zapros" / "fonts").string()) != std::string::npos);
    CHECK(cq.find("\"path\":\".\"") == std::string::npos);  // the error is the inputs', not the job's
    REQUIRE(fs::exists(work / "outputs.txt"));
    CHECK(read(work / "outputs.txt").empty());
    CHECK_FALSE(fs::exists(work / "r.pdf"));
}
