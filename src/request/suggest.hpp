#pragma once
// "Did you mean": the known key nearest to a misspelt one, at a cost bounded by the known keys'
// length, whatever the length of the key written (an 8 MB key once took 722 MB here).
#include <span>
#include <string>
#include <string_view>

namespace zapros::request {

// Keys farther than this from every known key get no suggestion: a typo is one or two edits.
inline constexpr int suggestion_distance = 2;

// The optimal string alignment distance (Levenshtein plus adjacent transpositions) of a and b,
// or `cap` when it is cap or more. Strings whose lengths differ by cap or more are not compared;
// others cost O(|a|·|b|) time and O(|b|) memory.
int edit_distance(std::string_view a, std::string_view b, int cap);

// The known key within suggestion_distance of key (compared in lower case), nearer than the
// known key's own length; empty when there is none.
std::string suggestion(std::string_view key, std::span<const std::string_view> known);

}  // namespace zapros::request
