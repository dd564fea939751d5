#!/usr/bin/env python3
"""Two builds of zapros side by side, the runs interleaved so that the machine's noise falls on
both alike: median wall time, peak memory and (with --instructions, through valgrind) the
instructions of each request measured by bench/compare.py, and the ratio of the new build to the
old. Build the old one in a worktree first:

  git worktree add /tmp/old 8ec995e && cmake -S /tmp/old -B /tmp/old/build -DCMAKE_BUILD_TYPE=Release \\
      -DZAPROS_TESTS=OFF && cmake --build /tmp/old/build --target zapros
  python3 bench/before_after.py --old /tmp/old/build/zapros [--new build/zapros] [--runs 21] [--instructions]"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402
import measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def instructions(zapros, request, out):
    run = subprocess.run(["valgrind", "--tool=lackey", "--basic-counts=yes", zapros, "render", request, "-o", out],
                         capture_output=True, text=True)
    found = re.search(r"guest instrs:\s+([\d,]+)", run.stderr)
    return int(found.group(1).replace(",", "")) if found else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--old", required=True)
    ap.add_argument("--new", default=os.path.join(ROOT, "build/zapros"))
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--instructions", action="store_true")
    args = ap.parse_args()
    builds = [("old", os.path.abspath(args.old)), ("new", os.path.abspath(args.new))]
    tmp = tempfile.mkdtemp(prefix="zapros-ab-")
    for label, request, _ in compare.inputs(tmp):
        times = {name: [] for name, _ in builds}
        out = {name: os.path.join(tmp, name + ".pdf") for name, _ in builds}
        for _ in range(args.runs):
            for name, zapros in builds:
                ms = measure.once([zapros, "render", request, "-o", out[name]])
                if ms:
                    times[name].append(ms[0])
        row = []
        for name, zapros in builds:
            kib = measure.peak_rss([zapros, "render", request, "-o", out[name]])
            cell = f"{name} {statistics.median(times[name]):7.2f} ms, {kib / 1024:.1f} MiB, {os.path.getsize(out[name]):,} B"
            if args.instructions:
                cell += f", {instructions(zapros, request, out[name]) / 1e6:.1f} M instructions"
            row.append(cell)
        ratio = statistics.median(times["new"]) / statistics.median(times["old"])
        print(f"{label:20} {' | '.join(row)} | new/old {ratio:.2f}x")
    print(f"medians of {args.runs} interleaved runs")


if __name__ == "__main__":
    main()
