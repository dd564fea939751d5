#!/usr/bin/env python3
"""What the PDF standards cost (issue 19): each model request rendered plain (--pdf-standard none),
as PDF/A-2b and as PDF/A-2u (the default, tagged PDF/UA-1 with both), runs interleaved so that a
busy machine slows all alike. Prints, per request and standard, the median wall and CPU time,
the peak resident memory and the PDF's size, with the ratios to the plain PDF, and checks the
issue's budget for the Russian model: at most 20 ms and 16 MiB, and at most 15 % more bytes.

  python3 bench/standards.py [--runs 21] [--zapros build/zapros]"""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQUESTS = ("mediazona-cybercrime-ru", "mediazona-cybercrime-en", "example-full-ru")
STANDARDS = ("none", "a-2b", "a-2u")
MODEL = "mediazona-cybercrime-ru"
BUDGET_MS, BUDGET_KIB, BUDGET_GROWTH = 20.0, 16 * 1024, 0.15


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build", "zapros"))
    args = ap.parse_args()
    zapros = os.path.abspath(args.zapros)
    over = []
    with tempfile.TemporaryDirectory() as out:
        jobs = []
        for name in REQUESTS:
            source = os.path.join(ROOT, "requests", name + ".md")
            for standard in STANDARDS:
                pdf = os.path.join(out, f"{name}-{standard}.pdf")
                jobs.append(((name, standard), [zapros, "render", source, "-o", pdf, "--pdf-standard", standard]))
        rows = measure.interleaved(jobs, args.runs)
        print(f"{'request':26} {'standard':8} {'wall ms':>8} {'CPU ms':>7} {'peak KiB':>9} {'PDF bytes':>10} {'bytes':>7}")
        for name in REQUESTS:
            plain = None
            for standard in STANDARDS:
                cmd = dict(jobs)[(name, standard)]
                wall, cpu = measure.medians(rows[(name, standard)])
                rss = measure.peak_rss(cmd)
                size = os.path.getsize(os.path.join(out, f"{name}-{standard}.pdf"))
                if plain is None:
                    plain = (wall, cpu, size)
                growth = size / plain[2] - 1
                print(f"{name:26} {standard:8} {wall:8.1f} {cpu:7.1f} {rss:9d} {size:10d} {growth:+7.1%}"
                      + ("" if standard == "none" else f"   CPU ×{cpu / plain[1]:.2f}"))
                if name == MODEL and standard == "a-2u":
                    if wall > BUDGET_MS:
                        over.append(f"{wall:.1f} ms > {BUDGET_MS:.0f} ms")
                    if rss > BUDGET_KIB:
                        over.append(f"{rss} KiB > 16 MiB")
                    if growth > BUDGET_GROWTH:
                        over.append(f"{growth:+.1%} > +15 %")
    print(f"({args.runs} runs each, interleaved; medians)")
    if over:  # a benchmark prints; on a busy machine the wall time drifts past the budget
        print("over issue 19's budget for the Russian model: " + "; ".join(over))
        return 0
    print("the Russian model as PDF/A-2u is within issue 19's budget (20 ms, 16 MiB, +15 % bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
