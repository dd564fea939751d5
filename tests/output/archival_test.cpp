// PDF/A-2 through the binary (output/archival.cpp): the header, the XMP against Info, the sRGB
// output intent, /Lang, DisplayDocTitle, /F 4 on links, --pdf-standard against the front matter,
// and none giving the PDF zapros wrote before. Read back with qpdf's JSON, exempi and xmllint,
// never through zapros's own structures.
#include <catch2/catch.hpp>

#include <set>

#include "image/image_files.hpp"
#include "json.hpp"
#include "support.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

struct Pdf {
    fs::path path;
    std::string bytes;
    test::Json objects;  // qpdf --json=2: "obj:N 0 R" and "trailer"

    const test::Json& object(const std::string& ref) const {
        const test::Json& o = objects["obj:" + ref];
        return o.has("stream") ? o["stream"]["dict"] : o["value"];
    }
    const test::Json& trailer() const { return objects["trailer"]["value"]; }
    const test::Json& catalog() const { return object(trailer()["/Root"].s); }
    const test::Json& info() const { return object(trailer()["/Info"].s); }
    // A stream's data, its filters undone.
    std::string stream(const std::string& ref) const {
        const auto r = test::run({"qpdf", "--show-object=" + ref, "--filtered-stream-data", path.string()});
        REQUIRE(r.status == 0);
        return r.out;
    }
    // An XMP property as Adobe's XMP Core (exempi) reads it from the file.
    std::string xmp(const std::string& property) const {
        const auto r = test::run({"exempi", "-g", property, path.string()});
        REQUIRE(r.status == 0);
        std::string v = r.out;
        while (!v.empty() && v.back() == '\n') v.pop_back();
        return v;
    }
    // The annotations of every page.
    std::vector<const test::Json*> annotations() const {
        std::vector<const test::Json*> out;
        for (const auto& [key, o] : objects.o)
            if (key.rfind("obj:", 0) == 0 && o.has("value") && o["value"].has("/Subtype") && o["value"].has("/Type") &&
                o["value"]["/Type"].s == "/Annot")
                out.push_back(&o["value"]);
        return out;
    }
};

Pdf render(const std::string& name, const std::string& md, std::vector<std::string> args = {},
           const std::map<std::string, std::string>& files = {}) {
    const fs::path dir = test::temp_dir("archival-" + name);
    test::write(dir / "r.md", md);
    for (const auto& [file, bytes] : files) test::write(dir / file, bytes);
    args.insert(args.begin(), {"render", "r.md"});
    const auto r = test::run_zapros(args, dir);
    INFO(r.err);
    REQUIRE(r.status == 0);
    Pdf pdf{dir / "r.pdf", test::read(dir / "r.pdf"), {}};
    const auto j = test::run({"qpdf", "--json=2", "--json-key=qpdf", pdf.path.string()});
    REQUIRE(j.status == 0);
    pdf.objects = test::parse_json(j.out)["qpdf"].a.at(1);
    return pdf;
}

// qpdf's JSON writes a text string as "u:" and its UTF-8.
std::string text(const test::Json& v) {
    REQUIRE(v.s.rfind("u:", 0) == 0);
    return v.s.substr(2);
}

const std::string linked_body = "См. https://example.org/a и сноску[^1].\n\n[^1]: Примечание.\n";

std::string letter(const std::string& extra_yaml = "", const std::string& title = "Запрос") {
    return "---\ntitle: " + title + "\nto: Министерство\ndate: 2017-04-03\n" + extra_yaml + "---\n" + linked_body;
}

}  // namespace

TEST_CASE("a PDF/A-2u file has a 1.7 header, the catalog's /Lang and DisplayDocTitle", "[pdf][archival]") {
    const Pdf pdf = render("header", letter("lang: en\n"));
    CHECK(pdf.bytes.rfind("%PDF-1.7\n", 0) == 0);
    const test::Json& catalog = pdf.catalog();
    CHECK(text(catalog["/Lang"]) == "en");
    CHECK(catalog["/ViewerPreferences"]["/DisplayDocTitle"].b);
    CHECK(text(render("lang-ru", letter()).catalog()["/Lang"]) == "ru");
}

TEST_CASE("the XMP is an uncompressed metadata stream, well-formed, claiming PDF/A-2 part and level", "[pdf][archival]") {
    const Pdf u = render("xmp-u", letter());
    const test::Json& meta = u.object(u.catalog()["/Metadata"].s);
    CHECK(meta["/Type"].s == "/Metadata");
    CHECK(meta["/Subtype"].s == "/XML");
    CHECK_FALSE(meta.has("/Filter"));
    const std::string packet = u.stream(u.catalog()["/Metadata"].s);
    CHECK(u.bytes.find(packet) != std::string::npos);  // as it is in the file: uncompressed
    const fs::path xml = u.path.parent_path() / "xmp.xml";
    test::write(xml, packet);
    const auto lint = test::run({"xmllint", "--noout", xml.string()});
    INFO(lint.err);
    CHECK(lint.status == 0);
    CHECK(packet.find("bytes=") == std::string::npos);  // PDF/A-2 6.6.2.1: no bytes or encoding in the header
    CHECK(packet.find("encoding=") == std::string::npos);
    CHECK(u.xmp("pdfaid:part") == "2");
    CHECK(u.xmp("pdfaid:conformance") == "U");
    CHECK(render("xmp-b", letter(), {"--pdf-standard", "a-2b"}).xmp("pdfaid:conformance") == "B");
}

TEST_CASE("each document information entry equals its XMP twin, a title of markup, Cyrillic and a control character included",
          "[pdf][archival]") {
    // YAML's \u0001 reaches the title; XML 1.0 cannot hold it, so Info and the XMP both drop it.
    const Pdf pdf = render("twins", letter("", "\"Запрос & <ответ> \\\"сразу\\\" \\u0001ок\""));
    const test::Json& info = pdf.info();
    CHECK(text(info["/Title"]) == "Запрос & <ответ> \"сразу\" ок");
    CHECK(pdf.xmp("dc:title[1]") == text(info["/Title"]));
    CHECK(pdf.xmp("dc:description[1]") == text(info["/Subject"]));
    CHECK(pdf.xmp("xmp:CreatorTool") == text(info["/Creator"]));
    CHECK(pdf.xmp("pdf:Producer") == text(info["/Producer"]));
}

TEST_CASE("a title of nothing XML allows keeps a dc:title, U+FFFD in Info and the XMP alike", "[pdf][archival]") {
    // PDF/UA-1 7.1 (veraPDF 7.1-9) wants a dc:title; dropping \u0001 and U+FFFE left none.
    const Pdf pdf = render("title-of-controls", letter("", "\"\\u0001\\uFFFE\""));
    CHECK(text(pdf.info()["/Title"]) == "\uFFFD");
    CHECK(pdf.xmp("dc:title[1]") == "\uFFFD");
}

TEST_CASE("a title longer than Info keeps is cut the same in the XMP", "[pdf][archival]") {
    std::string title;
    for (int k = 0; k < 1500; ++k) title += "Я";  // 3000 bytes, past the 2048 Info keeps
    const Pdf pdf = render("long-title", letter("", title));
    const std::string kept = text(pdf.info()["/Title"]);
    CHECK(kept.size() < title.size());
    CHECK(pdf.xmp("dc:title[1]") == kept);
}

TEST_CASE("the XMP dates are Info's instant, with a zone, only when the request gives SOURCE_DATE_EPOCH", "[pdf][archival]") {
    const Pdf plain = render("no-date", letter());
    CHECK_FALSE(plain.info().has("/CreationDate"));
    CHECK(plain.stream(plain.catalog()["/Metadata"].s).find("CreateDate") == std::string::npos);
    const fs::path dir = test::temp_dir("archival-epoch");
    test::write(dir / "r.md", letter());
    const auto r = test::run({"env", "SOURCE_DATE_EPOCH=1491220800", test::binary().string(), "render", "r.md"}, dir);
    REQUIRE(r.status == 0);
    CHECK(test::run({"exempi", "-g", "xmp:CreateDate", (dir / "r.pdf").string()}).out == "2017-04-03T12:00:00+00:00\n");
    CHECK(test::run({"exempi", "-g", "xmp:ModifyDate", (dir / "r.pdf").string()}).out == "2017-04-03T12:00:00+00:00\n");
    const auto info = test::run({"pdfinfo", "-isodates", (dir / "r.pdf").string()});  // Info's dates, as poppler reads them
    CHECK(test::occurrences(info.out, " 2017-04-03T12:00:00Z\n") == 2);  // CreationDate, ModDate
}

TEST_CASE("the output intent is GTS_PDFA1 sRGB, its profile the shipped file: a display RGB profile of ICC version 2",
          "[pdf][archival]") {
    const Pdf pdf = render("intent", letter());
    const test::Json& intents = pdf.catalog()["/OutputIntents"];
    REQUIRE(intents.a.size() == 1);
    const test::Json& intent = intents.a[0];
    CHECK(intent["/Type"].s == "/OutputIntent");
    CHECK(intent["/S"].s == "/GTS_PDFA1");
    CHECK(text(intent["/OutputConditionIdentifier"]) == "sRGB IEC61966-2.1");
    const std::string ref = intent["/DestOutputProfile"].s;
    CHECK(pdf.object(ref)["/N"].n == 3);
    CHECK(pdf.object(ref)["/Filter"].s == "/FlateDecode");
    const std::string profile = pdf.stream(ref);
    CHECK(profile == test::read(test::source_dir() / "icc" / "sRGB.icc"));
    REQUIRE(profile.size() > 20);
    CHECK(profile[8] == 2);                    // ICC version 2.x
    CHECK(profile.substr(12, 4) == "mntr");    // a display profile
    CHECK(profile.substr(16, 4) == "RGB ");    // of RGB data
}

TEST_CASE("every annotation of a PDF/A file is printed and never hidden: /F 4", "[pdf][archival]") {
    const Pdf pdf = render("flags", letter());
    const auto annots = pdf.annotations();
    REQUIRE(annots.size() == 2);  // the URL and the note mark
    for (const test::Json* a : annots) CHECK((*a)["/F"].n == 4);
}

TEST_CASE("the command line's --pdf-standard wins over the front matter's pdf-standard", "[pdf][archival]") {
    CHECK(render("fm-b", letter("pdf-standard: a-2b\n")).xmp("pdfaid:conformance") == "B");
    CHECK(render("fm-b-cli-u", letter("pdf-standard: a-2b\n"), {"--pdf-standard=a-2u"}).xmp("pdfaid:conformance") == "U");
    CHECK(render("fm-none-cli-b", letter("pdf-standard: none\n"), {"--pdf-standard", "a-2b"}).xmp("pdfaid:conformance") == "B");
    const Pdf none = render("fm-u-cli-none", letter("pdf-standard: a-2u\n"), {"--pdf-standard", "none"});
    CHECK_FALSE(none.catalog().has("/Metadata"));
}

TEST_CASE("none writes the plain PDF: no XMP, intent, /Lang, viewer preferences or annotation flags", "[pdf][archival]") {
    const Pdf pdf = render("none", letter("pdf-standard: none\n"));
    CHECK(pdf.bytes.rfind("%PDF-1.3\n", 0) == 0);
    for (const char* key : {"/Metadata", "/OutputIntents", "/Lang", "/ViewerPreferences"}) CHECK_FALSE(pdf.catalog().has(key));
    const auto annots = pdf.annotations();
    REQUIRE(annots.size() == 2);
    for (const test::Json* a : annots) CHECK_FALSE(a->has("/F"));
}

TEST_CASE("none gives the bytes zapros wrote before it claimed a standard", "[pdf][archival]") {
    // The sha256 of this request rendered by commit 240079e (the last before PDF/A, whose
    // write_pdf ignored its Settings), with SOURCE_DATE_EPOCH unset. A change that moves any
    // byte of the plain PDF (layout, fonts, the writer) changes it: derive it again from that
    // change's parent with --pdf-standard none and say why in the commit.
    const fs::path dir = test::temp_dir("archival-old-bytes");
    test::write(dir / "r.md", letter());
    REQUIRE(test::run_zapros({"render", "r.md", "--pdf-standard", "none"}, dir).status == 0);
    const auto sum = test::run({"sha256sum", (dir / "r.pdf").string()});
    CHECK(sum.out.substr(0, 64) == "f71f074711f1c57a2dff3f2084c24557ca0f0d71d7d962c934aa4bf6f32edbb9");
}

TEST_CASE("the same request gives the same PDF/A bytes on every run", "[pdf][archival]") {
    CHECK(render("same-1", letter()).bytes == render("same-2", letter()).bytes);
}

TEST_CASE("a CMYK JPEG is drawn as RGB under PDF/A: nothing in the file is DeviceCMYK", "[pdf][archival]") {
    test_images::Jpeg j;
    j.width = 16, j.height = 16, j.components = 4;
    for (int k = 0; k < 16 * 16; ++k) j.samples.insert(j.samples.end(), {10, 200, 30, 40});
    j.exif = test_images::exif_tiff(false, 0, 150);
    const Pdf pdf = render("cmyk", "---\ntitle: Запрос\nto: Министерство\n---\n![скан](scan.jpg)\n", {},
                           {{"scan.jpg", test_images::jpeg(j)}});
    int images = 0;
    for (const auto& [key, o] : pdf.objects.o)
        if (o.has("stream") && o["stream"]["dict"].has("/Subtype") && o["stream"]["dict"]["/Subtype"].s == "/Image") {
            ++images;
            CHECK(o["stream"]["dict"]["/ColorSpace"].s == "/DeviceRGB");
        }
    CHECK(images == 1);
    CHECK(pdf.bytes.find("DeviceCMYK") == std::string::npos);
}

TEST_CASE("the --pdf-standard option takes a-2u, a-2b or none", "[pdf][archival]") {
    const fs::path dir = test::temp_dir("archival-option");
    test::write(dir / "r.md", letter());
    const auto r = test::run_zapros({"render", "r.md", "--pdf-standard", "a-3b"}, dir);
    CHECK(r.status != 0);
    CHECK(r.err.find("--pdf-standard is a-2u, a-2b or none, not 'a-3b'") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "r.pdf"));
}

TEST_CASE("the depfile lists the sRGB profile a PDF/A file embeds, and not for a plain PDF", "[pdf][archival]") {
    const fs::path dir = test::temp_dir("archival-depfile");
    test::write(dir / "r.md", letter());
    REQUIRE(test::run_zapros({"render", "r.md", "-MD"}, dir).status == 0);
    CHECK(test::read(dir / "r.pdf.d").find("icc/sRGB.icc") != std::string::npos);
    REQUIRE(test::run_zapros({"render", "r.md", "-MD", "--pdf-standard", "none"}, dir).status == 0);
    CHECK(test::read(dir / "r.pdf.d").find("icc/sRGB.icc") == std::string::npos);
}

TEST_CASE("the depfile of a text twin or a trace alone does not list the sRGB profile", "[pdf][archival]") {
    const fs::path dir = test::temp_dir("archival-depfile-twin");
    test::write(dir / "r.md", letter());
    REQUIRE(test::run_zapros({"render", "r.md", "-o", "r.txt", "-MD"}, dir).status == 0);
    CHECK_FALSE(fs::exists(dir / "r.pdf"));
    CHECK(test::read(dir / "r.txt.d").find("r.md") != std::string::npos);
    CHECK(test::read(dir / "r.txt.d").find("icc/sRGB.icc") == std::string::npos);
    REQUIRE(test::run_zapros({"render", "r.md", "--trace", "-MD"}, dir).status == 0);
    CHECK(test::read(dir / "r.trace.d").find("icc/sRGB.icc") == std::string::npos);
    // With the PDF beside the twin, the profile is listed.
    REQUIRE(test::run_zapros({"render", "r.md", "--format", "pdf,txt", "-MD"}, dir).status == 0);
    CHECK(test::read(dir / "r.pdf.d").find("icc/sRGB.icc") != std::string::npos);
}
