// zapros in a CI job, end to end: the binary run as GitHub Actions runs it (GITHUB_ACTIONS=true)
// on a batch with a mistake, and what it leaves for the job: annotations on stderr, the step
// summary, GitLab's Code Quality report, the list of PDFs.
#include <catch2/catch.hpp>

#include <sstream>

#include "json.hpp"
#include "support.hpp"

using namespace zapros;
using test::occurrences;
using test::read;
using test::run;
using test::temp_dir;
using test::write;
namespace fs = std::filesystem;

namespace {

// A request with three mistakes: no title (1:1), an unknown key (2:1), a number for text (3:5,
// with a hint).
const std::string bad_request = "---\ntitel: Запрос\nto: 5\n---\nТекст\n";

test::Run zapros_in_actions(const std::vector<std::string>& args, const fs::path& dir) {
    std::vector<std::string> argv{"env", "GITHUB_ACTIONS=true", test::binary().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, dir);
}

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

bool has_line(const std::string& text, const std::string& line) {
    for (const std::string& l : lines(text))
        if (l == line) return true;
    return false;
}

}  // namespace

TEST_CASE("under GITHUB_ACTIONS=true diagnostics are GitHub annotations on the file", "[ci]") {
    const auto dir = temp_dir("ci_github");
    write(dir / "bad.md", bad_request);
    const auto r = zapros_in_actions({"check", "bad.md"}, dir);
    CHECK(r.status == 1);
    CHECK(has_line(r.err, "::error file=bad.md,line=1,col=1::missing required key 'title'"));
    CHECK(has_line(r.err, "::notice file=bad.md,line=3,col=5::to use it as text, put it in quotes: to: \"5\""));
    CHECK(r.err.find("bad.md:1:1: error:") == std::string::npos);
    // An explicit format wins over the environment.
    const auto gcc = zapros_in_actions({"check", "bad.md", "--diagnostics-format=gcc"}, dir);
    CHECK(gcc.err.find("bad.md:1:1: error: missing required key 'title'") != std::string::npos);
    CHECK(gcc.err.find("::error") == std::string::npos);
    // And the tests' own runs, which leave GITHUB_ACTIONS out, are gcc's.
    CHECK(test::run_zapros({"check", "bad.md"}, dir).err.find("bad.md:1:1: error:") != std::string::npos);
}

TEST_CASE("a file name with ',' and ':' stays one property of the annotation", "[ci]") {
    const auto dir = temp_dir("ci_github_name");
    write(dir / "a,b:c.md", bad_request);
    const auto r = zapros_in_actions({"check", "a,b:c.md", "--diagnostics-format=github"}, dir);
    CHECK(has_line(r.err, "::error file=a%2Cb%3Ac.md,line=1,col=1::missing required key 'title'"));
}

TEST_CASE("an error without a position is an annotation too", "[ci]") {
    const auto dir = temp_dir("ci_github_missing");
    const auto r = zapros_in_actions({"check", "missing.md"}, dir);
    CHECK(r.status == 3);
    const auto l = lines(r.err);
    REQUIRE(l.size() == 1);
    CHECK(l[0].rfind("::error file=missing.md::", 0) == 0);
    CHECK(l[0].find("missing.md", 25) != std::string::npos);  // the message names the file
}

TEST_CASE("a batch with a mistake leaves the summary, the Code Quality report and the list of PDFs", "[ci]") {
    const auto dir = temp_dir("ci_reports");
    write(dir / "good.md", test::request_text("title: Запрос о бюджете\nto: [Министерство, Мэрия]\n"));
    write(dir / "bad.md", bad_request);
    write(dir / "summary.md", "## an earlier step\n");
    const std::vector<std::string> args{"render", "good.md", "bad.md", "-d", "out", "--summary", "summary.md",
                                        "--summary-link", "https://example.org/run/1#artifacts",
                                        "--code-quality", "cq.json", "--outputs-file", "outputs.txt"};
    const auto r = zapros_in_actions(args, dir);
    CHECK(r.status == 1);
    REQUIRE(fs::exists(dir / "out" / "good.pdf"));
    CHECK_FALSE(fs::exists(dir / "out" / "bad.pdf"));

    // The summary: a row per input, the PDF's digest as sha256sum computes it.
    const std::string summary = read(dir / "summary.md");
    CHECK(summary.rfind("## an earlier step\n\n### zapros\n", 0) == 0);
    const auto sum = run({"sha256sum", (dir / "out" / "good.pdf").string()});
    REQUIRE(sum.status == 0);
    const std::string digest = sum.out.substr(0, 64);
    const std::string size = std::to_string(fs::file_size(dir / "out" / "good.pdf"));
    CHECK(summary.find("| good.md | Запрос о бюджете | Министерство; Мэрия | 1 | ") != std::string::npos);
    CHECK(summary.find("| `" + digest + "` | 0 | 0 | [out/good.pdf](https://example.org/run/1#artifacts) |") !=
          std::string::npos);
    CHECK(summary.find("| bad.md | — | — | — | failed | — | 3 | 0 | — |") != std::string::npos);

    // Run again: a second section below the first, nothing lost.
    REQUIRE(zapros_in_actions(args, dir).status == 1);
    const std::string twice = read(dir / "summary.md");
    CHECK(twice.rfind(summary, 0) == 0);
    CHECK(occurrences(twice, "### zapros") == 2);
    CHECK(occurrences(twice, "## an earlier step") == 1);

    // GitLab's report: the three problems of bad.md, each hint after its problem.
    const test::Json cq = test::parse_json(read(dir / "cq.json"));
    REQUIRE(cq.kind == test::Json::Kind::array);
    REQUIRE(cq.a.size() == 5);
    CHECK(cq.a[0]["description"].s == "missing required key 'title'");
    CHECK(cq.a[0]["severity"].s == "major");
    CHECK(cq.a[0]["location"]["path"].s == "bad.md");
    CHECK(cq.a[0]["location"]["lines"]["begin"].n == 1);
    CHECK(cq.a[1]["severity"].s == "info");
    CHECK(cq.a[2]["location"]["lines"]["begin"].n == 2);
    CHECK(cq.a[4]["description"].s == "to use it as text, put it in quotes: to: \"5\"");
    CHECK(test::temporaries(dir).empty());

    CHECK(read(dir / "outputs.txt") == "out/good.pdf\n");
}

TEST_CASE("check's summary shows pages but no size or digest, and a clean run reports []", "[ci]") {
    const auto dir = temp_dir("ci_check_summary");
    write(dir / "good.md", test::request_text(test::minimal_yaml));
    const auto r = test::run_zapros({"check", "good.md", "--summary", "s.md", "--code-quality", "cq.json",
                                     "--outputs-file", "o.txt"}, dir);
    CHECK(r.status == 0);
    CHECK(read(dir / "s.md").find("| good.md | Запрос | Министерство | 1 | — | — | 0 | — |") != std::string::npos);
    CHECK(read(dir / "cq.json") == "[]\n");
    CHECK(read(dir / "o.txt").empty());
}

TEST_CASE("a report path planted as a link leading outside is refused, as a PDF's is", "[ci][links]") {
    // A repository with a committed summary.md → ../victim, reports → ../victim (a directory) and
    // list.txt → ../victim/list: CI's --summary, --code-quality and --outputs-file must write none.
    const auto dir = temp_dir("ci_report_links");
    const fs::path repo = dir / "repo", victim = dir / "victim";
    fs::create_directories(repo);
    fs::create_directories(victim);
    write(repo / "good.md", test::request_text(test::minimal_yaml));
    write(victim / "secret", "keep\n");
    write(victim / "list", "keep\n");
    fs::create_symlink("../victim/secret", repo / "summary.md");
    fs::create_symlink("../victim", repo / "reports");
    fs::create_symlink("../victim/list", repo / "list.txt");
    for (const std::vector<std::string>& report : std::vector<std::vector<std::string>>{
             {"--summary", "summary.md"}, {"--code-quality", "reports/cq.json"}, {"--outputs-file", "list.txt"}}) {
        std::vector<std::string> args{"render", "good.md", "-d", "out"};
        args.insert(args.end(), report.begin(), report.end());
        const auto r = test::run_zapros(args, repo);
        INFO(report[0] << ": " << r.err);
        CHECK(r.status == 1);
        CHECK(r.err.find("symbolic link") != std::string::npos);
        CHECK(r.err.find("nothing was written") != std::string::npos);
    }
    CHECK(read(victim / "secret") == "keep\n");
    CHECK(read(victim / "list") == "keep\n");
    CHECK_FALSE(fs::exists(victim / "cq.json"));
    // A link that stays inside the report's own directory is followed, as for a PDF.
    fs::remove(repo / "summary.md");
    fs::create_symlink("real-summary.md", repo / "summary.md");
    const auto inside = test::run_zapros({"check", "good.md", "--summary", "summary.md"}, repo);
    INFO(inside.err);
    REQUIRE(inside.status == 0);
    CHECK(read(repo / "real-summary.md").find("### zapros") != std::string::npos);
    // And the process's own descriptors are written as they are.
    CHECK(test::run_zapros({"check", "good.md", "--summary", "/dev/stdout"}, repo).out.find("### zapros") !=
          std::string::npos);
}

TEST_CASE("a file name with a line end cannot start a workflow command of its own", "[ci]") {
    // The batch's progress lines and its closing list name each file: a request committed as
    // "x\n::error file=forged::y.md" must not put "::error file=forged" at the start of a line.
    const auto dir = temp_dir("ci_forged");
    const std::string forged = "x\n::error file=forged::y.md";
    write(dir / forged, bad_request);
    write(dir / "good.md", test::request_text(test::minimal_yaml));
    const auto r = zapros_in_actions({"render", forged, "good.md", "-d", "out"}, dir);
    CHECK(r.status == 1);
    for (const std::string& l : lines(r.err)) CHECK(l.rfind("::error file=forged", 0) != 0);
    CHECK(r.err.find("x\\n::error file=forged::y.md failed") != std::string::npos);
}

TEST_CASE("with no installation the reports still list every input, failed, with the error", "[ci]") {
    // A CI job whose zapros finds no fonts where it was told to look: each input fails on its own
    // (the fonts are opened as the first is typeset), and each has its row. An installation not
    // found at all is locate_test.cpp's.
    const auto dir = temp_dir("ci_no_data");
    const fs::path empty = temp_dir("ci_no_data_dir");
    write(dir / "a.md", test::request_text("title: A\nto: X\n"));
    write(dir / "b.md", test::request_text("title: B\nto: Y\n"));
    const auto r = run({"env", "ZAPROS_DATA_DIR=" + empty.string(), test::binary().string(), "render", "a.md", "b.md",
                        "-d", "out", "--summary", "summary.md", "--code-quality", "cq.json", "--outputs-file",
                        "outputs.txt"}, dir);
    CHECK(r.status == 3);
    const std::string summary = read(dir / "summary.md");
    CHECK(summary.find("| a.md | A | X | — | failed | — | 1 | 0 | — |") != std::string::npos);
    CHECK(summary.find("| b.md | B | Y | — | failed | — | 1 | 0 | — |") != std::string::npos);
    const test::Json cq = test::parse_json(read(dir / "cq.json"));
    REQUIRE(cq.kind == test::Json::Kind::array);
    REQUIRE(cq.a.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(cq.a[i]["location"]["path"].s == (i == 0 ? "a.md" : "b.md"));
        CHECK(cq.a[i]["severity"].s == "major");
        CHECK(cq.a[i]["description"].s.find(empty.string()) != std::string::npos);  // the error names where it looked
    }
    REQUIRE(fs::exists(dir / "outputs.txt"));
    CHECK(read(dir / "outputs.txt").empty());
}
