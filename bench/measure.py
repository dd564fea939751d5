#!/usr/bin/env python3
"""Runs a command several times and reports median wall time, CPU time (user + system) and peak
resident memory.

Wall and CPU time come from spawning the command directly and waiting for it with wait4, so
they cover the command's whole process tree (pandoc's xelatex included) and nothing else. Peak
memory comes from GNU time (/usr/bin/time -f %M, the tree's largest process), in a separate run:
Linux hands a spawning process's peak on to the child at exec, so a child of this interpreter
would report the interpreter's 10+ MB, and timing through GNU time would add its own start-up
to the wall time.

  measure.py RUNS CMD ARG…   → prints "wall_ms cpu_ms rss_kb" (medians) on one line

As a module: once(cmd) times one run, peak_rss(cmd) measures memory, medians(rows) reduces
runs; bench/compare.py and bench/growth.py interleave the runs of several commands with them."""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def once(cmd):
    """(wall_ms, cpu_ms) of one run of cmd, or None when it fails."""
    with open(os.devnull, "wb") as null:
        t = time.perf_counter()
        pid = os.posix_spawnp(cmd[0], cmd, dict(os.environ), file_actions=[
            (os.POSIX_SPAWN_DUP2, null.fileno(), 1), (os.POSIX_SPAWN_DUP2, null.fileno(), 2)])
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def peak_rss(cmd):
    """Peak resident memory of cmd's largest process in KiB, or None when it fails."""
    with tempfile.NamedTemporaryFile("r") as out:
        r = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", out.name] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(out.read().split()[-1]) if r.returncode == 0 else None


def interleaved(jobs, runs):
    """{label: [(wall_ms, cpu_ms)…]} of jobs [(label, cmd)] run in turn, `runs` rounds, so that the
    machine's noise falls on all alike; exits naming the first command that fails."""
    rows = {label: [] for label, _cmd in jobs}
    for _ in range(runs):
        for label, cmd in jobs:
            r = once(cmd)
            if r is None:
                sys.exit("failed: " + " ".join(cmd))
            rows[label].append(r)
    return rows


def medians(rows):
    return tuple(statistics.median(col) for col in zip(*rows))


def measure(runs, cmd):
    rows = []
    for _ in range(runs):
        row = once(cmd)
        if row is None:
            return None
        rows.append(row)
    rss = peak_rss(cmd)
    return None if rss is None else medians(rows) + (rss,)


if __name__ == "__main__":
    m = measure(int(sys.argv[1]), sys.argv[2:])
    print("failed" if m is None else "%.1f %.1f %d" % m)
