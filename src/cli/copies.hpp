#pragma once
// Inside cli/: the copies one input is rendered to (split: true, or render --per-addressee).
// Each copy yields its own outputs (its PDF; the twin and the e-mail draft beside it).
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "request/request.hpp"

namespace zapros::cli {

struct Copy {
    std::filesystem::path pdf;             // where its PDF (or trace) goes
    std::optional<std::size_t> addressee;  // the addressee it is for; empty: the file copy, listing all
};

// OUT-stem + "--" + slug + OUT's extension, beside out: build/pdf/x.pdf → build/pdf/x--slug.pdf.
std::filesystem::path copy_path(const std::filesystem::path& out, const std::string& slug);

// The file copy at out, holding every addressee (the copy kept on file lists them all), then,
// when split, one copy per addressee at copy_path(out, its slug). The slugs are unique: request/
// refuses two equal given ones, and copy_slugs makes the generated ones unique.
std::vector<Copy> plan_copies(const request::Request& req, const std::filesystem::path& out, bool split);

struct Options;

// The request other than input whose own outputs p is named as (the same stem in the same
// directory): another input of the run, or a request beside input (a--b.md by a.md: every
// layout, -d and make's pattern rule alike, names its PDF a--b.pdf). Only inputs of p's stem are
// looked at, so a run of many inputs costs a name comparison each.
std::optional<std::string> named_for_another(const Options& o, const std::string& input, const std::filesystem::path& p);

// Refuses (throws Usage) an addressee's copy named as another request's PDF (named_for_another).
void check_copies_apart(const Options& o, const std::string& input, const std::vector<Copy>& copies);

}  // namespace zapros::cli
