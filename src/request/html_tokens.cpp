#include "request/html_tokens.hpp"

#include <algorithm>
#include <array>

namespace zapros::request {

namespace {

constexpr std::size_t npos = std::string_view::npos;

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

template <std::size_t N>
bool among(std::string_view name, const std::array<std::string_view, N>& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// The elements a browser's style sheet sets apart (HTML Living Standard §15.3.3 "display: block",
// list items and table rows): with margins around them, or on lines of their own.
constexpr auto paragraph_elements = std::to_array<std::string_view>({
    "address", "article", "aside", "blockquote", "body", "center", "details", "dialog", "dir", "div",
    "dl", "fieldset", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "listing", "main", "menu", "nav", "ol", "p", "pre", "search", "section",
    "table", "ul"});
constexpr auto line_elements = std::to_array<std::string_view>({
    "li", "dt", "dd", "tr", "caption", "thead", "tbody", "tfoot", "figcaption", "legend", "summary", "option", "optgroup"});
constexpr auto filtered_elements = std::to_array<std::string_view>({
    "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"});

// s.find(needle, from) ignoring ASCII case; needle in lower case.
std::size_t find_folded(std::string_view s, std::string_view needle, std::size_t from) {
    for (std::size_t at = from; at + needle.size() <= s.size(); ++at) {
        std::size_t k = 0;
        while (k < needle.size() && lower(s[at + k]) == needle[k]) ++k;
        if (k == needle.size()) return at;
    }
    return npos;
}

}  // namespace

HtmlRole html_role(std::string_view name) {
    if (name == "br") return HtmlRole::line_break;
    if (name == "td" || name == "th") return HtmlRole::cell;
    if (among(name, line_elements)) return HtmlRole::line;
    if (among(name, paragraph_elements)) return HtmlRole::paragraph;
    return HtmlRole::inline_;
}

bool gfm_filters(std::string_view name) { return among(name, filtered_elements); }
bool hides_contents(std::string_view name) { return name == "script" || name == "style"; }

HtmlTokenizer::HtmlTokenizer(std::string_view html)
    : html_(html), last_gt_(html.rfind('>')), last_dquote_(html.rfind('"')), last_squote_(html.rfind('\'')) {}

HtmlToken HtmlTokenizer::token(HtmlToken::Kind kind, std::size_t at, std::size_t end, std::string name) const {
    return HtmlToken{kind, at, html_.substr(at, end - at), std::move(name)};
}

std::optional<HtmlToken> HtmlTokenizer::next() {
    if (at_ >= html_.size()) return std::nullopt;
    std::optional<HtmlToken> t;
    if (html_[at_] == '<') t = markup(at_);
    if (t && (t->kind == HtmlToken::Kind::start_tag || t->kind == HtmlToken::Kind::end_tag) && gfm_filters(t->name)) {
        const bool opens = t->kind == HtmlToken::Kind::start_tag;
        // <script> and <style> hide what they hold, when they are closed; other filtered tags, and
        // those two unclosed or stray, print as written, as GFM's tag filter has them shown.
        const std::size_t end = t->offset + t->source.size();
        const std::size_t close = opens && hides_contents(t->name) ? close_tag(t->name, end) : npos;
        if (close == npos) {
            t->kind = HtmlToken::Kind::text;
        } else {
            const std::size_t close_end = tag_end(close + 2 + t->name.size());
            *t = token(HtmlToken::Kind::hidden, t->offset, close_end == npos ? html_.size() : close_end, t->name);
        }
    }
    if (!t) {  // text up to the next '<' (this one, opening nothing, is text)
        const std::size_t end = std::min(html_.find('<', at_ + 1), html_.size());
        t = token(HtmlToken::Kind::text, at_, end);
    }
    at_ = t->offset + t->source.size();
    return t;
}

// The markup starting with the '<' at `at`, or nothing when it opens none or never closes.
std::optional<HtmlToken> HtmlTokenizer::markup(std::size_t at) {
    const std::string_view rest = html_.substr(at);
    const auto hidden_to = [&](std::string_view end_mark, std::size_t from, Search& search) -> std::optional<HtmlToken> {
        const std::size_t end = find_end(end_mark, from, search);
        if (end == npos) return std::nullopt;
        return token(HtmlToken::Kind::hidden, at, end + end_mark.size());
    };
    if (rest.starts_with("<!-->")) return token(HtmlToken::Kind::hidden, at, at + 5);  // HTML: empty comments
    if (rest.starts_with("<!--->")) return token(HtmlToken::Kind::hidden, at, at + 6);
    if (rest.starts_with("<!--")) return hidden_to("-->", at + 4, comment_end_);
    if (rest.starts_with("<![CDATA[")) return hidden_to("]]>", at + 9, cdata_end_);
    if (rest.starts_with("<?")) return hidden_to("?>", at + 2, pi_end_);
    // Past the last '>' nothing closes: checked first, so every scan below ends at a '>'.
    if (last_gt_ == npos || last_gt_ <= at) return std::nullopt;
    if (rest.starts_with("<!")) return token(HtmlToken::Kind::hidden, at, html_.find('>', at) + 1);  // <!DOCTYPE …>
    const bool closing = rest.size() > 1 && rest[1] == '/';
    const std::size_t name_start = at + (closing ? 2 : 1);
    if (name_start >= html_.size() || !ascii_letter(html_[name_start])) return std::nullopt;
    std::size_t name_end = name_start;
    std::string name;
    for (; name_end < html_.size() && !html_space(html_[name_end]) && html_[name_end] != '/' && html_[name_end] != '>'; ++name_end)
        name += lower(html_[name_end]);
    return token(closing ? HtmlToken::Kind::end_tag : HtmlToken::Kind::start_tag, at, tag_end(name_end), std::move(name));
}

// Past the '>' that ends a tag whose attributes start at i; npos when none does. A quoted value
// ("…", '…' after '=') may hold a '>'. A quote that never closes turns quotes off for good (a
// browser would swallow the rest of the block): the tag then ends at its first '>'.
std::size_t HtmlTokenizer::tag_end(std::size_t i) {
    if (last_gt_ == npos || last_gt_ < i) return npos;
    const std::size_t start = i;
    while (quotes_ && i < html_.size()) {
        if (html_[i] == '>') return i + 1;
        if (html_[i++] != '=') continue;
        while (i < html_.size() && html_space(html_[i])) ++i;
        if (i == html_.size() || (html_[i] != '"' && html_[i] != '\'')) continue;
        if (i == (html_[i] == '"' ? last_dquote_ : last_squote_)) break;
        i = html_.find(html_[i], i + 1) + 1;
    }
    quotes_ = false;
    return html_.find('>', start) + 1;
}

// The first end_mark at or after from.
std::size_t HtmlTokenizer::find_end(std::string_view end_mark, std::size_t from, Search& search) {
    if (search.still_answers(from)) return search.at;
    search = {html_.find(end_mark, from), true};
    return search.at;
}

// Where "</name" closes a <script> or <style> whose contents start at from (the name followed by
// a blank, '/' or '>', in any case), or npos.
std::size_t HtmlTokenizer::close_tag(std::string_view name, std::size_t from) {
    Search& search = name == "script" ? script_end_ : style_end_;
    if (search.still_answers(from)) return search.at;
    const std::string mark = "</" + std::string(name);
    std::size_t at = find_folded(html_, mark, from);
    for (; at != npos; at = find_folded(html_, mark, at + 1)) {
        const std::size_t after = at + mark.size();
        if (after == html_.size() || html_space(html_[after]) || html_[after] == '/' || html_[after] == '>') break;
    }
    search = {at, true};
    return at;
}

HtmlToken read_inline_html(std::string_view literal) {
    HtmlTokenizer t(literal);
    if (!literal.empty() && literal[0] == '<')
        if (auto m = t.markup(0)) return *m;
    return HtmlToken{HtmlToken::Kind::text, 0, literal, {}};
}

}  // namespace zapros::request
