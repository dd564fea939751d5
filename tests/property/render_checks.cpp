// What zapros says about its own run: exit 0 on a valid request, no overfull line; and no
// .notdef glyph, whatever it warned about.
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
    case Invariant::notdef: return "no .notdef glyph";
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

// A character no font has prints as a placeholder glyph (para/build.cpp), warned about or not:
// .notdef is drawn for nothing (PDF/A-2 6.2.11.8, PDF/UA-1 7.21.8).
std::vector<Failure> check_notdef(const std::vector<PdfPage>& pages) {
    Evidence ev;
    for (const PdfPage& page : pages)
        for (std::size_t i = 0; i < page.glyphs.size(); ++i)
            if (page.glyphs[i].id == 0)
                ev.add(".notdef drawn", "page " + std::to_string(page.number) + ": .notdef for " + describe(page.glyphs[i]) + " " + context_of(page, i));
    std::vector<Failure> out;
    ev.into(out, Invariant::notdef);
    return out;
}

}  // namespace zapros::property
