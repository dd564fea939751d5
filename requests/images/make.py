#!/usr/bin/env python3
"""Draws the showcase's pictures (requests/example-full-ru.md): an outlet's logo, a scanned
signature and a stamp, each an RGBA PNG at 300 dpi with a transparent background, and a screenshot
as evidence (a crop of the English model letter's first page, RGB at 150 dpi). They are our own
drawings, CC0 (README.md beside it). Deterministic: run it again and the bytes are the same.

  python3 requests/images/make.py [--zapros build/zapros]   # writes requests/images/*.png"""
import argparse
import math
import os
import struct
import subprocess
import tempfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DPI = 300


def png(path, w, h, pixels, channels, dpi):
    """Writes 8-bit RGBA (channels 4) or RGB (3) rows with the Sub filter, pHYs at dpi."""
    row = w * channels
    raw = bytearray()
    for y in range(h):
        line = pixels[y * row:(y + 1) * row]
        raw.append(1)
        raw += bytes(line[i] if i < channels else (line[i] - line[i - channels]) & 255 for i in range(row))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ppm = int(dpi / 0.0254 + 0.5)
    colour_type = 6 if channels == 4 else 2
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour_type, 0, 0, 0))
                + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) + chunk(b"IDAT", zlib.compress(bytes(raw), 9))
                + chunk(b"IEND", b""))


def paint(w, h, colour, coverage, samples=3):
    """RGBA pixels of one ink colour; coverage(x, y) says whether a point is inked (supersampled)."""
    out = bytearray(w * h * 4)
    step = 1.0 / samples
    for y in range(h):
        for x in range(w):
            hits = 0
            for sy in range(samples):
                for sx in range(samples):
                    hits += coverage(x + (sx + 0.5) * step, y + (sy + 0.5) * step)
            if hits:
                i = (y * w + x) * 4
                out[i:i + 3] = bytes(colour)
                out[i + 3] = round(255 * hits / (samples * samples))
    return out


def stamp():
    """A round seal 40 mm across: two rings, a band of ticks between them, a star in the middle."""
    size = int(40 / 25.4 * DPI)
    c = size / 2
    outer, inner, core = c - 4, c - 60, c - 70

    corners = [(c + (95 if i % 2 == 0 else 38) * math.sin(i * math.pi / 5),
                c - (95 if i % 2 == 0 else 38) * math.cos(i * math.pi / 5)) for i in range(10)]

    def star(dx, dy):  # even-odd test against the star's ten corners
        x, y = c + dx, c + dy
        inside = False
        for (x1, y1), (x2, y2) in zip(corners, corners[1:] + corners[:1]):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
        return inside

    def inked(x, y):
        dx, dy = x - c, y - c
        r = math.hypot(dx, dy)
        if outer - 9 < r < outer or inner - 6 < r < inner or core - 3 < r < core:
            return 1
        if inner < r < outer - 9:
            a = math.degrees(math.atan2(dy, dx)) % 10
            return 1 if a < 3.5 and outer - 45 < r < outer - 20 else 0
        return 1 if star(dx, dy) else 0

    return size, size, paint(size, size, (31, 58, 160), inked)


def signature():
    """A flourish in blue ink 55 × 18 mm: a sum of sines drawn as a stroke of varying width."""
    w, h = int(55 / 25.4 * DPI), int(18 / 25.4 * DPI)
    pts = []
    for i in range(1400):
        t = i / 1399
        x = 40 + t * (w - 100) - 24 * math.sin(t * 42)
        y = h / 2 + 60 * math.sin(t * 21) * math.exp(-1.2 * t) + 25 * math.sin(t * 6 + 1) - 30 * t
        pts.append((x, y, 3.2 + 3.0 * math.sin(t * math.pi)))
    grid = {}
    for x, y, r in pts:
        for gx in range(int(x - r) - 1, int(x + r) + 2):
            for gy in range(int(y - r) - 1, int(y + r) + 2):
                grid.setdefault((gx, gy), []).append((x, y, r))

    def inked(x, y):
        for px, py, r in grid.get((int(x), int(y)), ()):
            if (x - px) ** 2 + (y - py) ** 2 < r * r:
                return 1
        return 0

    return w, h, paint(w, h, (16, 24, 120), inked, samples=2)


def logo():
    """The outlet's mark, 20 mm square: a dark square with a white frame-and-bar motif."""
    size = int(20 / 25.4 * DPI)

    def inked(x, y):
        u, v = x / size, y / size
        inside = 0.04 < u < 0.96 and 0.04 < v < 0.96
        frame = 0.2 < u < 0.8 and 0.2 < v < 0.8 and not (0.28 < u < 0.72 and 0.28 < v < 0.72)
        bar = 0.4 < u < 0.6 and 0.1 < v < 0.9
        return 1 if inside and not (frame or bar) else 0

    return size, size, paint(size, size, (24, 24, 24), inked)


def screenshot(zapros, out):
    """The top of the English model letter's first page at 150 dpi, as a browser would show it."""
    with tempfile.TemporaryDirectory() as tmp:
        pdf = os.path.join(tmp, "en.pdf")
        subprocess.run([zapros, "render", os.path.join(ROOT, "requests/mediazona-cybercrime-en.md"), "-o", pdf],
                       check=True, capture_output=True)
        subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "150", "-x", "150", "-y", "330", "-W", "1000",
                        "-H", "520", pdf, os.path.join(tmp, "shot")], check=True)
        data = open(os.path.join(tmp, "shot-1.ppm"), "rb").read()
        magic, dims, _maxval, pixels = data.split(b"\n", 3)
        w, h = map(int, dims.split())
        png(out, w, h, pixels, 3, 150)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build/zapros"))
    a = ap.parse_args()
    for name, (w, h, pixels) in (("stamp.png", stamp()), ("signature.png", signature()), ("logo.png", logo())):
        png(os.path.join(HERE, name), w, h, pixels, 4, DPI)
    screenshot(a.zapros, os.path.join(HERE, "screenshot.png"))


if __name__ == "__main__":
    main()
