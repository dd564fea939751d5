// Issue 16's images read back from the PDF: each image the request names is drawn, inside the
// text area; a figure inside the measure, a logo in its letterhead's zone on page 1; no glyph
// over a figure or a logo (a signature's scan and the seal lie over their line by design); a
// figure's caption the first lines under its image. An image is known by its pixel size, which
// the generator keeps unique per request.
#include <algorithm>
#include <map>

#include "base/utf8.hpp"
#include "evidence.hpp"
#include "geometry.hpp"

namespace zapros::property {

namespace {

constexpr double slack = 0.3;  // as between glyphs: rounding and hairline contact

const char* name_of(Drawn::Role role) {
    switch (role) {
    case Drawn::Role::figure: return "figure";
    case Drawn::Role::logo: return "logo";
    case Drawn::Role::scan: return "signature's scan";
    case Drawn::Role::stamp: return "seal";
    }
    return "image";
}

std::string box_of(const Box& b) {
    return "x=" + points(b.x0) + "…" + points(b.x1) + " y=" + points(b.y0) + "…" + points(b.y1);
}

// The caption's glyphs: the first lines under its image on its page (a figure spans its
// context's width: nothing stands beside it), top to bottom, each left to right, as long as
// their letters begin the caption; with the line that completes it.
struct CaptionRead {
    std::vector<std::size_t> glyphs;
    std::string letters;      // of those lines, or of the first line under when it is not the caption's
    double first_baseline = -1e9;
    bool whole = false;       // the lines read the whole caption
};

CaptionRead read_caption(const PdfPage& page, const Box& image, const std::string& caption) {
    std::vector<std::size_t> under;
    for (std::size_t i = 0; i < page.glyphs.size(); ++i)
        if (page.glyphs[i].visible() && page.glyphs[i].y < image.y0) under.push_back(i);
    const auto& gs = page.glyphs;
    std::sort(under.begin(), under.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(gs[a].y - gs[b].y) > 0.5 ? gs[a].y > gs[b].y : gs[a].x < gs[b].x;
    });
    CaptionRead c;
    if (!under.empty()) c.first_baseline = gs[under.front()].y;
    for (std::size_t k = 0; k < under.size();) {
        std::size_t end = k;  // the line [k, end)
        std::string line;
        while (end < under.size() && std::abs(gs[under[end]].y - gs[under[k]].y) <= 0.5) utf8::append(line, gs[under[end++]].ch);
        const std::string letters = c.letters + letters_of(line);
        if (caption.compare(0, letters.size(), letters) != 0) {
            if (c.glyphs.empty()) c.letters = letters;
            return c;
        }
        c.letters = letters;
        for (; k < end; ++k) c.glyphs.push_back(under[k]);
        if (c.letters.size() >= caption.size()) {
            c.whole = true;
            return c;
        }
    }
    return c;
}

const Drawn* figure_of(const Written& written, const Image& im) {
    for (const Drawn& d : written.images)
        if (d.role == Drawn::Role::figure && d.picture.width == im.width && d.picture.height == im.height) return &d;
    return nullptr;
}

}  // namespace

std::vector<Failure> check_images(const std::vector<PdfPage>& pages, const Written& written) {
    Evidence ev;
    std::map<std::pair<int, int>, const Drawn*> named;
    for (const Drawn& d : written.images) named[{d.picture.width, d.picture.height}] = &d;
    std::map<std::pair<int, int>, int> drawn;
    for (const PdfPage& page : pages)
        for (const Image& im : page.images) {
            ++drawn[{im.width, im.height}];
            const std::string where = "page " + std::to_string(page.number) + ": ";
            const auto it = named.find({im.width, im.height});
            if (it == named.end()) {
                ev.add("an image not named", where + std::to_string(im.width) + "×" + std::to_string(im.height) + " pixels at " + box_of(im.box) +
                       ", an image the request does not name");
                continue;
            }
            const Drawn& d = *it->second;
            const std::string what = where + "the " + name_of(d.role) + " " + d.file + " at " + box_of(im.box);
            const double right = geometry::right_on(page.width), top = geometry::top_on(page.height);
            const double t = geometry::tolerance;
            if (im.box.x0 < geometry::left - t || im.box.x1 > right + t || im.box.y0 < geometry::bottom - t || im.box.y1 > top + t)
                ev.add(std::string("a ") + name_of(d.role) + " outside the text area", what + " leaves the text area (" +
                       box_of({geometry::left, geometry::bottom, right, top}) + ")");
            if (d.role == Drawn::Role::logo) {
                const double zone_right = d.centered ? right : geometry::sender_right_on(page.width);
                if (page.number != 1 || im.box.x1 > zone_right + t || im.box.y1 - im.box.y0 > geometry::logo_height + t)
                    ev.add("a logo outside its zone", what + " is not on page 1 within x≤" + points(zone_right) + ", at most 20 mm tall");
            }
            if (d.role != Drawn::Role::figure && d.role != Drawn::Role::logo) continue;
            for (std::size_t i = 0; i < page.glyphs.size(); ++i) {
                const Glyph& g = page.glyphs[i];
                if (!g.visible() || g.width <= 0) continue;
                const double dx = std::min(g.x + g.width, im.box.x1) - std::max(g.x, im.box.x0);
                const double dy = std::min(g.y + geometry::box_height * g.size, im.box.y1) - std::max(g.y - geometry::box_depth * g.size, im.box.y0);
                if (dx > slack && dy > slack) ev.add("a glyph over an image", what + ": " + describe(g) + " " + context_of(page, i) + " lies over it");
            }
            if (d.caption.empty()) continue;
            const CaptionRead c = read_caption(page, im.box, d.caption);
            if (!c.whole || im.box.y0 - c.first_baseline > geometry::caption_reach + geometry::caption_size)
                ev.add("a caption not under its image", what + ": the lines under it read \"" + c.letters.substr(0, 80) + "\", not the caption \"" +
                       d.caption.substr(0, 80) + "\" from " + points(geometry::caption_reach) + " under the image");
        }
    for (const Drawn& d : written.images)
        if (!drawn.count({d.picture.width, d.picture.height}))
            ev.add("an image not drawn", std::string("the ") + name_of(d.role) + " " + d.file + " (" + std::to_string(d.picture.width) + "×" +
                   std::to_string(d.picture.height) + " pixels) is on no page");
    std::vector<Failure> out;
    ev.into(out, Invariant::image);
    return out;
}

std::vector<PdfPage> without_captions(const std::vector<PdfPage>& pages, const Written& written) {
    std::vector<PdfPage> out = pages;
    for (PdfPage& page : out) {
        std::vector<bool> caption(page.glyphs.size(), false);
        for (const Image& im : page.images)
            if (const Drawn* d = figure_of(written, im); d && !d->caption.empty())
                for (std::size_t i : read_caption(page, im.box, d->caption).glyphs) caption[i] = true;
        std::size_t kept = 0;
        for (std::size_t i = 0; i < page.glyphs.size(); ++i)
            if (!caption[i]) page.glyphs[kept++] = page.glyphs[i];
        page.glyphs.resize(kept);
    }
    return out;
}

}  // namespace zapros::property
