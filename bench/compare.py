#!/usr/bin/env python3
"""Whole-process speed of zapros beside the anchors a newsroom would otherwise use, each rendering
the same requests to PDF, with runs interleaved (every engine once per round) so the machine's
noise falls on all alike. Prints median wall time, CPU time (user + system, whole process tree)
and peak memory (largest process), and each anchor's ratio to zapros.

Anchors, when installed:
  xelatex     pandoc REQUEST --pdf-engine=xelatex with bench/latex/letter.tex (what users run)
  weasyprint  pandoc REQUEST --pdf-engine=weasyprint with bench/weasyprint/letter.css
  typst       typst compile on markup bench/typst/md2typ.py wrote beforehand (not timed: Debian
              12's pandoc has no Typst writer, so Typst is timed alone, to its advantage)

  python3 bench/compare.py [--runs 11] [--anchor-runs 3] [--zapros build/zapros]"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate  # noqa: E402
import measure  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MiB = 1024.0


def inputs(tmp):
    """(label, path, lang) of each request measured."""
    long_request = os.path.join(tmp, "long-20p-60n.md")
    with open(long_request, "w") as f:
        f.write(generate.request(20, 60, "ru"))
    return [
        ("RU model", os.path.join(ROOT, "requests/mediazona-cybercrime-ru.md"), "ru"),
        ("EN model", os.path.join(ROOT, "requests/mediazona-cybercrime-en.md"), "en"),
        ("20 pages, 60 notes", long_request, "ru"),
    ]


def engines(zapros):
    """name → function (request, lang, out) → command; None for an anchor not installed (with why)."""
    have = shutil.which
    found = {"zapros": lambda md, lang, out: [zapros, "render", md, "-o", out]}
    missing = {}
    if have("pandoc") and have("xelatex"):
        found["xelatex"] = lambda md, lang, out: [
            "pandoc", md, "--template", os.path.join(ROOT, "bench/latex/letter.tex"), "-V",
            "fontdir=" + os.path.join(ROOT, "fonts"), "-V", "language=" + ("russian" if lang == "ru" else "english"),
            "--pdf-engine=xelatex", "-o", out]
    else:
        missing["xelatex"] = "apt-get install pandoc texlive-xetex texlive-lang-cyrillic"
    if have("pandoc") and have("weasyprint"):
        found["weasyprint"] = lambda md, lang, out: [
            "pandoc", md, "--standalone", "--metadata", "lang=" + lang, "--css",
            os.path.join(ROOT, "bench/weasyprint/letter.css"), "--pdf-engine=weasyprint", "-o", out]
    else:
        missing["weasyprint"] = "apt-get install pandoc weasyprint"
    if have("typst") and have("pandoc"):
        def typst(md, lang, out):
            typ = out[:-4] + ".typ"
            if not os.path.exists(typ):
                ast = subprocess.run(["pandoc", md, "-t", "json"], check=True, capture_output=True).stdout
                with open(typ, "wb") as f:
                    f.write(subprocess.run([sys.executable, os.path.join(ROOT, "bench/typst/md2typ.py")],
                                           input=ast, check=True, capture_output=True).stdout)
            return ["typst", "compile", "--font-path", os.path.join(ROOT, "fonts"), typ, out]
        found["typst"] = typst
    else:
        missing["typst"] = "bench/install-anchors.sh (Typst 0.10 from npm)"
    return found, missing


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=11, help="runs of zapros per request")
    ap.add_argument("--anchor-runs", type=int, default=3, help="runs of each anchor per request")
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build/zapros"))
    a = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        found, missing = engines(a.zapros)
        jobs = []  # (label, engine, command, runs)
        for label, md, lang in inputs(tmp):
            for name, command in found.items():
                out = os.path.join(tmp, "%s-%d.pdf" % (name, len(jobs)))
                jobs.append((label, name, command(md, lang, out), a.runs if name == "zapros" else a.anchor_runs))
        rows = {i: [] for i in range(len(jobs))}
        failed = set()
        for round_ in range(max(j[3] for j in jobs)):
            for i, (label, name, cmd, runs) in enumerate(jobs):
                if round_ < runs and i not in failed:
                    r = measure.once(cmd)
                    if r is None:
                        failed.add(i)
                        print("%s failed on %s: %s" % (name, label, " ".join(cmd)), file=sys.stderr)
                    else:
                        rows[i].append(r)
        peaks = {i: measure.peak_rss(cmd) for i, (_label, _name, cmd, _runs) in enumerate(jobs) if i not in failed}

    print("%-20s %-11s %9s %9s %8s %9s %7s" % ("request", "engine", "wall ms", "cpu ms", "RSS MiB", "× wall", "× RSS"))
    base = {}
    for i, (label, name, cmd, runs) in enumerate(jobs):
        if i in failed:
            print("%-20s %-11s %9s" % (label, name, "failed"))
            continue
        wall, cpu = measure.medians(rows[i])
        rss = peaks[i] or float("nan")
        if name == "zapros":
            base[label] = (wall, rss)
            print("%-20s %-11s %9.1f %9.1f %8.1f" % (label, name, wall, cpu, rss / MiB))
        else:
            bw, br = base.get(label, (float("nan"), float("nan")))
            print("%-20s %-11s %9.1f %9.1f %8.1f %8.0f× %6.1f×" % ("", name, wall, cpu, rss / MiB, wall / bw, rss / br))
    for name, how in missing.items():
        print("%s: not installed (%s)" % (name, how))
    print("medians of %d zapros runs and %d of each anchor, interleaved; targets: RU model <= 20 ms and <= 16 MiB, "
          ">= 100x faster than xelatex; 20 pages with 60 notes <= 80 ms" % (a.runs, a.anchor_runs))


if __name__ == "__main__":
    main()
