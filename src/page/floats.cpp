#include "page/floats.hpp"

#include <iterator>
#include <optional>

namespace zapros::page {

void defer_floats(flow::VList& body, std::size_t start, Break& b, Sp after) {
    if (b.deferred.empty()) return;
    using Kind = flow::VItem::Kind;
    flow::VList region, floats;
    std::size_t d = 0;
    std::optional<Sp> swap;  // the glue after a float moved away
    std::optional<std::size_t> last_line;  // in region
    for (std::size_t k = start; k < b.end; ++k) {
        flow::VItem& it = body[k];
        if (d < b.deferred.size() && k == b.deferred[d]) {
            if (!region.empty() && region.back().kind == Kind::glue) region.pop_back();
            if (!region.empty() && region.back().kind == Kind::penalty) region.pop_back();
            swap = glue_without(it, last_line ? &region[*last_line] : nullptr, after);
            floats.push_back(std::move(it));
            ++d;
            continue;
        }
        if (swap && it.kind == Kind::glue) {
            it.glue = *swap;
            swap.reset();
        }
        if (it.kind == Kind::line) last_line = region.size();
        region.push_back(std::move(it));
    }
    const std::size_t end = start + region.size();
    for (std::size_t k = b.end; k < b.next; ++k) region.push_back(std::move(body[k]));
    const std::size_t next = start + region.size();
    for (std::size_t f = 0; f < floats.size(); ++f) {
        region.push_back(std::move(floats[f]));
        if (f + 1 < floats.size() || b.next < body.size()) {
            region.push_back(flow::VItem::of_penalty(0));
            region.push_back(flow::VItem::of_glue(after));
        }
    }
    const auto at = body.begin() + static_cast<std::ptrdiff_t>(start);
    body.erase(at, body.begin() + static_cast<std::ptrdiff_t>(b.next));
    body.insert(body.begin() + static_cast<std::ptrdiff_t>(start), std::make_move_iterator(region.begin()),
                std::make_move_iterator(region.end()));
    b.end = end;
    b.next = next;
    b.deferred.clear();
}

}  // namespace zapros::page
