// What zapros says about its own run: exit 0 on a valid request, no overfull line; and the
// one excuse for a .notdef glyph, a warning that named its character.
#include <set>

#include "base/utf8.hpp"
#include "evidence.hpp"

namespace zapros::property {

std::string name_of(Invariant invariant) {
    switch (invariant) {
    case Invariant::exit_status: return "zapros exits 0";
    case Invariant::overfull: return "no overfull line";
    case Invariant::zone: return "every glyph inside its zone";
    case Invariant::overlap: return "no two glyph boxes overlapping";
    case Invariant::words: return "every source word present, in order";
    case Invariant::note_page: return "every note on its mark's page";
    case Invariant::notdef: return "no .notdef glyph unless warned";
    case Invariant::image: return "every image in its zone, its caption under it";
    }
    return "?";
}

std::vector<Failure> check_render(const Outcome& render) {
    std::vector<Failure> out;
    if (render.timed_out) out.push_back({Invariant::exit_status, "timeout", "zapros did not finish in time"});
    else if (render.status != 0)
        out.push_back({Invariant::exit_status, "exit " + std::to_string(render.status), "zapros exited " + std::to_string(render.status) + ":\n" + render.err.substr(0, 2000)});
    Evidence overfull;
    for (std::size_t start = 0; start < render.err.size();) {
        std::size_t end = render.err.find('\n', start);
        if (end == std::string::npos) end = render.err.size();
        const std::string line = render.err.substr(start, end - start);
        if (line.find("overfull") != std::string::npos) overfull.add("overfull warning", line);
        start = end + 1;
    }
    overfull.into(out, Invariant::overfull);
    return out;
}

std::vector<Failure> check_notdef(const std::vector<PdfPage>& pages, const std::string& warnings) {
    std::set<char32_t> warned;
    std::size_t unnamed = 0;  // .notdef glyphs read back as U+FFFD that warnings may account for
    for (std::size_t at = 0; (at = warnings.find("character U+", at)) != std::string::npos; at += 12) {
        const std::size_t end = warnings.find('\n', at);
        if (warnings.substr(at, end == std::string::npos ? std::string::npos : end - at).find("is in none of zapros's fonts") != std::string::npos) {
            warned.insert(static_cast<char32_t>(std::strtoul(warnings.c_str() + at + 12, nullptr, 16)));
            ++unnamed;
        }
    }
    // zapros maps no character to .notdef (it would give the wrong one back for all but one), so
    // mutool reads each as U+FFFD: one warning excuses one of them.
    Evidence ev;
    for (const PdfPage& page : pages)
        for (std::size_t i = 0; i < page.glyphs.size(); ++i)
            if (page.glyphs[i].id == 0 && !warned.count(page.glyphs[i].ch) && !(page.glyphs[i].ch == 0xFFFD && unnamed > 0 && unnamed--))
                ev.add(".notdef drawn", "page " + std::to_string(page.number) + ": .notdef for " + describe(page.glyphs[i]) + " " + context_of(page, i) +
                       (warned.empty() ? ", with no warning" : ", not among the characters warned about"));
    std::vector<Failure> out;
    ev.into(out, Invariant::notdef);
    return out;
}

}  // namespace zapros::property
