// Long URLs and long document information: stored and written once, kept under libharu's
// 65,535-byte string limit, never a failed PDF.
#include <catch2/catch.hpp>

#include <string>

#include "request/body.hpp"
#include "support.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

const std::string head = "---\ntitle: T\nto: X\n---\n";

std::size_t count(const std::string& hay, const std::string& needle) { return test::occurrences(hay, needle); }

struct Rendered {
    test::Run render, check;
    std::string pdf;  // uncompressed (qpdf's QDF form)
    fs::path dir;
};

Rendered render(const std::string& md, const std::string& name) {
    Rendered out;
    out.dir = test::temp_dir("long-" + name);
    test::write(out.dir / "r.md", md);
    out.render = test::run_zapros({"render", "r.md"}, out.dir);
    out.check = test::run_zapros({"check", "r.md"}, out.dir);
    REQUIRE(out.render.status == 0);
    const auto q = test::run({"qpdf", "--qdf", "--object-streams=disable", (out.dir / "r.pdf").string(), (out.dir / "q.pdf").string()});
    REQUIRE(q.status == 0);
    out.pdf = test::read(out.dir / "q.pdf");
    return out;
}

}  // namespace

TEST_CASE("a link spanning many lines writes its URI once, shared by every line's annotation", "[pdf]") {
    const std::string url = "https://x.ru/" + std::string(4000, 'a');
    const Rendered r = render(head + url + "\n", "shared-uri");
    CHECK(count(r.pdf, "/Subtype /Link") > 20);  // one annotation per line
    CHECK(count(r.pdf, "/URI (") == 1);
    CHECK(count(r.pdf, std::string(4000, 'a')) == 1);
}

TEST_CASE("a URL longer than the limit is a warning at its position, printed as text without a link", "[pdf]") {
    const std::size_t limit = request::max_url_bytes;
    const std::string longest = "https://x.ru/" + std::string(limit - 13, 'b');
    const std::string too_long = "https://x.ru/" + std::string(limit - 12, 'c');
    const std::string huge = "https://x.ru/" + std::string(70000, 'd');  // past libharu's string limit
    const Rendered r = render(head + "See " + longest + "\n\n[c](" + too_long + ")\n\n|a|\n|-|\n|x " + huge + "|\n", "too-long");
    const std::string warned = "the URL is too long to be a link (" + std::to_string(limit + 1) + " bytes; at most " +
                               std::to_string(limit) + "): printed as text without a link";
    CHECK(r.render.err.find("r.md:7:1: warning: " + warned) != std::string::npos);
    // cmark-gfm places an autolink inside a table cell at the cell's text.
    CHECK(r.render.err.find("r.md:11:2: warning: the URL is too long to be a link (70013 bytes") != std::string::npos);
    CHECK(r.check.status == 0);
    CHECK(r.check.err == r.render.err);
    CHECK(count(r.pdf, "/URI (") == 1);  // the longest allowed only
    CHECK(r.pdf.find("/URI (" + longest + ")") != std::string::npos);
    const auto text = test::run({"pdftotext", (r.dir / "r.pdf").string(), "-"});
    CHECK(count(text.out, "d") >= 70000);  // the URL printed whole
}

TEST_CASE("a long title is cut in the PDF's information at a character boundary and printed whole", "[pdf]") {
    // 'a' puts the 2,048th byte inside a two-byte letter.
    std::string title = "a";
    for (int i = 0; i < 17000; ++i) title += "Жук ";
    title += "конец";
    const Rendered r = render("---\ntitle: " + title + "\nto: X\n---\nТекст.\n", "title");
    const auto info = test::run({"pdfinfo", (r.dir / "r.pdf").string()});
    REQUIRE(info.status == 0);
    std::string cut = "a";
    while (cut.size() + 7 <= 2048) cut += "Жук ";
    cut += "Ж";
    CHECK(info.out.find(" " + cut + "\n") != std::string::npos);
    const auto text = test::run({"pdftotext", (r.dir / "r.pdf").string(), "-"});
    CHECK(count(text.out, "Жук") == 17000);
    CHECK(text.out.find("конец") != std::string::npos);
}
