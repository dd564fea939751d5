#!/usr/bin/env bash
# Times zapros on pathological inputs (tests/pathological_test.cpp checks their results) at three
# sizes, to show the time growing linearly with the input: each row prints the input size and the
# median of 3 runs per size, and the ratio of the time per byte at 4n to that at n (about 1 when
# linear, about 4 when quadratic). Needs python3.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/zapros ] || make --no-print-directory build/zapros
exec python3 - "$@" <<'PY'
import statistics, subprocess, sys, tempfile, time, os
head = "---\ntitle: T\nto: X\n---\n"
cases = {
    "nested quotes":        lambda n: ">" * n + " x\n",
    "emphasis openers":     lambda n: "*a " * n + "\n",
    "nested emphasis":      lambda n: "*" * n + "a" + "*" * n + "\n",
    "nested brackets":      lambda n: "[" * n + "a" + "]" * n + "\n",
    "link openers":         lambda n: "[a](" * n + "\n",
    "backtick runs":        lambda n: "".join("`" * (i % 100 + 1) + "a" for i in range(n)) + "\n",
    "glued note marks":     lambda n: "".join("x[^%d]" % i for i in range(n)) + "\n\n" + "".join("[^%d]: n\n\n" % i for i in range(n)),
    "marks in a note":      lambda n: "x[^p]\n\n[^p]: " + " ".join("q[^%d]" % i for i in range(n // 10)) + "\n\n" + "".join("[^%d]: n%d.\n\n" % (i, i) for i in range(n // 10)),
    "one long word":        lambda n: "ы" * n + "\n",
    "table columns":        lambda n: "|" + "a|" * n + "\n|" + "-|" * n + "\n|" + "b|" * n + "\n",
}
n0 = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
tmp = tempfile.mkdtemp()
print("%-18s %10s %10s %10s %10s %10s %10s  %s" % ("case", "bytes n", "time n", "bytes 2n", "time 2n", "bytes 4n", "time 4n", "per-byte 4n/n"))
for name, gen in cases.items():
    row = []
    for n in (n0, 2 * n0, 4 * n0):
        path = os.path.join(tmp, "p.md")
        data = (head + gen(n)).encode()
        open(path, "wb").write(data)
        times = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run(["build/zapros", "render", path, "-o", os.path.join(tmp, "p.pdf")], capture_output=True)
            times.append(time.perf_counter() - t)
        row.append((len(data), statistics.median(times)))
    ratio = (row[2][1] / row[2][0]) / (row[0][1] / row[0][0])
    print("%-18s %10d %9.3fs %10d %9.3fs %10d %9.3fs  %.2f" % (name, row[0][0], row[0][1], row[1][0], row[1][1], row[2][0], row[2][1], ratio))
PY
