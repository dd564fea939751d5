"""File-level rules: header, trailer, XMP and its Info twin, the output intent, the catalog's
PDF/UA keys. IDs: A2: veraPDF PDFA-2B/2U, A1: veraPDF PDFA-1B (kept stricter), UA1: veraPDF PDFUA-1.
"""
import datetime
import re
import subprocess
import xml.etree.ElementTree as ET

from pdfdoc import Stream, is_ref, text

NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaExtension": "http://www.aiim.org/pdfa/ns/extension/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
}
LANG = re.compile(r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def check(pdf, report, standard):
    header(pdf, report, standard)
    trailer(pdf, report)
    if standard == "none":
        plain(pdf, report)
        return
    xmp = metadata(pdf, report, standard)
    if xmp is not None:
        info_twins(pdf, report, xmp)
    output_intent(pdf, report)
    catalog_ua(pdf, report)


def header(pdf, report, standard):
    head = pdf.head_bytes
    if standard != "none" and not head.startswith(b"%PDF-1.7"):
        report("A2:6.1.2-1", "the header is %r, not %%PDF-1.7" % head[:8].decode("latin-1"))
    second = head.split(b"\n", 1)[1] if b"\n" in head[:10] else b""
    if not (second[:1] == b"%" and len(second) >= 5 and all(c > 127 for c in second[1:5])):
        report("A2:6.1.2-2", "the header's second line is not %% and four bytes above 127")


def trailer(pdf, report):
    ids = pdf.resolve(pdf.trailer.get("/ID"))
    if not (isinstance(ids, list) and len(ids) == 2):
        report("A2:6.1.3-1", "the trailer has no /ID of two strings")
    if "/Encrypt" in pdf.trailer:
        report("A2:6.1.3-2", "the trailer has /Encrypt")


def plain(pdf, report):
    """--standard none: a plain PDF claims no standard."""
    meta = pdf.get(pdf.catalog(), "/Metadata")
    if isinstance(meta, Stream) and b"pdfaid" in meta.data:
        report("none-1", "a plain PDF claims PDF/A in its XMP")


def metadata(pdf, report, standard):
    """Checks the catalog's /Metadata; returns the parsed XMP's root, or None."""
    ref = pdf.catalog().get("/Metadata")
    meta = pdf.resolve(ref)
    if not isinstance(meta, Stream):
        report("A2:6.6.2.1-1", "the catalog has no /Metadata stream")
        return None
    if meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML":
        report("A2:6.6.2.1-1", "/Metadata is not /Type /Metadata /Subtype /XML")
    if is_ref(ref) and "/Filter" in pdf.raw_stream_dict(ref):
        report("A1:6.7.2-2", "the XMP stream is compressed (/Filter); zapros writes it plain")
    packet = meta.data
    m = re.match(rb"<\?xpacket begin=(['\"])(.*?)\1 id=(['\"])W5M0MpCehiHzreSzNTczkc9d\3\s*\?>", packet)
    if not m:
        report("A2:6.6.2.1-2", "the XMP packet does not open with <?xpacket begin=… id=…?>")
    elif re.search(rb"\b(bytes|encoding)=", packet[:m.end()]):
        report("A2:6.6.2.1-3", "the xpacket header has bytes= or encoding=")
    try:
        packet.decode("utf-8")
    except UnicodeDecodeError:
        report("A2:6.6.2.1-5", "the XMP is not UTF-8")
    lint = subprocess.run(["xmllint", "--noout", "-"], input=packet, capture_output=True, check=False)
    if lint.returncode != 0:
        first = lint.stderr.decode("utf-8", "replace").strip().splitlines()[:1]
        report("A2:6.6.2.1-4", "xmllint: the XMP is not well-formed XML: " + " ".join(first))
        return None
    root = ET.fromstring(packet)
    claims(root, report, standard)
    return root


def values(root, prop):
    """Every value of an XMP property (prefix:name): attribute form, element text, or rdf:li."""
    prefix, name = prop.split(":")
    tag = "{%s}%s" % (NS[prefix], name)
    out = []
    for d in root.iter("{%s}Description" % NS["rdf"]):
        if tag in d.attrib:
            out.append(d.attrib[tag])
        for e in d.findall(tag):
            lis = e.findall(".//rdf:li", NS)
            out.extend([li.text or "" for li in lis] if lis else [e.text or ""])
    return out


def claims(root, report, standard):
    part, conf = values(root, "pdfaid:part"), values(root, "pdfaid:conformance")
    if part != ["2"]:
        report("A2:6.6.4-2", "pdfaid:part is %s, not 2" % (part or "absent"))
    want = {"a-2u": "U", "a-2b": "B"}[standard]
    if conf != [want]:
        report("A2:6.6.4-3", "pdfaid:conformance is %s, not %s" % (conf or "absent", want))
    if values(root, "pdfuaid:part") != ["1"]:
        report("UA1:5-1", "pdfuaid:part is %s, not 1" % (values(root, "pdfuaid:part") or "absent"))
    uris = [e.text for e in root.iter("{%s}namespaceURI" % NS["pdfaSchema"])]
    prefixes = [e.text for e in root.iter("{%s}prefix" % NS["pdfaSchema"])]
    if NS["pdfuaid"] not in uris or "pdfuaid" not in prefixes:
        report("A2:6.6.2.3.1-1", "pdfuaid is used without a pdfaExtension schema declaring it")
    titles = root.findall(".//dc:title/rdf:Alt/rdf:li", NS)
    if not titles or not any(li.get(XML_LANG) == "x-default" and (li.text or "").strip() for li in titles):
        report("UA1:7.1-9", "the XMP has no dc:title with a non-empty x-default entry")


# Info key → the XMP property that mirrors it (ISO 19005-1 6.7.3 table; PDFBox checks the same).
TWINS = {"/Title": "dc:title", "/Author": "dc:creator", "/Subject": "dc:description",
         "/Keywords": "pdf:Keywords", "/Creator": "xmp:CreatorTool", "/Producer": "pdf:Producer"}


def info_twins(pdf, report, root):
    info = pdf.get(pdf.trailer, "/Info") or {}
    for key, prop in TWINS.items():
        have = values(root, prop)
        if key in info:
            want = text(pdf.resolve(info[key]))
            if have != [want]:
                report("A1:6.7.3", "Info %s is %r but XMP %s is %r" % (key, want, prop, have))
        elif have:
            report("A1:6.7.3", "XMP %s is %r but Info has no %s" % (prop, have, key))
    for key, prop in (("/CreationDate", "xmp:CreateDate"), ("/ModDate", "xmp:ModifyDate")):
        have = values(root, prop)
        if (key in info) != bool(have):
            report("A1:6.7.3", "Info %s and XMP %s are not both present or both absent" % (key, prop))
        elif have:
            want = text(pdf.resolve(info[key]))
            if len(have) != 1 or pdf_instant(want) is None or pdf_instant(want) != xmp_instant(have[0]):
                report("A1:6.7.3", "Info %s is %r but XMP %s is %r: not one instant" % (key, want, prop, have))


# D:YYYYMMDDHHmmSS with O HH'mm' (PDF 1.7 §7.9.4; the fields after the year may be left out) and
# YYYY-MM-DDThh:mm:ss with its zone (XMP, ISO 8601's profile): both four digits of year, as
# ISO 19005-1 6.7.3 compares them.
PDF_DATE = re.compile(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:([Z+-])(?:(\d\d)'?(?:(\d\d)'?)?)?)?$")
XMP_DATE = re.compile(r"(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?"
                      r"(?:(Z)|([+-])(\d\d):(\d\d))?)?)?)?$")


def instant(year, month, day, hour, minute, second, sign, zh, zm):
    try:
        t = datetime.datetime(int(year), int(month or 1), int(day or 1), int(hour or 0), int(minute or 0),
                              int(second or 0), tzinfo=datetime.timezone.utc)
    except ValueError:
        return None
    offset = datetime.timedelta(hours=int(zh or 0), minutes=int(zm or 0))
    return t - offset if sign == "+" else t + offset if sign == "-" else t


def pdf_instant(s):
    m = PDF_DATE.match(s or "")
    return m and instant(*m.groups())


def xmp_instant(s):
    m = XMP_DATE.match((s or "").strip())
    return m and instant(*m.groups()[:6], m.group(7) or m.group(8), m.group(9), m.group(10))


def output_intent(pdf, report):
    intents = pdf.get(pdf.catalog(), "/OutputIntents") or []
    pdfa = [pdf.resolve(i) for i in intents if pdf.get(i, "/S") == "/GTS_PDFA1"]
    if not pdfa:
        report("A2:6.2.4.3-4", "no GTS_PDFA1 output intent (device colours need one)")
        return
    profiles = {str(i.get("/DestOutputProfile")) for i in pdfa if isinstance(i, dict)}
    if len(profiles) != 1:
        report("A2:6.2.3-2", "output intents name %d different profiles" % len(profiles))
    icc = pdf.resolve(pdfa[0].get("/DestOutputProfile"))
    if not isinstance(icc, Stream) or len(icc.data) < 128:
        report("A2:6.2.3-1", "the output intent has no ICC profile stream")
        return
    h = icc.data
    if h[12:16] not in (b"mntr", b"prtr") or h[16:20] != b"RGB " or h[8] not in (2, 4):
        report("A2:6.2.3-1", "ICC header: class %r, colour space %r, version %d; want mntr/RGB/v2 or v4"
               % (h[12:16], h[16:20], h[8]))
    if icc.get("/N") != 3:
        report("A2:6.2.3-1", "the ICC stream's /N is %r, not 3" % icc.get("/N"))


def catalog_ua(pdf, report):
    cat = pdf.catalog()
    mark = pdf.get(cat, "/MarkInfo") or {}
    if mark.get("/Marked") is not True:
        report("UA1:6.2-1", "the catalog's /MarkInfo /Marked is not true")
    if mark.get("/Suspects") is True:
        report("UA1:7.1-4", "/MarkInfo /Suspects is true")
    lang = text(pdf.resolve(cat.get("/Lang")))
    if not LANG.match(lang):
        report("UA1:7.2-29", "the catalog's /Lang %r is not an RFC 3066 tag" % lang)
    if (pdf.get(cat, "/ViewerPreferences") or {}).get("/DisplayDocTitle") is not True:
        report("UA1:7.1-10", "/ViewerPreferences /DisplayDocTitle is not true")
    if not isinstance(pdf.get(cat, "/StructTreeRoot"), dict):
        report("UA1:7.1-11", "the catalog has no /StructTreeRoot")
