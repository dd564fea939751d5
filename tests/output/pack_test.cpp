// The object-stream packer (output/pack.cpp): libharu's PDF rewritten with object streams and a
// cross-reference stream holds the same objects under the same numbers, reads without a warning
// in qpdf, poppler and mupdf, keeps the PDF/A rules on its own objects, and is smaller. Input not
// in libharu's shape is an error, never a broken file.
#include <catch2/catch.hpp>

#include <regex>

#include "image_pages.hpp"
#include "json.hpp"
#include "layout_support.hpp"
#include "output/haru.hpp"
#include "output/internals.hpp"
#include "output/pack.hpp"
#include "support.hpp"
#include "unpacked.hpp"

using namespace zapros;
namespace fs = std::filesystem;

namespace {

std::string pack(std::string_view pdf, const output::PackSettings& settings = {}) {
    output::internals::Deflater deflater;
    return output::pack_objects(pdf, deflater, settings);
}

const output::Settings plain{.standard = output::Standard::none};

// A model request as libharu writes it (no standard: not packed).
std::string unpacked_request(const std::string& name) {
    Diagnostics diags{name};
    const auto t = test::typeset_file(test::source_dir() / "requests" / name, diags);
    REQUIRE(t);
    return test::unpacked_pdf(*t, test::pipeline().fonts());
}

// Pages made by hand: a gray image, an RGB one with an alpha (an SMask), on two pages.
std::string unpacked_images() {
    using namespace test::images;
    image::Images images;
    image::Image a = rgb(3, 1, bytes({200, 0, 0, 0, 200, 0, 0, 0, 200}));
    a.alpha = bytes({255, 128, 0});
    images.add(gray3x2), images.add(a);
    return plain_pdf_of(pages_of({{box(gray3x2, 0)}, {box(a, 1), box(gray3x2, 0, 30)}}), images);
}

fs::path save(const std::string& pdf, const fs::path& dir, const std::string& name) {
    test::write(dir / name, pdf);
    return dir / name;
}

// qpdf's JSON of every object (streams' data decoded, inline) and the trailer, by "obj:N G R".
std::map<std::string, test::Json> objects(const fs::path& file) {
    const auto r = test::run({"qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=inline",
                              "--decode-level=generalized", file.string()});
    REQUIRE(r.status == 0);
    const test::Json json = test::parse_json(r.out);
    return json["qpdf"].a.at(1).o;
}

bool same(const test::Json& a, const test::Json& b) {
    if (a.kind != b.kind || a.b != b.b || a.n != b.n || a.s != b.s || a.a.size() != b.a.size() || a.o.size() != b.o.size())
        return false;
    for (std::size_t k = 0; k < a.a.size(); ++k)
        if (!same(a.a[k], b.a[k])) return false;
    for (const auto& [key, value] : a.o)
        if (!b.has(key) || !same(value, b[key])) return false;
    return true;
}

// Everything the packer promises about one PDF: checked against what libharu wrote.
void check_packed(const std::string& before, const std::string& name) {
    const std::string after = pack(before);
    const fs::path dir = test::temp_dir("pack-" + name);
    const fs::path in = save(before, dir, "before.pdf"), out = save(after, dir, "after.pdf");

    CHECK(after.size() < before.size());
    CHECK(pack(before) == after);  // determinism

    // The header and its binary comment, the version raised to 1.5 for object streams.
    const std::size_t header = before.find(" 0 obj");
    std::string want = before.substr(0, before.rfind('\n', header) + 1);
    if (want[7] < '5') want[7] = '5';
    CHECK(after.substr(0, want.size()) == want);
    CHECK(after.substr(want.size()).find(" obj\n") != std::string::npos);

    // Nothing after %%EOF but one end of line (PDF/A-2 6.1.3), and no classic table left.
    CHECK(after.size() >= 6);
    CHECK(after.substr(after.size() - 6) == "%%EOF\n");
    CHECK(test::occurrences(after, "%%EOF") == 1);
    CHECK(after.find("\nxref\n") == std::string::npos);
    CHECK(after.find("trailer") == std::string::npos);

    // The new streams' dictionaries are direct, with a direct /Length of the exact data.
    const std::regex own(R"((\d+) 0 obj\n<<(/Type /(ObjStm|XRef)[^\n]*) /Length (\d+)>>\nstream\n)");
    int object_streams = 0, xref_streams = 0;
    for (auto it = std::sregex_iterator(after.begin(), after.end(), own); it != std::sregex_iterator(); ++it) {
        const std::size_t data = static_cast<std::size_t>(it->position(0) + it->length(0));
        const std::size_t length = std::stoul((*it)[4].str());
        CHECK(after.compare(data + length, 18, "\nendstream\nendobj\n") == 0);
        ((*it)[3] == "ObjStm" ? object_streams : xref_streams) += 1;
    }
    CHECK(object_streams == 1);
    CHECK(xref_streams == 1);

    // Every object the same under its number, streams' decoded data included; the trailer's
    // /Root, /Info and /ID the same.
    const auto old_objects = objects(in), new_objects = objects(out);
    for (const auto& [key, value] : old_objects) {
        INFO(key);
        REQUIRE(new_objects.count(key));
        if (key == "trailer") {
            const test::Json &was = value["value"], &is = new_objects.at(key)["value"];
            for (const char* k : {"/Root", "/Info", "/ID"}) {
                INFO(k);
                CHECK(was.has(k) == is.has(k));
                if (was.has(k)) CHECK(same(was[k], is[k]));
            }
            CHECK(was.has("/ID"));
        } else CHECK(same(value, new_objects.at(key)));
    }

    // Readers see no difference and report nothing.
    const auto q = test::run({"qpdf", "--check", out.string()});
    CHECK(q.status == 0);
    CHECK(q.out.find("No syntax or stream encoding errors found") != std::string::npos);
    CHECK(q.err.empty());
    const auto text_before = test::run({"pdftotext", in.string(), "-"}), text_after = test::run({"pdftotext", out.string(), "-"});
    CHECK(text_after.status == 0);
    CHECK(text_after.err.empty());
    CHECK(text_after.out == text_before.out);
    const auto info = test::run({"mutool", "info", out.string()});
    CHECK(info.status == 0);
    CHECK(info.err.empty());
    test::images::check_clean(out);
}

}  // namespace

TEST_CASE("packed model requests hold libharu's objects under their numbers and read the same", "[pdf][pack][e2e]") {
    for (const char* name : {"example-full-ru.md", "mediazona-cybercrime-ru.md", "mediazona-cybercrime-en.md"}) {
        INFO(name);
        check_packed(unpacked_request(name), name);
    }
}

TEST_CASE("packed pages with images keep their image and soft-mask streams byte for byte", "[pdf][pack]") {
    const std::string before = unpacked_images();
    check_packed(before, "images");
    // Each stream object of libharu's file is in the packed file as it was, its "N 0 obj" included.
    const std::string after = pack(before);
    int streams = 0;
    for (std::size_t end = before.find("endstream\nendobj\n"); end != std::string::npos;
         end = before.find("endstream\nendobj\n", end + 1), ++streams) {
        const std::size_t start = before.rfind("endobj\n", end - 1) + 7;
        CHECK(after.find(before.substr(start, end + 17 - start)) != std::string::npos);
    }
    CHECK(streams >= 4);  // two content streams, two images, an SMask
}

TEST_CASE("a standard's PDF is packed, and a plain one is libharu's as it is", "[pdf][pack]") {
    using namespace test::images;
    image::Images images;
    images.add(gray3x2);
    const page::Pages pages = pages_of({{box(gray3x2, 0)}});
    const std::string plain_pdf = output::write_pdf(pages, {}, {}, &images, plain);
    CHECK(plain_pdf.find("\nxref\n") != std::string::npos);
    const std::string a2b =
        output::write_pdf(pages, {}, {}, &images, {.standard = output::Standard::a_2b, .srgb_profile = test::srgb_profile()});
    CHECK(a2b.find("\nxref\n") == std::string::npos);  // no classic table: a cross-reference stream
    CHECK(a2b.find("/Type /ObjStm") != std::string::npos);
    CHECK(a2b.find("/Type /XRef") != std::string::npos);
}

TEST_CASE("past the objects per stream, the objects go to several object streams", "[pdf][pack]") {
    const std::string before = unpacked_images();
    const std::string after = pack(before, {.objects_per_stream = 3});
    const std::size_t packed = test::occurrences(before, " 0 obj\n") - test::occurrences(before, "\nendstream\n");
    CHECK(test::occurrences(after, "/Type /ObjStm") == (packed + 2) / 3);
    const fs::path dir = test::temp_dir("pack-several");
    const auto q = test::run({"qpdf", "--check", save(after, dir, "a.pdf").string()});
    CHECK(q.status == 0);
    CHECK(q.err.empty());
}

TEST_CASE("a PDF not in libharu's shape is an output error, never a broken file", "[pdf][pack]") {
    const std::string good = unpacked_images();
    REQUIRE_NOTHROW(pack(good));
    auto changed = [&](const std::string& from, const std::string& to, bool last = false) {
        std::string s = good;
        const std::size_t at = last ? s.rfind(from) : s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };
    const std::size_t table = good.rfind("\nxref\n") + 1;
    const std::string startxref = "startxref\n" + std::to_string(table);
    // The xref entries of objects 1 and 2 swapped: every object intact, each where the other is
    // said to be. Entry n is the n + 1th after "xref\n0 N\n"; 20 bytes each.
    std::string swapped = good;
    const std::size_t entries = good.find('\n', table + 5) + 1;
    swapped.replace(entries + 20, 10, good.substr(entries + 40, 10)).replace(entries + 40, 10, good.substr(entries + 20, 10));
    std::string no_root = good;  // libharu writes one "/Key value" a line
    const std::size_t root = good.rfind("/Root ");
    no_root.erase(root, good.find('\n', root) + 1 - root);
    // Each refused with a message naming what is wrong.
    struct Bad {
        std::string what, pdf, message;
    };
    const std::vector<Bad> bad = {
        {"no header", good.substr(1), "no %PDF-1.n header"},
        {"no %%EOF", good.substr(0, good.size() - 2), "does not end with %%EOF"},
        {"something after %%EOF", good + "junk\n", "does not end with %%EOF"},
        {"startxref off the table", changed(startxref, "startxref\n" + std::to_string(table + 1)),
         "startxref does not point at an xref table"},
        {"objects not where the table says", swapped, "is not where the xref table says"},
        {"an object without endobj", changed("\nendobj\n", "\nendobk\n"), "has no 'endobj'"},
        {"an object of two values", changed(" 0 obj\n<<\n", " 0 obj\n1<<"), "holds more than one value"},
        {"a string cut short", changed("/Type /Catalog", "/Type (Catalog"), "a string cut short"},
        {"an encrypted file", changed("trailer\n<<\n", "trailer\n<<\n/Encrypt 1 0 R\n", true), "unexpected trailer key /Encrypt"},
        {"a trailer without /Root", no_root, "the trailer has no /Root"},
        {"a bad xref entry", changed(" n\r\n", " x\r\n", true), "a bad xref entry"},
        {"an xref table longer than the file", changed("xref\n0 ", "xref\n0 9", true), "longer than the file"},
    };
    for (const Bad& b : bad) {
        INFO(b.what);
        CHECK_THROWS_AS(pack(b.pdf), output::OutputError);
        CHECK_THROWS_WITH(pack(b.pdf), Catch::Contains(b.message));
    }
    // Cut anywhere, the file is refused (the tail, where the table and trailer are, byte by
    // byte); only the last end of line may go, which the syntax does not need.
    for (std::size_t size = 0; size + 1 < good.size(); size += size + 1 < table ? 97 : 1) {
        INFO("cut at " << size << " of " << good.size());
        CHECK_THROWS_AS(pack(good.substr(0, size)), output::OutputError);
    }
}

