#!/usr/bin/env python3
"""structtree.mjs's own test: a long letter's tree (fifty pages, some 250 KB of dump) comes
through a pipe whole, as consumer_check.py reads it. process.exit() right after writing cut a
piped stdout short at 128 KiB: the dump ended mid-line and consumer_check crashed on it.

    test_structtree.py --zapros BIN --node NODE --pdfjs DIR
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PARAGRAPHS = 1500
FRONT = "---\ntitle: A long request\nto: Ministry of Examples\nlang: en\n---\n\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zapros", required=True)
    ap.add_argument("--node", default="node")
    ap.add_argument("--pdfjs", required=True)
    args = ap.parse_args()
    pdfjs = args.pdfjs
    if not os.path.exists(os.path.join(pdfjs, "legacy/build/pdf.mjs")):
        pdfjs = subprocess.run([os.path.join(HERE, "install-pdfjs.sh"), pdfjs], check=True,
                               capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="zapros-structtree-") as tmp:
        md, pdf = os.path.join(tmp, "long.md"), os.path.join(tmp, "long.pdf")
        words = " ".join(["word"] * 30)
        with open(md, "w", encoding="utf-8") as f:
            f.write(FRONT + "\n\n".join("Paragraph %d %s." % (i, words) for i in range(PARAGRAPHS)) + "\n")
        subprocess.run([args.zapros, "render", md, "-o", pdf], check=True, capture_output=True)
        dump = subprocess.run([args.node, os.path.join(HERE, "structtree.mjs"), pdfjs, pdf],
                              capture_output=True, check=False)
    text = dump.stdout.decode("utf-8", "replace")
    problems = []
    if dump.returncode != 0:
        problems.append("structtree.mjs exited %d: %s" % (dump.returncode, dump.stderr.decode()[-300:]))
    if len(text) < 128 * 1024:
        problems.append("the dump is %d bytes, less than the pipe's cut it must pass" % len(text))
    last = '"Paragraph %d %s."' % (PARAGRAPHS - 1, words)
    if not text.endswith("\n") or last not in text[-4096:]:
        problems.append("the dump is cut short: it ends …%r" % text[-120:])
    for p in problems:
        print("test_structtree: " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
