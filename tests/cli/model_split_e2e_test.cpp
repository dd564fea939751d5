// Issue 18's "done when": the Russian model request with split: true and an e-mail on each of
// its three addressees gives three PDFs and three e-mail drafts (with their text twins) that a
// mail client opens, each draft to its own addressee, attaching its own copy, its text that
// copy's twin. Read back from outside: Python's email package, mu (GMime), pdftotext.
#include <catch2/catch.hpp>

#include "base/sha256.hpp"
#include "json.hpp"
#include "mail/eml_support.hpp"
#include "support.hpp"

using zapros::test::Json;
using zapros::test::read;
using zapros::test::run;
using zapros::test::run_zapros;
using zapros::test::source_dir;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

struct Body {
    std::string slug, email;
};
const std::vector<Body> bodies{{"mid", "info@mid.example"}, {"fsb", "fsb@fsb.example"}, {"mvd", "mvd@mvd.example"}};

// The model request with its three addressees written as mappings with an e-mail each, and split.
std::string split_model() {
    std::string text = read(source_dir() / "requests" / "mediazona-cybercrime-ru.md");
    const std::string old_to = "to:\n  - Министерство иностранных дел Российской Федерации\n"
                               "  - Федеральная служба безопасности Российской Федерации\n"
                               "  - Министерство внутренних дел Российской Федерации\n";
    const std::size_t at = text.find(old_to);
    REQUIRE(at != std::string::npos);
    text.replace(at, old_to.size(),
                 "split: true\n"
                 "to:\n"
                 "  - {name: Министерство иностранных дел Российской Федерации, email: info@mid.example}\n"
                 "  - {name: Федеральная служба безопасности Российской Федерации, email: fsb@fsb.example, slug: fsb}\n"
                 "  - {name: Министерство внутренних дел Российской Федерации, email: mvd@mvd.example, slug: mvd}\n");
    return text;
}

}  // namespace

TEST_CASE("the model request split with e-mails gives a PDF, a twin and a draft per addressee that a mail client opens",
          "[e2e][copies][mail]") {
    const fs::path dir = temp_dir("model-split");
    write(dir / "m.md", split_model());
    const auto r = run_zapros({"render", "m.md", "-o", "out/m.pdf", "--eml", "--format", "pdf,txt", "-MD",
                               "--outputs-file", "written.txt"},
                              (fs::create_directories(dir / "out"), dir));
    INFO(r.err);
    REQUIRE(r.status == 0);
    // The first addressee's slug is its name transliterated, cut at 40 bytes at a hyphen.
    const std::string first = "m--ministerstvo-inostrannyx-del-rossijskoj";
    REQUIRE(fs::exists(dir / "out" / (first + ".pdf")));
    const std::vector<std::string> stems{first, "m--fsb", "m--mvd"};
    for (std::size_t i = 0; i < stems.size(); ++i) {
        INFO(stems[i]);
        const fs::path pdf = dir / "out" / (stems[i] + ".pdf"), eml = dir / "out" / (stems[i] + ".eml"),
                       txt = dir / "out" / (stems[i] + ".txt");
        const Json j = zapros::test::read_eml(eml);
        REQUIRE(j["to"].a.size() == 1);
        CHECK(j["to"].a[0]["address"].s == bodies[i].email);
        CHECK(j["subject"].s == "Информационный запрос");
        REQUIRE(j["attachments"].a.size() == 1);
        CHECK(j["attachments"].a[0]["filename"].s == stems[i] + ".pdf");
        CHECK(j["attachments"].a[0]["sha256"].s == zapros::sha256_hex(read(pdf)));
        CHECK(j["text"].s == read(txt));  // the copy's own twin: its one addressee
        const std::string pdf_text = run({"pdftotext", pdf.string(), "-"}).out;
        // The twin's requisites, before the title, name this copy's addressee alone.
        const std::string twin = read(txt);
        const std::string head = twin.substr(0, twin.find("Информационный запрос"));
        for (std::size_t k = 0; k < stems.size(); ++k) {
            const std::string word = k == 0 ? "иностранных" : k == 1 ? "безопасности" : "внутренних";
            CHECK((head.find(word) != std::string::npos) == (k == i));
        }
        // mu (GMime, a real mail client's library) opens it and sees the attachment.
        const std::string view = zapros::test::mu_view(eml);
        CHECK(view.find(bodies[i].email) != std::string::npos);
        CHECK(view.find(stems[i] + ".pdf") != std::string::npos);
        CHECK(pdf_text.find("Медиазона") != std::string::npos);
    }
    // The file copy's draft goes to all three.
    const Json all = zapros::test::read_eml(dir / "out/m.eml");
    CHECK(all["to"].a.size() == 3);
    // Every file is a target of the depfile and a line of the outputs file: 4 PDFs, 4 twins, 4 drafts.
    const std::string written = read(dir / "written.txt");
    CHECK(std::count(written.begin(), written.end(), '\n') == 12);
    const std::string dep = read(dir / "out/m.pdf.d");
    const std::string targets = dep.substr(0, dep.find(':'));
    for (const std::string& stem : {std::string("m"), first, std::string("m--fsb"), std::string("m--mvd")})
        for (const char* ext : {".pdf", ".txt", ".eml"}) CHECK(targets.find("out/" + stem + ext) != std::string::npos);
}
