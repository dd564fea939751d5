#pragma once
// Inside output/: what a PDF/A-2 file holds besides its pages (shared/notes/pdf-archival-and-tagged.md
// §1, §2, §5): the XMP metadata, the sRGB output intent, the catalog's /Lang and DisplayDocTitle,
// and the 1.7 header, all through libharu 2.3.0's object layer. The structure tree, /MarkInfo and
// the annotations' /Contents are the tag writer's.
#include <hpdf.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "output/internals.hpp"
#include "output/pdf.hpp"

namespace zapros::output::archival {

// The document information exactly as the Info dictionary holds it, which the XMP repeats key by
// key (Title as dc:title, Author as dc:creator, Subject as dc:description, Creator as
// xmp:CreatorTool, Producer as pdf:Producer, the dates as xmp:CreateDate and ModifyDate).
// Empty: the key is absent from both.
struct Described {
    std::string title, author, subject, creator, producer;
    std::optional<std::int64_t> created;  // seconds since 1970, UTC
};

// utf8 with the characters XML 1.0 forbids (§2.2: C0 controls other than tab, line feed and
// carriage return; U+FFFE, U+FFFF) dropped, so that the same text can be Info's and the XMP's.
std::string xml_allowed(std::string_view utf8);

// The XMP packet (UTF-8, its xpacket header without bytes or encoding), every value escaped; the
// pdfuaid extension schema first in its own rdf:Description, and pdfuaid:part 1, when `ua`.
std::string xmp(const Described& d, Standard standard, bool ua);

// Adds /Metadata (the XMP, uncompressed), /OutputIntents (one GTS_PDFA1 intent whose profile is
// settings.srgb_profile, compressed), /Lang and /ViewerPreferences << /DisplayDocTitle true >> to
// the catalog. Once, with a standard; fails without a profile.
HPDF_STATUS write(HPDF_Doc doc, const Described& d, const Settings& settings, internals::Deflater& deflater);

// The header's version: 1.7, set last before saving, since libharu lowers or raises it on some
// calls (note §5, pitfall 6).
void set_version(HPDF_Doc doc);

}  // namespace zapros::output::archival
