#!/usr/bin/env python3
"""How zapros's time and memory grow with the length of a request: renders generated requests
of 10 to 1,000 pages (three notes a page, bench/generate.py), runs interleaved, and writes
OUT/growth.csv and, when gnuplot is installed, OUT/growth.png (time per page and memory against
pages). Prints the table and the checks of issue 7: time per page flat within 1.5x, memory
linear in the pages, 1,000 pages in under 2 s; and what any request costs before its pages
(the process started, a letter of one paragraph), which the short requests' time per page
carries.

  python3 bench/growth.py [--runs 15] [--out build/bench] [--zapros build/zapros]"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402
import measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZES = [10, 20, 50, 100, 200, 500, 1000]
NOTES_PER_PAGE = 3


def repeats(pages):
    """Runs of a size in each round: enough that every size gets about 100 pages' worth."""
    return max(1, min(10, 100 // pages))


PASSES = 10  # a round is this many passes over the sizes; a size runs in repeats() of them


def schedule(sizes, rounds):
    """The order of the runs: rounds × PASSES passes, size n in every (PASSES // repeats(n))th,
    so that the many runs of a short request are spread over the whole measurement as the few
    runs of a long one are (a burst of short runs would sample the shared machine's speed of a
    moment, and the ratio between sizes would follow its load)."""
    return [n for p in range(rounds * PASSES) for n in sizes if p % (PASSES // repeats(n)) == 0]


def instructions(cmd):
    """Instructions the command executes (valgrind's callgrind), or None when it fails."""
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    return int(m.group(1)) if r.returncode == 0 and m else None


def page_count(pdf):
    with open(pdf, "rb") as f:
        return len(re.findall(rb"/Type /Page\b", f.read()))


def linear_fit(xs, ys):
    """Least squares y = a + b x, and R²."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    b = sxy / sxx
    a = my - b * mx
    ss_res = sum((y - a - b * x) ** 2 for x, y in zip(xs, ys))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return a, b, 1 - ss_res / ss_tot if ss_tot else 1.0


def plot(csv, png):
    script = f"""
set terminal pngcairo size 900,420 font ",10"
set output "{png}"
set datafile separator ","
set multiplot layout 1,2 title "zapros: growth with the length of a request (3 notes a page)"
set grid
set key top left
set logscale x
set xrange [8:1300]
set xlabel "pages (log scale)"
set ylabel "ms per page (median)"
set yrange [0:*]
plot "{csv}" using 2:4 skip 1 with linespoints pt 7 title "wall time per page"
unset logscale x
set xrange [0:*]
set xlabel "pages"
set ylabel "peak memory, MiB"
f(x) = a + b * x
a = 5; b = 0.1
set fit quiet
set fit logfile "/dev/null"
fit f(x) "{csv}" using 2:5 skip 1 via a, b
plot "{csv}" using 2:5 skip 1 with points pt 7 title "peak RSS", f(x) with lines title "least-squares line"
unset multiplot
"""
    r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if r.returncode != 0:  # pngcairo missing (gnuplot-nox has it; a minimal build may not)
        r = subprocess.run(["gnuplot"], input=script.replace("pngcairo", "png"), text=True, capture_output=True)
    return r.returncode == 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    # Rounds: a long request runs once a round, and the median of a few runs follows the
    # shared machine's speed of the moment; max/min over seven such medians then measures the
    # noise more than the growth (README, Speed). 15 rounds take about a minute.
    ap.add_argument("--runs", type=int, default=15, help="rounds (default 15)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build", "zapros"))
    ap.add_argument("--instructions", action="store_true", help="also count instructions (valgrind)")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="pages, comma-separated")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    os.makedirs(a.out, exist_ok=True)

    with tempfile.TemporaryDirectory() as tmp:
        jobs = []
        for n in sizes:
            md = os.path.join(tmp, "long-%d.md" % n)
            with open(md, "w") as f:
                f.write(generate.request(n, NOTES_PER_PAGE * n, "ru"))
            pdf = os.path.join(tmp, "long-%d.pdf" % n)
            jobs.append((n, [a.zapros, "render", md, "-o", pdf], pdf))
        rows = {n: [] for n in sizes}
        commands = {n: cmd for n, cmd, _pdf in jobs}
        # Beside the shortest request's runs, what every request costs before its pages: the
        # process started and nothing more, and a letter of one paragraph (fonts read, patterns
        # chosen, subsets cut and compressed).
        one = os.path.join(tmp, "one-paragraph.md")
        with open(one, "w") as f:
            f.write(generate.request(0, 0, "ru"))
        floors = {"zapros --version": [a.zapros, "--version"],
                  "one paragraph": [a.zapros, "render", one, "-o", os.path.join(tmp, "one-paragraph.pdf")]}
        floor_rows = {name: [] for name in floors}
        for n in schedule(sizes, a.runs):
            r = measure.once(commands[n])
            if r is None:
                sys.exit("zapros failed on %d pages: %s" % (n, " ".join(commands[n])))
            rows[n].append(r)
            if n == sizes[0]:
                for name, cmd in floors.items():
                    floor_rows[name].append(measure.once(cmd))
        results = []
        for n, cmd, pdf in jobs:
            wall, cpu = measure.medians(rows[n])
            rss = measure.peak_rss(cmd)
            pages = page_count(pdf)
            results.append((n, pages, wall, wall / pages, rss / 1024.0, cpu))
        counted = {}
        if a.instructions:
            if not shutil.which("valgrind"):
                print("valgrind not installed: no instruction counts (apt-get install valgrind)")
            else:
                counted = {n: instructions(cmd) for n, cmd, _pdf in jobs}

    csv = os.path.join(a.out, "growth.csv")
    with open(csv, "w") as f:
        f.write("requested,pages,wall_ms,ms_per_page,rss_mib,cpu_ms\n")
        for r in results:
            f.write("%d,%d,%.2f,%.4f,%.2f,%.2f\n" % r)
    print("%9s %6s %10s %9s %9s %10s" % ("requested", "pages", "wall ms", "ms/page", "RSS MiB", "KiB/page"))
    for n, pages, wall, per_page, rss, _cpu in results:
        print("%9d %6d %10.1f %9.3f %9.1f %10.1f" % (n, pages, wall, per_page, rss, rss * 1024 / pages))
    per_page = [r[3] for r in results]
    a_, b, r2 = linear_fit([r[1] for r in results], [r[4] for r in results])
    spread = max(per_page) / min(per_page)
    print("time per page: %.3f to %.3f ms, max/min %.2fx (target <= 1.5x): %s"
          % (min(per_page), max(per_page), spread, "ok" if spread <= 1.5 else "MISSED"))
    floor = {name: measure.medians(r)[0] for name, r in floor_rows.items() if r and None not in r}
    if len(floor) == len(floors):
        print("before any page: %.1f ms starting the process (zapros --version), %.1f ms a letter of one paragraph"
              % (floor["zapros --version"], floor["one paragraph"]))
    print("memory: %.1f MiB + %.1f KiB a page, R^2 %.4f (linear: R^2 >= 0.99): %s"
          % (a_, b * 1024, r2, "ok" if r2 >= 0.99 else "MISSED"))
    big = [r for r in results if r[0] == 1000]
    if big:
        print("1,000 pages: %.0f ms (target < 2000 ms): %s" % (big[0][2], "ok" if big[0][2] < 2000 else "MISSED"))
    if counted and all(counted.values()):
        per = [counted[r[0]] / r[1] / 1e6 for r in results]
        print("instructions: %s M a page (%s pages), max/min %.2fx"
              % (", ".join("%.2f" % x for x in per), ", ".join(str(r[1]) for r in results), max(per) / min(per)))
    print("medians of %s runs, interleaved; %s"
          % (", ".join("%d" % (a.runs * repeats(n)) for n in sizes), csv))
    if shutil.which("gnuplot"):
        png = os.path.join(a.out, "growth.png")
        print(png if plot(csv, png) else "gnuplot failed: no plot")
    else:
        print("gnuplot not installed: no plot (apt-get install gnuplot-nox)")


if __name__ == "__main__":
    main()
