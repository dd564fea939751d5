#pragma once
// The generator's only source of chance: xoshiro256** seeded through splitmix64, with integer
// helpers only. std::uniform_*_distribution is avoided on purpose: its output differs between
// standard libraries, and a seed must name the same request on every machine.
#include <cstdint>
#include <string>
#include <vector>

namespace zapros::property {

class Random {
public:
    explicit Random(std::uint64_t seed) {
        for (std::uint64_t& s : state_) s = splitmix(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // 0 … n-1 (n ≥ 1); the modulo bias is irrelevant at these ranges and keeps it portable.
    int below(int n) { return n <= 1 ? 0 : static_cast<int>(next() % static_cast<std::uint64_t>(n)); }
    int between(int lo, int hi) { return lo + below(hi - lo + 1); }
    bool percent(int p) { return below(100) < p; }

    // A small number usually, a large one sometimes: most requests are letters of a few pages.
    int skewed(int lo, int hi) { return lo + below(below(hi - lo + 1) + 1); }

    template <class T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(below(static_cast<int>(v.size())))];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    static std::uint64_t splitmix(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t state_[4];
};

}  // namespace zapros::property
