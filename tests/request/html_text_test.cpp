// Raw HTML's text as a browser shows it: references decoded, blanks collapsed, block-level
// elements as paragraphs and lines, hidden markup left out.
#include <catch2/catch.hpp>

#include "request/html_text.hpp"

using zapros::request::HtmlParagraph;
using zapros::request::HtmlRun;
using zapros::request::NamedEntities;
using Strings = std::vector<std::string>;

namespace {

// One string per paragraph: text as is, "␤" for a line break, " " for a soft break, code in `…`.
Strings shown(std::string_view html) {
    NamedEntities named;
    zapros::request::want_entity_names(html, named);
    named.decode();
    Strings out;
    for (const HtmlParagraph& p : zapros::request::html_text(html, named)) {
        std::string s;
        for (const HtmlRun& r : p) {
            switch (r.kind) {
            case HtmlRun::Kind::text: s += r.text; break;
            case HtmlRun::Kind::preformatted: s += "`" + r.text + "`"; break;
            case HtmlRun::Kind::soft_break: s += " "; break;
            case HtmlRun::Kind::hard_break: s += "␤"; break;
            }
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("tags are left out and the words between them kept", "[html]") {
    CHECK(shown("<div>Слова <b>между</b> тегами</div>\n") == Strings{"Слова между тегами"});
    CHECK(shown("<span>a</span><span>b</span>") == Strings{"ab"});  // inline elements do not part words
}

TEST_CASE("named references decode, all of HTML5's, an unknown one stays as written", "[html][entities]") {
    CHECK(shown("<p>&laquo;a&raquo; &mdash; &copy; &HilbertSpace; &ClockwiseContourIntegral; &ngE; &amp;</p>") ==
          Strings{"«a» — © ℋ ∲ ≧̸ &"});
    CHECK(shown("<p>&nbsp;x&nbsp;</p>") == Strings{"\u00A0x\u00A0"});  // a no-break space is not a blank
    CHECK(shown("<p>&nope; &amp &copy</p>") == Strings{"&nope; &amp &copy"});
    NamedEntities named;
    named.want("nope");
    named.want("copy");
    named.decode();
    CHECK_FALSE(named.find("nope"));
    REQUIRE(named.find("copy"));
    CHECK(*named.find("copy") == "©");
}

TEST_CASE("numeric references decode as HTML does", "[html][entities]") {
    CHECK(shown("<p>&#1041;&#x4E2D;&#X4e2d;&#65</p>") == Strings{"Б中中A"});
    // 0, surrogates and values past U+10FFFF are U+FFFD; 0x80–0x9F are read as Windows-1252.
    CHECK(shown("<p>&#0;&#xD800;&#x110000;&#99999999999;</p>") == Strings{"\uFFFD\uFFFD\uFFFD\uFFFD"});
    // However many digits: 2^32 + 65 is past U+10FFFF, not an "A" wrapped around.
    CHECK(shown("<p>&#4294967361;&#x100000041;</p>") == Strings{"\uFFFD\uFFFD"});
    CHECK(shown("<p>&#128;&#x97;&#x81;</p>") == Strings{"€—\u0081"});
    CHECK(shown("<p>&#; &#x;</p>") == Strings{"&#; &#x;"});
}

TEST_CASE("blanks collapse as in normal flow, a line end into a soft break", "[html]") {
    CHECK(shown("<p>  a \t b\n\n   c  </p>") == Strings{"a b c"});
    CHECK(shown("<p>a&#32;&#32;&#10;b</p>") == Strings{"a b"});  // decoded blanks collapse too
}

TEST_CASE("block-level elements are paragraphs, list items and rows lines, cells apart by a space", "[html]") {
    CHECK(shown("<p>one</p><p>two</p>") == Strings{"one", "two"});
    CHECK(shown("<div>a<div>b</div>c</div>") == Strings{"a", "b", "c"});
    CHECK(shown("<h2>Title</h2>text<hr>more") == Strings{"Title", "text", "more"});
    CHECK(shown("<ul>\n<li>one</li>\n<li>two</li>\n</ul>") == Strings{"one␤two"});
    CHECK(shown("<table>\n<tr><th>A</th><th>B</th></tr>\n<tr><td>1</td><td>2</td></tr>\n</table>") ==
          Strings{"A B␤1 2"});
    CHECK(shown("<dl><dt>term</dt><dd>meaning</dd></dl>") == Strings{"term␤meaning"});
}

TEST_CASE("<br> breaks the line, never twice in a row nor at a paragraph's ends", "[html]") {
    CHECK(shown("<p><br>a<br>b<br><br>c<br></p>") == Strings{"a␤b␤c"});
}

TEST_CASE("<pre> keeps its blanks and its lines", "[html]") {
    CHECK(shown("<pre>\n  x = 1;\n  y  = 2;\n</pre>") == Strings{"`  x = 1;`␤`  y  = 2;`"});
    // Nested, it keeps them until the outer one closes; a stray end tag opens nothing.
    CHECK(shown("<pre>a<pre>b</pre>  c</pre>x  y") == Strings{"`a`", "`b`", "`  c`", "x y"});
    CHECK(shown("</pre>x  y<pre>a  b</pre>") == Strings{"x y", "`a  b`"});
}

TEST_CASE("comments and the contents of script and style never show", "[html]") {
    CHECK(shown("<div>a<!-- hidden -->b<script>var x = 1;</script> c<style>p {}</style></div>") == Strings{"ab c"});
    CHECK(shown("<!-- only a comment -->\n").empty());
}

TEST_CASE("GFM's filtered tags show as written", "[html]") {
    CHECK(shown("<div><title>T</title> <xmp>x</xmp></div>") == Strings{"<title>T</title> <xmp>x</xmp>"});
}

TEST_CASE("each run says where it starts in the HTML", "[html]") {
    NamedEntities none;
    const auto ps = zapros::request::html_text("<p>ab\n  cd</p>\n<p>ef</p>", none);
    REQUIRE(ps.size() == 2);
    REQUIRE(ps[0].size() == 3);
    CHECK(ps[0][0].offset == 3);
    CHECK(ps[0][2].offset == 8);
    CHECK(ps[1][0].offset == 18);
    // Words apart by one blank stay one run; after a tag or more blanks a run starts anew.
    CHECK(zapros::request::html_text("<p>ab cd ef</p>", none).front().size() == 1);
    CHECK(zapros::request::html_text("<p>ab  cd</p>", none).front().size() == 2);
    CHECK(zapros::request::html_text("<p>ab <b>cd</b></p>", none).front().size() == 2);
}

TEST_CASE("each shown character stands at its run's offset plus its index, after tags, references and collapsed blanks", "[html]") {
    // What warnings about a character need: its column in the file.
    for (const std::string html : {"<div>A &amp; <b>B</b>   C\n  D&#x410;E &lt;F&gt;</div>", "<p>x<i>y</i>z &nbsp; w</p>",
                                   "<pre>  a &amp;  b\n c</pre>", "<div>\u0430<b>\u0431</b>&mdash;\u0432</div>"}) {
        INFO(html);
        NamedEntities named;
        zapros::request::want_entity_names(html, named);
        named.decode();
        for (const HtmlParagraph& p : zapros::request::html_text(html, named))
            for (const HtmlRun& r : p) {
                if (r.kind != HtmlRun::Kind::text && r.kind != HtmlRun::Kind::preformatted) continue;
                INFO(r.text << " at " << r.offset);
                // Up to a reference, which stands for its characters and ends the run.
                for (std::size_t j = 0; j < r.text.size() && html[r.offset + j] != '&'; ++j)
                    if (r.text[j] != ' ') CHECK(html[r.offset + j] == r.text[j]);
            }
    }
}

TEST_CASE("names asked for are the references of the shown text only", "[html][entities]") {
    NamedEntities named;
    zapros::request::want_entity_names("&copy;<!-- &reg; --><a title='&trade;'>&hellip;</a>", named);
    named.decode();
    CHECK(named.find("copy"));
    CHECK(named.find("hellip"));
    CHECK_FALSE(named.find("reg"));
    CHECK_FALSE(named.find("trade"));
}

TEST_CASE("a hundred thousand distinct names decode, however cmark's parses are cut", "[html][entities][pathological]") {
    const std::vector<std::pair<std::string, std::string>> known = {
        {"copy", "©"}, {"mdash", "—"}, {"laquo", "«"}, {"raquo", "»"}, {"hellip", "…"}, {"trade", "™"},
        {"euro", "€"}, {"HilbertSpace", "ℋ"}, {"ngE", "≧̸"}, {"alpha", "α"}};
    std::string html = "<p>", expected;
    for (int i = 0; i < 100000; ++i) {
        const std::string unknown = "&x" + std::to_string(i) + ";";
        const auto& [name, text] = known[static_cast<std::size_t>(i) % known.size()];
        html += unknown + "&" + name + ";";
        expected += unknown + text;
    }
    CHECK(shown(html + "</p>") == Strings{expected});
}
