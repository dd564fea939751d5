// The golden trace quotes a run's text so that a quote or a backslash in it cannot be read as
// the end of the text.
#include <catch2/catch.hpp>

#include "output/pdf.hpp"

using namespace zapros;

TEST_CASE("the trace escapes quotes and backslashes in a run's text", "[trace]") {
    page::Pages pages;
    page::Page& p = pages.pages.emplace_back();
    p.number = 1;
    para::Line line;
    line.runs.push_back(para::Run{.text = "a\"b\\c", .size = pt(12)});
    p.lines.push_back({0, 0, line});
    CHECK(output::write_trace(pages).find(" \"a\\\"b\\\\c\"\n") != std::string::npos);
}
