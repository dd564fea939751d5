// The text trace: one drawing operation per line, absolute positions in points from the page's
// top left corner, for golden tests that compare text (STYLE 9).
#include <cmath>
#include <cstdio>

#include "base/utf8.hpp"
#include "output/pdf.hpp"

namespace zapros::output {

namespace {

std::string number(Sp v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", std::round(to_pt(v) * 100.0) / 100.0);
    std::string s = buf;
    return s == "-0.00" ? "0.00" : s;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + '"';
}

// What a run stands for (para::Run::actual), as code points: " U+00AD" for a hyphen added at a
// break, which would not show quoted; " \"\"" for nothing.
std::string code_points(const std::string& s) {
    if (s.empty()) return " \"\"";
    std::string out;
    char buf[16];
    for (std::size_t i = 0; i < s.size();) {
        std::snprintf(buf, sizeof buf, " U+%04X", static_cast<unsigned>(utf8::next(s, i)));
        out += buf;
    }
    return out;
}

}  // namespace

std::string write_trace(const page::Pages& pages) {
    std::string out;
    for (const page::Page& p : pages.pages) out += write_trace(p, pages.width, pages.height);
    return out;
}

std::string write_trace(const page::Page& p, Sp width, Sp height) {
    std::string out;
    {
        out += "page " + std::to_string(p.number) + " " + number(width) + "x" + number(height) + "\n";
        for (const page::Placed& pl : p.lines) {
            if (pl.line.anchor) out += "note " + std::to_string(pl.line.anchor) + " at " + number(pl.y - pl.line.height) + "\n";
            for (const para::Run& r : pl.line.runs) {
                out += "text " + number(pl.x + r.x) + " " + number(pl.y + r.y) + " " + std::string(text::font_name(r.font)) +
                       " " + number(r.size) + " " + quoted(r.text);
                if (!r.kerns.empty()) {
                    out += " kern";
                    for (const para::Kern& k : r.kerns) out += " " + std::to_string(k.index) + ":" + std::to_string(k.amount);
                }
                if (r.scale != 1000) out += " scale " + std::to_string(r.scale);
                if (r.space_after) out += " +space";
                if (!r.actual.empty() || r.silent) out += " actual" + code_points(r.actual);
                out += "\n";
            }
            for (const para::RuleBox& r : pl.line.rules)
                out += "rule " + number(pl.x + r.x) + " " + number(pl.y + r.y) + " " + number(r.width) + " " +
                       number(r.height) + "\n";
            for (const para::ImageBox& b : pl.line.images)
                out += "image " + std::to_string(b.image) + " " + number(pl.x + b.x) + " " + number(pl.y + b.y) + " " +
                       number(b.width) + " " + number(b.height) + "\n";
            for (const para::LinkArea& l : pl.line.links) {
                out += "link " + number(pl.x + l.x) + " " + number(pl.y + l.y) + " " + number(l.width) + " " +
                       number(l.height) + " ";
                out += l.note ? "note " + std::to_string(l.note) : quoted(*l.url);
                out += "\n";
            }
        }
    }
    return out;
}

}  // namespace zapros::output
