#pragma once
// One addressee's copy of a request (split: true, or render --per-addressee).
#include <cstddef>

#include "request/request.hpp"

namespace zapros::request {

// req as addressee i's copy prints it: `to` holds that addressee alone, and its own dates (sent,
// delivered, answered, each with its position) replace the request's where it has them. All else
// is req's.
Request for_addressee(const Request& req, std::size_t i);

}  // namespace zapros::request
