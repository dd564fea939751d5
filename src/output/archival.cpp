#include "output/archival.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <cstdio>
#include <ctime>

#include "base/utf8.hpp"

static_assert(HPDF_VERSION_ID == 20300, "output/archival.cpp reads libharu 2.3.0's internal structures");

namespace zapros::output::archival {

namespace {

// Element content: & and < must be escaped, > and " are too (a "]]>" and attribute habits), and a
// carriage return as a reference, since a parser turns a bare one into a line feed (XML §2.11)
// and the value would no longer equal Info's.
void append_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\r': out += "&#13;"; break;
        default: out += c;
        }
    }
}

// 2017-04-03T12:00:00+00:00: the instant libharu writes in Info as D:20170403120000+00'00',
// always with its zone (a date without one was refused: OCRmyPDF#678).
std::string xmp_date(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];  // room for any int the fields could hold, which -Wformat-truncation counts
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buf;
}

// The pdfuaid schema declared for PDF/A, whose predefined schemas do not include it (ISO 19005-2
// §6.6.2.3.1). In its own rdf:Description: beside pdfuaid:part, xmpbox cannot find the namespace
// (note §2).
constexpr std::string_view ua_extension =
    " <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "  <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "   <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "   <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "   <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "   <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaProperty:name>part</pdfaProperty:name>\n"
    "    <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "    <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "    <pdfaProperty:description>Part of ISO 14289 to which the file conforms</pdfaProperty:description>\n"
    "   </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "  </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    " </rdf:Description>\n";

HPDF_STATUS failed(HPDF_Doc doc) { return HPDF_Error_GetCode(doc->mmgr->error); }

HPDF_Dict metadata(HPDF_Doc doc, const std::string& packet) {
    HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);  // indirect: streams always are
    if (!stream || HPDF_Dict_AddName(stream, "Type", "Metadata") != HPDF_OK ||
        HPDF_Dict_AddName(stream, "Subtype", "XML") != HPDF_OK)
        return nullptr;
    stream->filter = HPDF_STREAM_FILTER_NONE;  // uncompressed: XMP scanners read the raw packet
    if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                          static_cast<HPDF_UINT>(packet.size())) != HPDF_OK)
        return nullptr;
    return stream;
}

// [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)
//     /Info (sRGB IEC61966-2.1) /DestOutputProfile R >>], written by hand: libharu's
// HPDF_PDFA_AppendOutputIntents names the key "DestOutputProfile " with a space (note §5).
HPDF_Array output_intents(HPDF_Doc doc, std::string_view profile, internals::Deflater& deflater) {
    HPDF_Dict icc = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!icc || HPDF_Dict_AddNumber(icc, "N", 3) != HPDF_OK || internals::write_deflated(icc, profile, deflater) != HPDF_OK)
        return nullptr;
    HPDF_Dict intent = HPDF_Dict_New(doc->mmgr);
    HPDF_Array intents = HPDF_Array_New(doc->mmgr);
    if (!intent || !intents) return nullptr;
    constexpr const char* condition = "sRGB IEC61966-2.1";
    HPDF_String id = HPDF_String_New(doc->mmgr, condition, nullptr);
    HPDF_String info = HPDF_String_New(doc->mmgr, condition, nullptr);
    if (!id || !info || HPDF_Dict_AddName(intent, "Type", "OutputIntent") != HPDF_OK ||
        HPDF_Dict_AddName(intent, "S", "GTS_PDFA1") != HPDF_OK || HPDF_Dict_Add(intent, "OutputConditionIdentifier", id) != HPDF_OK ||
        HPDF_Dict_Add(intent, "Info", info) != HPDF_OK || HPDF_Dict_Add(intent, "DestOutputProfile", icc) != HPDF_OK ||
        HPDF_Array_Add(intents, intent) != HPDF_OK)
        return nullptr;
    return intents;
}

}  // namespace

std::string xml_allowed(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = utf8::next(utf8, i);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) continue;
        utf8::append(out, c);
    }
    return out;
}

std::string xmp(const Described& d, Standard standard, bool ua) {
    std::string x;
    x.reserve(4096);
    // The byte order mark as begin's value, UTF-8 throughout (ISO 16684-1 §7.3); the fixed id
    // every packet carries.
    x += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
         "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
         "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    if (ua) x += ua_extension;
    x += " <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
         "  <pdfaid:part>2</pdfaid:part>\n  <pdfaid:conformance>";
    x += standard == Standard::a_2u ? 'U' : 'B';
    x += "</pdfaid:conformance>\n </rdf:Description>\n";
    if (ua)
        x += " <rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
             "  <pdfuaid:part>1</pdfuaid:part>\n </rdf:Description>\n";
    auto element = [&x](std::string_view open, std::string_view value, std::string_view close) {
        x += open;
        append_escaped(x, value);
        x += close;
    };
    if (!d.title.empty() || !d.author.empty() || !d.subject.empty()) {
        x += " <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
        if (!d.title.empty())
            element("  <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">", d.title, "</rdf:li></rdf:Alt></dc:title>\n");
        if (!d.author.empty()) element("  <dc:creator><rdf:Seq><rdf:li>", d.author, "</rdf:li></rdf:Seq></dc:creator>\n");
        if (!d.subject.empty())
            element("  <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">", d.subject,
                    "</rdf:li></rdf:Alt></dc:description>\n");
        x += " </rdf:Description>\n";
    }
    if (!d.creator.empty() || d.created) {
        x += " <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
        if (!d.creator.empty()) element("  <xmp:CreatorTool>", d.creator, "</xmp:CreatorTool>\n");
        if (d.created) {
            const std::string date = xmp_date(*d.created);  // Info's CreationDate and ModDate are one instant
            x += "  <xmp:CreateDate>" + date + "</xmp:CreateDate>\n  <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
        }
        x += " </rdf:Description>\n";
    }
    if (!d.producer.empty()) {
        x += " <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
        element("  <pdf:Producer>", d.producer, "</pdf:Producer>\n");
        x += " </rdf:Description>\n";
    }
    x += "</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    return x;
}

HPDF_STATUS write(HPDF_Doc doc, const Described& d, const Settings& settings, internals::Deflater& deflater) {
    if (settings.srgb_profile.empty()) return HPDF_INVALID_PARAMETER;  // no intent without its profile
    HPDF_Dict catalog = doc->catalog;
    HPDF_Dict meta = metadata(doc, xmp(d, settings.standard, settings.structure != nullptr));
    if (!meta || HPDF_Dict_Add(catalog, "Metadata", meta) != HPDF_OK) return failed(doc);
    HPDF_Array intents = output_intents(doc, settings.srgb_profile, deflater);
    if (!intents || HPDF_Dict_Add(catalog, "OutputIntents", intents) != HPDF_OK) return failed(doc);
    const std::string code(lang_code(settings.lang));
    HPDF_String lang = HPDF_String_New(doc->mmgr, code.c_str(), nullptr);
    if (!lang || HPDF_Dict_Add(catalog, "Lang", lang) != HPDF_OK) return failed(doc);
    // Its own dictionary: HPDF_SetViewerPreference would replace it whole (note §5), and is never called.
    HPDF_Dict viewer = HPDF_Dict_New(doc->mmgr);
    if (!viewer || HPDF_Dict_AddBoolean(viewer, "DisplayDocTitle", HPDF_TRUE) != HPDF_OK ||
        HPDF_Dict_Add(catalog, "ViewerPreferences", viewer) != HPDF_OK)
        return failed(doc);
    return HPDF_OK;
}

void set_version(HPDF_Doc doc) { doc->pdf_version = HPDF_VER_17; }

}  // namespace zapros::output::archival
