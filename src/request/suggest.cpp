#include "request/suggest.hpp"

#include <algorithm>
#include <vector>

#include "base/utf8.hpp"

namespace zapros::request {

int edit_distance(std::string_view a, std::string_view b, int cap) {
    const std::size_t longer = std::max(a.size(), b.size()), shorter = std::min(a.size(), b.size());
    if (longer - shorter >= static_cast<std::size_t>(cap)) return cap;
    // Three rows of the table: the one before last (for transpositions), the last, this one.
    std::vector<int> before(b.size() + 1), last(b.size() + 1), row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) last[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        row[0] = static_cast<int>(i);
        int least = row[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
            least = std::min(least, row[j]);
        }
        // No later row is below this one's least by more than a transposition reaches back.
        if (least >= cap && i > 1 && *std::min_element(last.begin(), last.end()) >= cap) return cap;
        std::swap(before, last);
        std::swap(last, row);
    }
    return std::min(last[b.size()], cap);
}

std::string suggestion(std::string_view key, std::span<const std::string_view> known) {
    std::size_t longest = 0;
    for (std::string_view k : known) longest = std::max(longest, k.size());
    // Lower case changes a letter's byte length by at most a few bytes; past this, every known
    // key is more than the distance away.
    if (key.size() > 4 * (longest + suggestion_distance)) return {};
    const std::string lower = utf8::to_lower(key);
    std::string_view best;
    int best_d = suggestion_distance + 1;
    for (std::string_view k : known) {
        const int d = edit_distance(lower, k, best_d);
        if (d < best_d && d < static_cast<int>(k.size())) {
            best_d = d;
            best = k;
        }
    }
    return std::string(best);
}

}  // namespace zapros::request
