"""A good PDF/A-2u + PDF/UA-1 sample for the checkers' own tests, made from an untagged zapros PDF
through qpdf's JSON: each page's whole content becomes one P's marked content, each link a Link
element with its OBJR, and page 1 gains empty marked content for one element of every kind the
rules look at (H1, H2, Figure, Note, L/LI/Lbl/LBody, Table/TR/TH/TD).

    sample.py IN.pdf OUT.pdf
"""
import os
import subprocess
import sys
from xml.sax.saxutils import escape

from qpdf_edit import Doc, u

# The sRGB profile zapros ships (icc/, from Debian's icc-profiles-free).
SRGB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "icc", "sRGB.icc")
STRUCT = "/StructElem"


def xmp(info_text):
    def one(ns, prefix, body):
        return '<rdf:Description rdf:about="" xmlns:%s="%s">%s</rdf:Description>\n' % (prefix, ns, body)

    parts = [
        '<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"'
        ' xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">'
        '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">'
        '<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>'
        '<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>'
        '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix><pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">'
        '<pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>'
        '<pdfaProperty:category>internal</pdfaProperty:category><pdfaProperty:description>ISO 14289 part'
        '</pdfaProperty:description></rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag>'
        '</pdfaExtension:schemas></rdf:Description>\n',
        one("http://www.aiim.org/pdfa/ns/id/", "pdfaid", "<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U</pdfaid:conformance>"),
        one("http://www.aiim.org/pdfua/ns/id/", "pdfuaid", "<pdfuaid:part>1</pdfuaid:part>"),
    ]
    alt = '<rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt>'
    dc = ""
    if "/Title" in info_text:
        dc += "<dc:title>%s</dc:title>" % (alt % escape(info_text["/Title"]))
    if "/Author" in info_text:
        dc += "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>" % escape(info_text["/Author"])
    if "/Subject" in info_text:
        dc += "<dc:description>%s</dc:description>" % (alt % escape(info_text["/Subject"]))
    parts.append(one("http://purl.org/dc/elements/1.1/", "dc", dc))
    if "/Creator" in info_text:
        parts.append(one("http://ns.adobe.com/xap/1.0/", "xmp", "<xmp:CreatorTool>%s</xmp:CreatorTool>" % escape(info_text["/Creator"])))
    pdf_ns = ""
    for key, prop in (("/Producer", "Producer"), ("/Keywords", "Keywords")):
        if key in info_text:
            pdf_ns += "<pdf:%s>%s</pdf:%s>" % (prop, escape(info_text[key]), prop)
    if pdf_ns:
        parts.append(one("http://ns.adobe.com/pdf/1.3/", "pdf", pdf_ns))
    return ('<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n' + "".join(parts)
            + '</rdf:RDF></x:xmpmeta>\n<?xpacket end="w"?>').encode("utf-8")


# Page 1's extra elements: (role, parent index in this list or -1 for the Document, extra keys).
EXTRA = [
    ("/H1", -1, {}), ("/H2", -1, {}),
    ("/Figure", -1, {"/Alt": u("A photograph")}),
    ("/Note", -1, {"/ID": u("note-1")}), ("/P", 3, {}),
    ("/L", -1, {}), ("/LI", 5, {}), ("/Lbl", 6, {}), ("/LBody", 6, {}),
    ("/Table", -1, {}), ("/TR", 9, {}), ("/TH", 10, {"/A": {"/O": "/Table", "/Scope": "/Column"}}), ("/TD", 10, {}),
]
LEAVES = {0, 1, 2, 4, 7, 8, 11, 12}  # the extras that hold an MCID


def ascending(nums):
    """A number tree's /Nums in key order (ISO 32000-1 §7.9.7), as pairs were added page by page."""
    pairs = sorted(zip(nums[::2], nums[1::2]), key=lambda kv: kv[0])
    return [x for kv in pairs for x in kv]


def make(src, out):
    d = Doc(src)
    info_ref = d.trailer()["/Info"]
    info = d.value(info_ref)
    for k in ("/CreationDate", "/ModDate"):
        info.pop(k, None)
    info_text = {k: v[2:] for k, v in info.items() if isinstance(v, str) and v.startswith("u:")}
    cat_ref = d.trailer()["/Root"]
    cat = d.catalog()
    cat["/Metadata"] = d.add(stream=xmp(info_text), Type="/Metadata", Subtype="/XML")
    with open(SRGB, "rb") as f:
        icc = d.add(stream=f.read(), N=3)
    cat["/OutputIntents"] = [{"/Type": "/OutputIntent", "/S": "/GTS_PDFA1",
                              "/OutputConditionIdentifier": u("sRGB IEC61966-2.1"), "/DestOutputProfile": icc}]
    cat["/MarkInfo"] = {"/Marked": True}
    cat["/Lang"] = u("en")
    cat["/ViewerPreferences"] = {"/DisplayDocTitle": True}
    root_ref = d.add({})
    doc_ref = d.add({})
    doc_kids, nums, next_key = [], [], len(d.pages())
    pages = d.pages()
    extras = []
    for i, page_ref in enumerate(pages):
        page = d.value(page_ref)
        para_ref = d.add({})
        doc_kids_here, owners, prefix = [], [], b""
        if i == 0:
            for role, parent, keys in EXTRA:
                ref = d.add({})
                extras.append(ref)
                up = doc_ref if parent < 0 else extras[parent]
                e = {"/Type": STRUCT, "/S": role, "/P": up, "/K": [], **keys}
                d.set_value(ref, e)
                if parent < 0:
                    doc_kids_here.append(ref)
                else:
                    d.value(up)["/K"].append(ref)
            for n, ref in enumerate(extras):
                if n in LEAVES:
                    mcid = len(owners)
                    d.value(ref)["/K"].append(mcid)
                    d.value(ref)["/Pg"] = page_ref
                    owners.append(ref)
                    prefix += b"%s <</MCID %d>> BDC EMC\n" % (d.value(ref)["/S"].encode(), mcid)
        para = {"/Type": STRUCT, "/S": "/P", "/P": doc_ref, "/Pg": page_ref, "/K": [len(owners)]}
        owners.append(para_ref)
        body = b"".join(d.stream_bytes(c) for c in (page["/Contents"] if isinstance(page["/Contents"], list) else [page["/Contents"]]))
        content = prefix + b"/P <</MCID %d>> BDC\n" % (len(owners) - 1) + body + b"\nEMC\n"
        page["/Contents"] = d.add(stream=content)
        page["/StructParents"] = i
        nums += [i, owners]
        for a_ref in page.get("/Annots", []):
            a = d.value(a_ref)
            link_ref = d.add({"/Type": STRUCT, "/S": "/Link", "/P": para_ref, "/Pg": page_ref,
                              "/K": [{"/Type": "/OBJR", "/Obj": a_ref, "/Pg": page_ref}]})
            para["/K"].append(link_ref)
            a["/F"] = 4
            action = a.get("/A", {})
            uri = (d.value(action) if isinstance(action, str) else action).get("/URI", "")
            a["/Contents"] = u(uri[2:] if isinstance(uri, str) and uri[:2] in ("u:", "b:") else "a link")
            a["/StructParent"] = next_key
            nums += [next_key, link_ref]
            next_key += 1
        if page.get("/Annots"):
            page["/Tabs"] = "/S"
        d.set_value(para_ref, para)
        doc_kids += doc_kids_here + [para_ref]
    d.set_value(doc_ref, {"/Type": STRUCT, "/S": "/Document", "/P": root_ref, "/K": doc_kids})
    d.set_value(root_ref, {"/Type": "/StructTreeRoot", "/K": [doc_ref],
                           "/ParentTree": d.add({"/Nums": ascending(nums)}), "/ParentTreeNextKey": next_key,
                           "/IDTree": {"/Names": [u("note-1"), extras[3]]}})
    cat["/StructTreeRoot"] = root_ref
    d.set_value(cat_ref, cat)
    d.save(out)


def untagged_pdf(zapros, request, out):
    """An untagged zapros PDF of request (--pdf-standard none; before that option, plain render)."""
    for extra in (["--pdf-standard", "none"], []):
        r = subprocess.run([zapros, "render", request, *extra, "-o", out], capture_output=True, check=False)
        if r.returncode == 0 and os.path.exists(out):
            return out
    raise RuntimeError("zapros could not render %s: %s" % (request, r.stderr.decode("utf-8", "replace")[-500:]))


def source_args(ap):
    """The tests' common options: the untagged PDF, or zapros and a request to render it from."""
    ap.add_argument("source", nargs="?", help="an untagged zapros PDF the sample is made from")
    ap.add_argument("--zapros", help="render --request with this zapros instead")
    ap.add_argument("--request", help="the request to render")
    ap.add_argument("--good", help="a good tagged PDF/A-2u file instead of the sample")


def good_pdf(args, tmp):
    """The good PDF the tests break: --good, or the sample made from the source."""
    if args.good:
        return args.good
    source = args.source or untagged_pdf(args.zapros, args.request, os.path.join(tmp, "untagged.pdf"))
    good = os.path.join(tmp, "good.pdf")
    make(source, good)
    return good


if __name__ == "__main__":
    make(sys.argv[1], sys.argv[2])
