#pragma once
// FNV-1a, 64 bits: a small hash that is the same on every machine, for keys built a step at a
// time (the hyphenation automaton's prefixes and the tags of embedded font subsets a byte at a
// time; hyphenation's substring filter a code point at a time, through step()).
#include <cstdint>

namespace zapros {

struct Fnv1a {
    static constexpr std::uint64_t basis = 14695981039346656037ull;
    static constexpr std::uint64_t step(std::uint64_t h, std::uint64_t v) { return (h ^ v) * 1099511628211ull; }

    std::uint64_t value = basis;
    void add(unsigned char byte) { value = step(value, byte); }
};

}  // namespace zapros
