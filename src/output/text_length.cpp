// The text twin against a web form's length limit (render --max-chars).
#include <algorithm>

#include "base/utf8.hpp"
#include "output/text.hpp"

namespace zapros::output {

namespace {

// 2345 → "2,345": the count as the message's English prose writes it.
std::string grouped(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

void check_length(const TextTwin& twin, std::size_t max_chars, Diagnostics& diags, const TextSettings& settings) {
    const std::string& text = twin.text;
    // One pass: the byte where character max_chars + 1 starts, then the count of the rest.
    std::size_t i = 0, count = 0, overflow = text.size();
    while (i < text.size()) {
        if (count == max_chars) overflow = i;
        utf8::next(text, i);
        ++count;
    }
    if (count <= max_chars) return;
    // The span holding that character; when it falls between spans (a line end, a marker), the
    // next span; past the last, the last.
    const auto after = std::upper_bound(twin.sources.begin(), twin.sources.end(), overflow,
                                        [](std::size_t at, const TextSource& s) { return at < s.end; });
    Pos pos;
    if (after != twin.sources.end()) pos = after->pos;
    else if (!twin.sources.empty()) pos = twin.sources.back().pos;
    std::string excerpt;
    std::size_t j = overflow, taken = 0;
    for (; j < text.size() && taken < settings.excerpt; ++taken) {
        const char32_t c = utf8::next(text, j);
        if (c != '\n') utf8::append(excerpt, c);
        else if (!excerpt.empty() && excerpt.back() != ' ') excerpt += ' ';  // a blank line: one space
    }
    while (!excerpt.empty() && excerpt.back() == ' ') excerpt.pop_back();
    if (j < text.size()) excerpt += "…";
    diags.warning(pos, "the text has " + grouped(count) + " characters, " + grouped(count - max_chars) + " more than --max-chars " +
                           std::to_string(max_chars) + " allows; the overflow starts here: «" + excerpt + "»");
}

}  // namespace zapros::output
