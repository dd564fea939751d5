// "Did you mean" at a cost bounded by the known keys (request/suggest.hpp).
#include <catch2/catch.hpp>

#include <array>

#include "request/suggest.hpp"

using zapros::request::edit_distance;
using zapros::request::suggestion;

namespace {
constexpr std::array<std::string_view, 3> known = {"title", "to", "signatures"};
}

TEST_CASE("the edit distance counts insertions, deletions, changes and swaps of neighbours", "[suggest]") {
    CHECK(edit_distance("title", "title", 3) == 0);
    CHECK(edit_distance("titel", "title", 3) == 1);
    CHECK(edit_distance("tile", "title", 3) == 1);
    CHECK(edit_distance("tittle", "title", 3) == 1);
    CHECK(edit_distance("tirle", "title", 3) == 1);
    CHECK(edit_distance("ttiel", "title", 3) == 2);
}

TEST_CASE("a distance at or past the cap is the cap", "[suggest]") {
    CHECK(edit_distance("abcdef", "uvwxyz", 3) == 3);
    CHECK(edit_distance("place", "title", 2) == 2);
}

TEST_CASE("strings whose lengths differ by the cap are not compared", "[suggest]") {
    CHECK(edit_distance(std::string(8'000'000, 'k'), "title", 3) == 3);
    CHECK(edit_distance("title", std::string(8'000'000, 'k'), 3) == 3);
    CHECK(edit_distance("titles", "t", 5) == 5);
}

TEST_CASE("a typo of a known key suggests it, in any case", "[suggest]") {
    CHECK(suggestion("Titel", known) == "title");
    CHECK(suggestion("signatrues", known) == "signatures");
}

TEST_CASE("a key far from every known key, or far longer, gets no suggestion", "[suggest]") {
    CHECK(suggestion("addressee", known).empty());
    CHECK(suggestion(std::string(8'000'000, 'k'), known).empty());
    CHECK(suggestion("title" + std::string(3, 'x'), known).empty());
}
