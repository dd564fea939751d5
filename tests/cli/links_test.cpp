// Symbolic links a stranger's pull request can plant where zapros writes: at the PDF's path, at
// its depfile's, at the temporary file's old fixed name. Each test asserts that the file the
// link points to keeps its bytes, unless the link leads where zapros may write.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.hpp"

using zapros::test::read;
using zapros::test::run_zapros;
using zapros::test::temporaries;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::string valid = "---\ntitle: Запрос\nto: Министерство\n---\nТекст запроса.\n";
const std::string secret = "a file outside the repository\n";

// A repository with requests/x.md and, beside it, victim/secret: what a planted link aims at.
fs::path repository(const std::string& name) {
    const fs::path root = zapros::test::temp_dir(name);
    fs::create_directories(root / "requests");
    fs::create_directories(root / "victim");
    write(root / "requests" / "x.md", valid);
    write(root / "victim" / "secret", secret);
    return root;
}

}  // namespace

TEST_CASE("a link planted at the PDF's path and leading outside is refused and its target keeps its bytes", "[cli][links]") {
    const fs::path root = repository("links-pdf");
    fs::create_symlink("../victim/secret", root / "requests" / "x.pdf");
    const auto r = run_zapros({"render", "requests/x.md"}, root);
    CHECK(r.status == 1);
    CHECK(r.err.find("requests/x.pdf is a symbolic link to " + (root / "victim" / "secret").string()) != std::string::npos);
    // The message names where it may write: the request's directory (also the output's here).
    CHECK(r.err.find("outside every directory zapros may write under here (" + fs::canonical(root / "requests").string()) !=
          std::string::npos);
    CHECK(r.err.find("nothing was written") != std::string::npos);
    CHECK(read(root / "victim" / "secret") == secret);
    CHECK(fs::is_symlink(root / "requests" / "x.pdf"));
    CHECK(temporaries(root).empty());
}

TEST_CASE("a link planted at the temporary file's old fixed name is never written through", "[cli][links]") {
    // zapros used to open OUT.pdf.tmp with O_CREAT|O_TRUNC, following a link put there.
    const fs::path root = repository("links-tmp");
    fs::create_symlink("../victim/secret", root / "requests" / "x.pdf.tmp");
    fs::create_symlink("../victim/secret", root / "requests" / ".x.pdf.tmp");
    const auto r = run_zapros({"render", "requests/x.md"}, root);
    CHECK(r.status == 0);
    CHECK(read(root / "victim" / "secret") == secret);
    CHECK(read(root / "requests" / "x.pdf").rfind("%PDF-1.", 0) == 0);
    CHECK(fs::is_symlink(root / "requests" / "x.pdf.tmp"));
    CHECK(fs::is_symlink(root / "requests" / ".x.pdf.tmp"));
}

TEST_CASE("a link leading nowhere yet is refused when it would create a file outside", "[cli][links]") {
    const fs::path root = repository("links-dangling");
    fs::create_symlink("../victim/created", root / "requests" / "x.pdf");
    CHECK(run_zapros({"render", "requests/x.md"}, root).status == 1);
    CHECK_FALSE(fs::exists(root / "victim" / "created"));
}

TEST_CASE("a chain of links is judged by where it ends", "[cli][links]") {
    const fs::path root = repository("links-chain");
    fs::create_symlink("../victim/secret", root / "requests" / "hop");
    fs::create_symlink("hop", root / "requests" / "x.pdf");
    CHECK(run_zapros({"render", "requests/x.md"}, root).status == 1);
    CHECK(read(root / "victim" / "secret") == secret);
}

TEST_CASE("a link planted at the depfile's path is refused like the PDF's", "[cli][links]") {
    const fs::path root = repository("links-depfile");
    fs::create_symlink("../victim/secret", root / "requests" / "x.pdf.d");
    const auto md = run_zapros({"render", "requests/x.md", "-MD"}, root);
    CHECK(md.status == 1);
    CHECK(md.err.find("requests/x.pdf.d is a symbolic link") != std::string::npos);
    fs::create_symlink("../victim/secret", root / "requests" / "x.dep");
    CHECK(run_zapros({"render", "requests/x.md", "--depfile", "requests/x.dep"}, root).status == 1);
    CHECK(read(root / "victim" / "secret") == secret);
}

TEST_CASE("a link in the output directory leading outside it is refused", "[cli][links]") {
    const fs::path root = repository("links-outdir");
    fs::create_directories(root / "out");
    fs::create_symlink("../victim/secret", root / "out" / "x.pdf");
    CHECK(run_zapros({"render", "requests/x.md", "-d", "out"}, root).status == 1);
    CHECK(run_zapros({"render", "requests/x.md", "-o", "out/x.pdf"}, root).status == 1);
    CHECK(read(root / "victim" / "secret") == secret);
}

TEST_CASE("a link leading under an --allow-dir is followed: its target replaced, the link kept", "[cli][links]") {
    const fs::path root = repository("links-allowed");
    fs::create_symlink("../victim/secret", root / "requests" / "x.pdf");
    const auto r = run_zapros({"render", "requests/x.md", "--allow-dir", "victim"}, root);
    CHECK(r.status == 0);
    CHECK(read(root / "victim" / "secret").rfind("%PDF-1.", 0) == 0);
    CHECK(fs::is_symlink(root / "requests" / "x.pdf"));
    CHECK(temporaries(root).empty());
}

TEST_CASE("a link leading into the output directory is followed", "[cli][links]") {
    const fs::path root = repository("links-into-outdir");
    fs::create_directories(root / "out" / "store");
    write(root / "out" / "store" / "x.pdf", "old");
    fs::create_symlink("store/x.pdf", root / "out" / "x.pdf");
    CHECK(run_zapros({"render", "requests/x.md", "-d", "out"}, root).status == 0);
    CHECK(read(root / "out" / "store" / "x.pdf").rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("a refused link fails its own request and the batch goes on with the next", "[cli][links]") {
    const fs::path root = repository("links-batch");
    write(root / "requests" / "y.md", valid);
    fs::create_symlink("../victim/secret", root / "requests" / "x.pdf");
    const auto r = run_zapros({"render", "requests/x.md", "requests/y.md"}, root);
    CHECK(r.status == 1);
    CHECK(read(root / "requests" / "y.pdf").rfind("%PDF-1.", 0) == 0);
    CHECK(read(root / "victim" / "secret") == secret);
}

TEST_CASE("writing to /dev/stdout goes to the descriptor, though the path is a link leading outside", "[cli][links]") {
    const fs::path root = repository("links-stdout");
    const auto r = run_zapros({"render", "requests/x.md", "-o", "/dev/stdout"}, root);
    CHECK(r.status == 0);
    CHECK(r.out.rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("a refused depfile link leaves the good PDF as it was: every output is judged before any is written", "[cli][links]") {
    const fs::path root = repository("links-depfile-first");
    write(root / "requests" / "x.pdf", "GOOD");
    fs::create_symlink("../victim/secret", root / "requests" / "x.pdf.d");
    CHECK(run_zapros({"render", "requests/x.md", "-MD"}, root).status == 1);
    CHECK(read(root / "requests" / "x.pdf") == "GOOD");
    fs::create_symlink("../victim/secret", root / "dep.d");
    CHECK(run_zapros({"render", "requests/x.md", "--depfile", "dep.d"}, root).status == 1);
    CHECK(read(root / "requests" / "x.pdf") == "GOOD");
    CHECK(read(root / "victim" / "secret") == secret);
}

TEST_CASE("a link in a directory of the output path leading outside is refused: a committed build/pdf", "[cli][links]") {
    const fs::path root = repository("links-dir-part");
    fs::create_directories(root / "build");
    fs::create_directory_symlink("../victim", root / "build" / "pdf");
    const auto r = run_zapros({"render", "requests/x.md", "-o", "build/pdf/x.pdf", "-MD"}, root);
    CHECK(r.status == 1);
    CHECK(r.err.find("build/pdf/x.pdf leads through the symbolic link build/pdf to " + (root / "victim" / "x.pdf").string()) !=
          std::string::npos);
    CHECK(run_zapros({"render", "requests/x.md", "-d", "build/pdf"}, root).status == 1);
    CHECK_FALSE(fs::exists(root / "victim" / "x.pdf"));
    CHECK_FALSE(fs::exists(root / "victim" / "x.pdf.d"));
}

TEST_CASE("a directory link leading into the request's directory is followed", "[cli][links]") {
    const fs::path root = repository("links-dir-inside");
    fs::create_directories(root / "requests" / "pdf");
    fs::create_directory_symlink("requests/pdf", root / "out");
    CHECK(run_zapros({"render", "requests/x.md", "-d", "out"}, root).status == 0);
    CHECK(read(root / "requests" / "pdf" / "x.pdf").rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("a link in the output directory may lead into the request's directory", "[cli][links]") {
    const fs::path root = repository("links-out-to-request");
    fs::create_directories(root / "out");
    fs::create_directories(root / "requests" / "store");
    fs::create_symlink("../requests/store/x.pdf", root / "out" / "x.pdf");
    CHECK(run_zapros({"render", "requests/x.md", "-d", "out"}, root).status == 0);
    CHECK(read(root / "requests" / "store" / "x.pdf").rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("a chain whose first hop leads nowhere yet is judged by where its last hop leads", "[cli][links]") {
    const fs::path root = repository("links-dangling-chain");
    fs::create_symlink("../victim/created", root / "requests" / "hop");
    fs::create_symlink("hop", root / "requests" / "x.pdf");
    CHECK(run_zapros({"render", "requests/x.md"}, root).status == 1);
    CHECK_FALSE(fs::exists(root / "victim" / "created"));
    CHECK(fs::is_symlink(root / "requests" / "x.pdf"));
}

TEST_CASE("a loop of links is an error and nothing is written", "[cli][links]") {
    const fs::path root = repository("links-loop");
    fs::create_symlink("x.pdf", root / "requests" / "x.pdf");
    const auto r = run_zapros({"render", "requests/x.md"}, root);
    CHECK(r.status == 3);
    CHECK(r.err.find("Too many levels of symbolic links") != std::string::npos);
    CHECK(temporaries(root).empty());
}

TEST_CASE("the process's own descriptors are written as they are: /dev/stderr, /dev/fd/N", "[cli][links]") {
    const fs::path root = repository("links-descriptors");
    CHECK(run_zapros({"render", "requests/x.md", "-o", "/dev/stderr"}, root).err.rfind("%PDF-1.", 0) == 0);
    CHECK(run_zapros({"render", "requests/x.md", "-o", "/dev/fd/1"}, root).out.rfind("%PDF-1.", 0) == 0);
    CHECK(run_zapros({"render", "requests/x.md", "-o", "/proc/self/fd/1"}, root).out.rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("depfiles beside standard output are a usage error: -o - -MD", "[cli][links]") {
    const fs::path root = repository("links-md-stdout");
    const auto r = run_zapros({"render", "requests/x.md", "-o", "-", "-MD"}, root);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
}

TEST_CASE("a request with a name as long as a file name may be renders beside it", "[cli][links]") {
    // The temporary file's name adds to the target's; past 255 bytes it takes a short one.
    const fs::path root = repository("links-long-name");
    const std::string name(251, 'x');
    write(root / "requests" / (name + ".md"), valid);
    const auto r = run_zapros({"render", "requests/" + name + ".md", "-o", "requests/" + name + ".pdf"}, root);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(read(root / "requests" / (name + ".pdf")).rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("a request reached through a directory link writes beside itself, where it really is", "[cli][links]") {
    const fs::path root = repository("links-request-dir-link");
    fs::create_directory_symlink("requests", root / "reqlink");
    CHECK(run_zapros({"render", "reqlink/x.md"}, root).status == 0);
    CHECK(read(root / "requests" / "x.pdf").rfind("%PDF-1.", 0) == 0);
}

TEST_CASE("an absolute output path through a link leading outside is refused like a relative one", "[cli][links]") {
    const fs::path root = repository("links-absolute");
    fs::create_directory_symlink("victim", root / "outlink");
    CHECK(run_zapros({"render", "requests/x.md", "-o", (root / "outlink" / "x.pdf").string()}, root).status == 1);
    CHECK(run_zapros({"render", "requests/x.md", "-d", (root / "outlink").string()}, root).status == 1);
    CHECK_FALSE(fs::exists(root / "victim" / "x.pdf"));
}
