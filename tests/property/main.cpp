// zapros_property: the layout property test of issue 13. Generates requests from seeds, renders
// each with the real zapros binary, checks the invariants on the PDF, and shrinks a failure to
// the smallest request that still fails.
//
//   zapros_property --zapros BIN --seed S --count N [--focus F|all]   documents S … S+N−1
//   zapros_property --zapros BIN --fresh --seconds T                  random seeds for T seconds
//   zapros_property --zapros BIN --check FILE.md…                     hand-written requests
//   zapros_property --seed S [--focus F] --print                      the Markdown of one seed
// Options: --keep DIR (keep each document's files), --shrink-seconds T (per failure, 60),
// --shrink N (failures to shrink, default the first of each invariant).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>

#include "generate.hpp"
#include "runner.hpp"
#include "shrink.hpp"

namespace fs = std::filesystem;
using namespace zapros::property;

namespace {

struct Options {
    std::string zapros, keep;
    std::uint64_t seed = 1;
    long count = 1;
    std::vector<Focus> foci{Focus::mixed};
    bool fresh = false, print = false;
    double seconds = 60, shrink_seconds = 60;
    int shrink = -1;  // −1: the first failure of each invariant
    std::vector<std::string> files;
};

[[noreturn]] void usage(const std::string& why) {
    std::cerr << "zapros_property: " << why
              << "\nusage: zapros_property --zapros BIN (--seed S --count N [--focus F|all] | --fresh --seconds T | --check FILE.md…)"
                 " [--keep DIR] [--shrink-seconds T] [--shrink N]\n       zapros_property --seed S [--focus F] --print\n";
    std::exit(2);
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) usage(a + " needs a value");
            return argv[++i];
        };
        if (a == "--zapros") o.zapros = value();
        else if (a == "--seed") o.seed = std::stoull(value());
        else if (a == "--count") o.count = std::stol(value());
        else if (a == "--fresh") o.fresh = true;
        else if (a == "--seconds") o.seconds = std::stod(value());
        else if (a == "--keep") o.keep = value();
        else if (a == "--shrink-seconds") o.shrink_seconds = std::stod(value());
        else if (a == "--shrink") o.shrink = std::stoi(value());
        else if (a == "--print") o.print = true;
        else if (a == "--check") {
            while (i + 1 < argc && argv[i + 1][0] != '-') o.files.push_back(argv[++i]);
        } else if (a == "--focus") {
            const std::string f = value();
            o.foci.clear();
            if (f == "all")
                for (Focus k : all_foci) o.foci.push_back(k);
            else if (const auto k = focus_named(f))
                o.foci.push_back(*k);
            else
                usage("unknown focus " + f);
        } else usage("unknown option " + a);
    }
    if (!o.print && o.zapros.empty()) usage("--zapros BIN is required");
    return o;
}

std::string indent(const std::string& s, const std::string& by) {
    std::string out = by;
    for (char c : s) out += c == '\n' ? "\n" + by : std::string(1, c);
    return out;
}

// Counts notes defined in a hand-written request ("[^label]:" at a line's start).
int notes_defined(const std::string& md) {
    int n = 0;
    for (std::size_t at = 0; (at = md.find("\n[^", at)) != std::string::npos; ++at) {
        const std::size_t close = md.find("]:", at);
        if (close != std::string::npos && md.find('\n', at + 1) > close) ++n;
    }
    return n;
}

class Session {
public:
    Session(const Options& o, const std::string& dir) : o_(o), dir_(dir), runner_(o.zapros, dir) {}

    // With --fresh the run has a length: shrinking stays within it, but gets a few seconds even
    // at its end, so that a failure found last is still printed small.
    void end_by(std::chrono::steady_clock::time_point end) { end_ = end; }

    // Checks one generated document; on failure reports it, shrunk when it is the first of
    // its invariant (or within --shrink).
    bool run(std::uint64_t seed, Focus focus) {
        const Sample sample = generate(seed, focus);
        const std::string stem = name_of(focus) + "-" + std::to_string(seed);
        const Checked c = runner_.check(write(sample), stem);
        ++documents_, pages_ += c.pages;
        if (o_.keep.empty()) remove_files(stem);
        if (c.failures.empty()) return true;
        report("seed " + std::to_string(seed) + " focus " + name_of(focus) + " (" + std::to_string(c.pages) + " pages)", c.failures);
        std::cout << "  reproduce: zapros_property --zapros " << o_.zapros << " --seed " << seed << " --focus " << name_of(focus)
                  << " --count 1\n";
        // Each class of defect is shrunk once per run (or the first --shrink failures), the
        // overfull warning last: it comes with every other class.
        for (const Failure& f : c.failures) {
            if (f.invariant == Invariant::overfull && c.failures.size() > 1) continue;
            const bool wanted = o_.shrink < 0 ? !shrunk_.count({f.invariant, f.kind}) : shrinks_ < o_.shrink;
            if (wanted) shrink_and_report(sample, f, stem);
        }
        return false;
    }

    void run_file(const std::string& path) {
        const std::string stem = "file-" + fs::path(path).stem().string();
        const Checked c = runner_.check_file(path, notes_defined(zapros::property::read_file(path)), stem);
        ++documents_, pages_ += c.pages;
        if (o_.keep.empty()) remove_files(stem);
        if (c.failures.empty()) return;
        report(path, c.failures);
    }

    void summary(double seconds) const {
        std::printf("checked %ld documents (%ld pages) in %.1f s; %ld failed\n", documents_, pages_, seconds, failed_);
        for (const auto& [inv, n] : by_invariant_) {
            std::printf("  %-40s %d documents\n", name_of(inv).c_str(), n);
            for (const auto& [kind, k] : by_kind_)
                if (kind.first == inv) std::printf("    %-38s %d\n", kind.second.c_str(), k);
        }
    }
    long failed() const { return failed_; }

private:
    void report(const std::string& what, const std::vector<Failure>& failures) {
        ++failed_;
        std::cout << "FAIL " << what << "\n";
        std::set<Invariant> seen;
        for (const Failure& f : failures) {
            if (seen.insert(f.invariant).second) ++by_invariant_[f.invariant];
            ++by_kind_[{f.invariant, f.kind}];
            std::cout << "  " << name_of(f.invariant) << " (" << f.kind << "):\n" << indent(f.evidence, "    ") << "\n";
        }
    }

    void shrink_and_report(const Sample& sample, const Failure& failure, const std::string& stem) {
        const Invariant invariant = failure.invariant;
        shrunk_.insert({invariant, failure.kind});
        ++shrinks_;
        const auto start = std::chrono::steady_clock::now();
        const Shrunk s = shrink(sample, [&](const Sample& candidate) {
            const Checked c = runner_.check(write(candidate), stem + "-shrink");
            for (const Failure& f : c.failures)
                if (f.invariant == invariant && f.kind == failure.kind) return true;
            return false;
        }, shrink_seconds());
        const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const Written w = write(s.sample);
        const Checked again = runner_.check(w, stem + "-shrunk");
        remove_files(stem + "-shrink");
        std::printf("  shrunk for \"%s\" (%s) in %d tries, %.1f s%s; the smallest request that still fails:\n",
                    name_of(invariant).c_str(), failure.kind.c_str(), s.tries, took, s.finished ? "" : " (time ran out)");
        std::cout << "----8<----\n" << w.markdown << "----8<----\n";
        for (const Failure& f : again.failures)
            if (f.invariant == invariant && f.kind == failure.kind) std::cout << "  evidence:\n" << indent(f.evidence, "    ") << "\n";
        if (o_.keep.empty()) remove_files(stem + "-shrunk");
    }

    double shrink_seconds() const {
        if (end_ == std::chrono::steady_clock::time_point{}) return o_.shrink_seconds;
        const double left = std::chrono::duration<double>(end_ - std::chrono::steady_clock::now()).count();
        return std::max(5.0, std::min(o_.shrink_seconds, left));
    }

    void remove_files(const std::string& stem) const {
        for (const char* ext : {".md", ".pdf", ".xml", ".out"}) std::remove((dir_ + "/" + stem + ext).c_str());
    }

    const Options& o_;
    std::string dir_;
    Runner runner_;
    long documents_ = 0, pages_ = 0, failed_ = 0;
    int shrinks_ = 0;
    std::set<std::pair<Invariant, std::string>> shrunk_;
    std::map<Invariant, int> by_invariant_;
    std::map<std::pair<Invariant, std::string>, int> by_kind_;  // documents per class of defect
    std::chrono::steady_clock::time_point end_{};
};

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    if (o.print) {
        std::cout << write(generate(o.seed, o.foci.front())).markdown;
        return 0;
    }
    std::string dir = o.keep;
    if (dir.empty()) {
        std::string tmpl = (fs::temp_directory_path() / "zapros-property-XXXXXX").string();
        if (!mkdtemp(tmpl.data())) usage("cannot make a scratch directory");
        dir = tmpl;
    }
    fs::create_directories(dir);
    Session session(o, dir);
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    if (!o.files.empty()) {
        for (const std::string& f : o.files) session.run_file(f);
    } else if (o.fresh) {
        std::random_device device;  // only picks seeds; each seed is printed and replays anywhere
        std::uint64_t seed = (static_cast<std::uint64_t>(device()) << 32) ^ device();
        session.end_by(start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(o.seconds)));
        for (long n = 0; elapsed() < o.seconds; ++n) session.run(seed + static_cast<std::uint64_t>(n), all_foci[static_cast<std::size_t>(n) % all_foci.size()]);
    } else {
        for (long n = 0; n < o.count; ++n)
            for (Focus f : o.foci) session.run(o.seed + static_cast<std::uint64_t>(n), f);
    }
    session.summary(elapsed());
    if (o.keep.empty()) fs::remove_all(dir);
    return session.failed() > 0 ? 1 : 0;
}
