// Alt text goes into the PDF (issue 16), kept for the tagged-PDF work: each image with an alt is
// drawn inside a marked-content sequence /Span << /Alt <UTF-16BE> >> (PDF 1.7 §14.9.3); the
// letter's pictures carry what they are and whose; and none of it becomes the page's text.
#include "image_pages.hpp"
#include "png_writer.hpp"

using namespace zapros;
using namespace zapros::test::images;

namespace {

// The page content of a PDF, uncompressed by qpdf.
std::string qdf(const fs::path& pdf) {
    const fs::path out = pdf.parent_path() / (pdf.stem().string() + ".qdf");
    REQUIRE(test::run({"qpdf", "--qdf", "--object-streams=disable", pdf.string(), out.string()}).status == 0);
    return test::read(out);
}

// Text as the hex string of a PDF text string, UTF-16BE after the byte order mark, in lower case
// as qpdf's normalized content writes it.
std::string hex_utf16(const std::u16string& s) {
    static const char hex[] = "0123456789abcdef";
    std::string out = "<feff";
    for (char16_t c : s)
        for (int shift : {12, 8, 4, 0}) out += hex[(c >> shift) & 15];
    return out + ">";
}

const std::string front = "---\ntitle: Запрос\nto: Министерство\n";

}  // namespace

TEST_CASE("an image's alt text marks its drawing as a span with /Alt, and an image without one is drawn bare", "[pdf][images]") {
    image::Images images;
    images.add(gray3x2);
    para::ImageBox with = box(gray3x2, 0), without = box(gray3x2, 0, 30);
    with.alt = "Скан 𝄞";  // a character beyond the BMP: a surrogate pair
    without.alt.clear();
    const Written w = write(pdf_of(pages_of({{with, without}}), images), "alt");
    const std::string content = qdf(w.file);
    const std::string alt = hex_utf16(u"Скан 𝄞");
    CHECK(alt == "<feff0421043a0430043d0020d834dd1e>");
    const std::size_t at = content.find("/Span << /Alt " + alt + " >> BDC q ");
    REQUIRE(at != std::string::npos);
    const std::size_t end = content.find('\n', at);
    CHECK(content.substr(end - 13, 13) == "/Im1 Do Q EMC");
    // The image without alt: drawn with no marked content around it.
    CHECK(count(content, "BDC") == 1);
    CHECK(count(content, "EMC") == 1);
    CHECK(content.find("\nq ", end) != std::string::npos);
    check_clean(w.file);
}

TEST_CASE("the logo, signature scan and stamp carry alt texts naming what and whose they are", "[e2e][images]") {
    const fs::path dir = test::temp_dir("alt-letter");
    for (const char* name : {"logo.png", "signature.png", "stamp.png"})
        fs::copy_file(test::source_dir() / "tests" / "data" / "letter" / name, dir / name);
    test::write(dir / "ru.md", front +
                                   "letterhead: {name: Редакция «Вестник», logo: logo.png}\n"
                                   "signatures: [{role: Редактор, name: А. А. Петров, image: signature.png}]\n"
                                   "stamp: {image: stamp.png, signature: 1}\n---\nТекст.\n");
    test::write(dir / "en.md", front +
                                   "lang: en\nletterhead: {name: The Herald, logo: logo.png}\n"
                                   "signatures: [{role: Editor, name: A. Petrov, image: signature.png}]\n"
                                   "stamp: {image: stamp.png, signature: 1}\n---\nText.\n");
    for (const char* r : {"ru", "en"}) {
        // Untagged (no standard): the alt text on a marked-content span around each image.
        const auto run = test::run_zapros({"render", std::string(r) + ".md", "-o", std::string(r) + ".pdf", "--pdf-standard", "none"}, dir);
        INFO(run.err);
        REQUIRE(run.status == 0);
        // Tagged (the default): the alt text is each Figure element's /Alt.
        const auto tagged = test::run_zapros({"render", std::string(r) + ".md", "-o", std::string(r) + "-tagged.pdf"}, dir);
        INFO(tagged.err);
        REQUIRE(tagged.status == 0);
    }
    const std::string ru_tagged = qdf(dir / "ru-tagged.pdf"), en_tagged = qdf(dir / "en-tagged.pdf");
    for (const char16_t* alt : {u"Логотип Редакция «Вестник»", u"Подпись А. А. Петров", u"Печать"})
        CHECK(ru_tagged.find("/Alt " + hex_utf16(alt)) != std::string::npos);
    for (const char16_t* alt : {u"Logo The Herald", u"Signature A. Petrov", u"Stamp"})
        CHECK(en_tagged.find("/Alt " + hex_utf16(alt)) != std::string::npos);
    CHECK(count(ru_tagged, "/S /Figure") == 3);
    const std::string ru = qdf(dir / "ru.pdf"), en = qdf(dir / "en.pdf");
    CHECK(ru.find("/Alt " + hex_utf16(u"Логотип Редакция «Вестник»") + " >> BDC") != std::string::npos);
    CHECK(ru.find("/Alt " + hex_utf16(u"Подпись А. А. Петров") + " >> BDC") != std::string::npos);
    CHECK(ru.find("/Alt " + hex_utf16(u"Печать") + " >> BDC") != std::string::npos);
    CHECK(en.find("/Alt " + hex_utf16(u"Logo The Herald") + " >> BDC") != std::string::npos);
    CHECK(en.find("/Alt " + hex_utf16(u"Signature A. Petrov") + " >> BDC") != std::string::npos);
    CHECK(en.find("/Alt " + hex_utf16(u"Stamp") + " >> BDC") != std::string::npos);
    CHECK(count(ru, "BDC") == 3);
    const auto text = test::run({"pdftotext", (dir / "ru.pdf").string(), "-"});
    CHECK(text.out.find("Логотип") == std::string::npos);
    CHECK(text.out.find("Печать") == std::string::npos);
}

TEST_CASE("a figure's alt text is in the PDF and not in its text: pdftotext reads the same as without it", "[e2e][images]") {
    const fs::path dir = test::temp_dir("alt-figure");
    test::write(dir / "scan.png", test::png(60, 30));
    test::write(dir / "alt.md", front + "---\nДо.\n\n![копия свидетельства](scan.png \"Подпись под рисунком\")\n\nПосле.\n");
    test::write(dir / "bare.md", front + "---\nДо.\n\n![](scan.png \"Подпись под рисунком\")\n\nПосле.\n");
    REQUIRE(test::run_zapros({"render", "alt.md", "-o", "alt.pdf", "--pdf-standard", "none"}, dir).status == 0);
    REQUIRE(test::run_zapros({"render", "bare.md", "-o", "bare.pdf", "--pdf-standard", "none"}, dir).status == 0);
    CHECK(qdf(dir / "alt.pdf").find("/Span << /Alt " + hex_utf16(u"копия свидетельства") + " >> BDC q ") != std::string::npos);
    CHECK(qdf(dir / "bare.pdf").find("BDC") == std::string::npos);
    // Tagged (the default): a Figure with the alt text; without one the image is decorative, an
    // artifact with no element.
    REQUIRE(test::run_zapros({"render", "alt.md", "-o", "alt-tagged.pdf"}, dir).status == 0);
    REQUIRE(test::run_zapros({"render", "bare.md", "-o", "bare-tagged.pdf"}, dir).status == 0);
    CHECK(qdf(dir / "alt-tagged.pdf").find("/Alt " + hex_utf16(u"копия свидетельства")) != std::string::npos);
    CHECK(count(qdf(dir / "alt-tagged.pdf"), "/S /Figure") == 1);
    CHECK(count(qdf(dir / "bare-tagged.pdf"), "/S /Figure") == 0);
    CHECK(qdf(dir / "bare-tagged.pdf").find("/Artifact <</Type /Layout>> BDC") != std::string::npos);
    const auto with = test::run({"pdftotext", (dir / "alt.pdf").string(), "-"});
    const auto without = test::run({"pdftotext", (dir / "bare.pdf").string(), "-"});
    CHECK(with.out.find("Подпись под рисунком") != std::string::npos);
    CHECK(with.out == without.out);
}
