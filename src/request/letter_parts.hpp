#pragma once
// Inside request/: the official letter's parts in the front matter (GOST R 7.0.97: letterhead,
// registration numbers, courtesy lines, enclosures, signature scans and the stamp, the executor,
// paper and size), each value checked where it stands and its image files confined as body
// images are.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/file_access.hpp"
#include "request/front_matter.hpp"
#include "request/request.hpp"
#include "request/yaml_values.hpp"

namespace zapros::request {

// The front matter keys of the letter's parts, in the order the README lists them.
std::span<const std::string_view> letter_part_keys();
// The keys of the part `key`'s mapping (an enclosure's for "enclosures"); empty for others.
std::span<const std::string_view> letter_part_fields(std::string_view key);

class LetterPartsReader {
public:
    LetterPartsReader(ValueReader& values, const FileAccess& access, std::vector<std::string>& reads)
        : values_(values), access_(access), reads_(reads) {}

    // Reads the value of one of letter_part_keys() into meta.
    void read(const std::string& key, const YamlNode& v, Meta& meta);
    // An image file named at v (a logo, a signature scan, a stamp): never fetched from a URL.
    std::optional<ImageRef> image(const YamlNode& v, std::string_view key);
    // The rules between keys, once the whole front matter is read: one sender's block, and a
    // stamp over a signature that exists.
    void check_together(const YamlNode& root, const Meta& meta);

private:
    std::optional<Letterhead> letterhead(const YamlNode& v);
    std::optional<Reference> reference(const YamlNode& v);
    std::vector<Enclosure> enclosures(const YamlNode& v);
    std::optional<Stamp> stamp(const YamlNode& v);
    std::optional<Executor> executor(const YamlNode& v);
    // Passes each key of mapping v, the value of `key`, to f, and reports one left without its
    // first known key (`example` shows it written); false, with the error, when v is no mapping.
    bool fields(const YamlNode& v, std::string_view key, std::span<const std::string_view> known,
                std::string_view example, const KeyValue& f);

    ValueReader& values_;
    const FileAccess& access_;
    std::vector<std::string>& reads_;
    Pos stamp_signature_pos_;  // of the stamp's signature number, or the stamp's when it is left out
};

}  // namespace zapros::request
