#pragma once
// Stage 1: file bytes → Request.
#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string_view>
#include <vector>
#include <string_view>

#include "base/diagnostic.hpp"
#include "request/request.hpp"

namespace zapros::request {

inline constexpr std::size_t max_input_bytes = 16u << 20;

struct Options {
    // Besides its own directory, the directories a request may read files from (images). A CI
    // that builds pull requests must not let one embed /etc/passwd: symlinks count by their target.
    std::vector<std::filesystem::path> allowed_dirs;
    // --pdf-standard: the command line wins over the front matter's pdf-standard.
    std::optional<PdfStandard> pdf_standard;
};

// The standards' names, as pdf-standard: and --pdf-standard spell them, and the standard a name
// means (nothing for another word).
inline constexpr std::array<std::string_view, 3> pdf_standard_names = {"a-2u", "a-2b", "none"};
std::optional<PdfStandard> pdf_standard(std::string_view name);

// The keys the front matter and a signature accept (the JSON Schema must agree).
std::span<const std::string_view> front_matter_keys();
std::span<const std::string_view> signature_keys();
// The keys of the mapping a front matter key takes (of each item, for a list of mappings:
// signatures, enclosures); empty for a key whose value is no mapping.
std::span<const std::string_view> sub_keys(std::string_view key);

// Parses one request. file names it in diagnostics and locates images (relative to its
// directory). Every problem goes to diags; the Request is returned only when there is no error.
std::optional<Request> parse(std::string_view file, std::string_view bytes, Diagnostics& diags,
                             const Options& options = {});

}  // namespace zapros::request
