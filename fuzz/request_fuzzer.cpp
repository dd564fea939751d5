// libFuzzer target, stage 1: any bytes → request::parse. Must end in a Request or diagnostics,
// never a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "request/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    zapros::Diagnostics diags("fuzz.md");
    zapros::request::parse("fuzz.md", std::string_view(reinterpret_cast<const char*>(data), size), diags);
    return 0;
}
