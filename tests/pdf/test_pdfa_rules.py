#!/usr/bin/env python3
"""pdfa_rules.py's own tests: a good PDF passes, and each broken variant of it fails naming the
rule it breaks. The good PDF is GOOD.pdf if given (zapros' own tagged output), else a sample made
from an untagged zapros PDF by sample.py.

    test_pdfa_rules.py (SOURCE.pdf | --zapros BIN --request REQUEST.md) [--good GOOD.pdf]
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import unittest
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdfa_rules  # noqa: E402
import sample  # noqa: E402
from qpdf_edit import Doc, u  # noqa: E402

GOOD = None


def elements(d, role):
    return [k[4:] for k, o in d.objs.items() if k.startswith("obj:") and isinstance(o.get("value"), dict)
            and o["value"].get("/S") == role and o["value"].get("/Type", "/StructElem") == "/StructElem"]


def annotations(d):
    return [a for p in d.pages() for a in d.value(p).get("/Annots", [])]


def page_content(d, n=0):
    page = d.value(d.pages()[n])
    c = page["/Contents"]
    if isinstance(c, list):
        data = b"".join(d.stream_bytes(x) for x in c)
        page["/Contents"] = c = d.add(stream=data)
    return c


def append_content(d, text, n=0):
    ref = page_content(d, n)
    d.set_stream(ref, d.stream_bytes(ref) + b"\n" + text)


def replace_content(d, old, new, n=0):
    ref = page_content(d, n)
    data = d.stream_bytes(ref)
    assert old in data, old
    d.set_stream(ref, data.replace(old, new, 1))


def first_font(d, n=0):
    page = d.value(d.pages()[n])
    res = page["/Resources"]
    res = d.value(res) if isinstance(res, str) else res
    fonts = res["/Font"]
    fonts = d.value(fonts) if isinstance(fonts, str) else fonts
    name = sorted(fonts)[0]
    return name, fonts[name]


def shown_cid(d):
    """A CID page 1 shows and its font's ToUnicode maps (from the /W array's first entry)."""
    name, font = first_font(d)
    descendant = d.value(d.value(font)["/DescendantFonts"][0])
    return name, descendant["/W"][0]


def parent_tree(d):
    root = d.value(d.catalog()["/StructTreeRoot"])
    pt = root["/ParentTree"]
    return d.value(pt) if isinstance(pt, str) else pt


def metadata_replace(d, old, new):
    ref = d.catalog()["/Metadata"]
    data = d.stream_bytes(ref)
    assert old in data, old
    d.set_stream(ref, data.replace(old, new, 1), Type="/Metadata", Subtype="/XML")


def link_without_objr(d):
    """A Link element with nothing to point at: no annotation misses it, only the element is wrong."""
    doc = elements(d, "/Document")[0]
    d.value(doc)["/K"].append(d.add({"/Type": "/StructElem", "/S": "/Link", "/P": doc, "/K": []}))


def drop_mcid_from_parent_tree(d):
    page = d.value(d.pages()[0])
    nums = parent_tree(d)["/Nums"]
    arr = nums[nums[0::2].index(page["/StructParents"]) * 2 + 1]
    arr = d.value(arr) if isinstance(arr, str) else arr
    arr[0] = None


def skip_heading_level(d):
    h2 = elements(d, "/H2")[0]
    d.value(h2)["/S"] = "/H3"


def draw_cid0(d):
    name, _ = first_font(d)
    append_content(d, b"/P <</MCID 99>> BDC BT %s 12 Tf <0000> Tj ET EMC" % name.encode())


def text_outside(d):
    name, cid = shown_cid(d)
    append_content(d, b"BT %s 12 Tf <%04X> Tj ET" % (name.encode(), cid))


def emc_across_et(d):
    name, cid = shown_cid(d)
    append_content(d, b"BT /Artifact BMC %s 12 Tf <%04X> Tj ET EMC" % (name.encode(), cid))


def mcid_in_artifact(d):
    append_content(d, b"/Artifact BMC /P <</MCID 98>> BDC EMC EMC")


def unmap_cid(d, to):
    _, font = first_font(d)
    ref = d.value(font)["/ToUnicode"]
    _, cid = shown_cid(d)
    key = b"<%04X>" % cid
    data = d.stream_bytes(ref)
    lines = data.split(b"\n")
    hit = [i for i, line in enumerate(lines) if line.strip().startswith(key + b" ") or line.strip().startswith(key + b"<")]
    assert hit, "the CMap has no bfchar line for %r" % key
    lines[hit[0]] = key + b" " + to if to else b""
    d.set_stream(ref, b"\n".join(lines).replace(b"beginbfchar", b"beginbfchar", 1))


def icc_class(d):
    intent = d.catalog()["/OutputIntents"][0]
    intent = d.value(intent) if isinstance(intent, str) else intent
    ref = intent["/DestOutputProfile"]
    data = bytearray(d.stream_bytes(ref))
    data[12:16] = b"scnr"
    d.set_stream(ref, bytes(data), N=3)


def compressed_xmp(good, tmp, out):
    """qpdf never compresses /Metadata, so by hand in QDF form: the XMP deflated, fix-qdf after."""
    qdf = os.path.join(tmp, "good.qdf")
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", good, qdf], check=True)
    with open(qdf, "rb") as f:
        data = f.read()
    m = re.search(rb"/Subtype /XML\s*/Type /Metadata\s*/Length \d+ 0 R\s*>>\s*stream\n(.*?)\nendstream", data, re.S)
    assert m, "no XMP stream in the QDF file"
    packed = zlib.compress(m.group(1))
    data = data[:m.start()] + b"/Filter /FlateDecode " + data[m.start():m.start(1)] + packed + data[m.end(1):]
    r = subprocess.run(["fix-qdf"], input=data, capture_output=True, check=True)
    with open(out, "wb") as f:
        f.write(r.stdout)


def dated(info_date, xmp_date):
    """A change giving Info /CreationDate info_date and the XMP xmp:CreateDate xmp_date alone."""
    def change(d):
        d.value(d.trailer()["/Info"])["/CreationDate"] = u(info_date)
        ref = d.catalog()["/Metadata"]
        data = re.sub(rb"<xmp:CreateDate>[^<]*</xmp:CreateDate>", b"", d.stream_bytes(ref))
        created = ('<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
                   "<xmp:CreateDate>%s</xmp:CreateDate></rdf:Description>\n</rdf:RDF>" % xmp_date)
        d.set_stream(ref, data.replace(b"</rdf:RDF>", created.encode(), 1), Type="/Metadata", Subtype="/XML")
    return change


# (name, the rule it must fail, the change)
BROKEN = [
    ("an annotation without /F", "A2:6.3.2-1", lambda d: d.value(annotations(d)[0]).pop("/F")),
    ("an annotation with /F 6 (hidden)", "A2:6.3.2-2", lambda d: d.value(annotations(d)[0]).update({"/F": 6})),
    ("a Link without /Contents", "UA1:7.18.5-2", lambda d: d.value(annotations(d)[0]).pop("/Contents")),
    ("a page with links but no /Tabs", "UA1:7.18.3-1", lambda d: d.value(d.pages()[0]).pop("/Tabs")),
    ("an MCID missing from the ParentTree", "32000:14.7.4.4", drop_mcid_from_parent_tree),
    ("a heading level skipped", "UA1:7.4.2-1", skip_heading_level),
    ("a Figure without /Alt", "UA1:7.3-1", lambda d: d.value(elements(d, "/Figure")[0]).pop("/Alt")),
    ("a Note without /ID", "UA1:7.9-1", lambda d: d.value(elements(d, "/Note")[0]).pop("/ID")),
    ("a Link annotation held by no OBJR", "UA1:7.18.5-1",
     lambda d: d.value(elements(d, "/Link")[0]).update({"/K": []})),
    ("a Link element without any OBJR", "UA1:7.18.5-1", link_without_objr),
    ("an LI outside any L", "UA1:7.2-17", lambda d: d.value(elements(d, "/L")[0]).update({"/S": "/Div"})),
    ("a TH without /Scope", "UA1:7.5-1", lambda d: d.value(elements(d, "/TH")[0]).pop("/A")),
    ("an element whose /P is not its parent", "UA1:7.1-12",
     lambda d: d.value(elements(d, "/Lbl")[0]).update({"/P": elements(d, "/Table")[0]})),
    ("CID 0 drawn", "A2:6.2.11.8-1", draw_cid0),
    ("text outside marked content", "UA1:7.1-3", text_outside),
    ("EMC closing a sequence across ET", "32000:14.6", emc_across_et),
    ("an MCID inside an Artifact", "UA1:7.1-1", mcid_in_artifact),
    ("a shown CID without ToUnicode", "A2:6.2.11.7.2-1", lambda d: unmap_cid(d, None)),
    ("a CID mapped to U+FFFE", "A2:6.2.11.7.2-2", lambda d: unmap_cid(d, b"<FFFE>")),
    ("a CID mapped to a lone surrogate", "A2:6.2.11.7.2-1", lambda d: unmap_cid(d, b"<D835>")),
    ("dc:title unlike Info /Title", "A1:6.7.3",
     lambda d: d.value(d.trailer()["/Info"]).update({"/Title": u("Another title")})),
    ("Info /CreationDate an hour off the XMP's", "A1:6.7.3",
     dated("D:20170403120000+00'00'", "2017-04-03T13:00:00+00:00")),
    ("a year past 9999 in the XMP, 0000 in Info", "A1:6.7.3",
     dated("D:00000101000000+00'00'", "10000-01-01T00:00:00+00:00")),
    ("an XMP that is not XML", "A2:6.6.2.1-4", lambda d: metadata_replace(d, b"</x:xmpmeta>", b"</x:xmpmet>")),
    ("pdfaid:part 1", "A2:6.6.4-2", lambda d: metadata_replace(d, b"<pdfaid:part>2<", b"<pdfaid:part>1<")),
    ("pdfuaid without its extension schema", "A2:6.6.2.3.1-1",
     lambda d: metadata_replace(d, b"<pdfaSchema:prefix>pdfuaid<", b"<pdfaSchema:prefix>other<")),
    ("an ICC profile of class scnr", "A2:6.2.3-1", icc_class),
    ("no /Lang", "UA1:7.2-29", lambda d: d.catalog().pop("/Lang")),
    ("no DisplayDocTitle", "UA1:7.1-10", lambda d: d.catalog().pop("/ViewerPreferences")),
    ("no MarkInfo", "UA1:6.2-1", lambda d: d.catalog().pop("/MarkInfo")),
]


def indirect_objr(d):
    """An OBJR written as an indirect object: as lawful as a direct one."""
    link = d.value(elements(d, "/Link")[0])
    link["/K"] = [d.add(k) if isinstance(k, dict) else k for k in link["/K"]]


def checked(change, standard="a-2u"):
    """pdfa_rules' failures on the good PDF changed by change(Doc)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "changed.pdf")
        d = Doc(GOOD)
        change(d)
        d.save(out)
        return pdfa_rules.check_file(out, standard)


class Rules(unittest.TestCase):
    def test_the_good_pdf_passes_every_rule(self):
        self.assertEqual(pdfa_rules.check_file(GOOD, "a-2u"), [])

    def test_an_indirect_objr_passes(self):
        self.assertEqual(checked(indirect_objr), [])

    def test_one_instant_in_two_zones_passes_6_7_3(self):
        self.assertEqual(checked(dated("D:20170403150000+03'00'", "2017-04-03T12:00:00Z")), [])

    def test_a_pdf_1_4_header_fails_6_1_2_1(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "v14.pdf")
            Doc(GOOD).save(out, version="1.4")
            self.assertIn("A2:6.1.2-1", [r for r, _ in pdfa_rules.check_file(out, "a-2u")])

    def test_a_2b_file_fails_as_a_2u_on_its_conformance(self):
        def to_b(d):
            metadata_replace(d, b"<pdfaid:conformance>U<", b"<pdfaid:conformance>B<")
        self.assertIn("A2:6.6.4-3", [r for r, _ in checked(to_b, "a-2u")])
        self.assertEqual(checked(to_b, "a-2b"), [])

    def test_a_compressed_xmp_fails_a1_6_7_2_2(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "z.pdf")
            compressed_xmp(GOOD, tmp, out)
            self.assertIn("A1:6.7.2-2", [r for r, _ in pdfa_rules.check_file(out, "a-2u")])


def make_broken_test(name, rule, change):
    def test(self):
        found = checked(change)
        self.assertIn(rule, [r for r, _ in found], "%s: expected %s, got %s" % (name, rule, found))
    return test


for _name, _rule, _change in BROKEN:
    setattr(Rules, "test_" + _name.replace(" ", "_").replace("/", ""), make_broken_test(_name, _rule, _change))


def main():
    global GOOD
    ap = argparse.ArgumentParser()
    sample.source_args(ap)
    args, rest = ap.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="zapros-rules-test-") as tmp:
        GOOD = sample.good_pdf(args, tmp)
        prog = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=1)
    return 0 if prog.result.wasSuccessful() else 1

if __name__ == "__main__":
    sys.exit(main())
