// zapros init: the starter repository's files, its Makefile run as a user runs it, the refusal
// to overwrite; zapros new finding the repository it writes into.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <chrono>
#include <sstream>

#include "cli/starter.hpp"
#include "json.hpp"
#include "support.hpp"

using zapros::test::read;
using zapros::test::run;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> starter_paths{
    "requests/example.md", "schema/request.schema.json", "Makefile", ".github/workflows/requests.yml",
    ".gitlab-ci.yml", ".gitignore", ".vscode/settings.json", ".zapros"};

// Every regular file under dir, relative to it, sorted.
std::vector<std::string> files_under(const fs::path& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (!e.is_directory()) out.push_back(e.path().lexically_relative(dir).generic_string());
    std::sort(out.begin(), out.end());
    return out;
}

// The path after "$schema=" on the request's modeline; empty when it has none.
std::string schema_line(const std::string& text) {
    const std::string key = "# yaml-language-server: $schema=";
    const auto at = text.find(key);
    if (at == std::string::npos) return {};
    return text.substr(at + key.size(), text.find('\n', at) - at - key.size());
}

zapros::test::Run make(const fs::path& root, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> argv{"make", "--no-print-directory", "-C", root.string(), "ZAPROS=" + zapros::test::binary().string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run(argv);
}

bool rendered(const zapros::test::Run& r) { return r.out.find(" render requests/example.md") != std::string::npos; }

std::string version() {
    const std::string v = run_zapros({"--version"}).out;  // "zapros X.Y.Z\n"
    return v.substr(7, v.size() - 8);
}

}  // namespace

TEST_CASE("zapros init writes the starter repository's files, each of its kind", "[init]") {
    const fs::path root = temp_dir("init-files") / "news desk";
    const auto r = run_zapros({"init", root.string()});
    REQUIRE(r.status == 0);
    auto sorted = starter_paths;
    std::sort(sorted.begin(), sorted.end());
    CHECK(files_under(root) == sorted);
    for (const auto& p : starter_paths) CHECK(r.out.find(p) != std::string::npos);
    CHECK(r.out.find("make") != std::string::npos);

    // The request names the schema relative to itself, and that file is the installation's schema.
    const std::string request = read(root / "requests" / "example.md");
    const std::string ref = schema_line(request);
    CHECK(ref == "../schema/request.schema.json");
    CHECK(read((root / "requests" / ref).lexically_normal()) == read(zapros::test::source_dir() / "schema" / "request.schema.json"));
    CHECK(request.find("title: Информационный запрос") != std::string::npos);

    const std::string makefile = read(root / "Makefile");
    for (const char* part : {"ZAPROS ?= zapros\n", "REQUESTS := $(wildcard requests/*.md)\n", " -MD\n",
                             "-include $(wildcard build/pdf/*.pdf.d)\n", "\ncheck:", "\nclean:", "spaces"})
        CHECK(makefile.find(part) != std::string::npos);

    const YAML::Node workflow = YAML::LoadFile((root / ".github" / "workflows" / "requests.yml").string());
    CHECK(workflow["on"]["push"].IsDefined());
    CHECK(workflow["on"]["pull_request"].IsDefined());
    const YAML::Node steps = workflow["jobs"]["pdf"]["steps"];
    REQUIRE(steps.size() == 2);
    CHECK(steps[0]["uses"].as<std::string>() == "actions/checkout@v4");
    CHECK(steps[1]["uses"].as<std::string>() == std::string(ZAPROS_REPOSITORY) + "@v1");
    CHECK(steps[1]["with"]["files"].as<std::string>() == "requests/*.md");

    const YAML::Node gitlab = YAML::LoadFile((root / ".gitlab-ci.yml").string());
    CHECK(gitlab["include"][0]["remote"].as<std::string>() ==
          "https://raw.githubusercontent.com/" ZAPROS_REPOSITORY "/v" + version() + "/ci/zapros.gitlab-ci.yml");

    CHECK(read(root / ".gitignore") == "build/\n");
    const auto settings = zapros::test::parse_json(read(root / ".vscode" / "settings.json"));
    const auto& globs = settings["yaml.schemas"]["./schema/request.schema.json"];
    REQUIRE(globs.a.size() == 1);
    CHECK(globs.a[0].s == "requests/*.md");
    CHECK(read(root / ".zapros").rfind("# ", 0) == 0);
}

TEST_CASE("zapros init --lang en starts an English request; init takes one DIR at most", "[init]") {
    const fs::path root = temp_dir("init-en");
    REQUIRE(run_zapros({"init", "--lang", "en"}, root).status == 0);
    CHECK(read(root / "requests" / "example.md").find("title: Information Request") != std::string::npos);
    CHECK(run_zapros({"init", "a", "b"}, root).status == 2);
    CHECK(run_zapros({"init", "--lang", "de", "c"}, root).status == 2);
    write(root / "plain", "a file\n");
    const auto file = run_zapros({"init", "plain"}, root);
    CHECK(file.status == 3);
    CHECK(file.err.find("plain: it is not a directory") != std::string::npos);
}

TEST_CASE("the starter's make renders its request, rebuilds only what changed and checks", "[init][make]") {
    const fs::path root = temp_dir("init-make") / "repo";
    REQUIRE(run_zapros({"init", root.string()}).status == 0);
    const auto first = make(root);
    REQUIRE(first.status == 0);
    CHECK(rendered(first));
    const auto text = run({"pdftotext", (root / "build" / "pdf" / "example.pdf").string(), "-"});
    CHECK(text.out.find("Информационный запрос") != std::string::npos);

    const auto second = make(root);
    CHECK(second.status == 0);
    CHECK_FALSE(rendered(second));

    // Another zapros (here: the version it ran as, forged) rebuilds every PDF, once.
    write(root / "build" / "zapros.version", "zapros 0.0.0\n");
    CHECK(rendered(make(root)));
    CHECK_FALSE(rendered(make(root)));

    const fs::path request = root / "requests" / "example.md";
    fs::last_write_time(request, fs::file_time_type::clock::now() + std::chrono::seconds(5));
    CHECK(rendered(make(root)));

    const auto good = make(root, {"check"});
    CHECK(good.status == 0);
    write(request, "---\ntitle: Запрос\n---\nТекст.\n");  // no addressee
    const auto bad = make(root, {"check"});
    CHECK(bad.status != 0);
    CHECK(bad.err.find("requests/example.md:") != std::string::npos);

    REQUIRE(make(root, {"clean"}).status == 0);
    CHECK_FALSE(fs::exists(root / "build"));
}

TEST_CASE("zapros init writes nothing when any of its files exists, and names each", "[init]") {
    const fs::path root = temp_dir("init-clash");
    write(root / "Makefile", "mine\n");
    fs::create_symlink("nowhere", root / ".gitignore");  // a dangling link is there too
    const auto r = run_zapros({"init", root.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find((root / "Makefile").string()) != std::string::npos);
    CHECK(r.err.find((root / ".gitignore").string()) != std::string::npos);
    CHECK(r.err.find("requests/example.md") == std::string::npos);
    CHECK(read(root / "Makefile") == "mine\n");
    CHECK(files_under(root) == std::vector<std::string>{".gitignore", "Makefile"});

    // Started once, a second init refuses every file and changes none.
    const fs::path twice = temp_dir("init-twice");
    REQUIRE(run_zapros({"init"}, twice).status == 0);
    write(twice / "requests" / "example.md", "edited\n");
    const auto again = run_zapros({"init"}, twice);
    CHECK(again.status == 1);
    for (const auto& p : starter_paths) CHECK(again.err.find("  " + p + "\n") != std::string::npos);
    CHECK(read(twice / "requests" / "example.md") == "edited\n");
}

TEST_CASE("zapros init writes nothing through a link in DIR that leads outside it", "[init][links]") {
    // A clone with a committed requests → ../elsewhere: init must not put example.md there.
    const fs::path base = temp_dir("init-link");
    const fs::path root = base / "repo", elsewhere = base / "elsewhere";
    fs::create_directories(root);
    fs::create_directories(elsewhere);
    fs::create_symlink("../elsewhere", root / "requests");
    const auto r = run_zapros({"init", root.string()});
    CHECK(r.status == 1);
    CHECK(r.err.find("symbolic link") != std::string::npos);
    CHECK(fs::is_empty(elsewhere));
    CHECK_FALSE(fs::exists(root / "Makefile"));  // and nothing else either

    // A link that stays inside DIR is followed.
    fs::remove(root / "requests");
    fs::create_directories(root / "drafts");
    fs::create_symlink("drafts", root / "requests");
    const auto inside = run_zapros({"init", root.string()});
    INFO(inside.err);
    REQUIRE(inside.status == 0);
    CHECK(fs::is_regular_file(root / "drafts" / "example.md"));
    CHECK(fs::is_symlink(root / "requests"));
}

TEST_CASE("zapros new writes the schema line relative to the repository it is in", "[init]") {
    const fs::path root = temp_dir("new-in-repo");
    REQUIRE(run_zapros({"init"}, root).status == 0);
    // From the root, into a subdirectory of requests/; and from inside requests/.
    REQUIRE(run_zapros({"new", "deep", "--dir", "requests/2024"}, root).status == 0);
    const std::string deep = schema_line(read(root / "requests" / "2024" / "deep.md"));
    CHECK(deep == "../../schema/request.schema.json");
    CHECK(fs::exists(root / "requests" / "2024" / deep));
    const auto here = run_zapros({"new", "here", "--dir", "."}, root / "requests");
    REQUIRE(here.status == 0);
    CHECK(here.err.empty());
    CHECK(schema_line(read(root / "requests" / "here.md")) == "../schema/request.schema.json");
}

TEST_CASE("zapros new finds a repository by its marker alone or by its schema alone", "[init]") {
    const fs::path marked = temp_dir("new-marker");
    write(marked / ".zapros", "# zapros\n");
    REQUIRE(run_zapros({"new", "a", "--dir", "letters/out"}, marked).status == 0);
    CHECK(schema_line(read(marked / "letters" / "out" / "a.md")) == "../../schema/request.schema.json");

    const fs::path with_schema = temp_dir("new-schema");
    fs::create_directories(with_schema / "schema");
    write(with_schema / "schema" / "request.schema.json", "{}");
    fs::create_directories(with_schema / "sub");
    REQUIRE(run_zapros({"new", "b"}, with_schema / "sub").status == 0);
    CHECK(schema_line(read(with_schema / "sub" / "requests" / "b.md")) == "../../schema/request.schema.json");
}

TEST_CASE("zapros new outside a repository writes no schema line and says why", "[init]") {
    const fs::path dir = temp_dir("new-outside");
    const auto r = run_zapros({"new", "x"}, dir);
    REQUIRE(r.status == 0);
    const std::string text = read(dir / "requests" / "x.md");
    CHECK(text.find("$schema") == std::string::npos);
    CHECK(text.find("schema/request.schema.json") == std::string::npos);  // none into the installation
    CHECK(text.rfind("---\n# ", 0) == 0);  // the template's comments follow the fence directly
    CHECK(r.err.find("zapros init") != std::string::npos);
    CHECK(run_zapros({"check", "requests/x.md"}, dir).status == 0);

    // A Git work tree's top ends the search: a schema above a clone is in no one else's clone.
    const fs::path above = temp_dir("new-above-clone");
    fs::create_directories(above / "schema");
    write(above / "schema" / "request.schema.json", "{}");
    fs::create_directories(above / "clone" / ".git");
    REQUIRE(run_zapros({"new", "y"}, above / "clone").status == 0);
    CHECK(schema_line(read(above / "clone" / "requests" / "y.md")).empty());
}

TEST_CASE("zapros new writes nothing through a planted link leading outside the repository", "[init][links]") {
    // A clone with a committed requests → ../elsewhere: new must not put the request there, nor
    // make a directory there for --dir requests/2024.
    const fs::path base = temp_dir("new-link");
    const fs::path root = base / "repo", elsewhere = base / "elsewhere";
    fs::create_directories(root);
    fs::create_directories(elsewhere);
    write(root / ".zapros", "# zapros\n");
    fs::create_symlink("../elsewhere", root / "requests");
    for (const std::vector<std::string>& args : {std::vector<std::string>{"new", "x"}, {"new", "x", "--dir", "requests/2024"}}) {
        const auto r = run_zapros(args, root);
        CHECK(r.status == 1);
        CHECK(r.err.find("symbolic link requests to " + fs::canonical(elsewhere).string()) != std::string::npos);
        CHECK(fs::is_empty(elsewhere));
    }

    // A request path planted as a link to a file outside (requests/x.md → a dotfile): refused by
    // the link's name and target, the target untouched.
    fs::remove(root / "requests");
    fs::create_directories(root / "requests");
    const fs::path bashrc = elsewhere / "bashrc";
    fs::create_symlink(bashrc, root / "requests" / "x.md");
    const auto file = run_zapros({"new", "x"}, root);
    CHECK(file.status == 1);
    CHECK(file.err.find("requests/x.md is a symbolic link to " + fs::weakly_canonical(bashrc).string()) != std::string::npos);
    CHECK_FALSE(fs::exists(bashrc));

    // A link that stays inside the repository is followed.
    fs::remove_all(root / "requests");
    fs::create_directories(root / "drafts");
    fs::create_symlink("drafts", root / "requests");
    const auto inside = run_zapros({"new", "y"}, root);
    INFO(inside.err);
    REQUIRE(inside.status == 0);
    CHECK(fs::is_regular_file(root / "drafts" / "y.md"));
    CHECK(fs::is_symlink(root / "requests"));
}
