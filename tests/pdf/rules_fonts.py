"""Font rules on what the pages show: no .notdef (A2 6.2.11.8-1, UA1 7.21.8-1), every shown code
mapped to Unicode by ToUnicode (A2 6.2.11.7.2-1/-2, UA1 7.21.7-1), a CIDSet absent or complete
(A2 6.2.11.4.2-2). Composite fonts with 2-byte codes (Identity-H), which is what zapros writes.
"""
import struct

from content import ContentError, operations
from pdfdoc import Stream

BAD_UNICODE = {0x0000, 0xFEFF, 0xFFFE}


def check(pdf, report, standard, pages):
    shown = {}
    for pc in pages.values():
        for font, strings in pc.shown.items():
            shown.setdefault(font, set()).update(strings)
    unicode_rule = "A2:6.2.11.7.2-1" if standard == "a-2u" else "UA1:7.21.7-1"
    for ref, strings in sorted(shown.items(), key=lambda kv: str(kv[0])):
        font = pdf.resolve(ref)
        if not isinstance(font, dict):
            continue
        name = str(font.get("/BaseFont", ref))
        if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H":
            report("zapros-font", "%s: not a Type0 Identity-H font; these checks do not read it" % name)
            continue
        cids = set()
        for s in strings:
            cids.update(struct.unpack(">%dH" % (len(s) // 2), s[: len(s) // 2 * 2]))
        descendant = pdf.resolve((pdf.get(font, "/DescendantFonts") or [None])[0])
        gid = cid_to_gid(pdf, descendant)
        if any(gid(c) == 0 for c in cids):
            report("A2:6.2.11.8-1", "%s: CID 0 (.notdef) is shown" % name)
            report("UA1:7.21.8-1", "%s: .notdef is shown" % name)
        to_unicode(pdf, report, standard, unicode_rule, font, name, cids - {0})
        cidset(pdf, report, descendant, name)


def cid_to_gid(pdf, descendant):
    m = pdf.get(descendant, "/CIDToGIDMap")
    if isinstance(m, Stream):
        table = m.data
        return lambda c: struct.unpack(">H", table[2 * c:2 * c + 2])[0] if 2 * c + 2 <= len(table) else 0
    return lambda c: c


def parse_cmap(data):
    """{code bytes: mapped bytes (UTF-16BE)} of a ToUnicode CMap's bfchar and bfrange."""
    out = {}
    for op, operands in operations(data):
        if op == "endbfchar":
            for i in range(0, len(operands) - 1, 2):
                out[operands[i]] = operands[i + 1]
        elif op == "endbfrange":
            for i in range(0, len(operands) - 2, 3):
                lo, hi, dst = operands[i:i + 3]
                a, b = int.from_bytes(lo, "big"), int.from_bytes(hi, "big")
                for k, code in enumerate(range(a, min(b, a + 65535) + 1)):
                    key = code.to_bytes(len(lo), "big")
                    if isinstance(dst, list):
                        if k < len(dst):
                            out[key] = dst[k]
                    elif isinstance(dst, bytes) and dst:
                        last = int.from_bytes(dst[-2:], "big") + k
                        out[key] = dst[:-2] + (last & 0xFFFF).to_bytes(2, "big")
    return out


def to_unicode(pdf, report, standard, rule, font, name, cids):
    cmap = pdf.get(font, "/ToUnicode")
    if not isinstance(cmap, Stream):
        report(rule, "%s: no ToUnicode CMap" % name)
        return
    try:
        table = parse_cmap(cmap.data)
    except ContentError as e:
        report(rule, "%s: the ToUnicode CMap does not parse: %s" % (name, e))
        return
    missing, bad, broken = [], [], []
    for c in sorted(cids):
        dst = table.get(c.to_bytes(2, "big"))
        if dst is None:
            missing.append(c)
            continue
        try:
            chars = dst.decode("utf-16-be", "strict")
        except UnicodeDecodeError:
            broken.append(c)
            continue
        if not chars or any(ord(ch) in BAD_UNICODE for ch in chars):
            bad.append(c)
    if missing:
        report(rule, "%s: CIDs without a ToUnicode entry: %s" % (name, _few(missing)))
    if broken:
        report(rule, "%s: ToUnicode entries that are not UTF-16 (a broken surrogate pair): %s"
               % (name, _few(broken)))
    if bad and standard == "a-2u":
        report("A2:6.2.11.7.2-2", "%s: CIDs mapped to U+0000, U+FEFF or U+FFFE: %s" % (name, _few(bad)))


def _few(xs):
    return ", ".join(str(x) for x in xs[:8]) + (" …" if len(xs) > 8 else "")


def glyphs_with_outlines(program):
    """GIDs of a TrueType program whose glyf entry is not empty (via head, maxp, loca)."""
    n = struct.unpack(">H", program[4:6])[0]
    tables = {}
    for i in range(n):
        tag, _, off, length = struct.unpack(">4sIII", program[12 + 16 * i: 28 + 16 * i])
        tables[tag] = (off, length)
    head, maxp, loca = tables[b"head"][0], tables[b"maxp"][0], tables[b"loca"][0]
    long_offsets = struct.unpack(">h", program[head + 50: head + 52])[0] == 1
    count = struct.unpack(">H", program[maxp + 4: maxp + 6])[0]
    fmt, size = (">%dI", 4) if long_offsets else (">%dH", 2)
    offs = struct.unpack(fmt % (count + 1), program[loca: loca + size * (count + 1)])
    return {g for g in range(count) if offs[g + 1] > offs[g]}


def cidset(pdf, report, descendant, name):
    descriptor = pdf.get(descendant, "/FontDescriptor") or {}
    s = pdf.get(descriptor, "/CIDSet")
    if s is None:
        return
    if not isinstance(s, Stream):
        report("A2:6.2.11.4.2-2", "%s: /CIDSet is not a stream" % name)
        return
    program = pdf.get(descriptor, "/FontFile2")
    if not isinstance(program, Stream) or pdf.get(descendant, "/CIDToGIDMap") != "/Identity":
        report("A2:6.2.11.4.2-2", "%s: a CIDSet these checks cannot verify (no FontFile2 with Identity map)" % name)
        return
    bits = {8 * i + (7 - b) for i, byte in enumerate(s.data) for b in range(8) if byte >> b & 1}
    try:
        present = glyphs_with_outlines(program.data)
    except (KeyError, struct.error) as e:
        report("A2:6.2.11.4.2-2", "%s: the font program cannot be read for the CIDSet: %s" % (name, e))
        return
    lost = sorted(present - bits)
    if lost:
        report("A2:6.2.11.4.2-2", "%s: the CIDSet leaves out CIDs the program has: %s" % (name, _few(lost)))
