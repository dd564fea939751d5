// SHA-256 against the examples of FIPS 180-4 (NIST's "Example Algorithms", SHA256.pdf and
// SHA2_Additional.pdf): the digests printed there, not ones our code produced.
#include <catch2/catch.hpp>

#include "base/sha256.hpp"

using namespace zapros;

TEST_CASE("SHA-256 gives the FIPS 180-4 digests of the standard messages", "[sha256]") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    // 448 bits: the padding's length no longer fits in the message's block, a second one follows.
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256 of a message added in pieces is that of the whole", "[sha256]") {
    std::string message;
    for (int i = 0; i < 1000; ++i) message += static_cast<char>(i * 7);
    for (const std::size_t piece : {1u, 3u, 63u, 64u, 65u, 200u}) {
        Sha256 h;
        for (std::size_t at = 0; at < message.size(); at += piece) h.add(std::string_view(message).substr(at, piece));
        CHECK(h.hex() == sha256_hex(message));
    }
    // Messages of 55, 56 and 64 bytes end the padding in one block or in two (digests from
    // coreutils sha256sum).
    CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
