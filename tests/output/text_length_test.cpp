// A web form's limit on the text twin (output::check_length): characters are code points, the
// warning stands where character N + 1 came from and names the count and the overflow.
#include <catch2/catch.hpp>

#include "output/text.hpp"
#include "support.hpp"

using namespace zapros;

namespace {

// A twin of two spans, "Первый абзац." from 3:1 and "Второй." from 5:1, with a blank line between.
output::TextTwin two_paragraphs() {
    output::TextTwin t;
    t.text = "Первый абзац.";
    t.sources.push_back({0, t.text.size(), {3, 1}});
    t.text += "\n\n";
    const std::size_t second = t.text.size();
    t.text += "Второй.";
    t.sources.push_back({second, t.text.size(), {5, 1}});
    t.text += "\n";
    return t;
}

}  // namespace

TEST_CASE("a twin within the limit, counted in code points, gets no warning", "[text]") {
    // 13 + 2 + 7 + 1 = 23 characters, 41 bytes: a limit in bytes would warn.
    const output::TextTwin t = two_paragraphs();
    REQUIRE(t.text.size() > 23);
    Diagnostics d("r.md");
    output::check_length(t, 23, d);
    CHECK(d.size() == 0);
}

TEST_CASE("a twin one character over the limit is warned about at that character's span", "[text]") {
    Diagnostics d("r.md");
    output::check_length(two_paragraphs(), 22, d);  // the 23rd character, the last line end
    REQUIRE(test::messages(d) == std::vector<std::string>{
                "5:1: warning: the text has 23 characters, 1 more than --max-chars 22 allows; the overflow starts here: «»"});
    CHECK(!d.has_errors());
}

TEST_CASE("the overflow's warning quotes its start and stands at the span it falls in", "[text]") {
    Diagnostics d("r.md");
    output::check_length(two_paragraphs(), 7, d);  // character 8 is the "а" of "абзац", in the first span
    CHECK(test::messages(d) == std::vector<std::string>{
              "3:1: warning: the text has 23 characters, 16 more than --max-chars 7 allows; the overflow starts here: "
              "«абзац. Второй.»"});
    // Between spans (the blank line), the next span's place.
    Diagnostics between("r.md");
    output::check_length(two_paragraphs(), 13, between);
    CHECK(test::messages(between).at(0).rfind("5:1: warning:", 0) == 0);
}

TEST_CASE("the length warning groups thousands and cuts its excerpt", "[text]") {
    output::TextTwin t;
    t.text = std::string(2345, 'x');
    t.sources.push_back({0, t.text.size(), {7, 2}});
    Diagnostics d("r.md");
    output::check_length(t, 2000, d, {.excerpt = 5});
    CHECK(test::messages(d) == std::vector<std::string>{
              "7:2: warning: the text has 2,345 characters, 345 more than --max-chars 2000 allows; the overflow starts here: "
              "«xxxxx…»"});
}
