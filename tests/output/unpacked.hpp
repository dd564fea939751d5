#pragma once
// A typeset request's PDF as libharu writes it, before output/pack.cpp packs its objects (no
// standard claimed), for the packer's tests and benchmark. The fonts are cut as the pipeline
// cuts them (cli/pipeline.cpp): every character a run draws, and the space a run ends with.
#include <set>
#include <string>
#include <vector>

#include "base/utf8.hpp"
#include "cli/pipeline.hpp"
#include "output/pdf.hpp"
#include "text/fonts.hpp"

namespace zapros::test {

inline std::string unpacked_pdf(const cli::Typeset& t, const text::Fonts& faces) {
    std::vector<std::set<char32_t>> used(text::font_count());
    for (const page::Page& p : t.pages.pages)
        for (const page::Placed& pl : p.lines)
            for (const para::Run& r : pl.line.runs) {
                for (std::size_t i = 0; i < r.text.size();) used.at(r.font).insert(utf8::next(r.text, i));
                if (r.space_after) used.at(r.font).insert(U' ');
            }
    output::FontData fonts(text::font_count());
    for (std::size_t f = 0; f < used.size(); ++f)
        if (!used[f].empty()) fonts[f] = faces.font(static_cast<text::FontId>(f)).subset({used[f].begin(), used[f].end()});
    return output::write_pdf(t.pages, t.info, fonts, t.images.get(), {.standard = output::Standard::none});
}

}  // namespace zapros::test
