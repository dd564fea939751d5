#include "compose/letter.hpp"

#include "compose/composer.hpp"
#include "compose/labels.hpp"

namespace zapros::compose {

Document letter(const request::Request& req, const text::Fonts& fonts, image::Images& images, Diagnostics& diags,
                const Style& style) {
    return Composer(req, fonts, images, diags, style).compose();
}

Document letter(const request::Request& req, const text::Fonts& fonts, Diagnostics& diags, const Style& style) {
    image::Images images;
    return letter(req, fonts, images, diags, style);
}

Document Composer::compose() {
    const request::Meta& meta = req_.meta;
    Document doc;
    doc.style = style_;
    doc.lang = meta.lang;
    doc.repeat_hyphen = meta.repeat_hyphen;
    Tagger tagger(doc.structure, meta.lang);
    tags_ = &tagger;

    doc.blocks.push_back(header());
    doc.blocks.push_back(title());
    if (auto p = opening()) doc.blocks.push_back(std::move(*p));
    Context body;
    body.size = style_.body_size;
    body.leading = style_.body_leading;
    body.parindent = style_.parindent;
    blocks(req_.blocks, body, doc.blocks);
    doc.text_end = doc.blocks.size();
    enclosures(doc.blocks);
    Closing c = closing();
    tag_closing(c);
    doc.blocks.push_back(std::move(c));
    doc.foot = executor();
    for (const request::Note& n : req_.notes) doc.notes.push_back(note(n));
    tags_ = nullptr;

    auto finish = [this](std::vector<Span>& spans) {
        smarten(spans);
        check_glyphs(spans);
    };
    for (Block& b : doc.blocks) for_each_spans(b, finish);
    for (Note& n : doc.notes)
        for (Block& b : n.blocks) for_each_spans(b, finish);
    for (Paragraph& p : doc.foot) finish(p.spans);

    doc.info.title = meta.title.value;
    if (!meta.signatures.empty() && !meta.signatures.front().name.value.empty())
        doc.info.author = meta.signatures.front().name.value;
    else if (!meta.from.empty())
        doc.info.author = meta.from.front().value.substr(0, meta.from.front().value.find('\n'));
    std::string to;
    for (const request::Addressee& a : meta.to) to += (to.empty() ? "" : "; ") + a.name.value.substr(0, a.name.value.find('\n'));
    doc.info.subject = std::string(labels(meta.lang).subject) + ": " + to;
    return doc;
}

std::string text_of(const Document& doc) {
    std::string out;
    auto add = [&out](const std::vector<Span>& spans) {
        for (const Span& s : spans) out.append(s.text) += '\n';
    };
    for (const Block& b : doc.blocks) for_each_spans(b, add);
    for (const Note& n : doc.notes)
        for (const Block& b : n.blocks) for_each_spans(b, add);
    for (const Paragraph& p : doc.foot) add(p.spans);
    return out;
}

// A paragraph of front-matter text: each of its lines a line of the block.
Paragraph Composer::plain(const std::string& text, Face face, Sp size, Sp leading, Align align, Pos pos) const {
    Paragraph p;
    p.align = align;
    p.size = size;
    p.leading = leading;
    p.hyphenate = false;
    p.lang = req_.meta.lang;
    p.pos = pos;
    std::size_t start = 0;
    int line = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (line > 0) p.spans.push_back(Span{.face = face, .size = size, .line_break = true});
        Span s;
        s.text = text.substr(start, end - start);
        s.face = face;
        s.size = size;
        s.pos = {pos.line + (line > 0 ? line : 0), line > 0 ? 1 : pos.col};
        if (!s.text.empty()) p.spans.push_back(std::move(s));
        start = end + 1;
        ++line;
    }
    return p;
}

Header Composer::header() const {
    const request::Meta& meta = req_.meta;
    Header h;
    h.zone_left = style_.measure() - style_.addressee_width;
    h.sender_width = h.zone_left - style_.header_gap;
    // Built in the order they are read, whatever their places: the letterhead, the sender, the
    // requisites set under it (the number, the letter answered), then the addressees, as the
    // text twin (output/text.cpp) reads them.
    letterhead(h);
    std::string from;
    for (const request::Text& t : meta.from) from += (from.empty() ? "" : "\n") + t.value;
    if (!meta.from.empty()) {
        Paragraph p = plain(from, Face::serif, style_.sender_size, style_.sender_leading, Align::left, meta.from.front().pos);
        tags_->lines(p, tags_->add(Role::div, Tagger::document));
        h.sender.push_back(std::move(p));
    }
    std::vector<Paragraph> requisites = registration();
    for (Paragraph& p : requisites) tags_->block(p, Role::p, Tagger::document);
    const int addressees = meta.to.empty() ? -1 : tags_->add(Role::div, Tagger::document);
    for (std::size_t i = 0; i < meta.to.size(); ++i) {
        const request::Addressee& a = meta.to[i];
        Paragraph p = plain(a.name.value, Face::serif, style_.body_size, style_.addressee_leading, Align::left, a.name.pos);
        if (a.address) {  // the postal address under the name, its lines at their own places
            Paragraph address = plain(a.address->value, Face::serif, style_.body_size, style_.addressee_leading,
                                      Align::left, a.address->pos);
            p.spans.push_back(Span{.face = Face::serif, .size = style_.body_size, .line_break = true});
            p.spans.insert(p.spans.end(), address.spans.begin(), address.spans.end());
        }
        if (i + 1 < meta.to.size()) p.space_after = style_.addressee_gap;
        tags_->block(p, Role::p, addressees);
        h.addressees.push_back(std::move(p));
    }
    for (Paragraph& p : requisites) h.sender.push_back(std::move(p));
    return h;
}

Paragraph Composer::title() const {
    const request::Text& t = req_.meta.title;
    Paragraph p = plain(t.value, Face::serif_bold, style_.title_size, style_.body_leading, Align::center, t.pos);
    p.space_before = style_.title_before;
    p.space_after = style_.title_after;
    tags_->at(tags_->block(p, Role::h, Tagger::document)).level = 1;
    return p;
}

Closing Composer::closing() const {
    const request::Meta& meta = req_.meta;
    const Labels& words = labels(meta.lang);
    Closing c;
    c.space_before = style_.signature_before;
    c.row_gap = style_.signature_gap;
    c.date_before = style_.date_before;
    c.line_width = style_.signature_line;
    // A line to write on: underscores, so that it also reads as a blank in extracted text.
    const int underscore = fonts_.get(Face::serif).advance(U'_');
    const Sp per = thousandths_of(underscore, style_.body_size);
    const int count = per > 0 ? static_cast<int>(style_.signature_line / per) : 1;
    c.line = Span{.text = std::string(static_cast<std::size_t>(count), '_'), .face = Face::serif, .size = style_.body_size};

    for (const request::Signature& sig : meta.signatures) {
        SignatureRow row;
        row.role = plain(sig.role.value, Face::serif, style_.body_size, style_.body_leading, Align::left, sig.role.pos);
        if (!sig.name.value.empty())
            row.name.push_back(Span{.text = sig.name.value, .face = Face::serif, .size = style_.body_size, .pos = sig.name.pos});
        c.rows.push_back(std::move(row));
    }
    signature_images(c.rows);
    if (meta.closing) {
        c.courtesy = plain(meta.closing->value, Face::serif, style_.body_size, style_.body_leading, Align::left,
                           meta.closing->pos);
        c.courtesy->space_before = style_.courtesy_before;
    }

    const std::string blank = c.line.text;
    std::string text;
    Pos pos = meta.date_pos;
    if (meta.number) {
        // The date stands in the registration number (GOST R 7.0.97): here the place alone.
        if (meta.place) c.date_place = plain(meta.place->value, Face::serif, style_.body_size, style_.body_leading,
                                             Align::left, meta.place->pos);
        return c;
    }
    if (meta.date && meta.place)
        text = format_date(*meta.date, meta.lang) + ", " + meta.place->value;
    else if (meta.date)
        text = format_date(*meta.date, meta.lang) + ", " + std::string(words.place) + ": " + blank;
    else if (meta.place)
        text = std::string(words.date) + ": " + blank + ", " + meta.place->value, pos = meta.place->pos;
    else
        text = std::string(words.date_place) + ": " + blank + blank;
    c.date_place = plain(text, Face::serif, style_.body_size, style_.body_leading, Align::left, pos);
    return c;
}

// The signature line is drawn, never read: "______ / Name" reads as the name.
void Composer::tag_closing(Closing& c) const {
    c.line.tag = Tagger::artifact(Tag::Artifact::layout);
    if (c.courtesy) tags_->block(*c.courtesy, Role::p, Tagger::document);
    const int div = c.rows.empty() ? -1 : tags_->add(Role::div, Tagger::document);
    for (SignatureRow& row : c.rows) {
        tags_->content(row.name, tags_->block(row.role, Role::p, div));
        for (std::optional<Figure>* f : {&row.scan, &row.stamp})
            if (*f) (*f)->tag = tags_->figure((*f)->alt, div);
    }
    if (!c.date_place.spans.empty()) tags_->block(c.date_place, Role::p, Tagger::document);
}

Note Composer::note(const request::Note& n) {
    Note out;
    out.number = n.number;
    out.pos = n.pos;
    // Note > [Lbl (its number), its blocks], at its first mark.
    const int element = tags_->note(n.number);
    const int lbl = tags_->add(Role::lbl, element);
    Context ctx;
    ctx.size = style_.note_size;
    ctx.leading = style_.note_leading;
    ctx.parent = element;
    in_note_ = true;
    blocks(n.blocks, ctx, out.blocks);
    in_note_ = false;
    if (out.blocks.empty() || !std::holds_alternative<Paragraph>(out.blocks.front())) {
        Paragraph p;
        p.size = ctx.size;
        p.leading = ctx.leading;
        p.lang = req_.meta.lang;
        p.pos = n.pos;
        out.blocks.insert(out.blocks.begin(), std::move(p));
    }
    // The note starts with its number on the baseline, tied to the first word: raised, it would
    // read as a line of its own in extracted text (the model letter reads "2 http://…").
    Paragraph& first = std::get<Paragraph>(out.blocks.front());
    first.first = 0;
    first.spans.insert(first.spans.begin(),
                       Span{.text = std::to_string(n.number) + "\u00A0", .face = Face::serif, .size = ctx.size, .pos = n.pos,
                            .tag = tags_->next(lbl)});
    return out;
}

}  // namespace zapros::compose
