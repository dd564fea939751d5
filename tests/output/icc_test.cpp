// The output intent's profile check (output/icc.hpp) and the installation error a bad profile gives.
#include <catch2/catch.hpp>

#include "base/files.hpp"
#include "cli/pipeline.hpp"
#include "output/haru.hpp"
#include "output/icc.hpp"
#include "output/pdf.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

std::string shipped() { return test::read(test::source_dir() / "icc" / "sRGB.icc"); }

}  // namespace

TEST_CASE("the shipped sRGB profile is one PDF/A-2's output intent takes", "[pdf][icc]") {
    CHECK(output::srgb_profile_problem(shipped()).empty());
    CHECK(shipped().size() == 6922);
}

TEST_CASE("a profile of another ICC version, class or colour space, or cut short, is refused", "[pdf][icc]") {
    std::string v5 = shipped();
    v5[8] = 5;
    CHECK(output::srgb_profile_problem(v5) == "ICC version 5, and PDF/A-2 takes versions 2 and 4");
    std::string v4 = shipped();
    v4[8] = 4;
    CHECK(output::srgb_profile_problem(v4).empty());
    std::string printer = shipped();
    printer.replace(12, 4, "prtr");
    CHECK(output::srgb_profile_problem(printer).find("'prtr' profile") != std::string::npos);
    std::string gray = shipped();
    gray.replace(16, 4, "GRAY");
    CHECK(output::srgb_profile_problem(gray).find("'GRAY' data") != std::string::npos);
    CHECK(output::srgb_profile_problem(shipped().substr(0, 3000)).find("truncated") != std::string::npos);
    CHECK(output::srgb_profile_problem("not a profile").find("not an ICC profile") != std::string::npos);
    std::string unsigned_ = shipped();
    unsigned_.replace(36, 4, "xxxx");
    CHECK(output::srgb_profile_problem(unsigned_).find("not an ICC profile") != std::string::npos);
}

TEST_CASE("a missing or wrong sRGB profile is an installation error naming it, when a PDF/A file needs it", "[pdf][icc]") {
    const auto dir = test::temp_dir("icc-installation");
    cli::Installation missing{test::source_dir() / "fonts", test::source_dir() / "hyph", {}, dir / "sRGB.icc"};
    std::string gray = shipped();
    gray.replace(16, 4, "GRAY");
    test::write(dir / "gray.icc", gray);
    cli::Installation wrong = missing;
    wrong.srgb = dir / "gray.icc";
    for (const auto& [inst, want] : {std::pair{missing, (dir / "sRGB.icc").string()}, std::pair{wrong, std::string("gray.icc: a profile of 'GRAY' data")}}) {
        cli::Pipeline p(inst);
        Diagnostics d("t.md");
        const auto t = p.typeset("t.md", test::request_text(test::minimal_yaml), d);
        REQUIRE(t);
        CHECK_THROWS_AS(p.pdf(*t), IoError);
        CHECK_THROWS_WITH(p.pdf(*t), Catch::Contains(want) && Catch::Contains("set ZAPROS_DATA_DIR"));
        auto plain = *t;
        plain.standard = output::Standard::none;  // a plain PDF needs no profile
        CHECK(p.pdf(plain).rfind("%PDF-1.3", 0) == 0);
    }
}

TEST_CASE("the binary stops with an installation error when its data has no sRGB profile", "[pdf][icc]") {
    const auto dir = test::temp_dir("icc-data-dir");
    for (const char* d : {"fonts", "hyph", "schema"}) std::filesystem::create_directory_symlink(test::source_dir() / d, dir / d);
    test::write(dir / "r.md", test::request_text(test::minimal_yaml));
    const auto r = test::run({"env", "ZAPROS_DATA_DIR=" + dir.string(), test::binary().string(), "render", "r.md"}, dir);
    CHECK(r.status == 3);
    CHECK(r.err.rfind("zapros: ", 0) == 0);
    CHECK(r.err.find((dir / "icc" / "sRGB.icc").string()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "r.pdf"));
}

TEST_CASE("a PDF/A file cannot be written without the output intent's profile", "[pdf][icc]") {
    const page::Pages none_drawn;
    CHECK_THROWS_AS(output::write_pdf(none_drawn, {}, {}), output::OutputError);  // a-2u, no profile given
    CHECK(output::write_pdf(none_drawn, {}, {}, nullptr, {output::Standard::none}).rfind("%PDF-1.3", 0) == 0);
    const std::string profile = shipped();
    output::Settings s;
    s.srgb_profile = profile;
    CHECK(output::write_pdf(none_drawn, {}, {}, nullptr, s).rfind("%PDF-1.7", 0) == 0);
}
