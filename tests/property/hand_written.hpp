#pragma once
// What the checker knows of a request written by hand (--check): its notes, numbered as GFM
// numbers them, and each note's first letters as far as its Markdown shows them.
#include <string>

#include "markdown.hpp"

namespace zapros::property {

Written read_hand_written(const std::string& markdown);

}  // namespace zapros::property
