#include "output/pdf.hpp"

#include <cstdio>
#include <ctime>
#include <map>
#include <memory>
#include <string_view>
#include <unordered_map>

#include "base/utf8.hpp"
#include "output/archival.hpp"
#include "output/content.hpp"
#include "output/haru.hpp"
#include "output/internals.hpp"
#include "output/pack.hpp"
#include "output/tags.hpp"

namespace zapros::output {

namespace {

using content::append_number;
using content::append_thousandths;
using content::thousandths;

// The same for libharu's calls: it writes numbers with at most five decimals, so rounding to
// what it keeps makes the same layout always give the same bytes.
HPDF_REAL pdf_real(Sp v) { return static_cast<HPDF_REAL>(static_cast<double>(thousandths(v)) / 1000.0); }

constexpr char hex[] = "0123456789ABCDEF";

// Non-ASCII, blanks and the characters PDF strings and URIs disagree on go percent-encoded.
std::string uri(const std::string& url) {
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

// A document information entry (the title…), in bytes of UTF-8: what a viewer's title bar or a
// file's properties can show, and, as UTF-16 (at most two bytes for each of these), far under
// libharu's 65,535-byte limit for a string, past which it fails the whole PDF.
constexpr std::size_t max_info_bytes = 2048;

// s cut to at most max_info_bytes, at a character boundary.
std::string_view info_text(std::string_view s) { return utf8::prefix(s, max_info_bytes); }

class Writer {
public:
    Writer(const page::Pages& pages, const Info& info, const FontData& fonts, const image::Images* images,
           const Settings& settings)
        : pages_(pages), info_(info), font_data_(fonts), images_(images), settings_(settings) {
        // Tagged (PDF/UA-1) when a standard is claimed and there is a structure to tag with.
        if (settings.structure && settings.standard != Standard::none)
            tags_ = std::make_unique<Tags>(*settings.structure, pages.pages.size());
    }

    std::string run() {
        info();
        std::vector<HPDF_Page> pdf_pages;
        for (const page::Page& p : pages_.pages) pdf_pages.push_back(draw(p));
        links(pdf_pages);
        if (tags_) {
            tags_->write(haru_, pdf_pages);
            md5_.update(tags_->fingerprint());
        }
        document_id();
        if (settings_.standard != Standard::none) {
            haru_.check("writing the PDF/A metadata", archival::write(haru_.get(), described_, settings_, deflater_) == HPDF_OK);
            archival::set_version(haru_.get());
            // Object streams: the structure tree's hundreds of small dictionaries compressed
            // (PDF 1.5; PDF/A-2 allows them), which keeps the standards' cost in size small.
            return pack_objects(haru_.save(), deflater_);
        }
        return haru_.save();
    }

private:
    void info() {
        HPDF_Doc doc = haru_.get();
        const std::pair<const char*, const std::string*> fields[] = {
            {"Title", &info_.title}, {"Author", &info_.author}, {"Subject", &info_.subject}, {"Creator", &info_.creator}};
        const bool archival = settings_.standard != Standard::none;
        std::string* described[] = {&described_.title, &described_.author, &described_.subject, &described_.creator};
        for (std::size_t k = 0; k < std::size(fields); ++k) {
            const auto& [key, value] = fields[k];
            // With a standard, the text the XMP repeats: what XML allows of it (archival.hpp).
            *described[k] = archival ? archival::xml_allowed(info_text(*value)) : std::string(info_text(*value));
            // PDF/UA-1 7.1 wants a dc:title: a title of nothing XML allows ("\u0001") keeps U+FFFD.
            if (archival && k == 0 && described[k]->empty() && !value->empty()) *described[k] = "\uFFFD";
            if (!described[k]->empty())
                haru_.check("setting document information", internals::set_info(doc, key, *described[k]) == HPDF_OK);
        }
        if (const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER); archival && producer)
            described_.producer = archival::xml_allowed(producer);  // libharu's own, which it sets in every document
        described_.created = info_.created;
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

    // The /ID from what the document shows, fed to md5_ as it is written: each page's size and
    // drawing operations, each link, each font's name and glyphs, the document information.
    void document_id() {
        for (const std::string* s : {&info_.title, &info_.author, &info_.subject, &info_.creator}) md5_.update("\n" + *s);
        if (info_.created) md5_.update("\n" + std::to_string(*info_.created));
        if (settings_.standard != Standard::none) md5_.update(settings_.standard == Standard::a_2u ? "\nPDF/A-2u" : "\nPDF/A-2b");
        unsigned char id[16];
        md5_.digest(id);
        haru_.check("setting the document ID", internals::set_document_id(haru_.get(), id) == HPDF_OK);
    }

    // A font, embedded the first time a page uses it.
    HPDF_Dict font(text::FontId id) {
        if (id < fonts_.size() && fonts_[id]) return fonts_[id];
        const std::string what = "embedding font " + std::string(text::font_name(id));
        haru_.check(what.c_str(), id < font_data_.size() && !font_data_[id].program.empty());
        if (fonts_.size() <= id) fonts_.resize(id + 1u, nullptr);
        const text::Subset& sub = font_data_[id];
        fonts_[id] = haru_.checked(what.c_str(), internals::embed_font(haru_.get(), sub, deflater_));
        std::string name = sub.postscript_name;
        for (const auto& [glyph, width] : sub.widths) name += ' ' + std::to_string(glyph);
        md5_.update(name);
        return fonts_[id];
    }

    // An image's resource name ("Im1", numbered in the order first drawn) in the page's
    // resources; its XObject is written once, the first time any page draws it.
    struct ImageObject {
        HPDF_Dict xobject = nullptr;
        std::string name;
        const image::Image* image = nullptr;
    };

    const ImageObject& image(HPDF_Page page, image::ImageId id) {
        if (!images_ || id < 0 || static_cast<std::size_t>(id) >= images_->size())
            throw OutputError("drawing image " + std::to_string(id) + ": the document has no such image");
        if (image_objects_.empty()) image_objects_.resize(images_->size());
        ImageObject& o = image_objects_[static_cast<std::size_t>(id)];
        if (!o.xobject) {
            const image::Image& im = images_->get(id);
            o.image = &im;
            o.name = "Im" + std::to_string(++images_drawn_);
            o.xobject = haru_.checked("embedding an image", internals::embed_image(haru_.get(), im, deflater_));
            // Soft masks came with PDF 1.4, 16-bit samples with 1.5 (PDF 1.7 §8.9.5.4, table 89).
            if (!im.alpha.empty()) internals::require_version(haru_.get(), HPDF_VER_14);
            if (im.bits == 16) internals::require_version(haru_.get(), HPDF_VER_15);
            // The data's CRC-32 stands for it in the /ID: it changes with the pixels, and over
            // 6 MB (three 2 MB scans) takes 0.45 ms where libharu's MD5 takes 10–14 ms.
            md5_.update(o.name + ' ' + std::to_string(im.width) + 'x' + std::to_string(im.height) + ' ' +
                        std::to_string(static_cast<int>(im.colour)) + ' ' + std::to_string(im.bits) + ' ' +
                        std::to_string(static_cast<int>(im.encoding)) + ' ' + std::to_string(internals::crc32(im.palette)) +
                        ' ' + std::to_string(internals::crc32(im.data)) + ' ' + std::to_string(internals::crc32(im.alpha)) + '\n');
        }
        haru_.check("drawing an image", internals::xobject_resource(page, o.name.c_str(), o.xobject) == HPDF_OK);
        return o;
    }

    HPDF_Page draw(const page::Page& p) {
        HPDF_Doc doc = haru_.get();
        HPDF_Page page = haru_.checked("adding a page", HPDF_AddPage(doc));
        HPDF_Page_SetWidth(page, pdf_real(pages_.width));
        HPDF_Page_SetHeight(page, pdf_real(pages_.height));
        haru_.check("sizing a page");
        if (tags_) tags_->start_page(static_cast<std::size_t>(&p - pages_.pages.data()));

        // Rules first, outside the text object ("x y width height re f"): a layout artifact.
        std::string rules;
        for (const page::Placed& pl : p.lines) {
            for (const para::RuleBox& r : pl.line.rules) {
                for (Sp v : {pl.x + r.x, pages_.height - pl.y - r.y - r.height, r.width, r.height}) {
                    append_number(rules, v);
                    rules += ' ';
                }
                rules += "re f\n";
            }
        }
        std::string ops;
        if (tags_) Tags::layout(ops, rules);
        else ops = std::move(rules);

        // Text: font, size and position written directly (libharu's float printing was a tenth
        // of a letter's time, and it has no call for fonts of our own), one TJ per run. Each run
        // moves from the last with Td: "5.25 0 Td" beside a word on the same line, a third of
        // "1 0 0 1 85.04 722.567 Tm", and exact, since both ends are whole thousandths.
        ops += "BT\n";
        std::int64_t at_x = 0, at_y = 0;  // the line matrix's origin: BT starts at 0 0
        int current_font = -1;
        Sp current_size = 0;
        int current_scale = 1000;
        for (const page::Placed& pl : p.lines) {
            for (const para::Run& r : pl.line.runs) {
                if (tags_) tags_->mark(ops, r.tag);  // the sequence holds the run's text state too
                if (r.font != current_font || r.size != current_size) {
                    const char* name = haru_.checked("selecting a font", internals::font_resource(page, font(r.font)));
                    ops += '/';
                    ops += name;
                    ops += ' ';
                    append_number(ops, r.size);
                    ops += " Tf\n";
                    current_font = r.font;
                    current_size = r.size;
                }
                if (r.scale != current_scale) {  // font expansion: Tz, in percent
                    ops += std::to_string(r.scale / 10);  // per mille → percent, scale > 0
                    if (r.scale % 10) ops += '.', ops += static_cast<char>('0' + r.scale % 10);
                    ops += " Tz\n";
                    current_scale = r.scale;
                }
                const std::int64_t x = thousandths(pl.x + r.x), y = thousandths(pages_.height - pl.y - r.y);
                append_thousandths(ops, x - at_x);
                ops += ' ';
                append_thousandths(ops, y - at_y);
                ops += " Td\n";
                at_x = x, at_y = y;
                content::text(ops, r, font_data_[r.font]);
            }
        }
        if (tags_) tags_->close(ops);  // marked content nests with BT…ET
        ops += "ET\n";

        // Images over the text, a line's in the order it holds them (a stamp over a signature).
        for (const page::Placed& pl : p.lines) {
            for (const para::ImageBox& b : pl.line.images) {
                const ImageObject& o = image(page, b.image);
                // Untagged, the alt text on a marked-content sequence around the drawing (PDF 1.7
                // §14.9.3), cut as the document information is, far under a string's 32,767 bytes
                // (Annex C); tagged, the Figure's MCID sequence (its /Alt in the tree), or an
                // artifact for a decorative image.
                const bool span = !tags_ && !b.alt.empty();
                if (tags_) tags_->mark(ops, b.tag);
                if (span) ops += "/Span << /Alt " + content::hex_string(internals::text_string(info_text(b.alt))) + " >> BDC ";
                ops += "q ";
                for (Sp v : content::image_matrix(o.image->orientation, pl.x + b.x, pages_.height - pl.y - b.y - b.height, b.width, b.height)) {
                    append_number(ops, v);
                    ops += ' ';
                }
                ops += "cm /" + o.name + " Do Q";
                ops += span ? " EMC\n" : "\n";
            }
        }
        if (tags_) tags_->close(ops);
        haru_.check("drawing a page", internals::set_content(page, ops, deflater_) == HPDF_OK);
        md5_.update(std::to_string(pages_.width) + ' ' + std::to_string(pages_.height) + '\n');
        md5_.update(ops);
        return page;
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
                    std::string id = std::to_string(i) + ' ' + std::to_string(pl.x + l.x) + ' ' + std::to_string(pl.y + l.y) +
                                     ' ' + std::to_string(l.width) + ' ' + std::to_string(l.height) + ' ';
                    if (l.note) {
                        const auto it = anchors.find(l.note);
                        if (it == anchors.end()) continue;
                        id += "note " + std::to_string(l.note) + '\n';
                        HPDF_Destination dst = haru_.checked(
                            "creating a note link",
                            internals::xyz_destination(haru_.get(), it->second.first, pdf_real(pages_.width / 10),
                                                       pdf_real(pages_.height - it->second.second)));
                        a = haru_.checked("creating a note link", HPDF_Page_CreateLinkAnnot(pdf_pages[i], rect, dst));
                    } else {
                        a = haru_.checked("creating a link", HPDF_Page_CreateURILinkAnnot(pdf_pages[i], rect, "-"));
                        const auto& [action, number] = uri_action(*l.url);
                        haru_.check("creating a link", internals::set_action(a, action) == HPDF_OK);
                        id += "url " + std::to_string(number) + '\n';
                    }
                    md5_.update(id);
                    if (tags_) tags_->annotation(a, i, l.tag, l.note ? "Note " + std::to_string(l.note) : *l.url, haru_);
                    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
                    haru_.check("styling a link");
                    if (settings_.standard != Standard::none)  // printed, never hidden (PDF/A-2 §6.3.2)
                        haru_.check("flagging a link", internals::set_print_flag(a) == HPDF_OK);
                }
            }
        }
    }

    // A link's one URI action, made when a line first shows it, and its number in the order made.
    // Each URL is one string that all its lines share (para::LinkArea::url), so its address
    // finds it without reading its bytes again.
    const std::pair<HPDF_Dict, std::size_t>& uri_action(const std::string& url) {
        const auto [it, fresh] = actions_.try_emplace(&url, nullptr, actions_.size());
        if (fresh) {
            it->second.first = haru_.checked("creating a link", internals::uri_action(haru_.get(), uri(url).c_str()));
            md5_.update("url " + url + '\n');
        }
        return it->second;
    }

    const page::Pages& pages_;
    const Info& info_;
    const FontData& font_data_;
    const image::Images* images_;
    const Settings& settings_;
    archival::Described described_;  // the document information as written, for the XMP
    Haru haru_;
    std::vector<HPDF_Dict> fonts_;  // by text::FontId, embedded when first drawn
    std::unordered_map<const std::string*, std::pair<HPDF_Dict, std::size_t>> actions_;
    std::vector<ImageObject> image_objects_;  // by image::ImageId
    int images_drawn_ = 0;
    internals::Md5 md5_;
    internals::Deflater deflater_;
    std::unique_ptr<Tags> tags_;  // tagging: nullptr for an untagged PDF
};

}  // namespace

std::string write_pdf(const page::Pages& pages, const Info& info, const FontData& fonts, const image::Images* images,
                      const Settings& settings) {
    return Writer(pages, info, fonts, images, settings).run();
}

}  // namespace zapros::output
