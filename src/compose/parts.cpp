// The official letter's parts around the text (GOST R 7.0.97): the letterhead, the
// registration number and the letter answered, the salutation, the enclosures, the executor.
#include <algorithm>

#include "compose/composer.hpp"
#include "compose/labels.hpp"

namespace zapros::compose {

void Composer::letterhead(Header& h) const {
    const request::Meta& meta = req_.meta;
    if (!meta.letterhead) return;
    const request::Letterhead& lh = *meta.letterhead;
    // Angular: the sender's column from its top; centred: a banner across the measure, the
    // requisites under it.
    const Align align = lh.centered ? Align::center : Align::left;
    std::vector<Paragraph>& out = lh.centered ? h.banner : h.sender;
    const Sp width = lh.centered ? style_.measure() : h.sender_width;
    if (lh.logo) {
        h.logo = picture(*lh.logo, width, style_.logo_height, false);
        if (h.logo) {
            h.logo->alt = picture_alt(labels(meta.lang).logo, lh.name.value);
            h.logo->align = align;
            h.logo->space_after = style_.logo_gap;
            h.logo->tag = tags_->figure(h.logo->alt, Tagger::document);
        }
    }
    if (!lh.name.value.empty()) {
        out.push_back(plain(lh.name.value, Face::serif_bold, style_.letterhead_name_size, style_.letterhead_name_size * 7 / 6,
                            align, lh.name.pos));
        tags_->block(out.back(), Role::p, Tagger::document);
    }
    for (const request::Text& t : lh.lines) {
        out.push_back(plain(t.value, Face::serif, style_.sender_size, style_.sender_leading, align, t.pos));
        tags_->block(out.back(), Role::p, Tagger::document);
    }
    if (lh.centered && !h.banner.empty()) h.banner.back().space_after = style_.letterhead_after;
}

std::vector<Paragraph> Composer::registration() const {
    const request::Meta& meta = req_.meta;
    const Labels& words = labels(meta.lang);
    std::vector<Paragraph> out;
    auto add = [&](const std::string& text, Pos pos) {
        out.push_back(plain(text, Face::serif, style_.sender_size, style_.sender_leading, Align::left, pos));
    };
    if (meta.number)
        add(format_reference(words.number, meta.number->value, meta.date ? &*meta.date : nullptr, meta.lang), meta.number->pos);
    if (meta.reply_to) {
        const request::Reference& r = *meta.reply_to;
        add(format_reference(words.reply_to, r.number.value, r.date ? &*r.date : nullptr, meta.lang), r.number.pos);
    }
    if (!out.empty()) out.front().space_before = style_.number_before;
    return out;
}

std::optional<Paragraph> Composer::opening() const {
    const request::Meta& meta = req_.meta;
    if (!meta.opening) return std::nullopt;
    Paragraph p = plain(meta.opening->value, Face::serif, style_.body_size, style_.body_leading, Align::center,
                        meta.opening->pos);
    p.space_after = style_.opening_after;
    p.keep_with_next = true;
    tags_->block(p, Role::p, Tagger::document);
    return p;
}

void Composer::enclosures(std::vector<Block>& out) const {
    const request::Meta& meta = req_.meta;
    if (meta.enclosures.empty()) return;
    const Labels& words = labels(meta.lang);
    const Sp size = style_.body_size, leading = style_.body_leading;
    auto entry = [&](const request::Enclosure& e) {
        return e.title.value + enclosure_extent(e.sheets, e.copies, meta.lang);
    };
    if (meta.enclosures.size() == 1) {
        // "Приложение: …", a wrapped title hanging under its first word.
        const request::Enclosure& e = meta.enclosures.front();
        Paragraph p = plain(std::string(words.enclosure) + " " + entry(e), Face::serif, size, leading, Align::left, e.pos);
        p.hang = text_width(std::string(words.enclosure) + " ", Face::serif, size);
        p.space_before = style_.enclosure_before;
        tags_->block(p, Role::p, Tagger::document);
        out.push_back(std::move(p));
        return;
    }
    Paragraph head = plain(std::string(words.enclosures), Face::serif, size, leading, Align::left, meta.enclosures.front().pos);
    head.space_before = style_.enclosure_before;
    head.keep_with_next = true;
    tags_->block(head, Role::p, Tagger::document);
    out.push_back(std::move(head));
    // L > LI > [Lbl, LBody > P], numbered as the list of a Markdown "1." is.
    const int list = tags_->add(Role::l, Tagger::document);
    tags_->at(list).numbering = Numbering::decimal;
    // Numbered as a list: the numbers at the margin, each title hanging after the widest.
    const std::string last = std::to_string(meta.enclosures.size()) + ".";
    const Sp indent = std::max(style_.list_indent, text_width(last, Face::serif, size) + style_.list_label_gap);
    for (std::size_t i = 0; i < meta.enclosures.size(); ++i) {
        const request::Enclosure& e = meta.enclosures[i];
        Paragraph p = plain(entry(e), Face::serif, size, leading, Align::left, e.title.pos);
        const int item = tags_->add(Role::li, list);
        const int lbl = tags_->add(Role::lbl, item);
        tags_->block(p, Role::p, tags_->add(Role::lbody, item));
        p.left = indent;
        p.tight = true;
        p.labels.push_back(Label{Span{.text = std::to_string(i + 1) + ".", .face = Face::serif, .size = size,
                                      .marker = true, .pos = e.pos, .tag = tags_->next(lbl)},
                                 0});
        // In place: GCC 12 misreads a Paragraph moved into the variant (-Wmaybe-uninitialized).
        out.emplace_back(std::in_place_type<Paragraph>, std::move(p));
    }
}

// One line each, as GOST R 7.0.97's example shows the executor's note (the name, then the
// phone; the e-mail after them), with no labels: the reader recognises each.
std::vector<Paragraph> Composer::executor() const {
    const request::Meta& meta = req_.meta;
    std::vector<Paragraph> out;
    if (!meta.executor) return out;
    const request::Executor& ex = *meta.executor;
    auto add = [&](const request::Text& t) {
        out.push_back(plain(t.value, Face::serif, style_.executor_size, style_.executor_leading, Align::left, t.pos));
        tags_->block(out.back(), Role::p, Tagger::document);
    };
    add(ex.name);
    if (ex.phone) add(*ex.phone);
    if (ex.email) add(*ex.email);
    return out;
}

}  // namespace zapros::compose
