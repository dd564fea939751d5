#!/usr/bin/env python3
"""What each candidate fallback font would cost and give (issue 14): for each, the file's bytes
and its bytes compressed as a .deb carries them (xz -9, gzip -9), the bytes it adds to a PDF
that draws one of its characters, its x-height, and how much of each block a fallback must
cover it has. Each candidate comes from Debian with the machine's own apt configuration
(`apt-get download PACKAGE`, unpacked with `dpkg-deb -x`; run `apt-get update` once first).

The PDF cost is measured with zapros itself: a one-paragraph request rendered with and without
the character, through a copy of the data directory whose fallback file in that place
(DejaVuSerif.ttf, DejaVuSansMono.ttf or Symbola_hint.ttf) is the candidate.

  python3 bench/fallback.py [--zapros build/zapros] [--work DIR]"""
import argparse
import gzip
import lzma
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONTS = "usr/share/fonts/truetype/"

# The four styles of the serif face: the fallback's file in fonts/ and the Markdown drawing α in it.
STYLES = [("", "DejaVuSerif.ttf", "α"), (" Bold", "DejaVuSerif-Bold.ttf", "**α**"),
          (" Italic", "DejaVuSerif-Italic.ttf", "*α*"), (" Bold Italic", "DejaVuSerif-BoldItalic.ttf", "***α***")]


def serif_family(name, files):
    """The rows of a family of four: files is (package, file) by style, as STYLES orders them."""
    return [(name + style, package, file, slot, text) for (style, slot, text), (package, file) in zip(STYLES, files)]


# label, Debian package, file in it, the place in fonts/ it is tried in, the text drawn from it
CANDIDATES = (
    serif_family("DejaVu Serif", [("fonts-dejavu-core", "dejavu/DejaVuSerif.ttf"), ("fonts-dejavu-core", "dejavu/DejaVuSerif-Bold.ttf"),
                                  ("fonts-dejavu-extra", "dejavu/DejaVuSerif-Italic.ttf"),
                                  ("fonts-dejavu-extra", "dejavu/DejaVuSerif-BoldItalic.ttf")])
    + serif_family("Noto Serif", [("fonts-noto-core", f"noto/NotoSerif-{s}.ttf") for s in ("Regular", "Bold", "Italic", "BoldItalic")])
    + serif_family("FreeSerif", [("fonts-freefont-ttf", f"freefont/FreeSerif{s}.ttf") for s in ("", "Bold", "Italic", "BoldItalic")])
    + [
        ("DejaVu Sans Mono", "fonts-dejavu-core", "dejavu/DejaVuSansMono.ttf", "DejaVuSansMono.ttf", "`α`"),
        ("Noto Sans Mono", "fonts-noto-mono", "noto/NotoSansMono-Regular.ttf", "DejaVuSansMono.ttf", "`α`"),
        ("FreeMono", "fonts-freefont-ttf", "freefont/FreeMono.ttf", "DejaVuSansMono.ttf", "`α`"),
        ("Symbola", "fonts-symbola", "ancient-scripts/Symbola_hint.ttf", "DejaVuSerif.ttf", "α"),
        ("Symbola, an emoji", "fonts-symbola", "ancient-scripts/Symbola_hint.ttf", "Symbola_hint.ttf", "😀"),
    ])

BLOCKS = [  # the blocks issue 14 names, and the emoji
    ("Greek", 0x370, 0x3FF),
    ("Letterlike", 0x2100, 0x214F),
    ("Arrows", 0x2190, 0x21FF),
    ("Math ops", 0x2200, 0x22FF),
    ("Currency", 0x20A0, 0x20CF),
    ("Box", 0x2500, 0x257F),
    ("Emoji", 0x1F300, 0x1F6FF),  # Misc Symbols and Pictographs, Emoticons, Transport and Map
]


class Sfnt:
    """Just what this script asks of a TrueType file: its character map, x-height and table sizes."""

    def __init__(self, path):
        with open(path, "rb") as f:
            self.b = f.read()
        self.tables = {}
        for i in range(self.u16(4)):
            tag, _, offset, length = struct.unpack_from(">4sIII", self.b, 12 + 16 * i)
            self.tables[tag.decode("latin-1")] = (offset, length)

    def size(self, *tags):
        return sum(self.tables.get(t, (0, 0))[1] for t in tags)

    def u16(self, at):
        return struct.unpack_from(">H", self.b, at)[0]

    def u32(self, at):
        return struct.unpack_from(">I", self.b, at)[0]

    def cmap(self):
        base = self.tables["cmap"][0]
        subs = {}
        for i in range(self.u16(base + 2)):
            platform, encoding, offset = struct.unpack_from(">HHI", self.b, base + 4 + 8 * i)
            subs[(platform, encoding)] = base + offset
        out = {}
        if (3, 10) in subs and self.u16(subs[(3, 10)]) == 12:
            at = subs[(3, 10)]
            for k in range(self.u32(at + 12)):
                start, end, glyph = struct.unpack_from(">III", self.b, at + 16 + 12 * k)
                for c in range(start, end + 1):
                    out[c] = glyph + c - start
            return out
        at = subs[(3, 1)]
        segs = self.u16(at + 6) // 2
        ends, starts = at + 14, at + 16 + 2 * segs
        deltas, ranges = starts + 2 * segs, starts + 4 * segs
        for s in range(segs):
            end, start = self.u16(ends + 2 * s), self.u16(starts + 2 * s)
            delta, rng = self.u16(deltas + 2 * s), self.u16(ranges + 2 * s)
            for c in range(start, min(end, 0xFFFE) + 1):
                g = (c + delta) & 0xFFFF if rng == 0 else self.u16(ranges + 2 * s + rng + 2 * (c - start))
                if rng and g:
                    g = (g + delta) & 0xFFFF
                if g:
                    out[c] = g
        return out

    def x_height(self):
        """In 1/1000 em: OS/2 sxHeight (version 2 on), else the top of 'x' (as text/font.cpp)."""
        upem = self.u16(self.tables["head"][0] + 18)
        os2 = self.tables.get("OS/2")
        if os2 and os2[1] >= 90 and self.u16(os2[0]) >= 2 and self.u16(os2[0] + 86):
            return 1000 * self.u16(os2[0] + 86) / upem
        glyph = self.cmap()[ord("x")]
        long_loca = self.u16(self.tables["head"][0] + 50)
        loca = self.tables["loca"][0]
        start = self.u32(loca + 4 * glyph) if long_loca else 2 * self.u16(loca + 2 * glyph)
        return 1000 * struct.unpack_from(">h", self.b, self.tables["glyf"][0] + start + 8)[0] / upem


def fetch(packages, work):
    """package → (its version, the directory it was unpacked into)."""
    out = {}
    debs = os.path.join(work, "debs")
    os.makedirs(debs, exist_ok=True)
    os.chmod(debs, 0o777)  # apt's download user writes here when apt-get runs as root
    for p in sorted(set(packages)):
        r = subprocess.run(["apt-get", "download", p], cwd=debs, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"apt-get download {p} failed (run apt-get update first?):\n{r.stderr}")
        deb = next(os.path.join(debs, f) for f in sorted(os.listdir(debs)) if f.startswith(p + "_"))
        version = subprocess.run(["dpkg-deb", "-f", deb, "Version"], capture_output=True, text=True, check=True).stdout.strip()
        root = os.path.join(work, p)
        subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
        out[p] = (version, root)
    return out


def pdf_bytes(zapros, data, body, work):
    md = os.path.join(work, "r.md")
    with open(md, "w") as f:
        f.write(f"---\ntitle: Запрос\nto: Министерство\n---\nТекст{' ' + body if body else ''}.\n")
    pdf = os.path.join(work, "r.pdf")
    env = dict(os.environ, ZAPROS_DATA_DIR=data)
    subprocess.run([zapros, "render", md, "-o", pdf], env=env, check=True, capture_output=True)
    return os.path.getsize(pdf)


def data_dir(work, slot, font):
    """A copy of the installation's data with `font` in the place of fonts/slot."""
    d = os.path.join(work, f"data-{slot}-{os.path.basename(font)}")
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.join(d, "fonts"))
    for f in os.listdir(os.path.join(ROOT, "fonts")):
        os.symlink(os.path.join(ROOT, "fonts", f), os.path.join(d, "fonts", f))
    os.remove(os.path.join(d, "fonts", slot))
    os.symlink(font, os.path.join(d, "fonts", slot))
    os.symlink(os.path.join(ROOT, "hyph"), os.path.join(d, "hyph"))
    os.symlink(os.path.join(ROOT, "icc"), os.path.join(d, "icc"))
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build/zapros"))
    ap.add_argument("--work", help="keep the downloads here (default: a temporary directory)")
    args = ap.parse_args()
    zapros = os.path.abspath(args.zapros)
    work = args.work or tempfile.mkdtemp(prefix="zapros-fallback-")
    packages = fetch([c[1] for c in CANDIDATES], work)

    assigned = {name: [c for c in range(a, b + 1) if unicodedata.category(chr(c)) != "Cn"] for name, a, b in BLOCKS}
    print(f"Unicode {unicodedata.unidata_version} (this Python's), characters assigned per block:",
          ", ".join(f"{n} {len(cs)}" for n, cs in assigned.items()))
    print("PDF: bytes a one-paragraph request grows by when it draws the text from the font.\n")
    head = ["font", "package", "file B", "xz -9 B", "gzip -9 B", "PDF +B", "name B", "hinting B", "x-height"] + [n for n, _, _ in BLOCKS]
    rows = []
    base = {}
    for label, package, file, slot, text in CANDIDATES:
        version, root = packages[package]
        path = os.path.join(root, FONTS, file)
        with open(path, "rb") as f:
            raw = f.read()
        data = data_dir(work, slot, path)
        if data not in base:
            base[data] = pdf_bytes(zapros, data, "", work)
        added = pdf_bytes(zapros, data, text, work) - base[data]
        font = Sfnt(path)
        cmap = font.cmap()
        cover = [f"{sum(c in cmap for c in cs)}" for cs in assigned.values()]
        rows.append([label, f"{package} {version}", f"{len(raw):,}", f"{len(lzma.compress(raw, preset=9)):,}",
                     f"{len(gzip.compress(raw, 9)):,}", f"{added:,} ({text})", f"{font.size('name'):,}",
                     f"{font.size('fpgm', 'prep', 'cvt '):,}", f"{font.x_height():.0f}"] + cover)
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    for r in [head] + rows:
        print(" | ".join(v.ljust(w) for v, w in zip(r, widths)))
    print("name: the name table, which an embedded subset carries (DejaVu's holds its licence); hinting: "
          "fpgm, prep and cvt (the glyphs' own instructions come on top)")
    own = [os.path.join(ROOT, "fonts", f) for f in sorted(os.listdir(os.path.join(ROOT, "fonts"))) if f.startswith("PT")]
    raw = b"".join(open(f, "rb").read() for f in own)
    print(f"zapros's own fonts ({', '.join(os.path.basename(f) for f in own)}): {len(raw):,} B, "
          f"xz -9 {len(lzma.compress(raw, preset=9)):,} B")
    if not args.work:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
