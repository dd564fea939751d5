// The HTML tokenizer: what a browser reads as text, tags and hidden markup, markup that never
// closes read as text, and hostile inputs in one pass.
#include <catch2/catch.hpp>

#include "request/html_tokens.hpp"

using zapros::request::HtmlRole;
using zapros::request::HtmlToken;
using zapros::request::HtmlTokenizer;
using Kind = HtmlToken::Kind;

namespace {

// "T:text", "S:name", "E:name", "H:source" per token.
std::vector<std::string> tokens(std::string_view html) {
    std::vector<std::string> out;
    HtmlTokenizer t(html);
    while (const auto tok = t.next()) {
        switch (tok->kind) {
        case Kind::text: out.push_back("T:" + std::string(tok->source)); break;
        case Kind::start_tag: out.push_back("S:" + tok->name); break;
        case Kind::end_tag: out.push_back("E:" + tok->name); break;
        case Kind::hidden: out.push_back("H:" + std::string(tok->source)); break;
        }
    }
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("tags come apart from text, their names in lower case", "[html]") {
    CHECK(tokens("a<B class=x>b</B >c<br/>") == Strings{"T:a", "S:b", "T:b", "E:b", "T:c", "S:br"});
}

TEST_CASE("a quoted attribute value may hold a '>'", "[html]") {
    CHECK(tokens("<a title=\"1 > 0\" href='>'>x</a>") == Strings{"S:a", "T:x", "E:a"});
}

TEST_CASE("comments, processing instructions, declarations and CDATA are hidden", "[html]") {
    CHECK(tokens("a<!-- c > d -->b<?php echo '>'; ?>c<!DOCTYPE html>d<![CDATA[ x > y ]]>e<!-->f") ==
          Strings{"T:a", "H:<!-- c > d -->", "T:b", "H:<?php echo '>'; ?>", "T:c", "H:<!DOCTYPE html>", "T:d",
                  "H:<![CDATA[ x > y ]]>", "T:e", "H:<!-->", "T:f"});
}

TEST_CASE("a '<' that opens no markup is text", "[html]") {
    CHECK(tokens("1 < 2 <3 </ x> <") == Strings{"T:1 ", "T:< 2 ", "T:<3 ", "T:</ x> ", "T:<"});
}

TEST_CASE("markup that never closes is text, so that no word is lost", "[html]") {
    CHECK(tokens("<div class=x слово") == Strings{"T:<div class=x слово"});
    CHECK(tokens("a<!-- never closed") == Strings{"T:a", "T:<!-- never closed"});
    CHECK(tokens("<? no end") == Strings{"T:<? no end"});
    CHECK(tokens("<![CDATA[ no end") == Strings{"T:<![CDATA[ no end"});
}

TEST_CASE("a quote that never closes ends its tag at the first '>'", "[html]") {
    CHECK(tokens("<a title=\"x>слово</a>") == Strings{"S:a", "T:слово", "E:a"});
}

TEST_CASE("script and style are hidden with their contents", "[html]") {
    CHECK(tokens("a<script type=x>if (a < b) { x = '</p>'; }</SCRIPT >b<style>p{}</style>c") ==
          Strings{"T:a", "H:<script type=x>if (a < b) { x = '</p>'; }</SCRIPT >", "T:b", "H:<style>p{}</style>", "T:c"});
    CHECK(tokens("<script>x</scripts></script>") == Strings{"H:<script>x</scripts></script>"});
}

TEST_CASE("script and style never closed, and GFM's other filtered tags, are text", "[html]") {
    CHECK(tokens("<script>x") == Strings{"T:<script>", "T:x"});
    CHECK(tokens("</style>") == Strings{"T:</style>"});
    CHECK(tokens("<title>T</title><textarea rows=2>") == Strings{"T:<title>", "T:T", "T:</title>", "T:<textarea rows=2>"});
}

TEST_CASE("tags play their part in the layout", "[html]") {
    using zapros::request::html_role;
    CHECK(html_role("br") == HtmlRole::line_break);
    CHECK(html_role("td") == HtmlRole::cell);
    CHECK(html_role("th") == HtmlRole::cell);
    for (const char* name : {"li", "tr", "dt", "dd"}) CHECK(html_role(name) == HtmlRole::line);
    for (const char* name : {"p", "div", "h1", "h6", "blockquote", "pre", "table", "ul", "ol", "dl", "section",
                             "article", "header", "footer", "hr"})
        CHECK(html_role(name) == HtmlRole::paragraph);
    for (const char* name : {"b", "span", "a", "unknown-tag"}) CHECK(html_role(name) == HtmlRole::inline_);
}

TEST_CASE("an inline HTML construct is read as one token", "[html]") {
    using zapros::request::read_inline_html;
    CHECK(read_inline_html("<BR />").name == "br");
    CHECK(read_inline_html("</script>").kind == Kind::end_tag);
    CHECK(read_inline_html("<script>").kind == Kind::start_tag);  // paired by the body reader
    CHECK(read_inline_html("<!-- x -->").kind == Kind::hidden);
}

// Each of these would take hours if a failed search were repeated from every '<'.
TEST_CASE("a hundred thousand unclosed tags, quotes and comments take one pass", "[html][pathological]") {
    std::string tags, quotes, comments, scripts;
    for (int i = 0; i < 100000; ++i) {
        tags += "<a ";
        quotes += "<a x=\">\" y=\"";
        comments += "<!--<?<![CDATA[";
        scripts += "<script><style>";
    }
    CHECK(tokens(tags).size() == 100000);
    CHECK(tokens(quotes).front() == "S:a");
    CHECK(tokens(comments).size() == 300000);
    CHECK(tokens(scripts).size() == 200000);
}

TEST_CASE("a 16 MiB comment and a 16 MiB script are one token each", "[html][pathological]") {
    const std::string inside(16u << 20, 'x');
    CHECK(tokens("<!--" + inside + "-->").size() == 1);
    CHECK(tokens("<script>" + inside + "</script>").size() == 1);
}
