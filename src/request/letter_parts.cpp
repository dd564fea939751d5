// The letter's parts: YamlNode values → Meta's letterhead, number, reply_to, opening, closing,
// enclosures, stamp, executor, paper and font_size. Every problem is reported, not just the first.
#include "request/letter_parts.hpp"

#include <array>

#include "request/addressees.hpp"
#include "request/image_file.hpp"

namespace zapros::request {

namespace {

using Kind = YamlNode::Kind;

constexpr std::array<std::string_view, 10> part_keys = {
    "letterhead", "number", "reply-to", "opening", "closing", "enclosures", "stamp", "executor", "paper", "font-size"};
// Each part's keys; the first is the one it cannot do without.
constexpr std::array<std::string_view, 4> letterhead_fields = {"name", "lines", "logo", "layout"};
constexpr std::array<std::string_view, 2> reference_fields = {"number", "date"};
constexpr std::array<std::string_view, 3> enclosure_fields = {"title", "sheets", "copies"};
constexpr std::array<std::string_view, 2> stamp_fields = {"image", "signature"};
constexpr std::array<std::string_view, 3> executor_fields = {"name", "phone", "email"};

// A hand-filled form's bounds: no enclosure runs to more sheets or copies than this, and a value
// past it is a typo (a date, a phone number in the wrong field).
constexpr int max_sheets_or_copies = 10000;
constexpr int max_signature_number = 10000;

}  // namespace

std::span<const std::string_view> letter_part_keys() { return part_keys; }

std::span<const std::string_view> letter_part_fields(std::string_view key) {
    if (key == "letterhead") return letterhead_fields;
    if (key == "reply-to") return reference_fields;
    if (key == "enclosures") return enclosure_fields;
    if (key == "stamp") return stamp_fields;
    if (key == "executor") return executor_fields;
    return {};
}

void LetterPartsReader::read(const std::string& key, const YamlNode& v, Meta& meta) {
    if (key == "letterhead") {
        meta.letterhead = letterhead(v);
    } else if (key == "number") {
        meta.number = values_.text(v, key);
    } else if (key == "reply-to") {
        meta.reply_to = reference(v);
    } else if (key == "opening") {
        meta.opening = values_.string(v, key);
    } else if (key == "closing") {
        meta.closing = values_.string(v, key);
    } else if (key == "enclosures") {
        meta.enclosures = enclosures(v);
    } else if (key == "stamp") {
        meta.stamp = stamp(v);
    } else if (key == "executor") {
        meta.executor = executor(v);
    } else if (key == "paper") {
        if (!is_string(v)) return values_.wrong_type(v, key, "'a4' or 'letter'", false);
        if (v.value == "a4") meta.paper = Paper::a4;
        else if (v.value == "letter") meta.paper = Paper::letter;
        else values_.diags().error(v.pos, "'paper' must be 'a4' or 'letter', not '" + v.value + "'");
    } else if (key == "font-size") {
        if (auto n = values_.integer(v, key, 12, 14, "12, 13 or 14 (GOST R 7.0.97 allows 12–14 pt)")) meta.font_size = *n;
    }
}

std::optional<ImageRef> LetterPartsReader::image(const YamlNode& v, std::string_view key) {
    if (!is_string(v)) {
        values_.wrong_type(v, key, "the path of an image file");
        return std::nullopt;
    }
    if (is_remote(v.value)) {
        values_.diags().error(v.pos, "remote images are not fetched: '" + std::string(key) + "' must name a file",
                              "download it beside the request and give its path");
        return std::nullopt;
    }
    return image_file(Text{v.value, v.pos}, v.value, access_, reads_, values_.diags());
}

bool LetterPartsReader::fields(const YamlNode& v, std::string_view key, std::span<const std::string_view> known,
                               std::string_view example, const KeyValue& f) {
    std::string shape;
    for (std::string_view k : known) shape += (shape.empty() ? "{" : ", ") + std::string(k);
    if (v.kind != Kind::mapping) {
        values_.wrong_type(v, key, "a mapping " + shape + "}", false);
        return false;
    }
    const auto required = known.first(1);
    for_each_key(v, known, required, key, values_.diags(), f);
    if (!has_key(v, known.front()))
        values_.diags().error(v.pos, std::string(key) + " without '" + std::string(known.front()) + "'",
                              "e.g. " + std::string(example));
    return true;
}

std::optional<Letterhead> LetterPartsReader::letterhead(const YamlNode& v) {
    Letterhead h;
    h.pos = v.pos;
    const bool ok = fields(v, "letterhead", letterhead_fields, "letterhead: {name: Интернет-издание «Медиазона»}",
                           [&](const std::string& key, const YamlNode& f) {
        if (key == "name") {
            if (auto t = values_.string(f, key)) h.name = *t;
        } else if (key == "lines") {
            h.lines = values_.lines(f, key, false);
        } else if (key == "logo") {
            h.logo = image(f, key);
        } else if (key == "layout") {
            if (!is_string(f)) return values_.wrong_type(f, key, "'angular' or 'centered'", false);
            if (f.value == "angular" || f.value == "centered") h.centered = f.value == "centered";
            else values_.diags().error(f.pos, "'layout' must be 'angular' or 'centered', not '" + f.value + "'");
        }
    });
    return ok ? std::optional(h) : std::nullopt;
}

std::optional<Reference> LetterPartsReader::reference(const YamlNode& v) {
    Reference r;
    r.pos = v.pos;
    const bool ok = fields(v, "reply-to", reference_fields, "reply-to: {number: 12-3/456, date: 2024-03-01}",
                           [&](const std::string& key, const YamlNode& f) {
        if (key == "number") {
            if (auto t = values_.text(f, key)) r.number = *t;
        } else {
            r.date_pos = f.pos;
            r.date = values_.date(f, key);
        }
    });
    return ok ? std::optional(r) : std::nullopt;
}

std::vector<Enclosure> LetterPartsReader::enclosures(const YamlNode& v) {
    std::vector<Enclosure> out;
    if (v.kind != Kind::sequence) {
        values_.wrong_type(v, "enclosures", "a list of titles or {title, sheets, copies}", false);
        return out;
    }
    Pos last = v.pos;
    for (std::size_t k = 0; k < v.items.size(); ++k) {
        const YamlNode& item = v.items[k];
        // A null item stands at the next token, as in an addressee list: the line after the last.
        last = item.kind != Kind::null ? item.pos : k > 0 ? Pos{last.line + 1, last.col} : v.pos;
        if (shows_nothing(item)) {
            values_.diags().error(last, "an item of 'enclosures' is empty", "write the enclosure's title, or remove the item");
            continue;
        }
        Enclosure e;
        e.pos = item.pos;
        if (is_string(item)) {
            e.title = *values_.string(item, "enclosures");
        } else if (item.kind == Kind::mapping) {
            fields(item, "enclosure", enclosure_fields, "- {title: копия устава, sheets: 3}", [&](const std::string& key, const YamlNode& f) {
                if (key == "title") {
                    if (auto t = values_.string(f, key)) e.title = *t;
                } else {
                    const auto n = values_.integer(f, key, 1, max_sheets_or_copies,
                                                   "a whole number from 1 to " + std::to_string(max_sheets_or_copies));
                    (key == "sheets" ? e.sheets : e.copies) = n.value_or(0);
                }
            });
        } else {
            values_.wrong_type(item, "enclosures", "a list of titles or {title, sheets, copies}; this item is neither", false);
            continue;
        }
        out.push_back(std::move(e));
    }
    return out;
}

std::optional<Stamp> LetterPartsReader::stamp(const YamlNode& v) {
    Stamp s;
    s.pos = v.pos;
    stamp_signature_pos_ = v.pos;
    std::optional<ImageRef> file;
    fields(v, "stamp", stamp_fields, "stamp: {image: stamp.png, signature: 1}", [&](const std::string& key, const YamlNode& f) {
        if (key == "image") {
            file = image(f, key);
        } else {
            stamp_signature_pos_ = f.pos;
            s.signature = values_.integer(f, key, 1, max_signature_number, "the number of a signature (1 for the first)").value_or(1);
        }
    });
    if (!file) return std::nullopt;
    s.image = *file;
    return s;
}

std::optional<Executor> LetterPartsReader::executor(const YamlNode& v) {
    Executor x;
    x.pos = v.pos;
    const bool ok = fields(v, "executor", executor_fields, "executor: {name: Иванова Анна Сергеевна, phone: +7 495 000-00-00}",
                           [&](const std::string& key, const YamlNode& f) {
        if (key == "name") {
            if (auto t = values_.string(f, key)) x.name = *t;
        } else if (key == "phone") {
            x.phone = values_.text(f, key);
        } else if (auto t = values_.string(f, key)) {
            if (is_mail_address(t->value)) x.email = *t;
            else values_.diags().error(f.pos, "'email' must be an address like name@example.org, not '" + t->value + "'");
        }
    });
    return ok ? std::optional(x) : std::nullopt;
}

void LetterPartsReader::check_together(const YamlNode& root, const Meta& meta) {
    if (meta.letterhead && !meta.from.empty())
        values_.diags().error(key_node(root, "from")->pos, "the letterhead already names the sender; keep one",
                              "move the sender's lines into letterhead's 'lines', or remove 'from'");
    if (!meta.stamp) return;
    const std::size_t n = meta.signatures.size();
    if (n == 0)
        values_.diags().error(stamp_signature_pos_, "the stamp goes over a signature, but there are no signatures",
                              "add signatures, or remove the stamp");
    else if (static_cast<std::size_t>(meta.stamp->signature) > n)
        values_.diags().error(stamp_signature_pos_, "'signature' is " + std::to_string(meta.stamp->signature) +
                                                        ", but there " + (n == 1 ? "is 1 signature" : "are " + std::to_string(n) + " signatures"));
}

}  // namespace zapros::request
