#!/usr/bin/env python3
"""Issue 16's image targets: a letter with three 2 MB scans renders in at most 60 ms, and its PDF
grows by no more than the images' own compressed size plus 5 %.

Makes three scans of about 2 MB each from the Russian model letter's first page (pdftoppm at
200 dpi, with paper grain from a seeded generator, so the bytes are the same on every run): a
JPEG (cjpeg), a grey PNG and a colour PNG. Renders the model letter as it is and the same letter
with the three scans added as figures, runs interleaved, and prints medians of wall and CPU time,
peak memory, and the PDF's growth beside the images' compressed data (a JPEG's file, a PNG's
IDAT chunks).

  python3 bench/images.py [--runs 21] [--zapros build/zapros] [--keep DIR]"""
import argparse
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "requests/mediazona-cybercrime-ru.md")
DPI = 200


def read_ppm(path):
    data = open(path, "rb").read()
    magic, size, _maxval, pixels = data.split(b"\n", 3)
    assert magic == b"P6"
    w, h = map(int, size.split())
    return w, h, pixels


def grain(pixels, seed, lightest):
    """Each byte ANDed with a random byte in [lightest, 255]: white paper turns grainy, ink stays."""
    noise = random.Random(seed).randbytes(len(pixels))
    noise = noise.translate(bytes(lightest | (b & (255 - lightest)) for b in range(256)))
    return (int.from_bytes(pixels, "big") & int.from_bytes(noise, "big")).to_bytes(len(pixels), "big")


def write_png(path, w, h, channels, pixels):
    """A PNG as a scanner writes one: 8 bits, no filter, one IDAT, pHYs at DPI. Returns its IDAT size."""
    row = w * channels
    raw = b"".join(b"\x00" + pixels[y * row:(y + 1) * row] for y in range(h))
    idat = zlib.compress(raw, 6)

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ppm = int(DPI / 0.0254 + 0.5)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2 if channels == 3 else 0, 0, 0, 0))
                + chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1)) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return len(idat)


def make_scans(tmp, zapros):
    """[(file, compressed bytes)] of the three scans."""
    pdf = os.path.join(tmp, "model.pdf")
    subprocess.run([zapros, "render", MODEL, "-o", pdf], check=True, capture_output=True)
    subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", str(DPI), pdf, os.path.join(tmp, "page")], check=True)
    w, h, rgb = read_ppm(os.path.join(tmp, "page-1.ppm"))
    scans = []
    noisy = grain(rgb, 1, 240)
    ppm = os.path.join(tmp, "grain.ppm")
    with open(ppm, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (w, h) + noisy)
    jpg = os.path.join(tmp, "scan-1.jpg")
    with open(jpg, "wb") as f:
        subprocess.run(["cjpeg", "-quality", "96", ppm], check=True, stdout=f)
    scans.append((jpg, os.path.getsize(jpg)))
    gray = os.path.join(tmp, "scan-2.png")
    scans.append((gray, write_png(gray, w, h, 1, grain(rgb[0::3], 2, 242))))
    # A colour scan: grain shared by the three channels, as a scanner's sensor noise mostly is.
    g = grain(rgb[0::3], 3, 236)
    colour = bytearray(len(rgb))
    colour[0::3] = g
    colour[1::3] = g
    colour[2::3] = g
    png = os.path.join(tmp, "scan-3.png")
    scans.append((png, write_png(png, w, h, 3, bytes(colour))))
    return scans


def with_scans(tmp, scans):
    text = open(MODEL, encoding="utf-8").read()
    head, sep, tail = text.rpartition("\n[^")  # the figures go before the note definitions
    if not sep:
        head, sep, tail = text, "", ""
    figures = "".join('\n![Скан %d](%s "Приложение %d: скан")\n' % (i + 1, os.path.basename(f), i + 1)
                      for i, (f, _size) in enumerate(scans))
    path = os.path.join(tmp, "with-scans.md")
    with open(path, "w", encoding="utf-8") as out:
        out.write(head + "\n" + figures + sep + tail)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build/zapros"))
    ap.add_argument("--keep", help="copy the scans, the request and the PDFs here")
    a = ap.parse_args()
    for tool in ("pdftoppm", "cjpeg"):
        if not shutil.which(tool):
            sys.exit("bench/images.py needs %s (apt-get install poppler-utils libjpeg-turbo-progs)" % tool)
    with tempfile.TemporaryDirectory() as tmp:
        scans = make_scans(tmp, a.zapros)
        request = with_scans(tmp, scans)
        jobs = [("RU model", [a.zapros, "render", MODEL, "-o", os.path.join(tmp, "plain.pdf")]),
                ("+ 3 scans", [a.zapros, "render", request, "-o", os.path.join(tmp, "scans.pdf")])]
        rows = measure.interleaved(jobs, a.runs)
        peaks = {label: measure.peak_rss(cmd) for label, cmd in jobs}
        plain = os.path.getsize(os.path.join(tmp, "plain.pdf"))
        with_pdf = os.path.getsize(os.path.join(tmp, "scans.pdf"))
        if a.keep:
            os.makedirs(a.keep, exist_ok=True)
            for name in os.listdir(tmp):
                shutil.copy(os.path.join(tmp, name), a.keep)

    print("scans (%d dpi, %d runs each, interleaved):" % (DPI, a.runs))
    for f, size in scans:
        print("  %-12s %9d bytes of compressed image data" % (os.path.basename(f), size))
    print("%-12s %9s %9s %9s %10s" % ("request", "wall ms", "cpu ms", "RSS MiB", "PDF bytes"))
    for (label, _cmd), pdf in zip(jobs, (plain, with_pdf)):
        wall, cpu = measure.medians(rows[label])
        print("%-12s %9.1f %9.1f %9.1f %10d" % (label, wall, cpu, (peaks[label] or 0) / 1024.0, pdf))
    data = sum(size for _f, size in scans)
    growth = with_pdf - plain
    print("the PDF grew by %d bytes: %.2f %% over the images' %d bytes (target: at most 5 %%)"
          % (growth, 100.0 * (growth - data) / data, data))
    print("target: the letter with three scans in at most 60 ms")


if __name__ == "__main__":
    main()
