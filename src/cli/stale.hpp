#pragma once
// Inside cli/: the outputs an earlier render left that this one no longer writes (the copy of an
// addressee since removed, or all copies once split is off), found through the depfile it wrote.
#include <filesystem>
#include <vector>

namespace zapros::cli {

// The files listed as targets by the depfile at `depfile` that are stale now: the depfile must
// be a regular file whose first target is out (one zapros wrote for this output; anything else
// is read as listing nothing); each target counted must lie in out's directory, be named
// STEM--*.pdf, .eml or .txt (STEM: out's), not be among `outputs` (this render's), and be a
// regular file, not a link. Never throws: a depfile that cannot be read lists nothing.
std::vector<std::filesystem::path> stale_outputs(const std::filesystem::path& depfile, const std::filesystem::path& out,
                                                 const std::vector<std::filesystem::path>& outputs);

}  // namespace zapros::cli
