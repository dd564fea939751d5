// Front matter keys and types: YamlNode tree → Meta. Every problem is reported, not just the first.
#include <algorithm>
#include <array>
#include <vector>

#include "request/addressees.hpp"
#include "request/front_matter.hpp"
#include "request/letter_parts.hpp"
#include "request/parse.hpp"
#include "request/suggest.hpp"
#include "request/yaml_values.hpp"

namespace zapros::request {

namespace {

using Kind = YamlNode::Kind;

constexpr std::array<std::string_view, 10> base_keys = {
    "title", "lang", "to", "from", "date", "place", "signatures", "hyphenate", "repeat-hyphen", "pdf-standard"};
constexpr std::array<std::string_view, 3> signature_fields = {"role", "name", "image"};
constexpr std::array<std::string_view, 2> meta_required = {"title", "to"};
constexpr std::array<std::string_view, 1> signature_required = {"role"};

// The letter's form first, then its parts: the order of the README's table and of a suggestion's
// "known keys".
const std::vector<std::string_view>& meta_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> k(base_keys.begin(), base_keys.end());
        for (std::string_view p : letter_part_keys()) k.push_back(p);
        for (std::string_view w : workflow_keys()) k.push_back(w);
        return k;
    }();
    return keys;
}

class MetaReader {
public:
    MetaReader(const FileAccess& access, std::vector<std::string>& reads, Diagnostics& diags)
        : diags_(diags), values_(diags), parts_(values_, access, reads), workflow_(values_) {}

    Meta read(const YamlNode& root) {
        Meta meta;
        const Pos top{1, 1};  // the opening '---'
        if (root.kind != Kind::mapping && root.kind != Kind::null) {
            diags_.error(root.pos, "the front matter must be a mapping of keys (title: …), not " +
                                       std::string(type_name(root)));
            return meta;
        }
        for_each_key(root, meta_keys(), meta_required, "front matter", diags_, [&](const std::string& key, const YamlNode& v) {
            if (key == "title") {
                if (auto t = values_.string(v, key)) meta.title = *t;
            } else if (key == "lang") {
                read_lang(v, meta);
            } else if (key == "to") {
                meta.to = workflow_.addressees(v);
            } else if (key == "from") {
                meta.from = values_.lines(v, key, false);
            } else if (key == "date") {
                meta.date_pos = v.pos;
                meta.date = values_.date(v, key);
            } else if (key == "place") {
                meta.place = values_.string(v, key);
            } else if (key == "signatures") {
                meta.signatures = signatures(v);
            } else if (key == "hyphenate") {
                meta.hyphenate = values_.boolean(v, key).value_or(meta.hyphenate);
            } else if (key == "repeat-hyphen") {
                meta.repeat_hyphen = values_.boolean(v, key).value_or(meta.repeat_hyphen);
            } else if (key == "pdf-standard") {
                read_pdf_standard(v, meta);
            } else if (std::find(workflow_keys().begin(), workflow_keys().end(), key) != workflow_keys().end()) {
                workflow_.read(key, v, meta);
            } else {
                parts_.read(key, v, meta);
            }
        });
        parts_.check_together(root, meta);
        workflow_.check_together(meta);
        // A key given empty or with a refused value is not missing: it has its own error.
        if (!has_key(root, "title")) diags_.error(top, "missing required key 'title'", "add a line: title: Информационный запрос");
        if (!has_key(root, "to")) diags_.error(top, "missing required key 'to' (the addressee)",
                                  "add a line: to: Министерство … Российской Федерации");
        return meta;
    }

private:
    void read_lang(const YamlNode& v, Meta& meta) {
        if (!is_string(v)) return values_.wrong_type(v, "lang", "'ru' or 'en'");
        if (v.value == "ru") meta.lang = Lang::ru;
        else if (v.value == "en") meta.lang = Lang::en;
        else diags_.error(v.pos, "'lang' must be 'ru' or 'en', not '" + v.value + "'");
    }

    void read_pdf_standard(const YamlNode& v, Meta& meta) {
        if (!is_string(v)) return values_.wrong_type(v, "pdf-standard", "'a-2u', 'a-2b' or 'none'");
        if (const auto s = pdf_standard(v.value)) {
            meta.pdf_standard = *s;
            return;
        }
        const std::string near = suggestion(v.value, pdf_standard_names);
        diags_.error(v.pos, "'pdf-standard' must be 'a-2u', 'a-2b' or 'none', not '" + v.value + "'",
                     near.empty() ? "a-2u (the default) is PDF/A-2u, a-2b PDF/A-2b, none a plain PDF" : "did you mean '" + near + "'?");
    }

    std::vector<Signature> signatures(const YamlNode& v) {
        std::vector<Signature> out;
        if (v.kind != Kind::sequence) {
            values_.wrong_type(v, "signatures", "a list of {role, name, image}");
            return out;
        }
        for (const YamlNode& item : v.items) {
            if (item.kind != Kind::mapping) {
                values_.wrong_type(item, "signatures", "a list of {role, name, image}; this item is not a mapping");
                continue;
            }
            Signature sig;
            for_each_key(item, signature_fields, signature_required, "signature", diags_,
                         [&](const std::string& key, const YamlNode& f) {
                             if (key == "image") sig.image = parts_.image(f, key);
                             else if (auto t = values_.string(f, key)) (key == "role" ? sig.role : sig.name) = *t;
                         });
            if (!has_key(item, "role")) diags_.error(item.pos, "signature without 'role'", "e.g. - {role: Главный редактор, name: С. С. Смирнов}");
            out.push_back(std::move(sig));
        }
        return out;
    }

    Diagnostics& diags_;
    ValueReader values_;
    LetterPartsReader parts_;
    WorkflowReader workflow_;
};

}  // namespace

Meta read_meta(const YamlNode& root, const FileAccess& access, std::vector<std::string>& reads, Diagnostics& diags) {
    return MetaReader(access, reads, diags).read(root);
}

std::optional<PdfStandard> pdf_standard(std::string_view name) {
    for (std::size_t k = 0; k < pdf_standard_names.size(); ++k)
        if (name == pdf_standard_names[k]) return static_cast<PdfStandard>(k);  // the enum's order
    return std::nullopt;
}

std::span<const std::string_view> front_matter_keys() { return meta_keys(); }
std::span<const std::string_view> signature_keys() { return signature_fields; }

std::span<const std::string_view> sub_keys(std::string_view key) {
    if (key == "signatures") return signature_fields;
    if (key == "to") return addressee_fields();
    return letter_part_fields(key);
}

}  // namespace zapros::request
