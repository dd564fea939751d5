// The Makefile as a user runs it: incremental rebuilds through zapros's depfiles, -j2, and the
// installed binary. Each test works on its own requests and its own copy of fonts/ and hyph/.
#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>

#include "support.hpp"

using zapros::test::read;
using zapros::test::run;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

struct Project {
    fs::path root;

    explicit Project(const std::string& name) : root(temp_dir(name)) {
        fs::create_directories(root / "requests");
        for (const char* n : {"a", "b", "c"})
            write(root / "requests" / (std::string(n) + ".md"),
                  "---\ntitle: Запрос " + std::string(n) + "\nto: Министерство\n---\nТекст запроса.\n");
        fs::create_directories(root / "data");
        fs::copy(zapros::test::source_dir() / "fonts", root / "data" / "fonts", fs::copy_options::recursive);
        fs::copy(zapros::test::source_dir() / "hyph", root / "data" / "hyph", fs::copy_options::recursive);
        fs::copy(zapros::test::source_dir() / "icc", root / "data" / "icc", fs::copy_options::recursive);
    }

    // make in the source tree, with this project's requests, output and data.
    zapros::test::Run make(const std::vector<std::string>& extra = {}) const {
        std::vector<std::string> argv{"env", "ZAPROS_DATA_DIR=" + (root / "data").string(), "make", "--no-print-directory",
                                      "-C", zapros::test::source_dir().string(),
                                      "REQUESTS_DIR=" + (root / "requests").string(), "PDF_DIR=" + (root / "pdf").string(),
                                      "ZAPROS=" + zapros::test::binary().string()};
        argv.insert(argv.end(), extra.begin(), extra.end());
        return run(argv);
    }

    // Moves a file's time a little into the future, as an edit would.
    static void touch(const fs::path& p) {
        fs::last_write_time(p, fs::file_time_type::clock::now() + std::chrono::seconds(5));
    }
};

// Which requests a make run rendered (the render command lines it echoed).
std::vector<std::string> rendered(const std::string& out) {
    std::vector<std::string> names;
    std::istringstream in(out);
    for (std::string l; std::getline(in, l);)
        if (l.find(" render ") != std::string::npos)
            for (const char* n : {"a", "b", "c"})
                if (l.find("/requests/" + std::string(n) + ".md") != std::string::npos) names.push_back(n);
    return names;
}

}  // namespace

TEST_CASE("make renders every request; a second make does nothing", "[make]") {
    const Project p("make-twice");
    const auto first = p.make();
    REQUIRE(first.status == 0);
    CHECK(rendered(first.out) == std::vector<std::string>{"a", "b", "c"});
    const auto second = p.make();
    CHECK(second.status == 0);
    CHECK(rendered(second.out).empty());
    CHECK(second.out.find("Nothing to be done") != std::string::npos);
}

TEST_CASE("touching one request rebuilds only its PDF", "[make]") {
    const Project p("make-touch");
    REQUIRE(p.make().status == 0);
    Project::touch(p.root / "requests" / "b.md");
    const auto r = p.make();
    CHECK(r.status == 0);
    CHECK(rendered(r.out) == std::vector<std::string>{"b"});
}

TEST_CASE("touching a font the PDFs use rebuilds all of them", "[make]") {
    const Project p("make-font");
    REQUIRE(p.make().status == 0);
    Project::touch(p.root / "data" / "fonts" / "PTM55F.ttf");  // no code: no PDF uses PT Mono
    CHECK(rendered(p.make().out).empty());
    Project::touch(p.root / "data" / "fonts" / "PTF55F.ttf");
    CHECK(rendered(p.make().out) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("make -j2 builds the same PDFs as make -j1", "[make]") {
    const Project p("make-j2");
    REQUIRE(p.make({"-j1"}).status == 0);
    std::vector<std::string> before;
    for (const char* n : {"a", "b", "c"}) before.push_back(read(p.root / "pdf" / (std::string(n) + ".pdf")));
    fs::remove_all(p.root / "pdf");
    const auto r = p.make({"-j2"});
    REQUIRE(r.status == 0);
    for (int i = 0; i < 3; ++i) CHECK(read(p.root / "pdf" / (std::string(1, static_cast<char>('a' + i)) + ".pdf")) == before[static_cast<std::size_t>(i)]);
}

TEST_CASE("every request renders to the same bytes in two different directories", "[make]") {
    // The CI proof of reproducibility: the repository's requests, copied to two places, rendered
    // from each, compared byte for byte.
    const fs::path one = temp_dir("repro-one") / "x", two = temp_dir("repro-two") / "deeper" / "y";
    int compared = 0;
    for (const fs::path& dir : {one, two}) fs::create_directories(dir.parent_path()), fs::copy(zapros::test::source_dir() / "requests", dir, fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(one)) {
        if (e.path().extension() != ".md") continue;
        const std::string name = e.path().filename().string();
        REQUIRE(zapros::test::run_zapros({"render", name, "-o", "out.pdf"}, one).status == 0);
        REQUIRE(zapros::test::run_zapros({"render", name, "-o", "out.pdf"}, two).status == 0);
        INFO(name);
        CHECK(read(one / "out.pdf") == read(two / "out.pdf"));
        ++compared;
    }
    CHECK(compared >= 2);
}

TEST_CASE("the installed binary finds its fonts and dictionaries in share/zapros", "[make]") {
    const fs::path prefix = temp_dir("install") / "usr";
    const fs::path build = zapros::test::binary().parent_path();
    REQUIRE(run({"cmake", "--install", build.string(), "--prefix", prefix.string()}).status == 0);
    CHECK(fs::exists(prefix / "bin" / "zapros"));
    CHECK(fs::exists(prefix / "share" / "zapros" / "fonts" / "PTF55F.ttf"));
    CHECK(fs::exists(prefix / "share" / "zapros" / "fonts" / "LICENSE-ParaType.txt"));
    CHECK(fs::exists(prefix / "share" / "zapros" / "hyph" / "hyph_ru.dic"));
    CHECK(fs::exists(prefix / "share" / "zapros" / "schema" / "request.schema.json"));
    CHECK(fs::exists(prefix / "share" / "man" / "man1" / "zapros.1.gz"));
    CHECK(fs::exists(prefix / "share" / "doc" / "zapros" / "copyright"));
    const fs::path work = temp_dir("install-use");
    write(work / "r.md", "---\ntitle: Запрос\nto: МИД\n---\nТекст.\n");
    const auto r = run({"env", "-u", "ZAPROS_DATA_DIR", (prefix / "bin" / "zapros").string(), "render", "r.md"}, work);
    CHECK(r.status == 0);
    CHECK(read(work / "r.pdf").rfind("%PDF-", 0) == 0);
}
