#pragma once
// One document through the real binary: Markdown written, zapros render, mutool trace, every
// invariant checked. Files live in a scratch directory under a stem per document.
#include <string>
#include <vector>

#include "invariants.hpp"

namespace zapros::property {

struct Checked {
    std::vector<Failure> failures;
    int pages = 0;
};

// A picture as a PNG file's bytes; the images a request names, written beside it in dir.
std::string png_of(const Picture& p);
void write_images(const Written& written, const std::string& dir);

class Runner {
public:
    Runner(std::string zapros, std::string dir) : zapros_(std::move(zapros)), dir_(std::move(dir)) {}

    Checked check(const Written& written, const std::string& stem) const;
    // A request written by hand: what can be checked without knowing its words (zones,
    // overlaps, notes against their number, .notdef, exit status).
    Checked check_file(const std::string& markdown_path, const Written& written, const std::string& stem) const;

private:
    Checked render_and_check(const std::string& md, const Written& written, bool words, const std::string& stem) const;
    std::string zapros_, dir_;
};

}  // namespace zapros::property
