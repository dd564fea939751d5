// What a break costs where the paragraph's items offer one: the order the breaker prefers them in
// rests on these signs and sizes (Knuth–Plass 1981: a positive penalty discourages a break).
#include <catch2/catch.hpp>

#include "layout_support.hpp"

using namespace zapros;

namespace {

// The penalties of the breaks a paragraph offers (the paragraph's end and the ties that only
// glue items together left out), in order.
std::vector<int> break_penalties(const compose::Paragraph& p, bool last_resorts) {
    const para::ItemList l = para::build(p, pt(400), test::resources(), para::Params{});
    std::vector<int> out;
    for (const para::Item& it : l.items)
        if (it.type == para::Item::Type::penalty && it.penalty < para::infinite_penalty && it.penalty > -para::infinite_penalty &&
            it.emergency == last_resorts)
            out.push_back(it.penalty);
    return out;
}

}  // namespace

TEST_CASE("inside a URL, a break before a %XX escape costs more than one after a separator", "[build]") {
    const para::Params params;
    REQUIRE(params.url_escape_penalty > params.url_penalty);
    REQUIRE(params.url_penalty > 0);
    compose::Paragraph p = test::paragraph_of("https://example.org/a%D0%BA");
    p.spans[0].url = true;
    // After "https://", "." and "/", then before "%D0" and "%BA".
    CHECK(break_penalties(p, false) == std::vector<int>{params.url_penalty, params.url_penalty, params.url_penalty,
                                                        params.url_escape_penalty, params.url_escape_penalty});
}

TEST_CASE("a no-break space is a break at the last resort's cost only", "[build]") {
    const para::Params params;
    REQUIRE(params.emergency_penalty > 0);
    compose::Paragraph p = test::paragraph_of("слово\u00A0слово");
    p.hyphenate = false;
    CHECK(break_penalties(p, false).empty());
    CHECK(break_penalties(p, true) == std::vector<int>{params.emergency_penalty});
}
