#include "mail/eml_support.hpp"

#include <catch2/catch.hpp>

#include "support.hpp"

namespace zapros::test {

Json read_eml(const std::filesystem::path& eml) {
    const Run r = run({"python3", (source_dir() / "tests/mail/read_eml.py").string(), eml.string()});
    INFO(r.err);
    INFO(r.out);
    REQUIRE(r.status == 0);
    return parse_json(r.out);
}

std::string mu_view(const std::filesystem::path& eml) {
    const Run r = run({"env", "LC_ALL=C.UTF-8", "mu", "view", eml.string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return r.out;
}

void mu_extract(const std::filesystem::path& eml, const std::filesystem::path& dir) {
    const Run r = run({"env", "LC_ALL=C.UTF-8", "mu", "extract", "--save-attachments", "--target-dir=" + dir.string(),
                       eml.string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
}

void check_lines(const std::string& eml) {
    std::size_t line = 1, col = 0, longest = 0, bare = 0, non_ascii = 0;
    for (std::size_t i = 0; i < eml.size(); ++i) {
        const auto c = static_cast<unsigned char>(eml[i]);
        if (c >= 0x80) ++non_ascii;
        if (c == '\r' && i + 1 < eml.size() && eml[i + 1] == '\n') {
            longest = std::max(longest, col);
            col = 0;
            ++line;
            ++i;
            continue;
        }
        if (c == '\r' || c == '\n') ++bare;
        ++col;
    }
    INFO("lines: " << line);
    CHECK(longest <= 78);
    CHECK(bare == 0);
    CHECK(non_ascii == 0);
    CHECK(col == 0);  // the last line ends in CRLF too
}

}  // namespace zapros::test
