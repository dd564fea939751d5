#pragma once
// SHA-256 (FIPS 180-4): the digest the job summary prints beside each PDF, so that a reader can
// check that the file downloaded is the one rendered (`sha256sum x.pdf`); also the Code Quality
// report's fingerprints.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace zapros {

class Sha256 {
public:
    void add(std::string_view bytes);
    // The digest of everything added, as 64 lowercase hex digits. Call once.
    std::string hex();

private:
    void block(const unsigned char* p);  // one 64-byte block into state_

    // FIPS 180-4 §5.3.3: the first 32 bits of the fractional parts of the square roots of the
    // first eight primes.
    std::array<std::uint32_t, 8> state_{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::array<unsigned char, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes added
};

std::string sha256_hex(std::string_view bytes);

}  // namespace zapros
