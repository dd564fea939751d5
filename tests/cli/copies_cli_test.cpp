// render --per-addressee as a user runs it: which files are written, the depfile and the
// outputs list that name them, the stale copies removed, all or nothing written. The PDFs' text
// is checked in copies_e2e_test.cpp.
#include <catch2/catch.hpp>

#include "base/sha256.hpp"
#include "json.hpp"
#include "mail/eml_support.hpp"
#include "support.hpp"

using zapros::test::read;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

std::string request(const std::vector<std::string>& to) {
    std::string s = "---\ntitle: Запрос\nto:\n";
    for (const std::string& t : to) s += "  - " + t + "\n";
    return s + "---\nТекст запроса.\n";
}

const std::vector<std::string> three{"Министерство юстиции", "МВД России", "ФСБ России"};

}  // namespace

TEST_CASE("render --per-addressee writes the file copy and a copy per addressee, named by slug", "[copies]") {
    const auto dir = temp_dir("per-addressee");
    write(dir / "r.md", request(three));
    const auto r = run_zapros({"render", "r.md", "-d", "out", "--per-addressee", "--outputs-file", "list.txt"}, dir);
    REQUIRE(r.status == 0);
    for (const char* f : {"r.pdf", "r--ministerstvo-yusticii.pdf", "r--mvd-rossii.pdf", "r--fsb-rossii.pdf"})
        CHECK(fs::is_regular_file(dir / "out" / f));
    CHECK(read(dir / "list.txt") ==
          "out/r.pdf\nout/r--ministerstvo-yusticii.pdf\nout/r--mvd-rossii.pdf\nout/r--fsb-rossii.pdf\n");
    CHECK(zapros::test::temporaries(dir).empty());
}

TEST_CASE("without split, render writes the one PDF and lists it alone", "[copies]") {
    const auto dir = temp_dir("no-split");
    write(dir / "r.md", request(three));
    REQUIRE(run_zapros({"render", "r.md", "--outputs-file", "list.txt"}, dir).status == 0);
    CHECK(read(dir / "list.txt") == "r.pdf\n");
    CHECK(!fs::exists(dir / "r--mvd-rossii.pdf"));
}

TEST_CASE("the depfile's targets are every output of the input", "[copies]") {
    const auto dir = temp_dir("copies-depfile");
    write(dir / "r.md", request({"МВД", "ФСБ"}));
    REQUIRE(run_zapros({"render", "r.md", "-o", "r.pdf", "--per-addressee", "-MD", "--depfile", "r.d"}, dir).status == 0);
    CHECK(read(dir / "r.pdf.d").rfind("r.pdf r--mvd.pdf r--fsb.pdf: \\\n  r.md \\\n", 0) == 0);
    CHECK(read(dir / "r.d") == read(dir / "r.pdf.d"));
}

TEST_CASE("a removed addressee's copy is deleted, with a line on stderr, when the depfile lists it", "[copies]") {
    const auto dir = temp_dir("copies-stale");
    write(dir / "r.md", request(three));
    REQUIRE(run_zapros({"render", "r.md", "--per-addressee", "-MD"}, dir).status == 0);
    REQUIRE(fs::exists(dir / "r--fsb-rossii.pdf"));
    write(dir / "r.md", request({"Министерство юстиции", "МВД России"}));
    const auto r = run_zapros({"render", "r.md", "--per-addressee", "-MD"}, dir);
    REQUIRE(r.status == 0);
    CHECK(!fs::exists(dir / "r--fsb-rossii.pdf"));
    CHECK(fs::exists(dir / "r--mvd-rossii.pdf"));
    CHECK(r.err == "zapros: removed r--fsb-rossii.pdf: no longer an output of r.md\n");
    CHECK(read(dir / "r.pdf.d").rfind("r.pdf r--ministerstvo-yusticii.pdf r--mvd-rossii.pdf:", 0) == 0);

    // split off: every copy goes, the file copy stays.
    const auto off = run_zapros({"render", "r.md", "-MD"}, dir);
    REQUIRE(off.status == 0);
    CHECK(fs::exists(dir / "r.pdf"));
    CHECK(!fs::exists(dir / "r--mvd-rossii.pdf"));
    CHECK(!fs::exists(dir / "r--ministerstvo-yusticii.pdf"));
}

TEST_CASE("without a depfile, or when a stale copy is a link, nothing is removed", "[copies]") {
    const auto dir = temp_dir("copies-keep");
    write(dir / "r.md", request(three));
    REQUIRE(run_zapros({"render", "r.md", "--per-addressee"}, dir).status == 0);
    write(dir / "r.md", request({"МВД России"}));
    const auto r = run_zapros({"render", "r.md", "--per-addressee"}, dir);
    REQUIRE(r.status == 0);
    CHECK(fs::exists(dir / "r--fsb-rossii.pdf"));  // no depfile: zapros cannot know it wrote it
    CHECK(r.err.empty());

    write(dir / "r.md", request(three));
    REQUIRE(run_zapros({"render", "r.md", "--per-addressee", "-MD"}, dir).status == 0);
    write(dir / "kept.pdf", "mine");
    fs::remove(dir / "r--fsb-rossii.pdf");
    fs::create_symlink("kept.pdf", dir / "r--fsb-rossii.pdf");
    write(dir / "r.md", request({"МВД России"}));
    REQUIRE(run_zapros({"render", "r.md", "--per-addressee", "-MD"}, dir).status == 0);
    CHECK(fs::is_symlink(dir / "r--fsb-rossii.pdf"));
    CHECK(read(dir / "kept.pdf") == "mine");
    CHECK(!fs::exists(dir / "r--ministerstvo-yusticii.pdf"));  // a regular stale copy still goes
}

TEST_CASE("when one copy may not be written, no output of the input is", "[copies]") {
    const auto dir = temp_dir("copies-refused");
    const auto outside = temp_dir("copies-refused-outside");
    fs::create_directories(dir / "req");
    fs::create_directories(dir / "out");
    write(dir / "req" / "r.md", request(three));
    fs::create_symlink(outside / "victim.pdf", dir / "out" / "r--mvd-rossii.pdf");  // leads outside
    const auto r = run_zapros({"render", "req/r.md", "-d", "out", "--per-addressee", "-MD"}, dir);
    CHECK(r.status == 1);
    CHECK(r.err.find("r--mvd-rossii.pdf") != std::string::npos);
    CHECK(!fs::exists(dir / "out" / "r.pdf"));
    CHECK(!fs::exists(dir / "out" / "r--ministerstvo-yusticii.pdf"));
    CHECK(!fs::exists(dir / "out" / "r.pdf.d"));
    CHECK(!fs::exists(outside / "victim.pdf"));
}

TEST_CASE("render --per-addressee to standard output is a usage error", "[copies]") {
    const auto dir = temp_dir("copies-stdout");
    write(dir / "r.md", request(three));
    const auto r = run_zapros({"render", "r.md", "-o", "-", "--per-addressee"}, dir);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--per-addressee writes a file per addressee") != std::string::npos);
}

TEST_CASE("the summary row counts an input's copies", "[copies]") {
    const auto dir = temp_dir("copies-summary");
    write(dir / "r.md", request({"МВД", "ФСБ"}));
    REQUIRE(run_zapros({"render", "r.md", "--per-addressee", "--summary", "s.md"}, dir).status == 0);
    CHECK(read(dir / "s.md").find("| МВД; ФСБ (2 copies) |") != std::string::npos);
}

TEST_CASE("a warning is printed once, for the file copy, not again for each addressee's copy", "[copies]") {
    const auto dir = temp_dir("copies-warning");
    write(dir / "r.md", "---\ntitle: Запрос\nto:\n  - МВД\n  - ФСБ\n---\nТекст \uE000 запроса.\n");
    const auto r = run_zapros({"render", "r.md", "--per-addressee"}, dir);
    REQUIRE(r.status == 0);
    CHECK(zapros::test::occurrences(r.err, "r.md:7:7: warning:") == 1);
    CHECK(zapros::test::occurrences(r.err, "warning:") == 1);
}

TEST_CASE("split: true in the front matter writes the copies, a given slug naming its copy", "[copies]") {
    const auto dir = temp_dir("copies-front-matter");
    write(dir / "r.md", "---\ntitle: Запрос\nsplit: true\nto:\n  - МВД\n  - {name: Министерство юстиции, slug: minjust}\n"
                        "---\nТекст запроса.\n");
    REQUIRE(run_zapros({"render", "r.md", "--outputs-file", "list.txt"}, dir).status == 0);
    CHECK(read(dir / "list.txt") == "r.pdf\nr--mvd.pdf\nr--minjust.pdf\n");
}

TEST_CASE("split: true with standard output for OUT is a usage error, and nothing is written", "[copies]") {
    const auto dir = temp_dir("copies-front-matter-stdout");
    write(dir / "r.md", "---\ntitle: Запрос\nsplit: true\nto:\n  - МВД\n  - ФСБ\n---\nТекст запроса.\n");
    // /dev/fd/1 rather than "-": the same descriptor, and no file could be made beside it.
    const auto r = run_zapros({"render", "r.md", "-o", "/dev/fd/1"}, dir);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("split: true (or --per-addressee) writes a file per addressee") != std::string::npos);
}

TEST_CASE("each copy gets its own twin and draft: the draft to its addressee, attaching its PDF, warnings said once",
          "[copies][mail]") {
    const auto dir = temp_dir("copies-twin-eml");
    write(dir / "r.md", request({"{name: МВД, email: mvd@mvd.example}", "{name: ФСБ, email: fsb@fsb.example}", "Минюст"}));
    const auto r = run_zapros({"render", "r.md", "--per-addressee", "--eml", "--format", "pdf,txt", "--outputs-file", "list.txt"}, dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(read(dir / "list.txt") == "r.pdf\nr--mvd.pdf\nr--fsb.pdf\nr--minyust.pdf\n"
                                    "r.txt\nr.eml\nr--mvd.txt\nr--mvd.eml\nr--fsb.txt\nr--fsb.eml\nr--minyust.txt\nr--minyust.eml\n");
    // The addressee without an email is warned of once, by the file copy's draft, not again by its own.
    CHECK(zapros::test::occurrences(r.err, "this addressee has no email") == 1);
    const zapros::test::Json mvd = zapros::test::read_eml(dir / "r--mvd.eml");
    REQUIRE(mvd["to"].a.size() == 1);
    CHECK(mvd["to"].a[0]["address"].s == "mvd@mvd.example");
    CHECK(mvd["attachments"].a.at(0)["filename"].s == "r--mvd.pdf");
    CHECK(mvd["attachments"].a.at(0)["sha256"].s == zapros::sha256_hex(read(dir / "r--mvd.pdf")));
    CHECK(mvd["text"].s == read(dir / "r--mvd.txt"));
    CHECK(read(dir / "r--mvd.txt").find("ФСБ") == std::string::npos);
    CHECK(read(dir / "r.txt").find("ФСБ") != std::string::npos);
    CHECK(zapros::test::read_eml(dir / "r.eml")["to"].a.size() == 2);
    CHECK(zapros::test::read_eml(dir / "r--minyust.eml")["to"].kind == zapros::test::Json::Kind::null);
}

TEST_CASE("an addressee's copy that would be another input's PDF (a.md's slug b, a--b.md) is refused", "[copies]") {
    const auto dir = temp_dir("copies-collide");
    fs::create_directories(dir / "x");
    write(dir / "a.md", "---\ntitle: Запрос\nsplit: true\nto:\n  - {name: МВД, slug: b}\n  - ФСБ\n---\nТекст.\n");
    write(dir / "x" / "a--b.md", "---\ntitle: Другой запрос\nto: [Прокуратура]\n---\nДругой текст.\n");
    const auto r = run_zapros({"render", "a.md", "x/a--b.md", "-d", "out", "--outputs-file", "list.txt"}, dir);
    CHECK(r.status == 2);
    CHECK(r.err.find("the copy out/a--b.pdf of 'a.md' would be named as the PDF of 'x/a--b.md'") != std::string::npos);
    CHECK(!fs::exists(dir / "out" / "a.pdf"));  // nothing of a.md is written
    CHECK(!fs::exists(dir / "out" / "a--fsb.pdf"));
    CHECK(read(dir / "list.txt") == "out/a--b.pdf\n");  // a--b.md's own, rendered as ever
}

TEST_CASE("an addressee's copy named as a request beside the input (make renders each alone) is refused", "[copies]") {
    const auto dir = temp_dir("copies-collide-sibling");
    write(dir / "a.md", "---\ntitle: Запрос\nsplit: true\nto:\n  - {name: МВД, slug: b}\n  - ФСБ\n---\nТекст.\n");
    write(dir / "a--b.md", "---\ntitle: Другой запрос\nto: [Прокуратура]\n---\nДругой текст.\n");
    const auto r = run_zapros({"render", "a.md", "-d", "build"}, dir);
    CHECK(r.status == 2);
    CHECK(r.err.find("the copy build/a--b.pdf of 'a.md' would be named as the PDF of 'a--b.md'") != std::string::npos);
    CHECK(!fs::exists(dir / "build" / "a--b.pdf"));
    CHECK(!fs::exists(dir / "build" / "a.pdf"));
    fs::remove(dir / "a--b.md");  // the name free again, the copies are written
    CHECK(run_zapros({"render", "a.md", "-d", "build"}, dir).status == 0);
    CHECK(fs::exists(dir / "build" / "a--b.pdf"));
}

TEST_CASE("a copy the old depfile lists that is now a request's own PDF (a--b.md by a.md) is not removed", "[copies]") {
    const auto dir = temp_dir("copies-stale-taken");
    write(dir / "a.md", "---\ntitle: Запрос\nsplit: true\nto:\n  - {name: МВД, slug: b}\n  - ФСБ\n---\nТекст.\n");
    REQUIRE(run_zapros({"render", "a.md", "-d", "out", "-MD"}, dir).status == 0);
    // Addressee b dropped from a.md, and a request a--b.md written beside it, rendered first.
    write(dir / "a.md", "---\ntitle: Запрос\nsplit: true\nto:\n  - ФСБ\n---\nТекст.\n");
    write(dir / "a--b.md", "---\ntitle: Другой запрос\nto: [Прокуратура]\n---\nДругой текст.\n");
    REQUIRE(run_zapros({"render", "a--b.md", "-d", "out"}, dir).status == 0);
    const std::string own = read(dir / "out" / "a--b.pdf");
    const auto r = run_zapros({"render", "a.md", "-d", "out", "-MD"}, dir);
    REQUIRE(r.status == 0);
    CHECK(r.err.find("removed") == std::string::npos);
    REQUIRE(fs::exists(dir / "out" / "a--b.pdf"));
    CHECK(read(dir / "out" / "a--b.pdf") == own);
}
