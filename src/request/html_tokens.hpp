#pragma once
// Inside request/: raw HTML cut into what decides the text a browser shows (a simplified HTML
// Living Standard §13.2.5 tokenizer): text, start and end tags with lower-case names, and markup a
// browser never shows. Markup that never closes (a '<' with no '>' after it, a comment without
// "-->") prints as text, so that no word is lost to a typo. Linear in the input, however many
// tags stay open: every search either consumes what it reads or, failing, fails for good.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace zapros::request {

// HTML's ASCII whitespace (§2.3.1 of the Living Standard's infrastructure) and ASCII letters.
inline bool html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
inline bool ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct HtmlToken {
    enum class Kind {
        text,       // shown: character data, a '<' that opens nothing, or a tag GFM's tag filter escapes
        start_tag,  // name
        end_tag,    // name
        hidden,     // a comment, processing instruction, declaration, CDATA section, or a <script> or
                    // <style> element with its contents
    };
    Kind kind = Kind::text;
    std::size_t offset = 0;   // of its first byte
    std::string_view source;  // its bytes
    std::string name;         // a tag's name in lower case
};

// What a tag does to the text around it, as a browser lays it out.
enum class HtmlRole {
    inline_,     // nothing (<b>, <a>, <span>, unknown tags)
    cell,        // a space between table cells (<td>, <th>)
    line,        // a line of its own (<li>, <tr>, <dt>, <dd>, …)
    paragraph,   // a block apart (<p>, <div>, headings, <table>, lists, <pre>, <hr>, …)
    line_break,  // <br>
};
HtmlRole html_role(std::string_view name);

// GFM's tag filter (spec §6.11) escapes these tags' '<': a browser shows them as written.
bool gfm_filters(std::string_view name);
// <script> and <style>: a browser never shows their contents.
bool hides_contents(std::string_view name);

// The tag an inline HTML construct (cmark-gfm's html_inline node: one tag, comment, processing
// instruction, declaration or CDATA section) is.
HtmlToken read_inline_html(std::string_view literal);

class HtmlTokenizer {
public:
    explicit HtmlTokenizer(std::string_view html);
    std::optional<HtmlToken> next();

private:
    friend HtmlToken read_inline_html(std::string_view literal);

    // A forward search's last answer. Searches come with growing `from`: an answer still ahead of
    // `from` stands (nothing lies between), and "not found" stands for good.
    struct Search {
        std::size_t at = 0;
        bool done = false;
        bool still_answers(std::size_t from) const { return done && (at == std::string_view::npos || at >= from); }
    };

    std::optional<HtmlToken> markup(std::size_t at);
    std::size_t tag_end(std::size_t attributes);
    std::size_t close_tag(std::string_view name, std::size_t from);
    std::size_t find_end(std::string_view end_mark, std::size_t from, Search& search);
    HtmlToken token(HtmlToken::Kind kind, std::size_t at, std::size_t end, std::string name = {}) const;

    std::string_view html_;
    std::size_t at_ = 0;
    std::size_t last_gt_;                    // the last '>' (npos: none): a tag after it never closes
    std::size_t last_dquote_, last_squote_;  // the last '"' and '\'': a value opened there never closes
    bool quotes_ = true;                     // quoted attribute values count (until one never closes)
    Search comment_end_, pi_end_, cdata_end_, script_end_, style_end_;
};

}  // namespace zapros::request
