#pragma once
// Delta debugging over a Sample's structure (hierarchical: blocks, then what is inside them):
// delete what the failure does not need, then shorten what is left, keeping each change only
// while the failure stays.
#include <functional>

#include "sample.hpp"

namespace zapros::property {

using StillFails = std::function<bool(const Sample&)>;

struct Shrunk {
    Sample sample;
    int tries = 0;
    bool finished = true;  // false when the time ran out first
};

Shrunk shrink(Sample sample, const StillFails& still_fails, double seconds);

}  // namespace zapros::property
