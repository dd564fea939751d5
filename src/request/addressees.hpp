#pragma once
// Inside request/: the newsroom's workflow in the front matter (issue 18): the addressees, each a
// string or a mapping {name, address, email, slug, sent, delivered, answered}; `split` (a copy
// per addressee), `email` (the drafts' cover text) and the request's own dates. Every value is
// checked where it stands; the rules between values (dates in order, slugs unique, at most
// four addressees) once the whole front matter is read.
#include <span>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "request/front_matter.hpp"
#include "request/request.hpp"
#include "request/yaml_values.hpp"

namespace zapros::request {

// The top-level keys of the workflow, in the order the README lists them.
std::span<const std::string_view> workflow_keys();
// The keys of a `to:` item written as a mapping.
std::span<const std::string_view> addressee_fields();

// An e-mail address as a header can carry it unquoted (RFC 5322 addr-spec, dot-atom form):
// local@domain.tld, ASCII only, no blanks, no brackets, no second '@'.
bool is_mail_address(std::string_view s);
// A copy's file name part as written: lower-case letters, digits and single inner '-', at most
// max_slug_bytes.
inline constexpr std::size_t max_slug_bytes = 64;
bool is_slug(std::string_view s);

class WorkflowReader {
public:
    explicit WorkflowReader(ValueReader& values) : values_(values) {}

    // `to:`: a string, a mapping, or a list of either.
    std::vector<Addressee> addressees(const YamlNode& v);
    // One of workflow_keys() into meta.
    void read(const std::string& key, const YamlNode& v, Meta& meta);
    // The rules between values: each addressee's dates in order over the request's, no two
    // slugs alike, GOST's four addressees.
    void check_together(const Meta& meta);

private:
    Addressee addressee(const YamlNode& item);
    // An event date (sent, delivered, answered) into events.
    void event(const std::string& key, const YamlNode& v, Events& events);
    void check_order(const Events& own, const Events& inherited);

    ValueReader& values_;
};

}  // namespace zapros::request
