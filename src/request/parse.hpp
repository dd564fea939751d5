#pragma once
// Stage 1: file bytes → Request.
#include <optional>
#include <string_view>

#include "base/diagnostic.hpp"
#include "request/request.hpp"

namespace zapros::request {

inline constexpr std::size_t max_input_bytes = 16u << 20;

// Parses one request. file names it in diagnostics and locates images (relative to its
// directory). Every problem goes to diags; the Request is returned only when there is no error.
std::optional<Request> parse(std::string_view file, std::string_view bytes, Diagnostics& diags);

}  // namespace zapros::request
