// Document CI: depfiles, batches, the file boundary, JSON diagnostics, dates, /ID, zapros new.
#include <catch2/catch.hpp>

#include <sstream>

#include "json.hpp"
#include "png_writer.hpp"
#include "request/parse.hpp"
#include "support.hpp"

using zapros::test::read;
using zapros::test::run;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

const std::string valid = "---\ntitle: Запрос\nto: Министерство\n---\nТекст запроса *с курсивом*.\n";
const std::string broken = "---\ntitle: Запрос\nto: 5\n---\nТекст.\n";

std::vector<std::string> lines(const std::string& s) {
    std::vector<std::string> out;
    std::istringstream in(s);
    for (std::string l; std::getline(in, l);) out.push_back(l);
    return out;
}

}  // namespace

TEST_CASE("a depfile lists the request, the fonts it used and the dictionaries", "[ci]") {
    const auto dir = temp_dir("depfile");
    write(dir / "r.md", valid);
    REQUIRE(run_zapros({"render", "r.md", "-o", "out/r.pdf", "--depfile", "r.d"}, dir).status == 3);  // out/ does not exist
    fs::create_directories(dir / "out");
    REQUIRE(run_zapros({"render", "r.md", "-o", "out/r.pdf", "--depfile", "r.d"}, dir).status == 0);
    const std::string d = read(dir / "r.d");
    CHECK(d.rfind("out/r.pdf: \\\n  r.md \\\n", 0) == 0);
    CHECK(d.find("/fonts/PTF55F.ttf") != std::string::npos);  // regular
    CHECK(d.find("/fonts/PTF75F.ttf") != std::string::npos);  // bold: the title
    CHECK(d.find("/fonts/PTF56F.ttf") != std::string::npos);  // italic
    CHECK(d.find("/fonts/PTM55F.ttf") == std::string::npos);  // no code, no mono
    CHECK(d.find("/hyph/hyph_ru.dic") != std::string::npos);
    CHECK(d.find("\nr.md:\n") != std::string::npos);  // an empty rule per input (a deleted one is no error)
}

TEST_CASE("render -MD writes OUT.d beside each PDF, images included", "[ci]") {
    const auto dir = temp_dir("md");
    write(dir / "scan.png", zapros::test::png(4, 4));
    write(dir / "a.md", valid + "\n![скан](scan.png)\n");
    write(dir / "b.md", valid);
    REQUIRE(run_zapros({"render", "a.md", "b.md", "-d", "out", "-MD"}, dir).status == 0);
    CHECK(read(dir / "out" / "a.pdf.d").find("scan.png") != std::string::npos);
    CHECK(read(dir / "out" / "b.pdf.d").rfind("out/b.pdf:", 0) == 0);
}

TEST_CASE("render -MD lists the images of the letter's parts, so a new logo rebuilds the PDF", "[ci]") {
    const auto dir = temp_dir("md-letter");
    const std::string png = zapros::test::png(1, 1);
    fs::create_directories(dir / "img");
    for (const char* f : {"img/logo.png", "img/sign.png", "img/stamp.png"}) write(dir / f, png);
    write(dir / "a.md", "---\ntitle: Запрос\nto: Министерство\nletterhead: {name: Медиазона, logo: img/logo.png}\n"
                        "signatures: [{role: Редактор, image: img/sign.png}]\nstamp: {image: img/stamp.png}\n---\nТекст.\n");
    REQUIRE(run_zapros({"render", "a.md", "-d", "out", "-MD"}, dir).status == 0);
    const std::string d = read(dir / "out" / "a.pdf.d");
    for (const char* f : {"img/logo.png", "img/sign.png", "img/stamp.png"}) {
        INFO(f);
        CHECK(d.find(f) != std::string::npos);
    }
}

TEST_CASE("a batch with a broken request builds the others, exits 1 and names the broken file", "[ci]") {
    const auto dir = temp_dir("batch");
    write(dir / "a.md", valid);
    write(dir / "b.md", broken);
    write(dir / "c.md", valid);
    const auto r = run_zapros({"render", "a.md", "b.md", "c.md", "-d", "out"}, dir);
    CHECK(r.status == 1);
    CHECK(fs::exists(dir / "out" / "a.pdf"));
    CHECK_FALSE(fs::exists(dir / "out" / "b.pdf"));
    CHECK(fs::exists(dir / "out" / "c.pdf"));
    // Not a terminal: one line per file, the diagnostics, and a summary naming the broken file.
    const auto l = lines(r.err);
    CHECK(std::find(l.begin(), l.end(), "[1/3] a.md → out/a.pdf") != l.end());
    CHECK(std::find(l.begin(), l.end(), "b.md:3:5: error: 'to' must be a string, a mapping {name, email, …} or a list of them, not a number") != l.end());
    CHECK(std::find(l.begin(), l.end(), "[2/3] b.md failed") != l.end());
    CHECK(l.back() == "zapros: 1 of 3 failed: b.md");
}

TEST_CASE("a batch on several threads gives the same PDFs as one thread", "[ci]") {
    const auto dir = temp_dir("jobs");
    std::vector<std::string> args{"render"};
    for (int i = 0; i < 6; ++i) {
        write(dir / ("r" + std::to_string(i) + ".md"), valid + "Абзац номер " + std::to_string(i) + ".\n");
        args.push_back("r" + std::to_string(i) + ".md");
    }
    auto one = args, four = args;
    one.insert(one.end(), {"-d", "one"});
    four.insert(four.end(), {"-d", "four", "-j", "4"});
    REQUIRE(run_zapros(one, dir).status == 0);
    REQUIRE(run_zapros(four, dir).status == 0);
    for (int i = 0; i < 6; ++i) {
        const std::string f = "r" + std::to_string(i) + ".pdf";
        CHECK(read(dir / "one" / f) == read(dir / "four" / f));
    }
}

TEST_CASE("a request may not read a file outside its directory unless allowed", "[ci]") {
    const auto root = temp_dir("sandbox");
    fs::create_directories(root / "requests");
    fs::create_directories(root / "secrets");
    write(root / "secrets" / "passwd.png", zapros::test::png(2, 2));
    write(root / "requests" / "r.md", valid + "\n![x](../secrets/passwd.png)\n");
    const auto denied = run_zapros({"check", "requests/r.md"}, root);
    CHECK(denied.status == 1);
    CHECK(denied.err.find("requests/r.md:7:1: error: image file '../secrets/passwd.png' lies outside the request's directory") !=
          std::string::npos);
    CHECK(run_zapros({"check", "requests/r.md", "--allow-dir", "secrets"}, root).status == 0);
    CHECK(run_zapros({"check", "requests/r.md", "--allow-dir", "/etc"}, root).status == 1);
}

TEST_CASE("a symlink pointing out of the request's directory counts as outside", "[ci]") {
    const auto root = temp_dir("symlink");
    fs::create_directories(root / "requests");
    write(root / "outside.png", zapros::test::png(2, 2));
    fs::create_symlink(root / "outside.png", root / "requests" / "inside.png");
    write(root / "requests" / "r.md", valid + "\n![x](inside.png)\n");
    const auto r = run_zapros({"check", "requests/r.md"}, root);
    CHECK(r.status == 1);
    CHECK(r.err.find("lies outside the request's directory") != std::string::npos);
}

TEST_CASE("diagnostics in JSON are one object per diagnostic", "[ci]") {
    const auto dir = temp_dir("json");
    write(dir / "bad.md", "---\ntitel: Запрос\nto: 5\n---\nТекст\"\n");
    const auto r = run_zapros({"check", "bad.md", "--diagnostics-format=json"}, dir);
    CHECK(r.status == 1);
    const auto l = lines(r.err);
    REQUIRE(l.size() == 3);
    const auto first = zapros::test::parse_json(l[0]);
    CHECK(first["file"].s == "bad.md");
    CHECK(first["line"].n == 1);
    CHECK(first["column"].n == 1);
    CHECK(first["severity"].s == "error");
    CHECK(first["message"].s == "missing required key 'title'");
    const auto third = zapros::test::parse_json(l[2]);
    CHECK(third["line"].n == 3);
    CHECK(third["column"].n == 5);
    CHECK(third["hint"].s == "to use it as text, put it in quotes: to: \"5\"");
    CHECK(run_zapros({"check", "bad.md", "--diagnostics-format=xml"}, dir).status == 2);
}

TEST_CASE("check warns about more than four addressees and an empty body", "[ci]") {
    const auto dir = temp_dir("warnings");
    write(dir / "r.md", "---\ntitle: T\nto: [A, B, C, D, E]\n---\n");
    const auto r = run_zapros({"check", "r.md"}, dir);
    CHECK(r.status == 0);
    CHECK(r.err.find("r.md:3:18: warning: more than four addressees") != std::string::npos);
    CHECK(r.err.find("r.md:5:1: warning: the request has no text") != std::string::npos);
}

TEST_CASE("check reports a table whose columns cannot each hold a letter as an error at the table", "[ci]") {
    // Sixty columns leave each less room than a letter: nothing can keep to the measure, and
    // a table is never printed with text outside its cells.
    std::string table = "|";
    std::string rule = "|";
    std::string row = "|";
    for (int i = 0; i < 60; ++i) table += " H |", rule += "---|", row += " слово |";
    const auto dir = temp_dir("overfull");
    write(dir / "r.md", "---\ntitle: T\nto: X\n---\n" + table + "\n" + rule + "\n" + row + "\n");
    const auto r = run_zapros({"check", "r.md"}, dir);
    CHECK(r.status == 1);
    CHECK(r.err.find("r.md:5:1: error: a table of 60 columns does not fit across the page") != std::string::npos);
}

TEST_CASE("SOURCE_DATE_EPOCH becomes the creation date; without it there is none", "[ci]") {
    const auto dir = temp_dir("epoch");
    write(dir / "r.md", valid);
    const auto dated = run({"env", "SOURCE_DATE_EPOCH=1490227200", zapros::test::binary().string(), "render", "r.md", "-o", "d.pdf"}, dir);
    REQUIRE(dated.status == 0);
    const auto info = run({"pdfinfo", "-isodates", (dir / "d.pdf").string()});
    CHECK(info.out.find("CreationDate:    2017-03-23T00:00:00Z\n") != std::string::npos);  // written +00'00'
    const auto bad = run({"env", "SOURCE_DATE_EPOCH=yesterday", zapros::test::binary().string(), "render", "r.md"}, dir);
    CHECK(bad.status == 2);
    CHECK(bad.err.find("SOURCE_DATE_EPOCH must be a number") != std::string::npos);
}

TEST_CASE("SOURCE_DATE_EPOCH past the year 9999 is refused: PDF and XMP dates have four digits of year", "[ci]") {
    const auto dir = temp_dir("epoch-10000");
    write(dir / "r.md", valid);
    auto render = [&](const char* epoch) {
        return run({"env", std::string("SOURCE_DATE_EPOCH=") + epoch, zapros::test::binary().string(), "render", "r.md"}, dir);
    };
    // 253402300799 is 9999-12-31T23:59:59Z (2932897 days of 86400 seconds, less one), the last
    // instant with four digits of year; one second later is 10000-01-01.
    const auto last = render("253402300799");
    REQUIRE(last.status == 0);
    const auto info = run({"pdfinfo", "-isodates", (dir / "r.pdf").string()});
    CHECK(info.out.find("CreationDate:    9999-12-31T23:59:59Z\n") != std::string::npos);
    std::filesystem::remove(dir / "r.pdf");
    const auto later = render("253402300800");
    CHECK(later.status == 2);
    CHECK(later.err.find("SOURCE_DATE_EPOCH must be a date up to 9999-12-31") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "r.pdf"));
}

TEST_CASE("the document ID comes from the content, not the clock", "[ci]") {
    const auto dir = temp_dir("id");
    write(dir / "a.md", valid);
    write(dir / "b.md", valid + "Ещё абзац.\n");
    REQUIRE(run_zapros({"render", "a.md", "-o", "a1.pdf"}, dir).status == 0);
    REQUIRE(run_zapros({"render", "a.md", "-o", "a2.pdf"}, dir).status == 0);
    REQUIRE(run_zapros({"render", "b.md", "-o", "b.pdf"}, dir).status == 0);
    auto id = [&](const std::string& f) {
        const auto r = run({"qpdf", "--show-object=trailer", (dir / f).string()});
        const auto at = r.out.find("/ID [ <");
        REQUIRE(at != std::string::npos);
        return r.out.substr(at + 7, 32);
    };
    CHECK(id("a1.pdf") == id("a2.pdf"));
    CHECK(id("a1.pdf") != id("b.pdf"));
}

TEST_CASE("zapros new writes a template that passes check and never overwrites", "[ci]") {
    const auto dir = temp_dir("new");
    write(dir / ".zapros", "");  // a requests repository: the template gets its schema line
    for (const char* lang : {"ru", "en"}) {
        const std::string name = std::string("запрос-") + lang;
        INFO(lang);
        const auto bad_name = run_zapros({"new", "x/y"}, dir);
        CHECK(bad_name.status == 2);
        const auto r = run_zapros({"new", "demo-" + std::string(lang), "--lang", lang}, dir);
        REQUIRE(r.status == 0);
        const fs::path file = dir / "requests" / ("demo-" + std::string(lang) + ".md");
        CHECK(r.out == "requests/demo-" + std::string(lang) + ".md\n");
        const std::string text = read(file);
        // Every key the parser takes, and every key of its mappings, shown (most commented out).
        for (std::string_view key : zapros::request::front_matter_keys()) {
            INFO(key);
            CHECK(text.find(std::string(key) + ":") != std::string::npos);
            for (std::string_view sub : zapros::request::sub_keys(key)) {
                INFO(sub);
                CHECK(text.find(std::string(sub) + ":") != std::string::npos);
            }
        }
        CHECK(text.find("$schema=../schema/request.schema.json\n") != std::string::npos);
        // A signature's commented keys stand under its role: an editor's "uncomment" (deleting
        // "# ") leaves them in the list item, not a YAML error.
        {
            std::string uncommented;
            int names = 0;
            std::istringstream in(text);
            for (std::string line; std::getline(in, line);) {
                if (const auto at = line.find("    # "); at == 0 && line.find(" name:") != std::string::npos) {
                    line.erase(4, 2);
                    ++names;
                }
                if (const auto at = line.find("    # "); at == 0 && line.find(" image:") != std::string::npos) continue;
                uncommented += line + "\n";
            }
            CHECK(names == 1);
            write(file, uncommented);
            const auto named = run_zapros({"check", file.string()}, dir);
            CHECK(named.status == 0);
            CHECK(named.err.empty());
            write(file, text);
        }
        const auto c = run_zapros({"check", file.string()}, dir);
        CHECK(c.status == 0);
        CHECK(c.err.empty());
        write(file, "my own text");
        const auto again = run_zapros({"new", "demo-" + std::string(lang)}, dir);
        CHECK(again.status == 1);
        CHECK(read(file) == "my own text");
    }
}
