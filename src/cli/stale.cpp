#include "cli/stale.hpp"

#include <set>

#include "base/files.hpp"
#include "cli/depfile.hpp"

namespace zapros::cli {

namespace {

bool regular_file(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::symlink_status(p, ec).type() == std::filesystem::file_type::regular;  // a link is not
}

// A name a copy of out, or its twin or e-mail draft, has: STEM--SOMETHING.pdf|.eml|.txt in out's directory.
bool copy_name(const std::filesystem::path& p, const std::filesystem::path& out) {
    if (p.parent_path().lexically_normal() != out.parent_path().lexically_normal()) return false;
    const std::string ext = p.extension().string();
    if (ext != ".pdf" && ext != ".eml" && ext != ".txt") return false;
    const std::string stem = p.stem().string(), prefix = out.stem().string() + "--";
    return stem.size() > prefix.size() && stem.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

std::vector<std::filesystem::path> stale_outputs(const std::filesystem::path& depfile, const std::filesystem::path& out,
                                                 const std::vector<std::filesystem::path>& outputs) {
    if (!regular_file(depfile)) return {};
    std::vector<std::string> targets;
    try {
        targets = depfile_targets(read_file(depfile));
    } catch (const IoError&) {
        return {};
    }
    if (targets.empty() || std::filesystem::path(targets[0]).lexically_normal() != out.lexically_normal()) return {};
    std::set<std::filesystem::path> current;
    for (const std::filesystem::path& o : outputs) current.insert(o.lexically_normal());
    std::vector<std::filesystem::path> stale;
    for (std::size_t k = 1; k < targets.size(); ++k) {
        if (!copy_name(targets[k], out)) continue;
        // Out's directory and the target's name, never the target as written: "d/link/../pdf/x"
        // names out's directory lexically, yet on disk leads wherever the link does.
        const std::filesystem::path t = out.parent_path() / std::filesystem::path(targets[k]).filename();
        // inserted into current: a target listed twice is stale once
        if (regular_file(t) && current.insert(t.lexically_normal()).second) stale.push_back(t);
    }
    return stale;
}

}  // namespace zapros::cli
