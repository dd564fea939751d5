#pragma once
// What zapros writes for a user to start from: a request template (new, init), the files of a
// requests repository (init), and where such a repository is (new).
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zapros::cli {

// A requests repository's root holds one of these (init writes both).
inline constexpr std::string_view repository_marker = ".zapros";
inline constexpr std::string_view repository_schema = "schema/request.schema.json";

// The commented request template in lang (ru or en). Its front matter starts with the YAML
// language server's modeline pointing at schema, a path relative to the request's directory;
// with schema empty the modeline is left out.
std::string request_template(const std::string& lang, const std::string& schema);

// The repository a request written in dir belongs to: dir or the nearest directory above it that
// holds repository_marker or repository_schema. The walk stops at a Git work tree's top (a
// directory holding .git): a schema above a clone is not in anyone else's clone. dir is taken
// as written (made absolute, not resolved through links), as an editor opening the file sees it.
std::optional<std::filesystem::path> find_repository(const std::filesystem::path& dir);

// The repository's schema as a request in dir refers to it: "../schema/request.schema.json" for
// dir = ROOT/requests. Lexical, like find_repository; root must be dir or above it.
std::string schema_reference(const std::filesystem::path& dir, const std::filesystem::path& root);

// One file of a starter repository: its path under the root and its text.
struct StarterFile {
    std::string path;
    std::string text;
};

// What init writes, except the schema (copied from the installation): the starter request in
// lang, the Makefile, the GitHub workflow, the GitLab CI file, .gitignore, the VS Code settings
// and the marker. repository: ZAPROS_REPOSITORY; version: the release the GitLab file includes.
std::vector<StarterFile> starter_files(const std::string& lang, std::string_view repository, std::string_view version);

// The starter request's path under the root.
inline constexpr std::string_view starter_request = "requests/example.md";

}  // namespace zapros::cli
