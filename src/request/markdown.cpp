#include "request/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>

#include <mutex>

namespace zapros::request {

namespace {

struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;

}  // namespace

MarkdownTree parse_markdown(std::string_view text, bool tables) {
    // Registering the extensions writes globals: once, before any thread parses.
    static std::once_flag registered;
    std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
    ParserPtr parser(cmark_parser_new(CMARK_OPT_FOOTNOTES | CMARK_OPT_SOURCEPOS));
    for (const char* name : {"table", "autolink", "strikethrough"})
        if (tables || std::string_view(name) != "table")
            cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension(name));
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return MarkdownTree(cmark_parser_finish(parser.get()));
}

std::string literal(cmark_node* n) {
    const char* s = cmark_node_get_literal(n);
    return s ? s : "";
}

}  // namespace zapros::request
