#include "output/pdf.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>

#include "base/utf8.hpp"
#include "output/haru.hpp"
#include "output/internals.hpp"

namespace zapros::output {

namespace {

// libharu writes numbers with at most five decimals; round to what it keeps, so that the same
// layout always gives the same bytes.
HPDF_REAL pdf_real(Sp v) { return static_cast<HPDF_REAL>(std::round(to_pt(v) * 1000.0) / 1000.0); }

// Non-ASCII, blanks and the characters PDF strings and URIs disagree on go percent-encoded.
std::string uri(const std::string& url) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : url) {
        if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
            c == '{' || c == '|' || c == '}') {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

constexpr std::size_t max_links_per_page = 4000;

class Writer {
public:
    Writer(const page::Pages& pages, const Info& info, const FontFiles& files)
        : pages_(pages), info_(info), files_(files) {}

    std::string run() {
        HPDF_Doc doc = haru_.get();
        HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
        haru_.check("setting compression");
        HPDF_UseUTFEncodings(doc);
        HPDF_SetCurrentEncoder(doc, "UTF-8");  // Info strings become UTF-16 (libharu note §4)
        haru_.check("selecting the UTF-8 encoder");
        info();
        std::vector<HPDF_Page> pdf_pages;
        for (const page::Page& p : pages_.pages) pdf_pages.push_back(draw(p));
        links(pdf_pages);
        document_id();
        return haru_.save();
    }

private:
    void info() {
        HPDF_Doc doc = haru_.get();
        const std::pair<HPDF_InfoType, const std::string*> fields[] = {{HPDF_INFO_TITLE, &info_.title},
                                                                        {HPDF_INFO_AUTHOR, &info_.author},
                                                                        {HPDF_INFO_SUBJECT, &info_.subject},
                                                                        {HPDF_INFO_CREATOR, &info_.creator}};
        for (const auto& [type, value] : fields) {
            if (value->empty()) continue;
            HPDF_SetInfoAttr(doc, type, value->c_str());
            haru_.check("setting document information");
        }
        if (info_.created) {
            // UTC written as +00'00' (libharu's 'Z' breaks its PDF/A date conversion, note §6).
            const std::time_t t = static_cast<std::time_t>(*info_.created);
            std::tm tm{};
            gmtime_r(&t, &tm);
            HPDF_Date d{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, '+', 0, 0};
            HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
            HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
            haru_.check("setting the creation date");
        }
    }

    // The /ID from what the document shows: the drawing operations and the document information.
    void document_id() {
        internals::Md5 md5;
        for (const page::Page& p : pages_.pages) md5.update(write_trace(p, pages_.width, pages_.height));
        for (const std::string* s : {&info_.title, &info_.author, &info_.subject, &info_.creator}) md5.update("\n" + *s);
        if (info_.created) md5.update("\n" + std::to_string(*info_.created));
        unsigned char id[16];
        md5.digest(id);
        haru_.check("setting the document ID", internals::set_document_id(haru_.get(), id) == HPDF_OK);
    }

    // A face's font, loaded and embedded the first time a page uses it (GetFont costs milliseconds
    // and embeds the font even when nothing is drawn with it).
    HPDF_Font font(Face face) {
        auto it = fonts_.find(face);
        if (it != fonts_.end()) return it->second;
        HPDF_Doc doc = haru_.get();
        const std::string path = files_[static_cast<std::size_t>(face)].string();
        const char* name = haru_.checked(("loading font " + path).c_str(), HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE));
        HPDF_Font f = haru_.checked(("embedding font " + path).c_str(), HPDF_GetFont(doc, name, "UTF-8"));
        haru_.check("replacing the ToUnicode map", internals::fix_to_unicode(doc, f) == HPDF_OK);
        fonts_.emplace(face, f);
        return f;
    }

    HPDF_Page draw(const page::Page& p) {
        HPDF_Doc doc = haru_.get();
        HPDF_Page page = haru_.checked("adding a page", HPDF_AddPage(doc));
        HPDF_Page_SetWidth(page, pdf_real(pages_.width));
        HPDF_Page_SetHeight(page, pdf_real(pages_.height));
        haru_.check("sizing a page");

        // Rules first, outside the text object.
        for (const page::Placed& pl : p.lines) {
            for (const para::RuleBox& r : pl.line.rules) {
                const Sp top = pl.y + r.y;
                HPDF_Page_Rectangle(page, pdf_real(pl.x + r.x), pdf_real(pages_.height - top - r.height),
                                    pdf_real(r.width), pdf_real(r.height));
                HPDF_Page_Fill(page);
            }
        }
        haru_.check("drawing rules");

        HPDF_Page_BeginText(page);
        HPDF_Font current = nullptr;
        Sp current_size = 0;
        int current_scale = 1000;
        for (const page::Placed& pl : p.lines) {
            for (const para::Run& r : pl.line.runs) {
                HPDF_Font f = font(r.face);
                if (f != current || r.size != current_size) {
                    HPDF_Page_SetFontAndSize(page, f, pdf_real(r.size));
                    current = f;
                    current_size = r.size;
                }
                if (r.scale != current_scale) {  // font expansion: Tz, in percent
                    HPDF_Page_SetHorizontalScalling(page, static_cast<HPDF_REAL>(r.scale) / 10);
                    current_scale = r.scale;
                }
                HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, pdf_real(pl.x + r.x), pdf_real(pages_.height - pl.y - r.y));
                const std::string text = r.space_after ? r.text + " " : r.text;
                // Measuring marks the glyphs for the subset; the raw TJ below does not.
                HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(text.data()), static_cast<HPDF_UINT>(text.size()));
                haru_.check("setting text", internals::write_content(page, tj(r)) == HPDF_OK);
            }
        }
        HPDF_Page_EndText(page);
        haru_.check("drawing text");
        return page;
    }

    // One TJ per run: UCS-2 codes (= code points, Identity-H) with kerning between them; a
    // positive number moves the next glyph left, so a kern of −30 is written 30.
    static std::string tj(const para::Run& r) {
        static const char hex[] = "0123456789ABCDEF";
        std::string s = "[<";
        std::size_t k = 0;
        std::uint32_t index = 0;
        auto code = [&](char32_t c) {
            for (int shift = 12; shift >= 0; shift -= 4) s += hex[(c >> shift) & 15];
        };
        for (std::size_t i = 0; i < r.text.size(); ++index) {
            const char32_t c = utf8::next(r.text, i);
            if (k < r.kerns.size() && r.kerns[k].index == index) {
                if (index > 0) s += ">" + std::to_string(-r.kerns[k].amount) + "<";
                ++k;
            }
            code(c > 0xFFFF ? 0xFFFD : c);
        }
        if (r.space_after) code(U' ');
        s += ">] TJ\n";
        return s;
    }

    // Link annotations once every page exists: a note mark links to its note's first line.
    void links(const std::vector<HPDF_Page>& pdf_pages) {
        std::map<int, std::pair<HPDF_Page, Sp>> anchors;  // note → page and the top of its line
        for (std::size_t i = 0; i < pages_.pages.size(); ++i)
            for (const page::Placed& pl : pages_.pages[i].lines)
                if (pl.line.anchor && !anchors.count(pl.line.anchor))
                    anchors[pl.line.anchor] = {pdf_pages[i], pl.y - pl.line.height};
        for (std::size_t i = 0; i < pages_.pages.size(); ++i) {
            // A page's /Annots is an array, and libharu's arrays stop at 8191: links past this
            // many on one page (thousands of note marks) are left out, the text still prints.
            std::size_t made = 0;
            for (const page::Placed& pl : pages_.pages[i].lines) {
                for (const para::LinkArea& l : pl.line.links) {
                    if (++made > max_links_per_page) break;
                    HPDF_Rect rect{pdf_real(pl.x + l.x), pdf_real(pages_.height - pl.y - l.y - l.height),
                                   pdf_real(pl.x + l.x + l.width), pdf_real(pages_.height - pl.y - l.y)};
                    HPDF_Annotation a = nullptr;
                    if (l.note) {
                        const auto it = anchors.find(l.note);
                        if (it == anchors.end()) continue;
                        HPDF_Destination dst = haru_.checked(
                            "creating a note link",
                            internals::xyz_destination(haru_.get(), it->second.first, pdf_real(pages_.width / 10),
                                                       pdf_real(pages_.height - it->second.second)));
                        a = haru_.checked("creating a note link", HPDF_Page_CreateLinkAnnot(pdf_pages[i], rect, dst));
                    } else {
                        a = haru_.checked("creating a link", HPDF_Page_CreateURILinkAnnot(pdf_pages[i], rect, uri(l.url).c_str()));
                    }
                    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
                    haru_.check("styling a link");
                }
            }
        }
    }

    const page::Pages& pages_;
    const Info& info_;
    const FontFiles& files_;
    Haru haru_;
    std::map<Face, HPDF_Font> fonts_;
};

}  // namespace

std::string write_pdf(const page::Pages& pages, const Info& info, const FontFiles& fonts) {
    return Writer(pages, info, fonts).run();
}

}  // namespace zapros::output
