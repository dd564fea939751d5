#!/usr/bin/env python3
"""make mutate: mutation testing of zapros' own rules (issue 15).

Applies each mutation of tests/mutate/mutations.txt, one at a time, to a copy of src/ in
BUILD-mutate/tree, rebuilds there incrementally (one object, its stage library, the links) and
runs the fast tests against it. Every mutation must make a test fail: one that survives is a
rule no test guards, one whose snippet is not in its file exactly once is a stale entry, and one
that does not compile is a bad entry; each of them fails the run. The working tree is only read.

Usage: run.py [--build DIR] [--jobs N] [--only TEXT] [--list]
"""
import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time

KINDS = (
    "delete a rule",
    "flip a comparison",
    "drop a branch",
    "change a penalty's sign",
    "skip the footnote check",
    "skip a limit check",
)
FIELDS = ("id", "kind", "invariant", "file", "find", "replace")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LIST = os.path.join(ROOT, "tests", "mutate", "mutations.txt")
# The fast tests: everything but the end-to-end ones, which render through the PDF readers. In
# two processes side by side: the bad corpus (a third of the time, spent in zapros processes)
# and the rest; the first failure ends both.
TESTS = "tests/zapros_tests"
SHARDS = (["[bad]"], ["~[e2e]~[bad]"])


class ListError(Exception):
    pass


def parse(path):
    """The list's entries, as dicts of FIELDS. The format is a small subset of YAML: entries start
    with "- ", fields are "key: value" with the value taken literally to the line's end, or
    "key: |" followed by lines indented four spaces (a multi-line snippet); # starts a comment
    line."""
    entries, entry, block = [], None, None
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    for number, line in enumerate(lines, 1):
        where = f"{os.path.relpath(path, ROOT)}:{number}"
        if block is not None:
            if line.startswith("    "):
                block.append(line[4:])
                continue
            entry[block_key] = "\n".join(block)
            block = None
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("- "):
            entry = {"line": number}
            entries.append(entry)
            line = "  " + line[2:]
        m = re.match(r"  ([a-z]+):(?: (.*))?$", line)
        if not m or entry is None:
            raise ListError(f"{where}: error: expected '- id: …' or '  field: value', not {line!r}")
        key, value = m.group(1), m.group(2) or ""
        if key not in FIELDS:
            raise ListError(f"{where}: error: unknown field {key!r} (fields: {', '.join(FIELDS)})")
        if key in entry:
            raise ListError(f"{where}: error: {key!r} given twice")
        if value == "|":
            block, block_key = [], key
            entry[key] = ""
        else:
            entry[key] = value.rstrip()
    if block is not None:
        entry[block_key] = "\n".join(block)
    ids = set()
    for e in entries:
        where = f"{os.path.relpath(path, ROOT)}:{e['line']}"
        missing = [k for k in FIELDS if k not in e or (k != "replace" and not e[k])]
        if missing:
            raise ListError(f"{where}: error: entry lacks {', '.join(missing)}")
        if e["kind"] not in KINDS:
            raise ListError(f"{where}: error: kind {e['kind']!r} is none of: {'; '.join(KINDS)}")
        if e["id"] in ids:
            raise ListError(f"{where}: error: id {e['id']!r} given twice")
        if e["find"] == e["replace"]:
            raise ListError(f"{where}: error: {e['id']}: the replacement is the snippet itself")
        ids.add(e["id"])
    return entries


def stale(entries):
    """'FILE:LINE: error: …' for every entry whose snippet is not in its file exactly once."""
    out = []
    for e in entries:
        where = f"{os.path.relpath(LIST, ROOT)}:{e['line']}"
        path = os.path.join(ROOT, e["file"])
        if not e["file"].startswith("src/") or not os.path.isfile(path):
            out.append(f"{where}: error: {e['id']}: no file {e['file']} under src/")
            continue
        with open(path, encoding="utf-8") as f:
            count = f.read().count(e["find"])
        if count != 1:
            out.append(f"{where}: error: {e['id']}: the snippet occurs {count} times in {e['file']}, not once")
    return out


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)


def mirror(tree):
    """Makes tree a copy of src/ and CMakeLists.txt (files rewritten only where they differ, so the
    build there stays incremental) with links to everything else the build and tests read."""
    os.makedirs(tree, exist_ok=True)
    for name in os.listdir(ROOT):
        full = os.path.join(ROOT, name)
        if name in (".git", "src", "CMakeLists.txt") or name.startswith("build") or \
                os.path.exists(os.path.join(full, "CMakeCache.txt")):
            continue
        link = os.path.join(tree, name)
        if not os.path.islink(link):
            os.symlink(full, link)
    wanted = set()
    for name in ["CMakeLists.txt"] + [os.path.relpath(os.path.join(d, f), ROOT)
                                      for d, _, files in os.walk(os.path.join(ROOT, "src")) for f in files]:
        wanted.add(name)
        with open(os.path.join(ROOT, name), encoding="utf-8") as f:
            data = f.read()
        target = os.path.join(tree, name)
        if not os.path.isfile(target) or open(target, encoding="utf-8").read() != data:
            write(target, data)
    for d, _, files in os.walk(os.path.join(tree, "src")):
        for f in files:
            if os.path.relpath(os.path.join(d, f), tree) not in wanted:
                os.remove(os.path.join(d, f))


def linker():
    for ld in ("lld", "gold"):
        if shutil.which("ld." + ld):
            return ["-DCMAKE_EXE_LINKER_FLAGS=-fuse-ld=" + ld]
    return []


def configure(tree, objects):
    if os.path.exists(os.path.join(objects, "CMakeCache.txt")):
        return
    generator = ["-G", "Ninja"] if shutil.which("ninja") else []
    # -O1: the tests' results do not depend on the optimisation level, and a mutated file
    # compiles in three quarters of -O2's time (page/paginate.cpp: 2.3 s, 3.0 s). lld links the
    # test binary in 0.45 s, gold in 0.68 s, ld.bfd in 1.11 s; shared libraries link faster
    # than the static ones a release build takes.
    subprocess.run(["cmake", "-S", tree, "-B", objects, *generator, "-DCMAKE_BUILD_TYPE=Release",
                    "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -DNDEBUG", "-DZAPROS_STATIC=OFF", *linker()],
                   check=True, stdout=subprocess.DEVNULL)


def build(objects, jobs):
    """None when the tests are built, else the compiler's first error lines."""
    r = subprocess.run(["cmake", "--build", objects, "--target", "zapros_tests", f"-j{jobs}"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode == 0:
        return None
    errors = [l for l in r.stdout.splitlines() if "error" in l]
    return "\n".join((errors or r.stdout.splitlines())[:5])


def first_failure(output, names):
    """The name of the first test case the console reporter shows failing. Its header stands
    between two rows of dashes: the name, wrapped at 79 columns, then its sections; it is
    matched, blanks aside, against the test names."""
    header, shown = None, None
    for line in output.splitlines():
        if re.fullmatch(r"-{79}", line):
            if header is None:
                header = []
            else:
                shown, header = "".join(header), None
        elif header is not None:
            header.append(re.sub(r"\s", "", line))
        elif "FAILED:" in line or "due to a fatal error condition" in line:
            if shown is None:
                return None
            return max((n for n in names if shown.startswith(re.sub(r"\s", "", n))), key=len, default=shown)
    return None


def test_names(objects):
    r = subprocess.run([os.path.join(objects, TESTS), "--list-test-names-only"], stdout=subprocess.PIPE, text=True)
    return [n.strip() for n in r.stdout.splitlines() if n.strip()]


def near_tests(source):
    """The fast tests of the mutated file's own stage, as a Catch2 spec over file-name tags (-#):
    tests/ mirrors src/, so src/flow/flow.cpp is tried first against tests/flow/*. Most
    mutations fail there within a second or two, where the whole suite takes ten; one that
    passes them runs the whole suite. None when the stage has no test files."""
    stage = os.path.join(ROOT, "tests", os.path.basename(os.path.dirname(source)))
    if not os.path.isdir(stage):
        return None
    stems = sorted(f[:-4] for f in os.listdir(stage) if f.endswith(".cpp"))
    return [",".join(f"[#{stem}]~[e2e]" for stem in stems)] if stems else None


def run_tests(objects, timeout, names, shards=SHARDS):
    """(passed, the first failing test or why the run failed)."""
    runs = [subprocess.Popen([os.path.join(objects, TESTS), "-#", *spec, "--abort"], cwd=os.path.join(objects, "tests"),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace",
                             start_new_session=True) for spec in shards]
    deadline = time.monotonic() + timeout
    failure = None
    try:
        while runs and failure is None:
            for p in runs:
                try:
                    out, _ = p.communicate(timeout=0.05)
                except subprocess.TimeoutExpired:
                    continue
                runs.remove(p)
                if p.returncode != 0:
                    failure = first_failure(out, names) or f"(the tests ended with status {p.returncode})"
                break
            if runs and time.monotonic() > deadline:
                failure = f"(the tests ran past {timeout} s)"
    finally:
        for p in runs:
            os.killpg(p.pid, signal.SIGKILL)
            p.communicate()
    return failure is None, failure or ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--build", default=os.path.join(ROOT, "build-mutate"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--only", help="only the mutations whose id contains this")
    ap.add_argument("--list", action="store_true", help="print the list and check it, build nothing")
    args = ap.parse_args()
    try:
        entries = parse(LIST)
    except ListError as e:
        print(e, file=sys.stderr)
        return 2
    problems = stale(entries)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"{len(problems)} stale mutation(s): re-anchor their snippets in {os.path.relpath(LIST, ROOT)}",
              file=sys.stderr)
        return 1
    if args.list:
        for e in entries:
            print(f"{e['id']:44} {e['kind']:26} {e['file']}")
        kinds = "; ".join(f"{sum(e['kind'] == k for e in entries)} {k}" for k in KINDS)
        print(f"{len(entries)} mutations: {kinds}")
        return 0
    if args.only:
        entries = [e for e in entries if args.only in e["id"]]

    started = time.monotonic()
    args.build = os.path.abspath(args.build)
    tree, objects = os.path.join(args.build, "tree"), os.path.join(args.build, "objects")
    mirror(tree)
    # A built zapros looks for its data in the directory above its own (cli/pipeline.cpp).
    for data in ("fonts", "hyph", "icc", "schema"):
        if not os.path.islink(os.path.join(args.build, data)):
            os.symlink(os.path.join(ROOT, data), os.path.join(args.build, data))
    configure(tree, objects)
    error = build(objects, args.jobs)
    if error:
        print(f"error: the unmutated sources do not build in {objects}:\n{error}", file=sys.stderr)
        return 1
    names = test_names(objects)
    t = time.monotonic()
    passed, failure = run_tests(objects, 600, names)
    baseline = time.monotonic() - t
    if not passed:
        print(f"error: the fast tests fail without a mutation: {failure}", file=sys.stderr)
        return 1
    print(f"baseline: built and passed ({time.monotonic() - started:.0f} s, the tests {baseline:.1f} s)")
    timeout = max(60, int(10 * baseline))

    counts = {"killed": 0, "SURVIVED": 0, "not viable": 0}
    mutated = None  # the mirror file that holds a mutation, restored when the next one is elsewhere
    width = max([len(e["id"]) for e in entries], default=0)
    for n, e in enumerate(entries, 1):
        t = time.monotonic()
        source = os.path.join(ROOT, e["file"])
        with open(source, encoding="utf-8") as f:
            original = f.read()
        target = os.path.join(tree, e["file"])
        if mutated and mutated[0] != target:
            write(*mutated)
        write(target, original.replace(e["find"], e["replace"], 1))
        mutated = (target, original)
        error = build(objects, args.jobs)
        if error:
            verdict, detail = "not viable", error.splitlines()[0]
        else:
            near = near_tests(source)
            passed, detail = run_tests(objects, timeout, names, [near]) if near else (True, "")
            if passed:
                passed, detail = run_tests(objects, timeout, names)
            else:
                detail = "by its stage's tests: " + detail
            verdict = "SURVIVED" if passed else "killed"
        counts[verdict] += 1
        print(f"{n:3}/{len(entries)} {e['id']:{width}} {verdict:10} {time.monotonic() - t:5.1f} s  {detail}", flush=True)
    if mutated:
        write(*mutated)
    total = time.monotonic() - started
    print(f"{len(entries)} mutations: {counts['killed']} killed, {counts['SURVIVED']} survived, "
          f"{counts['not viable']} not viable; {total:.0f} s in all")
    if counts["SURVIVED"]:
        print("A mutation that survives is a rule no test guards: write the test that fails without it.")
    return 0 if counts["killed"] == len(entries) else 1


if __name__ == "__main__":
    sys.exit(main())
