#include "session.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "hand_written.hpp"
#include "shrink.hpp"

namespace zapros::property {

namespace {

std::string indent(const std::string& s, const std::string& by) {
    std::string out = by;
    for (char c : s) out += c == '\n' ? "\n" + by : std::string(1, c);
    return out;
}

}  // namespace

bool Session::run(std::uint64_t seed, Focus focus) {
    const Sample sample = generate(seed, focus);
    const std::string stem = name_of(focus) + "-" + std::to_string(seed);
    const Checked c = runner_.check(write(sample, stem + ".img/"), stem);
    ++documents_, pages_ += c.pages;
    if (!o_.keep) remove_files(stem);
    if (c.failures.empty()) return true;
    report("seed " + std::to_string(seed) + " focus " + name_of(focus) + " (" + std::to_string(c.pages) + " pages)", c.failures);
    std::cout << "  reproduce: zapros_property --zapros " << o_.zapros << " --seed " << seed << " --focus " << name_of(focus)
              << " --count 1\n";
    // Each class of defect is shrunk once per run (or the first --shrink failures), the
    // overfull warning last: it comes with every other class.
    for (const Failure& f : c.failures) {
        if (f.invariant == Invariant::overfull && c.failures.size() > 1) continue;
        if (f.kind.find(o_.shrink_only) == std::string::npos) continue;
        const bool wanted = o_.shrink < 0 ? !shrunk_.count({f.invariant, f.kind}) : shrinks_ < o_.shrink;
        if (wanted) shrink_and_report(sample, f, stem);
    }
    return false;
}

void Session::run_file(const std::string& path) {
    const std::string stem = "file-" + std::filesystem::path(path).stem().string();
    const Checked c = runner_.check_file(path, read_hand_written(read_file(path)), stem);
    ++documents_, pages_ += c.pages;
    if (!o_.keep) remove_files(stem);
    if (c.failures.empty()) return;
    report(path, c.failures);
}

void Session::summary(double seconds) const {
    std::printf("checked %ld documents (%ld pages) in %.1f s; %ld failed\n", documents_, pages_, seconds, failed_);
    for (const auto& [inv, n] : by_invariant_) {
        std::printf("  %-40s %d documents\n", name_of(inv).c_str(), n);
        for (const auto& [kind, k] : by_kind_)
            if (kind.first == inv) std::printf("    %-38s %d\n", kind.second.c_str(), k);
    }
}

void Session::report(const std::string& what, const std::vector<Failure>& failures) {
    ++failed_;
    std::cout << "FAIL " << what << "\n";
    std::set<Invariant> seen;
    for (const Failure& f : failures) {
        if (seen.insert(f.invariant).second) ++by_invariant_[f.invariant];
        ++by_kind_[{f.invariant, f.kind}];
        std::cout << "  " << name_of(f.invariant) << " (" << f.kind << "):\n" << indent(f.evidence, "    ") << "\n";
    }
}

void Session::shrink_and_report(const Sample& sample, const Failure& failure, const std::string& stem) {
    const Invariant invariant = failure.invariant;
    shrunk_.insert({invariant, failure.kind});
    ++shrinks_;
    const auto start = std::chrono::steady_clock::now();
    const Shrunk s = shrink(sample, [&](const Sample& candidate) {
        const Checked c = runner_.check(write(candidate, stem + "-shrink.img/"), stem + "-shrink");
        for (const Failure& f : c.failures)
            if (f.invariant == invariant && f.kind == failure.kind) return true;
        return false;
    }, shrink_seconds());
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const Written w = write(s.sample, stem + "-shrunk.img/");
    const Checked again = runner_.check(w, stem + "-shrunk");
    remove_files(stem + "-shrink");
    std::printf("  shrunk for \"%s\" (%s) in %d tries, %.1f s%s; the smallest request that still fails:\n",
                name_of(invariant).c_str(), failure.kind.c_str(), s.tries, took, s.finished ? "" : " (time ran out)");
    std::cout << "----8<----\n" << w.markdown << "----8<----\n";
    for (const Failure& f : again.failures)
        if (f.invariant == invariant && f.kind == failure.kind) std::cout << "  evidence:\n" << indent(f.evidence, "    ") << "\n";
    if (!o_.keep) remove_files(stem + "-shrunk");
}

double Session::shrink_seconds() const {
    if (end_ == std::chrono::steady_clock::time_point{}) return o_.shrink_seconds;
    const double left = std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
    return std::max(5.0, std::min(o_.shrink_seconds, left));
}

void Session::remove_files(const std::string& stem) const {
    for (const char* ext : {".md", ".pdf", ".xml", ".out"}) std::remove((dir_ + "/" + stem + ext).c_str());
    std::error_code ignored;
    std::filesystem::remove_all(dir_ + "/" + stem + ".img", ignored);
}

}  // namespace zapros::property
