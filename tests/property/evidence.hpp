#pragma once
// A failure's evidence: the first few examples in full, the rest counted, so that a page of
// glyphs off the paper reads as four lines and a number.
#include <cstdio>
#include <string>
#include <vector>

#include "invariants.hpp"

namespace zapros::property {

class Evidence {
public:
    // kind: the class of the defect; a failure takes its first example's.
    void add(const std::string& kind, const std::string& line) {
        if (count_ == 0) kind_ = kind;
        if (++count_ <= shown) text_ += (text_.empty() ? "" : "\n") + line;
    }
    void into(std::vector<Failure>& out, Invariant inv) const {
        if (count_ == 0) return;
        out.push_back({inv, kind_, text_ + (count_ > shown ? "\n… and " + std::to_string(count_ - shown) + " more" : std::string())});
    }

private:
    static constexpr int shown = 4;
    int count_ = 0;
    std::string kind_, text_;
};

inline std::string points(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f pt", v);
    return buf;
}

}  // namespace zapros::property
