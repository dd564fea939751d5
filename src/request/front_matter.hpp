#pragma once
// Inside request/: the front matter's split from the body, and its YAML as a small tree of
// positioned values (yaml-cpp's event API, so every value keeps its position and aliases can be
// refused where they stand).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/file_access.hpp"
#include "request/request.hpp"
#include "request/source.hpp"

namespace zapros::request {

struct YamlNode {
    enum class Kind { null, scalar, sequence, mapping };
    Kind kind = Kind::null;
    Pos pos;
    std::string value;   // scalar
    bool plain = false;  // an unquoted scalar: subject to YAML 1.2's core schema (numbers, booleans)
    bool reported = false;  // already reported (an alias): checks skip it
    std::vector<YamlNode> items;  // sequence items; mapping: key, value, key, value, …
};

struct FrontMatter {
    std::string_view yaml;
    int yaml_first_line = 0;  // the file line of the YAML's first line
    std::string_view body;
    int body_first_line = 0;
};

// Finds the "---" … "---" (or "...") block that must open the file.
std::optional<FrontMatter> split_front_matter(const Source& src, Diagnostics& diags);

// Parses the YAML; positions refer to the file. Aliases, unclosed quotes and syntax errors are
// reported; on a syntax error nothing is returned.
std::optional<YamlNode> parse_yaml(const FrontMatter& fm, const Source& src, Diagnostics& diags);

// Checks keys and types and fills Meta. Reports every problem found. Image files the letter's
// parts name are looked up as access allows; those found go to reads.
Meta read_meta(const YamlNode& root, const FileAccess& access, std::vector<std::string>& reads, Diagnostics& diags);

}  // namespace zapros::request
