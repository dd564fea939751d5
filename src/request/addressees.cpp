// The workflow's front matter: YamlNode values → Meta's to, split, email and events.
#include "request/addressees.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <tuple>

namespace zapros::request {

namespace {

using Kind = YamlNode::Kind;

constexpr std::array<std::string_view, 5> workflow = {"split", "email", "sent", "delivered", "answered"};
constexpr std::array<std::string_view, 7> fields = {"name", "address", "email", "slug", "sent", "delivered", "answered"};
constexpr std::array<std::string_view, 1> fields_required = {"name"};

constexpr std::string_view to_shape = "a string, a mapping {name, email, …} or a list of them";

bool is_atext(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}
bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

// Dot-separated runs of characters allowed by `ok`, none empty.
template <typename Ok>
bool dotted(std::string_view s, Ok ok) {
    if (s.empty() || s.front() == '.' || s.back() == '.' || s.find("..") != std::string_view::npos) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return c == '.' || ok(c); });
}

std::string joined(const std::vector<Text>& lines) {
    std::string out;
    for (const Text& t : lines) out += (out.empty() ? "" : "\n") + t.value;
    return out;
}

std::string iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

bool before(const Date& a, const Date& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
}

}  // namespace

std::span<const std::string_view> workflow_keys() { return workflow; }
std::span<const std::string_view> addressee_fields() { return fields; }

bool is_mail_address(std::string_view s) {
    const std::size_t at = s.find('@');
    if (at == std::string_view::npos || s.size() > 254) return false;
    const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
    if (local.size() > 64 || !dotted(local, is_atext)) return false;
    // The domain: labels of letters, digits and inner hyphens, at least two of them.
    if (domain.find('.') == std::string_view::npos || !dotted(domain, [](char c) { return is_alnum(c) || c == '-'; }))
        return false;
    for (std::size_t from = 0; from <= domain.size();) {
        const std::size_t end = std::min(domain.find('.', from), domain.size());
        if (domain[from] == '-' || domain[end - 1] == '-' || end - from > 63) return false;
        from = end + 1;
    }
    return true;
}

bool is_slug(std::string_view s) {
    if (s.empty() || s.size() > max_slug_bytes || s.front() == '-' || s.back() == '-' || s.find("--") != std::string_view::npos)
        return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::vector<Addressee> WorkflowReader::addressees(const YamlNode& v) {
    std::vector<Addressee> out;
    auto one = [&](const YamlNode& item) {
        if (item.kind == Kind::mapping) {
            out.push_back(addressee(item));
        } else if (auto t = values_.string(item, "to")) {
            out.push_back(Addressee{.name = *t, .pos = item.pos});
        }
    };
    if (v.kind == Kind::sequence) {
        Pos last = v.pos;
        for (std::size_t k = 0; k < v.items.size(); ++k) {
            const YamlNode& item = v.items[k];
            // yaml-cpp places a null item ("- ", "- ~") at the next token: take the line after
            // the item before it, or the list's own place.
            last = item.kind != Kind::null ? item.pos : k > 0 ? Pos{last.line + 1, last.col} : v.pos;
            if (item.kind != Kind::mapping && shows_nothing(item)) {
                values_.diags().error(last, "an item of 'to' is empty", "write the addressee, or remove the item");
            } else if (item.kind == Kind::sequence || (item.kind == Kind::scalar && !is_string(item))) {
                values_.wrong_type(item, "to", std::string(to_shape) + "; this item is none of them");
            } else {
                one(item);
            }
        }
        if (v.items.empty()) values_.diags().error(v.pos, "'to' is an empty list");
    } else if (v.kind == Kind::mapping || is_string(v)) {
        one(v);
    } else {
        values_.wrong_type(v, "to", to_shape);
    }
    return out;
}

Addressee WorkflowReader::addressee(const YamlNode& item) {
    Addressee a;
    a.pos = item.pos;
    Diagnostics& diags = values_.diags();
    for_each_key(item, fields, fields_required, "addressee", diags, [&](const std::string& key, const YamlNode& f) {
        if (key == "name" || key == "address") {
            const std::vector<Text> lines = values_.lines(f, key, key == "name");
            if (lines.empty()) return;
            Text t{joined(lines), lines.front().pos};
            (key == "name" ? a.name : a.address.emplace()) = std::move(t);
        } else if (key == "email") {
            if (auto t = values_.string(f, key)) {
                if (is_mail_address(t->value)) a.email = *t;
                else diags.error(f.pos, "'email' must be an address like name@example.org, not '" + t->value + "'");
            }
        } else if (key == "slug") {
            if (auto t = values_.string(f, key)) {
                if (is_slug(t->value)) a.slug = *t;
                else diags.error(f.pos, "'slug' must be lower-case Latin letters and digits joined by single hyphens (at most " +
                                            std::to_string(max_slug_bytes) + " bytes), like 'minjust', not '" + t->value + "'");
            }
        } else {
            event(key, f, a.events);
        }
    });
    if (!has_key(item, "name"))
        diags.error(item.pos, "addressee without 'name'", "e.g. - {name: Министерство юстиции, email: info@minjust.gov.ru}");
    return a;
}

void WorkflowReader::read(const std::string& key, const YamlNode& v, Meta& meta) {
    if (key == "split") {
        meta.split_pos = v.pos;
        meta.split = values_.boolean(v, key).value_or(false);
    } else if (key == "email") {
        if (auto t = values_.string(v, key)) {
            if (shows_nothing(v)) values_.diags().error(v.pos, "'email' prints nothing", "write the cover text, or remove the key");
            else meta.email = *t;
        }
    } else {
        event(key, v, meta.events);
    }
}

void WorkflowReader::event(const std::string& key, const YamlNode& v, Events& events) {
    const std::optional<Date> d = values_.date(v, key);
    if (key == "sent") events.sent = d, events.sent_pos = v.pos;
    else if (key == "delivered") events.delivered = d, events.delivered_pos = v.pos;
    else events.answered = d, events.answered_pos = v.pos;
}

void WorkflowReader::check_order(const Events& own, const Events& inherited) {
    // Each date over the one it follows; an addressee's own date stands for the request's.
    struct Event {
        const char* key;
        std::optional<Date> date;
        Pos pos;
        bool own;
    };
    auto pick = [&](std::optional<Date> Events::*d, Pos Events::*p, const char* key) {
        return own.*d ? Event{key, own.*d, own.*p, true} : Event{key, inherited.*d, inherited.*p, false};
    };
    const std::array<Event, 3> order = {pick(&Events::sent, &Events::sent_pos, "sent"),
                                        pick(&Events::delivered, &Events::delivered_pos, "delivered"),
                                        pick(&Events::answered, &Events::answered_pos, "answered")};
    for (std::size_t later = 1; later < order.size(); ++later)
        for (std::size_t k = later; k-- > 0;) {
            const Event& a = order[k];
            const Event& b = order[later];
            if (!a.date || !b.date) continue;
            // The pair of the request's own dates is judged once, without the addressee's.
            if (!a.own && !b.own && &own != &inherited) break;
            if (before(*b.date, *a.date))
                values_.diags().error(b.own ? b.pos : a.pos, "'" + std::string(b.key) + "' " + iso(*b.date) + " is before '" +
                                                                 a.key + "' " + iso(*a.date));
            break;  // only the nearest earlier event given
        }
}

void WorkflowReader::check_together(const Meta& meta) {
    Diagnostics& diags = values_.diags();
    check_order(meta.events, meta.events);
    for (const Addressee& a : meta.to) check_order(a.events, meta.events);

    std::map<std::string, std::size_t> slugs;
    for (std::size_t i = 0; i < meta.to.size(); ++i) {
        if (!meta.to[i].slug) continue;
        const auto [at, fresh] = slugs.emplace(meta.to[i].slug->value, i);
        if (!fresh)
            diags.error(meta.to[i].slug->pos, "slug '" + meta.to[i].slug->value + "' is also addressee " +
                                                  std::to_string(at->second + 1) + "'s: each copy needs its own file name");
    }
    // GOST R 7.0.97: one document goes to at most four addressees; each split copy goes to one.
    if (meta.to.size() > 4 && !meta.split)
        diags.warning(meta.to[4].pos, "more than four addressees; GOST R 7.0.97 addresses a letter to at most four, the "
                                      "others get it by a mailing list",
                      "to send each its own copy, add 'split: true' (or render --per-addressee)");
}

}  // namespace zapros::request
