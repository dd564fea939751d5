// A reader for exactly the lines `mutool trace` (MuPDF 1.21) writes for zapros' PDFs: one
// element per line, attributes in double quotes. Anything else is skipped.
#include "pdf_trace.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <utility>

#include "base/utf8.hpp"
#include "process.hpp"

namespace zapros::property {

bool Glyph::visible() const {
    return !(ch == U' ' || ch == U'\t' || ch == 0xA0 || ch == 0xAD || (ch >= 0x2000 && ch <= 0x200B) || ch == 0x202F ||
             ch == 0x205F || ch == 0x3000 || ch == 0xFEFF || ch == 0x2060);  // spaces of every width: no ink
}

namespace {

std::string_view attribute(std::string_view line, std::string_view name) {
    std::string key = " ";
    key.append(name).append("=\"");
    const std::size_t at = line.find(key);
    if (at == std::string_view::npos) return {};
    const std::size_t start = at + key.size();
    const std::size_t end = line.find('"', start);
    return end == std::string_view::npos ? std::string_view{} : line.substr(start, end - start);
}

double number(std::string_view s) {
    // strtod wants a terminated string; values are short.
    return std::strtod(std::string(s).c_str(), nullptr);
}

std::vector<double> numbers(std::string_view s) {
    std::vector<double> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) out.push_back(number(s.substr(i, j - i)));
        i = j;
    }
    return out;
}

// The first character of an attribute value, XML entities decoded.
char32_t character(std::string_view v) {
    if (v.empty()) return 0;
    if (v[0] != '&') {
        std::size_t i = 0;
        return utf8::next(v, i);
    }
    if (v.rfind("&lt;", 0) == 0) return U'<';
    if (v.rfind("&gt;", 0) == 0) return U'>';
    if (v.rfind("&amp;", 0) == 0) return U'&';
    if (v.rfind("&quot;", 0) == 0) return U'"';
    if (v.rfind("&apos;", 0) == 0) return U'\'';
    if (v.rfind("&#x", 0) == 0) return static_cast<char32_t>(std::strtoul(std::string(v.substr(3)).c_str(), nullptr, 16));
    if (v.rfind("&#", 0) == 0) return static_cast<char32_t>(std::strtoul(std::string(v.substr(2)).c_str(), nullptr, 10));
    return U'&';
}

// A device transform (a b c d e f) then the flip back to PDF space.
struct Transform {
    double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
    double height = 0;
    double x(double px, double py) const { return a * px + c * py + e; }
    double y(double px, double py) const { return height - (b * px + d * py + f); }
};

Transform transform_of(std::string_view line, double height) {
    Transform t;
    t.height = height;
    const std::vector<double> m = numbers(attribute(line, "transform"));
    if (m.size() == 6) t.a = m[0], t.b = m[1], t.c = m[2], t.d = m[3], t.e = m[4], t.f = m[5];
    else t.d = -1, t.f = height;  // identity in PDF space
    return t;
}

}  // namespace

std::vector<PdfPage> parse_trace(std::string_view xml) {
    std::vector<PdfPage> pages;
    Transform text_transform, path_transform;
    double hsize = 0, size = 0;
    bool bold = false, in_path = false;
    Box path;
    int span = 0;
    for (std::size_t start = 0; start < xml.size();) {
        std::size_t end = xml.find('\n', start);
        if (end == std::string_view::npos) end = xml.size();
        std::string_view line = xml.substr(start, end - start);
        start = end + 1;
        const std::size_t lt = line.find('<');
        if (lt == std::string_view::npos) continue;
        line.remove_prefix(lt);
        if (line.rfind("<page ", 0) == 0) {
            PdfPage p;
            p.number = static_cast<int>(pages.size()) + 1;
            const std::vector<double> box = numbers(attribute(line, "mediabox"));
            if (box.size() == 4) p.width = box[2] - box[0], p.height = box[3] - box[1];
            pages.push_back(std::move(p));
        } else if (pages.empty()) {
            continue;
        } else if (line.rfind("<fill_text", 0) == 0) {
            text_transform = transform_of(line, pages.back().height);
        } else if (line.rfind("<span ", 0) == 0) {
            const std::vector<double> trm = numbers(attribute(line, "trm"));
            hsize = trm.size() == 4 ? trm[0] : 0;
            size = trm.size() == 4 ? trm[3] : 0;
            bold = attribute(line, "font").find("Bold") != std::string_view::npos;
            ++span;
        } else if (line.rfind("<g ", 0) == 0) {
            Glyph g;
            g.ch = character(attribute(line, "unicode"));
            const std::string_view id = attribute(line, "glyph");
            int n = -1;
            if (std::from_chars(id.data(), id.data() + id.size(), n).ec != std::errc()) n = id == ".notdef" ? 0 : -1;
            g.id = n;
            const double px = number(attribute(line, "x")), py = number(attribute(line, "y"));
            g.x = text_transform.x(px, py);
            g.y = text_transform.y(px, py);
            g.width = number(attribute(line, "adv")) * hsize;
            g.size = size;
            g.span = span;
            g.bold = bold;
            pages.back().glyphs.push_back(g);
        } else if (line.rfind("<fill_path", 0) == 0) {
            path_transform = transform_of(line, pages.back().height);
            in_path = true;
            path = Box{1e9, 1e9, -1e9, -1e9};
        } else if (in_path && (line.rfind("<moveto", 0) == 0 || line.rfind("<lineto", 0) == 0)) {
            const double px = number(attribute(line, "x")), py = number(attribute(line, "y"));
            const double x = path_transform.x(px, py), y = path_transform.y(px, py);
            path.x0 = std::min(path.x0, x), path.x1 = std::max(path.x1, x);
            path.y0 = std::min(path.y0, y), path.y1 = std::max(path.y1, y);
        } else if (line.rfind("<fill_image", 0) == 0) {
            // The image space's unit square through its transform: the box it is drawn in.
            const Transform t = transform_of(line, pages.back().height);
            Image im{{1e9, 1e9, -1e9, -1e9}, static_cast<int>(number(attribute(line, "width"))),
                     static_cast<int>(number(attribute(line, "height")))};
            for (const auto& [u, v] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
                im.box.x0 = std::min(im.box.x0, t.x(u, v)), im.box.x1 = std::max(im.box.x1, t.x(u, v));
                im.box.y0 = std::min(im.box.y0, t.y(u, v)), im.box.y1 = std::max(im.box.y1, t.y(u, v));
            }
            pages.back().images.push_back(im);
        } else if (in_path && line.rfind("</fill_path", 0) == 0) {
            in_path = false;
            if (path.x0 <= path.x1) pages.back().rules.push_back(path);
        }
    }
    return pages;
}

std::optional<std::vector<PdfPage>> read_pdf(const std::string& pdf, const std::string& scratch, std::string& error) {
    const Outcome o = run_program({"mutool", "trace", pdf}, scratch, 120);
    if (o.status != 0) {
        error = "mutool trace failed (" + std::to_string(o.status) + "): " + o.err;
        return std::nullopt;
    }
    return parse_trace(read_file(scratch));
}

}  // namespace zapros::property
