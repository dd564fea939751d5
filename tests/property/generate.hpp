#pragma once
// Seeded random requests. A focus leans the mix towards one kind of content, so that each
// ctest shard names the behaviour it exercises most; every request still mixes all kinds.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sample.hpp"

namespace zapros::property {

enum class Focus { mixed, long_words, tables, notes, lists, code, letter };
inline constexpr std::array<Focus, 7> all_foci = {Focus::mixed, Focus::long_words, Focus::tables, Focus::notes,
                                                  Focus::lists, Focus::code, Focus::letter};

std::optional<Focus> focus_named(std::string_view name);
std::string name_of(Focus focus);

Sample generate(std::uint64_t seed, Focus focus);

}  // namespace zapros::property
