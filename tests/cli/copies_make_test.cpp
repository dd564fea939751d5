// make as a user of zapros init runs it, on a request split into copies: the copies are made with
// the request, nothing changed runs nothing, and a removed addressee's copy goes.
#include <catch2/catch.hpp>

#include <chrono>

#include "support.hpp"

using zapros::test::run;
using zapros::test::run_zapros;
using zapros::test::temp_dir;
using zapros::test::write;
namespace fs = std::filesystem;

namespace {

zapros::test::Run make(const fs::path& root) {
    return run({"make", "--no-print-directory", "-C", root.string(), "ZAPROS=" + zapros::test::binary().string()});
}

bool rendered(const zapros::test::Run& r) { return r.out.find(" render requests/split.md") != std::string::npos; }

void write_request(const fs::path& root, const std::vector<std::string>& to) {
    std::string s = "---\ntitle: Запрос\nsplit: true\nto:\n";
    for (const std::string& t : to) s += "  - " + t + "\n";
    write(root / "requests" / "split.md", s + "---\nТекст запроса.\n");
    // An edit made within the second of the last make must still look newer than its PDF: the
    // PDF is made older (not the request newer, which would keep it newer than the next PDF too).
    const fs::path pdf = root / "build" / "pdf" / "split.pdf";
    if (fs::exists(pdf)) fs::last_write_time(pdf, fs::file_time_type::clock::now() - std::chrono::seconds(10));
}

}  // namespace

TEST_CASE("init's make builds a split request's copies, then nothing, then drops a removed addressee's copy",
          "[copies][make][e2e]") {
    const fs::path root = temp_dir("copies-make") / "repo";
    REQUIRE(run_zapros({"init", root.string()}).status == 0);
    write_request(root, {"МВД", "ФСБ", "Минюст"});
    const fs::path pdf = root / "build" / "pdf";

    const auto first = make(root);
    REQUIRE(first.status == 0);
    CHECK(rendered(first));
    for (const char* f : {"split.pdf", "split--mvd.pdf", "split--fsb.pdf", "split--minyust.pdf"}) CHECK(fs::exists(pdf / f));

    const auto second = make(root);
    CHECK(second.status == 0);
    CHECK_FALSE(rendered(second));

    write_request(root, {"МВД", "Минюст"});
    const auto third = make(root);
    CHECK(third.status == 0);
    CHECK(rendered(third));
    CHECK_FALSE(fs::exists(pdf / "split--fsb.pdf"));
    CHECK(third.err.find("removed build/pdf/split--fsb.pdf") != std::string::npos);
    CHECK(fs::exists(pdf / "split--mvd.pdf"));
    CHECK(fs::exists(pdf / "split--minyust.pdf"));
    CHECK_FALSE(rendered(make(root)));
}
