#!/usr/bin/env python3
"""A newsroom's CI: 100 requests (the two model requests, fifty numbered copies of each) built
from nothing, runs interleaved:

  make -j2        the project's Makefile, one zapros process per request (what users run)
  render -d -j1   one zapros process for all, one thread
  render -d -j2   the same with two threads (a document per thread)

Prints median wall and CPU time, and the speed-up of two threads over one (issue 7: 100
requests under 2 s with make -j2; -j N scales with cores).

  python3 bench/batch.py [--runs 5] [--count 100] [--zapros build/zapros]"""
import argparse
import glob
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_requests(directory, count):
    models = [os.path.join(ROOT, "requests", m) for m in ("mediazona-cybercrime-ru.md", "mediazona-cybercrime-en.md")]
    texts = [open(m, encoding="utf-8").read() for m in models]
    for i in range(count):
        text = texts[i % 2]
        # A different title for each: no two PDFs alike.
        text = text.replace("\ntitle: ", "\ntitle: %d. " % (i + 1), 1)
        with open(os.path.join(directory, "request-%03d.md" % (i + 1)), "w", encoding="utf-8") as f:
            f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build", "zapros"))
    a = ap.parse_args()
    zapros = os.path.abspath(a.zapros)
    with tempfile.TemporaryDirectory() as tmp:
        requests = os.path.join(tmp, "requests")
        os.makedirs(requests)
        write_requests(requests, a.count)
        inputs = sorted(glob.glob(os.path.join(requests, "*.md")))
        out = os.path.join(tmp, "pdf")
        fresh = "rm -rf %s && " % out  # every run builds from nothing
        jobs = [
            ("make -j2", ["sh", "-c", fresh + "make -s -C %s -j2 REQUESTS_DIR=%s PDF_DIR=%s ZAPROS=%s" % (ROOT, requests, out, zapros)]),
            ("render -d -j1", ["sh", "-c", fresh + " ".join([zapros, "render", "-d", out, "-j", "1"] + inputs)]),
            ("render -d -j2", ["sh", "-c", fresh + " ".join([zapros, "render", "-d", out, "-j", "2"] + inputs)]),
        ]
        rows = measure.interleaved(jobs, a.runs)
        made = len(glob.glob(os.path.join(out, "*.pdf")))
    if made != a.count:
        sys.exit("expected %d PDFs, found %d" % (a.count, made))
    print("%-15s %9s %9s %12s" % ("%d requests" % a.count, "wall ms", "cpu ms", "ms/request"))
    walls = {}
    for name, _ in jobs:
        wall, cpu = measure.medians(rows[name])
        walls[name] = wall
        print("%-15s %9.0f %9.0f %12.1f" % (name, wall, cpu, wall / a.count))
    print("two threads over one: %.2fx; make -j2 target < 2000 ms: %s"
          % (walls["render -d -j1"] / walls["render -d -j2"], "ok" if walls["make -j2"] < 2000 else "MISSED"))
    print("medians of %d runs, interleaved, on %d cores" % (a.runs, os.cpu_count()))


if __name__ == "__main__":
    main()
