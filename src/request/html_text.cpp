#include "request/html_text.hpp"

#include <algorithm>

#include "request/html_tokens.hpp"

namespace zapros::request {

namespace {

// Lays the shown characters out in paragraphs, lines and runs, the way CSS's normal flow does:
// a run of blanks is one space, none at a line's start or end; in <pre> blanks stay and each
// line end breaks the line.
class TextLayout {
public:
    explicit TextLayout(const NamedEntities& named) : named_(named) {}

    void text(std::string_view s, std::size_t offset) {
        for (std::size_t i = 0; i < s.size();) {
            reference_.clear();
            if (const std::size_t n = s[i] == '&' ? read_reference(s, i, named_, reference_) : 0) {
                // A decoded blank collapses too; the text after it starts a run of its own, so
                // that each run's offset gives its characters' columns.
                for (std::size_t k = 0; k < reference_.size(); ++k) put(reference_[k], offset + i, k > 0);
                i += n;
            } else {
                put(s[i], offset + i);
                ++i;
            }
        }
    }

    void tag(const HtmlToken& t) {
        switch (html_role(t.name)) {
        case HtmlRole::inline_:
            break;
        case HtmlRole::cell:
            blank_ = true;
            break;
        case HtmlRole::line:
        case HtmlRole::line_break:
            line_break();
            break;
        case HtmlRole::paragraph:
            paragraph_break();
            if (t.name == "pre") pre_ = t.kind == HtmlToken::Kind::start_tag ? pre_ + 1 : std::max(pre_ - 1, 0);
            break;
        }
    }

    std::vector<HtmlParagraph> finish() {
        paragraph_break();
        return std::move(paragraphs_);
    }

private:
    bool line_has_text() const { return !runs_.empty() && runs_.back().kind != HtmlRun::Kind::hard_break; }

    // glued: the byte continues the one before it in the run (a reference's decoded bytes).
    void put(char c, std::size_t offset, bool glued = false) {
        if (pre_ > 0) {
            if (c == '\n') return line_break();
            return append(HtmlRun::Kind::preformatted, c, offset, glued);
        }
        if (html_space(c)) {
            blank_ = true;
            blank_held_line_end_ |= c == '\n';
            return;
        }
        if (blank_ && line_has_text()) {
            if (blank_held_line_end_) {
                runs_.push_back({HtmlRun::Kind::soft_break, {}, offset});
            } else {
                runs_.back().text += ' ';
                if (offset == run_end_ + 1) run_end_ = offset;  // one blank, one space: the columns agree
            }
        }
        blank_ = blank_held_line_end_ = false;
        append(HtmlRun::Kind::text, c, offset, glued);
    }

    // A byte of shown text. Where the source skipped something since the run's last byte (a
    // tag, blanks collapsed, a reference), a new run starts at the byte's own offset.
    void append(HtmlRun::Kind kind, char c, std::size_t offset, bool glued) {
        if (runs_.empty() || runs_.back().kind != kind || (!glued && offset != run_end_)) runs_.push_back({kind, {}, offset});
        runs_.back().text += c;
        if (!glued) run_end_ = offset + 1;
    }

    void line_break() {
        if (line_has_text()) runs_.push_back({HtmlRun::Kind::hard_break, {}, 0});
        blank_ = blank_held_line_end_ = false;
    }

    void paragraph_break() {
        if (!runs_.empty() && runs_.back().kind == HtmlRun::Kind::hard_break) runs_.pop_back();
        if (!runs_.empty()) paragraphs_.push_back(std::move(runs_));
        runs_.clear();
        blank_ = blank_held_line_end_ = false;
    }

    const NamedEntities& named_;
    std::vector<HtmlParagraph> paragraphs_;
    HtmlParagraph runs_;       // the paragraph being laid out
    bool blank_ = false;       // blanks seen since the last shown character
    bool blank_held_line_end_ = false;
    int pre_ = 0;              // open <pre> elements
    std::size_t run_end_ = 0;  // the source offset just after the last run's last byte
    std::string reference_;    // a decoded reference (kept to reuse its memory)
};

}  // namespace

std::vector<HtmlParagraph> html_text(std::string_view html, const NamedEntities& named) {
    TextLayout layout(named);
    HtmlTokenizer tokens(html);
    while (const auto t = tokens.next()) {
        switch (t->kind) {
        case HtmlToken::Kind::text:
            layout.text(t->source, t->offset);
            break;
        case HtmlToken::Kind::start_tag:
        case HtmlToken::Kind::end_tag:
            layout.tag(*t);
            break;
        case HtmlToken::Kind::hidden:
            break;
        }
    }
    return layout.finish();
}

void want_entity_names(std::string_view html, NamedEntities& named) {
    HtmlTokenizer tokens(html);
    while (const auto t = tokens.next()) {
        if (t->kind != HtmlToken::Kind::text) continue;
        for (std::size_t at = t->source.find('&'); at != std::string_view::npos; at = t->source.find('&', at + 1))
            if (const std::string_view name = entity_name_at(t->source, at); !name.empty()) named.want(name);
    }
}

}  // namespace zapros::request
