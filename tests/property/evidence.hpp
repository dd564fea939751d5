#pragma once
// A failure's evidence, one failure per class of defect: the first few examples in full, the
// rest counted, so that a page of glyphs off the paper reads as four lines and a number.
#include <cstdio>
#include <string>
#include <vector>

#include "invariants.hpp"

namespace zapros::property {

class Evidence {
public:
    // kind: the class of the defect ("right of the measure"); each class is its own failure.
    void add(const std::string& kind, const std::string& line) {
        Class* c = nullptr;
        for (Class& k : classes_)
            if (k.kind == kind) c = &k;
        if (!c) c = &classes_.emplace_back(Class{kind, 0, {}});
        if (++c->count <= shown) c->text += (c->text.empty() ? "" : "\n") + line;
    }
    void into(std::vector<Failure>& out, Invariant inv) const {
        for (const Class& c : classes_)
            out.push_back({inv, c.kind, c.text + (c.count > shown ? "\n… and " + std::to_string(c.count - shown) + " more" : std::string())});
    }

private:
    struct Class {
        std::string kind;
        int count;
        std::string text;
    };
    static constexpr int shown = 4;
    std::vector<Class> classes_;  // in the order first seen
};

inline std::string points(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f pt", v);
    return buf;
}

}  // namespace zapros::property
