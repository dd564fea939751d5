// render --format pdf|txt|pdf,txt, -o X.txt, --max-chars: which files are written, where, and
// what the depfile, --outputs-file and the warning say.
#include <catch2/catch.hpp>

#include "base/utf8.hpp"
#include "support.hpp"

using zapros::test::read;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::string request = "---\ntitle: Запрос\nto: Министерство\n---\nТекст \"запроса\".\n";

// A request whose twin is longer than 2,000 characters: 30 paragraphs of 80 characters.
std::string long_request() {
    std::string body;
    for (int i = 0; i < 30; ++i) {
        const std::string n = std::to_string(10 + i);
        body += "Абзац " + n + ": " + std::string(70, 'x') + ".\n\n";  // 6 + 2 + 2 + 70 + 1 = 81 characters
    }
    return "---\ntitle: Запрос\nto: Министерство\n---\n" + body;
}

}  // namespace

TEST_CASE("render --format txt writes the text twin and no PDF", "[text][ci]") {
    const auto dir = temp_dir("twin-txt");
    write(dir / "r.md", request);
    const auto r = run_zapros({"render", "r.md", "--format", "txt"}, dir);
    REQUIRE(r.status == 0);
    CHECK(!fs::exists(dir / "r.pdf"));
    const std::string text = read(dir / "r.txt");
    CHECK(text.rfind("Министерство\n\nЗапрос\n\nТекст «запроса».\n\n", 0) == 0);  // the typography of the PDF
}

TEST_CASE("render --format pdf,txt writes both with one stem, in the depfile and the outputs file", "[text][ci]") {
    const auto dir = temp_dir("twin-both");
    write(dir / "r.md", request);
    fs::create_directories(dir / "out");
    const auto r = run_zapros({"render", "r.md", "-o", "out/letter.pdf", "--format", "pdf,txt", "--depfile", "r.d",
                               "--outputs-file", "outputs.list"}, dir);
    REQUIRE(r.status == 0);
    CHECK(read(dir / "out/letter.pdf").rfind("%PDF-", 0) == 0);
    CHECK(read(dir / "out/letter.txt").find("Текст «запроса».") != std::string::npos);
    CHECK(read(dir / "r.d").rfind("out/letter.pdf out/letter.txt: \\\n  r.md \\\n", 0) == 0);
    CHECK(read(dir / "outputs.list") == "out/letter.pdf\nout/letter.txt\n");
    // -MD names both too, in OUT.pdf.d.
    REQUIRE(run_zapros({"render", "r.md", "-d", "md", "--format", "txt,pdf", "-MD"}, dir).status == 0);
    CHECK(read(dir / "md/r.pdf.d").rfind("md/r.pdf md/r.txt:", 0) == 0);
}

TEST_CASE("render -o X.txt writes only the text twin, there", "[text][ci]") {
    const auto dir = temp_dir("twin-o");
    write(dir / "r.md", request);
    REQUIRE(run_zapros({"render", "r.md", "-o", "form.txt"}, dir).status == 0);
    CHECK(read(dir / "form.txt").find("Текст «запроса».") != std::string::npos);
    CHECK(!fs::exists(dir / "form.pdf"));
    CHECK(!fs::exists(dir / "r.pdf"));
    // With the PDF asked for too, it goes beside the text under the same stem.
    REQUIRE(run_zapros({"render", "r.md", "-o", "both.txt", "--format", "pdf,txt"}, dir).status == 0);
    CHECK(read(dir / "both.pdf").rfind("%PDF-", 0) == 0);
    CHECK(fs::exists(dir / "both.txt"));
    // To standard output.
    const auto out = run_zapros({"render", "r.md", "-o", "-", "--format", "txt"}, dir);
    REQUIRE(out.status == 0);
    CHECK(out.out == read(dir / "form.txt"));
}

TEST_CASE("render refuses formats it cannot write", "[text][ci]") {
    const auto dir = temp_dir("twin-usage");
    write(dir / "r.md", request);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--format", "html"},
             {"--format", "pdf,"},
             {"-o", "x.txt", "--format", "pdf"},
             {"-o", "-", "--format", "pdf,txt"},
             {"--max-chars", "0"},
             {"--max-chars", "12x"}}) {
        std::vector<std::string> argv{"render", "r.md"};
        argv.insert(argv.end(), args.begin(), args.end());
        const auto r = run_zapros(argv, dir);
        INFO(r.err);
        CHECK(r.status == 2);
    }
    CHECK(!fs::exists(dir / "r.pdf"));
    CHECK(!fs::exists(dir / "r.txt"));
    CHECK(!fs::exists(dir / "x.txt"));
}

TEST_CASE("a twin longer than a web form's --max-chars 2000 is warned about at the overflow, exit 0", "[text][ci]") {
    const auto dir = temp_dir("twin-max");
    write(dir / "long.md", long_request());
    write(dir / "short.md", request);
    const auto r = run_zapros({"render", "long.md", "short.md", "-d", "out", "--format", "txt", "--max-chars", "2000"}, dir);
    REQUIRE(r.status == 0);
    // The twin: "Министерство" (12) "\n\n" "Запрос" (6) "\n\n", then paragraphs of 81 characters
    // and a blank line each, then the date line. Character 2001 falls in paragraph k where
    // 22 + 83 (k - 1) < 2001 ≤ 22 + 83 (k - 1) + 81: k = 24, at its character 2001 - 22 - 1909 = 70,
    // the 60th of its x's; that paragraph is at line 5 + 2 (k - 1) = 51 of the request.
    const std::string text = read(dir / "out/long.txt");
    const std::string warning = "long.md:51:1: warning: the text has ";
    INFO(r.err);
    REQUIRE(r.err.find(warning) != std::string::npos);
    // The count: the 30 paragraphs and the lines before them, 22 + 30 × 81 + 29 × 2 = 2,510
    // characters, then the date line, whose blanks are as long as the font makes them.
    std::string count = r.err.substr(r.err.find(warning) + warning.size());
    count = count.substr(0, count.find(' '));
    std::erase(count, ',');
    const std::size_t n = std::stoul(count);
    CHECK(n > 2510);
    CHECK(n == zapros::utf8::length(text));
    REQUIRE(n < 3000);  // the overflow under a thousand: no thousands separator in it
    CHECK(r.err.find(" characters, " + std::to_string(n - 2000) + " more than --max-chars 2000 allows; the overflow starts here: «xxxxxxxxxxx. Абзац 34: xx") != std::string::npos);
    CHECK(r.err.find("short.md:") == std::string::npos);  // within the limit: nothing to say
    // The same with check, which writes nothing.
    const auto c = run_zapros({"check", "long.md", "--max-chars", "2000"}, dir);
    CHECK(c.status == 0);
    CHECK(c.err.find(warning) != std::string::npos);
}
