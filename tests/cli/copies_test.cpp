// The copies of one input (cli/copies.cpp), the depfile that lists them (cli/depfile.cpp) and the
// stale copies found through it (cli/stale.cpp).
#include <catch2/catch.hpp>

#include "cli/copies.hpp"
#include "cli/depfile.hpp"
#include "cli/stale.hpp"
#include "support.hpp"

using namespace zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

request::Request three() {
    request::Request req;
    for (const char* n : {"Министерство юстиции", "МВД", "ФСБ"})
        req.meta.to.push_back(request::Addressee{request::Text{n, {}}, {}, {}, {}, {}, {}});
    return req;
}

}  // namespace

TEST_CASE("a copy's path is OUT's stem, --, the slug and OUT's extension, beside OUT", "[copies]") {
    CHECK(cli::copy_path("build/pdf/x.pdf", "mvd") == fs::path("build/pdf/x--mvd.pdf"));
    CHECK(cli::copy_path("x.trace", "a-2") == fs::path("x--a-2.trace"));
}

TEST_CASE("split plans the file copy with every addressee, then one copy per addressee", "[copies]") {
    const auto copies = cli::plan_copies(three(), "out/r.pdf", true);
    REQUIRE(copies.size() == 4);
    CHECK(copies[0].pdf == fs::path("out/r.pdf"));
    CHECK(!copies[0].addressee);
    CHECK(copies[1].pdf == fs::path("out/r--ministerstvo-yusticii.pdf"));
    CHECK(copies[1].addressee == std::size_t{0});
    CHECK(copies[2].pdf == fs::path("out/r--mvd.pdf"));
    CHECK(copies[3].pdf == fs::path("out/r--fsb.pdf"));
    CHECK(copies[3].addressee == std::size_t{2});
}

TEST_CASE("without split there is the file copy alone", "[copies]") {
    const auto copies = cli::plan_copies(three(), "r.pdf", false);
    REQUIRE(copies.size() == 1);
    CHECK(copies[0].pdf == fs::path("r.pdf"));
}

TEST_CASE("a depfile's first rule names every output, and reads back with make's escapes undone", "[copies]") {
    const std::string d = cli::depfile({"out/a b.pdf", "out/a b--x#1.pdf", "out/$.pdf"}, {"a b.md", "font.ttf"});
    CHECK(d.rfind("out/a\\ b.pdf out/a\\ b--x\\#1.pdf out/$$.pdf: \\\n  a\\ b.md \\\n  font.ttf\n", 0) == 0);
    CHECK(d.find("\na\\ b.md:\n") != std::string::npos);
    CHECK(cli::depfile_targets(d) == std::vector<std::string>{"out/a b.pdf", "out/a b--x#1.pdf", "out/$.pdf"});
    CHECK(cli::depfile_targets(cli::depfile({"r.pdf"}, {})) == std::vector<std::string>{"r.pdf"});
    CHECK(cli::depfile_targets("not a rule\nr.pdf: x\n").empty());
}

TEST_CASE("a copy the old depfile lists and this render does not write is stale", "[copies]") {
    const fs::path dir = temp_dir("stale");
    const fs::path out = dir / "r.pdf";
    for (const char* f : {"r.pdf", "r--a.pdf", "r--b.pdf", "r--b.eml", "r--b.txt", "r--c.pdf", "other--b.pdf", "r-b.pdf",
                          "r--b.trace"})
        write(dir / f, "x");
    fs::create_directories(dir / "sub");
    write(dir / "sub" / "r--b.pdf", "x");
    fs::create_symlink(dir / "r--a.pdf", dir / "r--link.pdf");
    auto p = [&](const char* f) { return (dir / f).string(); };
    write(dir / "r.pdf.d", cli::depfile({p("r.pdf"), p("r--a.pdf"), p("r--b.pdf"), p("r--b.eml"), p("r--b.txt"),
                                         p("other--b.pdf"), p("r-b.pdf"), p("r--b.trace"), p("sub/r--b.pdf"),
                                         p("r--link.pdf"), p("r--gone.pdf")},
                                        {"r.md"}));
    // This render writes r.pdf and r--a.pdf: r--b's three files are stale; the rest are not
    // copies of r here (another stem, another directory, another extension), a link, or missing.
    const auto stale = cli::stale_outputs(dir / "r.pdf.d", out, {out, dir / "r--a.pdf"});
    CHECK(stale == std::vector<fs::path>{dir / "r--b.pdf", dir / "r--b.eml", dir / "r--b.txt"});
}

TEST_CASE("a depfile whose first target is another file, or that is a link, lists nothing stale", "[copies]") {
    const fs::path dir = temp_dir("stale-foreign");
    write(dir / "r--b.pdf", "x");
    write(dir / "x.d", cli::depfile({(dir / "q.pdf").string(), (dir / "r--b.pdf").string()}, {}));
    CHECK(cli::stale_outputs(dir / "x.d", dir / "r.pdf", {dir / "r.pdf"}).empty());
    write(dir / "real.d", cli::depfile({(dir / "r.pdf").string(), (dir / "r--b.pdf").string()}, {}));
    CHECK(cli::stale_outputs(dir / "real.d", dir / "r.pdf", {dir / "r.pdf"}) == std::vector<fs::path>{dir / "r--b.pdf"});
    fs::create_symlink(dir / "real.d", dir / "link.d");
    CHECK(cli::stale_outputs(dir / "link.d", dir / "r.pdf", {dir / "r.pdf"}).empty());
    CHECK(cli::stale_outputs(dir / "missing.d", dir / "r.pdf", {dir / "r.pdf"}).empty());
}

TEST_CASE("a stale target whose path leads through a link out of OUT's directory is not removed there", "[copies]") {
    const fs::path dir = temp_dir("stale-through-link");
    fs::create_directories(dir / "build" / "pdf");
    fs::create_directories(dir / "elsewhere" / "deep");
    fs::create_directories(dir / "elsewhere" / "pdf");
    write(dir / "elsewhere" / "pdf" / "r--b.pdf", "someone else's");
    fs::create_symlink(dir / "elsewhere" / "deep", dir / "build" / "lnk");
    const fs::path out = dir / "build" / "pdf" / "r.pdf";
    // "build/lnk/../pdf" is build/pdf to the letter, and elsewhere/pdf on disk.
    write(dir / "build" / "pdf" / "r.pdf.d",
          cli::depfile({out.string(), (dir / "build" / "lnk" / ".." / "pdf" / "r--b.pdf").string()}, {"r.md"}));
    CHECK(cli::stale_outputs(dir / "build" / "pdf" / "r.pdf.d", out, {out}).empty());
    // The same name in OUT's own directory is the stale copy, and is what is named; a target in
    // another directory names nothing, not even the file of its name in OUT's.
    write(dir / "build" / "pdf" / "r--b.pdf", "x");
    write(dir / "build" / "pdf" / "r--c.pdf", "x");
    write(dir / "build" / "pdf" / "r.pdf.d",
          cli::depfile({out.string(), (dir / "build" / "lnk" / ".." / "pdf" / "r--b.pdf").string(),
                        (dir / "elsewhere" / "pdf" / "r--c.pdf").string()},
                       {"r.md"}));
    CHECK(cli::stale_outputs(dir / "build" / "pdf" / "r.pdf.d", out, {out}) ==
          std::vector<fs::path>{dir / "build" / "pdf" / "r--b.pdf"});
}
