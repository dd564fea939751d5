// The reports for CI (cli/report.hpp): the job summary's Markdown, GitLab's Code Quality JSON, the
// list of outputs, and the choice of the diagnostics' format.
#include <catch2/catch.hpp>

#include <set>

#include "base/files.hpp"
#include "cli/options.hpp"
#include "cli/report.hpp"
#include "json.hpp"
#include "support.hpp"

using namespace zapros;
using namespace zapros::cli;

namespace {

InputReport rendered(const std::string& file, std::vector<Diagnostic> diags = {}) {
    InputReport r;
    r.file = file;
    r.ok = true;
    r.title = "Запрос";
    r.addressees = {"Министерство", "Департамент"};
    r.pages = 2;
    r.output = "build/" + file + ".pdf";
    r.size = 23456;
    r.sha256 = std::string(64, 'a');
    r.diagnostics = std::move(diags);
    return r;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t at = 0, end; at < text.size(); at = end + 1) {
        end = text.find('\n', at);
        if (end == std::string::npos) end = text.size();
        out.push_back(text.substr(at, end - at));
    }
    return out;
}

Diagnostic error_at(int line, std::string message = "bad") { return {Severity::error, "r.md", {line, 1}, std::move(message), {}}; }
Diagnostic warning_at(int line) { return {Severity::warning, "r.md", {line, 1}, "odd", {}}; }

}  // namespace

TEST_CASE("without --diagnostics-format the format is github exactly when GITHUB_ACTIONS is true", "[report]") {
    CHECK(default_format("true") == DiagnosticFormat::github);
    CHECK(default_format(nullptr) == DiagnosticFormat::gcc);
    CHECK(default_format("") == DiagnosticFormat::gcc);
    CHECK(default_format("false") == DiagnosticFormat::gcc);
}

TEST_CASE("a table cell escapes what would end the cell, start HTML, a link or emphasis", "[report]") {
    CHECK(markdown_cell("a|b") == "a\\|b");
    CHECK(markdown_cell("<script>&") == "&lt;script&gt;&amp;");
    CHECK(markdown_cell("*x* _y_ `z` [l](u) \\") == "\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\\\");
    CHECK(markdown_cell("two\nlines\r\tend") == "two lines  end");
    CHECK(markdown_cell("Запрос № 5") == "Запрос № 5");
}

TEST_CASE("the summary has a heading and one row per input with its facts", "[report]") {
    InputReport failed;
    failed.file = "bad.md";
    failed.diagnostics = {error_at(1), error_at(2)};
    const std::string s = summary_markdown({rendered("a.md", {warning_at(4)}), failed}, {}, {DiagnosticFormat::gcc, "https://x/artifacts"});
    const auto l = lines_of(s);
    REQUIRE(l.size() >= 7);
    CHECK(l[0].empty());  // off whatever an earlier step left without a line end
    CHECK(l[1] == "### zapros");
    CHECK(l[3] == "| file | title | addressees | pages | size | sha256 | errors | warnings | link |");
    CHECK(l[5] == "| a.md | Запрос | Министерство; Департамент | 2 | 23.5 kB | `" + std::string(64, 'a') +
                      "` | 0 | 1 | [build/a.md.pdf](https://x/artifacts) |");
    // A failed input keeps its row: its errors, no size, hash or link.
    CHECK(l[6] == "| bad.md | — | — | — | failed | — | 2 | 0 | — |");
}

TEST_CASE("the summary has no errors column when nothing failed, and no link without --summary-link", "[report]") {
    const auto l = lines_of(summary_markdown({rendered("a.md")}, {}, {}));
    CHECK(l[3] == "| file | title | addressees | pages | size | sha256 | warnings | link |");
    const std::string end = "| 0 | — |";  // no errors column, 0 warnings, no link
    CHECK(l[5].rfind(end) == l[5].size() - end.size());
}

TEST_CASE("a stranger's title cannot break the summary's table or put HTML in it", "[report]") {
    InputReport r = rendered("a.md");
    r.title = "x | y\n| z <img src=x onerror=alert(1)>";
    const auto l = lines_of(summary_markdown({r}, {}, {DiagnosticFormat::gcc, "https://x/a b)c"}));
    REQUIRE(l.size() == 6);  // the row stayed one line
    const std::string& row = l[5];
    CHECK(row.find("<img") == std::string::npos);
    CHECK(row.find("x \\| y \\| z &lt;img") != std::string::npos);
    CHECK(row.find("(https://x/a%20b%29c)") != std::string::npos);
    // Unescaped '|' (cell borders) only: 8 columns, 9 borders.
    std::size_t borders = 0;
    for (std::size_t i = 0; i < row.size(); ++i) borders += row[i] == '|' && (i == 0 || row[i - 1] != '\\');
    CHECK(borders == 9);
}

TEST_CASE("in the github format the summary says how many problems GitHub does not annotate", "[report]") {
    std::vector<Diagnostic> many;
    for (int i = 1; i <= 12; ++i) many.push_back(error_at(i));
    for (int i = 1; i <= 3; ++i) many.push_back(warning_at(i));
    InputReport r;
    r.file = "r.md";
    r.diagnostics = many;
    const std::string github = summary_markdown({r}, {}, {DiagnosticFormat::github});
    CHECK(github.find("This run printed 12 errors and 3 warnings; GitHub shows at most 10 of each per step as "
                      "annotations, so 2 errors and 0 warnings are not annotations. All of them are in the step's log.") !=
          std::string::npos);
    // Elsewhere GitHub's limit means nothing: no line.
    CHECK(summary_markdown({r}, {}, {DiagnosticFormat::gcc}).find("GitHub") == std::string::npos);
    // Ten of each are all annotated.
    r.diagnostics.resize(10);
    CHECK(summary_markdown({r}, {}, {DiagnosticFormat::github}).find("GitHub") == std::string::npos);
    // Counted over the whole run: 6 + 6 errors in two inputs are 12.
    InputReport a = r, b = r;
    a.diagnostics.resize(6);
    b.diagnostics.resize(6);
    CHECK(summary_markdown({a, b}, {}, {DiagnosticFormat::github}).find("printed 12 errors") != std::string::npos);
}

TEST_CASE("appending a summary keeps what the file held", "[report]") {
    const auto dir = test::temp_dir("summary_append");
    const auto file = dir / "summary.md";
    test::write(file, "# earlier step\n");
    append_file(file.string(), "first\n");
    append_file(file.string(), "second\n");
    CHECK(test::read(file) == "# earlier step\nfirst\nsecond\n");
    append_file((dir / "new.md").string(), "made\n");
    CHECK(test::read(dir / "new.md") == "made\n");
    CHECK_THROWS_AS(append_file((dir / "no" / "such.md").string(), "x"), IoError);
}

TEST_CASE("the Code Quality report is GitLab's JSON array, one issue per diagnostic and hint", "[report]") {
    Diagnostic quoted{Severity::error, "dir/\"q\".md", {0, 0}, "tab\there \"quoted\" \x01 Ж", "use \\ instead"};
    InputReport r = rendered("a.md", {error_at(3, "e"), warning_at(5), quoted});
    const std::string json = code_quality_json({r}, {{Severity::error, "", {}, "no fonts", {}}});
    const test::Json j = test::parse_json(json);
    REQUIRE(j.kind == test::Json::Kind::array);
    REQUIRE(j.a.size() == 5);
    CHECK(j.a[0]["description"].s == "e");
    CHECK(j.a[0]["check_name"].s == "zapros/error");
    CHECK(j.a[0]["severity"].s == "major");
    CHECK(j.a[0]["location"]["path"].s == "r.md");
    CHECK(j.a[0]["location"]["lines"]["begin"].n == 3);
    CHECK(j.a[1]["severity"].s == "minor");
    CHECK(j.a[2]["description"].s == "tab\there \"quoted\" \x01 Ж");
    CHECK(j.a[2]["location"]["path"].s == "dir/\"q\".md");
    CHECK(j.a[2]["location"]["lines"]["begin"].n == 1);  // no line: the first
    CHECK(j.a[3]["description"].s == "use \\ instead");
    CHECK(j.a[3]["severity"].s == "info");
    CHECK(j.a[4]["location"]["path"].s == ".");
    std::set<std::string> fingerprints;
    for (const test::Json& issue : j.a) {
        CHECK(issue["fingerprint"].s.size() == 64);
        fingerprints.insert(issue["fingerprint"].s);
    }
    CHECK(fingerprints.size() == 5);
    CHECK(code_quality_json({r}, {{Severity::error, "", {}, "no fonts", {}}}) == json);  // stable
    CHECK(code_quality_json({}, {}) == "[]\n");
}

TEST_CASE("the same message twice at one place gets two fingerprints", "[report]") {
    const test::Json j = test::parse_json(code_quality_json({rendered("a.md", {error_at(1), error_at(1)})}, {}));
    REQUIRE(j.a.size() == 2);
    CHECK(j.a[0]["fingerprint"].s != j.a[1]["fingerprint"].s);
}

TEST_CASE("the outputs list names every file written, in input order", "[report]") {
    InputReport failed;
    failed.file = "bad.md";
    CHECK(outputs_list({rendered("b.md"), failed, rendered("a.md")}) == "build/b.md.pdf\nbuild/a.md.pdf\n");
    CHECK(outputs_list({failed}).empty());
}

TEST_CASE("an addressee of several lines is one in the summary, addressees split by ';'", "[report]") {
    InputReport r = rendered("a.md");
    r.addressees = {"Министерство\nул. Житная, 16", "Мэрия"};
    CHECK(summary_markdown({r}, {}, {}).find("| Министерство, ул. Житная, 16; Мэрия |") != std::string::npos);
}
