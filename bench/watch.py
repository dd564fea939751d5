#!/usr/bin/env python3
"""Issue 18's live preview: the time from a save to the new PDF under `zapros watch`, for the
Russian model request, with an editor's two ways of saving interleaved: an atomic save (the new
text written to a temporary file, renamed over the request) and an in-place write. Goal: at
most 30 ms.

Each save changes the letter's last paragraph (a new number each time, so every PDF differs).
The clock starts just before the rename, or just before the in-place open, and stops when
zapros prints its line for the render ("FILE → OUT (N ms)"), which it does after the PDF is
renamed into place; the PDF is then checked to be new. Between saves the script waits for that
line, so saves never overlap. Prints the median and p90 of each way, and zapros's own render time
(N ms) beside them: the difference is inotify's wake-up and the pipe.

Typst's watch mode beside it when typst and pandoc are installed (make bench-anchors): the same
letter as Typst markup (bench/typst/md2typ.py), saved the same ways, each save after 0.3 s of
quiet (Typst waits for more events before it compiles), timed to Typst's own line "compiled
successfully", which it prints on a pipe after writing the PDF.

  python3 bench/watch.py [--saves 21] [--zapros build/zapros]"""
import argparse
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "requests/mediazona-cybercrime-ru.md")
TIMEOUT = 30  # seconds for one render at most: a hung watcher fails the bench, not the machine


def save(path, text, how):
    """Writes text to path as an editor does; returns the perf_counter() when the save began."""
    if how == "rename":
        tmp = path + ".swp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        t = time.perf_counter()
        os.rename(tmp, path)
        return t
    t = time.perf_counter()
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return t


class Lines:
    """A child's output, line by line, with a deadline."""

    def __init__(self, stream):
        self.fd = stream.fileno()
        self.buffer = b""

    def next(self):
        deadline = time.monotonic() + TIMEOUT
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.fd], [], [], left)[0]:
                sys.exit("bench/watch.py: no line from the watcher within %d s" % TIMEOUT)
            chunk = os.read(self.fd, 65536)
            if not chunk:
                sys.exit("bench/watch.py: the watcher ended: " + self.buffer.decode(errors="replace"))
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()


def edited(text, k):
    return text.rstrip("\n") + "\n\nПравка номер %d.\n" % k


def quantiles(xs):
    xs = sorted(xs)
    return statistics.median(xs), xs[min(len(xs) - 1, int(round(0.9 * (len(xs) - 1))))]


def bench_zapros(zapros, saves, work):
    md, pdf = os.path.join(work, "model.md"), os.path.join(work, "out", "model.pdf")
    with open(MODEL, encoding="utf-8") as f:
        text = f.read()
    shutil.copy(MODEL, md)
    os.makedirs(os.path.dirname(pdf))
    if os.path.isdir(os.path.join(ROOT, "requests/images")):
        shutil.copytree(os.path.join(ROOT, "requests/images"), os.path.join(work, "images"))
    p = subprocess.Popen([zapros, "watch", md, "-o", pdf], stderr=subprocess.PIPE)
    lines = Lines(p.stderr)
    try:
        while True:  # the first render
            line = lines.next()
            if ": failed" in line:
                sys.exit("bench/watch.py: the model request did not render: " + line)
            if " → " in line:
                break
        lines.next()  # "zapros: watching 1 request"
        found = {"rename": [], "in-place": []}
        own = []
        for k in range(saves):
            for how in ("rename", "in-place"):
                before = os.stat(pdf).st_ino
                began = save(md, edited(text, 2 * k + (how == "rename")), how)
                while True:
                    line = lines.next()
                    if " → " in line or ": failed" in line:
                        break
                found[how].append((time.perf_counter() - began) * 1000)
                if " → " not in line or os.stat(pdf).st_ino == before:
                    sys.exit("bench/watch.py: no new PDF after a save: " + line)
                own.append(int(line.rsplit("(", 1)[1].split()[0]))
        return found, own
    finally:
        p.terminate()
        p.wait(TIMEOUT)


def bench_typst(saves, work):
    md = os.path.join(work, "typst.md")
    shutil.copy(MODEL, md)
    typ, pdf = os.path.join(work, "model.typ"), os.path.join(work, "typst.pdf")
    ast = subprocess.run(["pandoc", md, "-t", "json"], check=True, capture_output=True).stdout
    text = subprocess.run([sys.executable, os.path.join(ROOT, "bench/typst/md2typ.py")], input=ast, check=True,
                          capture_output=True).stdout.decode()
    with open(typ, "w", encoding="utf-8") as f:
        f.write(text)
    # Typst prints "[time] compiled successfully in N ms" after each PDF it writes (when its
    # stdout is a pipe): timed from the save to that line, as zapros's is; polling the PDF's
    # modification time would also catch the recompiles that the rename's temporary file wakes.
    p = subprocess.Popen(["typst", "watch", "--font-path", os.path.join(ROOT, "fonts"), typ, pdf],
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = Lines(p.stdout)

    def compiled():
        while True:
            line = lines.next()
            if "compiled successfully" in line:
                return
            if "error" in line:
                sys.exit("bench/watch.py: typst failed: " + line)

    try:
        compiled()  # the first PDF
        found = {"rename": [], "in-place": []}
        for k in range(saves):
            for how in ("rename", "in-place"):
                time.sleep(0.3)  # past Typst's own wait for more events, so that one save is one compile
                began = save(typ, edited(text, 2 * k + (how == "rename")), how)
                compiled()
                found[how].append((time.perf_counter() - began) * 1000)
        return found
    finally:
        p.terminate()
        p.wait(TIMEOUT)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--saves", type=int, default=21, help="saves of each kind (at least 21)")
    ap.add_argument("--zapros", default=os.path.join(ROOT, "build/zapros"))
    a = ap.parse_args()
    if a.saves < 21:
        sys.exit("bench/watch.py: --saves is at least 21 (a p90 of fewer says little)")
    print("save → new PDF, model request (requests/mediazona-cybercrime-ru.md), %d saves each, ms:" % a.saves)
    print("load average before: %.1f (%d cores)" % (os.getloadavg()[0], os.cpu_count()))
    print("%-8s %-9s %8s %8s" % ("engine", "save", "median", "p90"))
    with tempfile.TemporaryDirectory(prefix="zapros-watch-bench-") as work:
        found, own = bench_zapros(a.zapros, a.saves, work)
        for how, xs in found.items():
            print("%-8s %-9s %8.1f %8.1f" % ("zapros", how, *quantiles(xs)))
        print("zapros's own render time (its line's N ms): median %.0f, p90 %.0f; goal: save → PDF ≤ 30 ms"
              % quantiles(own))
        if shutil.which("typst") and shutil.which("pandoc"):
            for how, xs in bench_typst(a.saves, work).items():
                print("%-8s %-9s %8.1f %8.1f" % ("typst", how, *quantiles(xs)))
        else:
            print("typst    not installed (make bench-anchors): no anchor")


if __name__ == "__main__":
    main()
