#pragma once
// FNV-1a, 64 bits: a small hash that is the same on every machine, for keys built a byte at a
// time (hyphenation's substring filter, the tags of embedded font subsets).
#include <cstdint>

namespace zapros {

struct Fnv1a {
    std::uint64_t value = 14695981039346656037ull;  // the offset basis
    void add(unsigned char byte) { value = (value ^ byte) * 1099511628211ull; }
};

}  // namespace zapros
