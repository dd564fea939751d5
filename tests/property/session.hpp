#pragma once
// A run of the property test: documents checked one by one, failures reported with their
// evidence, each class of defect shrunk once to the smallest request that still shows it, and
// the counts at the end.
#include <chrono>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "generate.hpp"
#include "runner.hpp"

namespace zapros::property {

struct SessionOptions {
    std::string zapros;
    bool keep = false;            // keep each document's files in the directory
    int shrink = -1;              // failures to shrink; −1: the first of each class of defect
    double shrink_seconds = 60;   // per failure shrunk
    std::string shrink_only;      // shrink only the classes whose name holds this
};

class Session {
public:
    Session(SessionOptions options, const std::string& dir) : o_(std::move(options)), dir_(dir), runner_(o_.zapros, dir) {}

    // With --fresh the run has a length: shrinking stays within it, but gets a few seconds even
    // at its end, so that a failure found last is still printed small.
    void end_by(std::chrono::steady_clock::time_point end) { end_ = end; }

    // Checks one generated document; reports a failure, shrunk when it is the first of its
    // class (or within --shrink). True when it passed.
    bool run(std::uint64_t seed, Focus focus);
    // A hand-written request: what can be checked without knowing its words.
    void run_file(const std::string& path);

    void summary(double seconds) const;
    long failed() const { return failed_; }

private:
    void report(const std::string& what, const std::vector<Failure>& failures);
    void shrink_and_report(const Sample& sample, const Failure& failure, const std::string& stem);
    double shrink_seconds() const;
    void remove_files(const std::string& stem) const;

    SessionOptions o_;
    std::string dir_;
    Runner runner_;
    long documents_ = 0, pages_ = 0, failed_ = 0;
    int shrinks_ = 0;
    std::set<std::pair<Invariant, std::string>> shrunk_;
    std::map<Invariant, int> by_invariant_;
    std::map<std::pair<Invariant, std::string>, int> by_kind_;  // documents per class of defect
    std::chrono::steady_clock::time_point end_{};
};

}  // namespace zapros::property
