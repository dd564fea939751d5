#pragma once
// Inside cli/: make depfiles, written (-MD, --depfile) and read back (to find the outputs an
// earlier render wrote).
#include <string>
#include <string_view>
#include <vector>

namespace zapros::cli {

// "T1 T2 …: IN…" with every target of one input (its PDF, the copies, …), then an empty rule for
// each input so that a deleted input is no make error (gcc -MP). Names escaped for make.
std::string depfile(const std::vector<std::string>& targets, const std::vector<std::string>& inputs);

// The targets of the first rule of a depfile as depfile() writes it (make's escapes undone).
// Nothing when the text does not start with such a rule.
std::vector<std::string> depfile_targets(std::string_view text);

}  // namespace zapros::cli
