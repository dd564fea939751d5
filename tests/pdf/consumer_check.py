#!/usr/bin/env python3
"""consumer_check.py: what a consumer (pdf.js) reads from a request's tagged PDF, against two
oracles that share nothing with the tag writer:
- the text twin (zapros render --format txt, written from the composed letter): the tree's text,
  notes aside, equals the twin's text, notes aside, letter for letter in order (letters and
  digits only: markup, bullets, spaces and line-end hyphens differ between the two by design);
  the notes' texts equal the twin's notes in order;
- the Markdown source: the headings' texts in order, the number of list items and of notes, each
  note's number right after its mark's, and the links' URLs.

    consumer_check.py --zapros BIN --node NODE --pdfjs DIR [--golden] REQUEST.md…
--golden: also compare the tree with NAME.tags beside each request (ZAPROS_UPDATE_GOLDEN=1
rewrites them; update deliberately and say why in the commit).
Prints one line per failure; exit 1 on any.
"""
import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_pdfs  # noqa: E402
LETTERS = re.compile(r"[^\W_]+")


class Node:
    def __init__(self, role, depth):
        self.role, self.depth, self.kids, self.text, self.url = role, depth, [], "", None
        self.alt = None


def parse_tree(dump):
    """structtree.mjs's output → ([root nodes in page order], [untagged lines])."""
    roots, stack, untagged = [], [], []
    for line in dump.splitlines():
        if not line.strip() or line.startswith("page "):
            stack = []
            continue
        if line.startswith("untagged "):
            untagged.append(line)
            continue
        depth = (len(line) - len(line.lstrip(" "))) // 2
        body = line.strip()
        while stack and stack[-1].depth >= depth:
            stack.pop()
        if body.startswith('"'):
            node = Node("#text", depth)
            node.text = json.loads(body)
        elif body.startswith("[link"):
            node = Node("#link", depth)
            node.url = body[6:-1] if len(body) > 6 else ""
        else:
            node = Node(body.split(" ")[0], depth)
            if body.startswith(node.role + " alt="):
                node.alt = json.loads(body[len(node.role) + 5:])
        (stack[-1].kids if stack else roots).append(node)
        stack.append(node)
    return roots, untagged


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.kids)


def text_of(node):
    return "".join(n.text for n in walk([node]) if n.role == "#text")


def letters(text):
    return "".join(LETTERS.findall(text.replace("\u00ad", "")))


def body_and_notes(roots):
    """The tree's text with every Note left out, and each Note's text in order."""
    body, notes = [], []

    def go(nodes):
        for n in nodes:
            if n.role == "Note":
                notes.append(text_of(n))
            elif n.alt is not None:  # a Figure: its /Alt is compared apart (compare)
                pass
            elif n.role == "#text":
                body.append(n.text)
            else:
                go(n.kids)
    go(roots)
    return " ".join(body), notes


TWIN_NOTE = re.compile(r"^\[(\d+)\] (.*)$")


def twin_parts(twin):
    """The twin's text before its closing block of notes ("[n] text" lines, indented
    continuations), and those notes, each as "n text"."""
    lines = twin.rstrip("\n").split("\n")
    start = len(lines)
    while start > 0 and (TWIN_NOTE.match(lines[start - 1]) or lines[start - 1].startswith("    ")):
        start -= 1
    while start < len(lines) and not TWIN_NOTE.match(lines[start]):
        start += 1
    notes = []
    for line in lines[start:]:
        m = TWIN_NOTE.match(line)
        if m:
            notes.append(m.group(1) + " " + m.group(2))
        else:
            notes[-1] += " " + line.strip()
    return "\n".join(lines[:start]), notes


def first_difference(a, b):
    i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
    return "at letter %d: tree …%s… twin …%s…" % (i, a[max(0, i - 30):i + 30], b[max(0, i - 30):i + 30])


def front_enclosures(front):
    """How many enclosures the front matter lists; zapros sets two or more as a numbered list."""
    m = re.search(r"^enclosures:\s*\n((?:[ \t].*\n|\s*\n)*)", front + "\n", re.M)
    return len(re.findall(r"^\s*- ", m.group(1), re.M)) if m else 0


def normal_url(url):
    """A URL as an annotation carries it: an internationalised host in its IDNA (punycode) form."""
    parts = urllib.parse.urlsplit(url)
    if not parts.hostname or parts.hostname.isascii():
        return url
    host = parts.hostname.encode("idna").decode("ascii")
    return urllib.parse.urlunsplit(parts._replace(netloc=parts.netloc.replace(parts.hostname, host)))


def markdown_facts(md):
    """Headings, list items, footnote definitions and link targets of a request."""
    front, text = md.split("\n---\n", 1) if md.startswith("---\n") else ("", md)
    enclosures = front_enclosures(front)
    headings, items, notes, urls, fenced = [], enclosures if enclosures >= 2 else 0, [], [], False
    for line in text.split("\n"):
        if re.match(r"^\s*(```|~~~)", line):
            fenced = not fenced
            continue
        if fenced:
            continue
        m = re.match(r"^\s{0,3}(?:>\s*)*#{1,6}\s+(.*?)\s*#*\s*$", line)  # in a quote too
        if m:
            headings.append(re.sub(r"\[\^[^\]]+\]", "", m.group(1)))
        if re.match(r"^\s*(?:>\s*)*(?:[-*+]|\d{1,9}[.)]|[a-z][.)]|[ivx]+[.)])\s+\S", line) and not re.match(r"^\s*[-*_](\s*[-*_]){2,}\s*$", line):
            items += 1
        m = re.match(r"^\[\^([^\]]+)\]:", line)
        if m and "[^%s]" % m.group(1) in re.sub(r"^\[\^[^\]]+\]:", "", text, flags=re.M):
            notes.append(m.group(1))  # zapros leaves out a note nothing refers to (a warning)
        urls += re.findall(r"<(https?://[^>\s]+)>", line)
        urls += re.findall(r"\]\((https?://[^)\s]+)\)", line)
        bare = re.sub(r"<https?://[^>\s]+>|\]\(https?://[^)\s]+\)", " ", line)
        urls += [u.rstrip(".,;:!?»”\"'") for u in re.findall(r"(?<![<(])https?://[^\s<>]+", bare)]
        urls += ["mailto:" + a.rstrip(".") for a in re.findall(r"(?<![\w/])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", bare)]
    return headings, items, notes, [normal_url(u) for u in urls]


def heading_text(node):
    return "".join(heading_text(k) for k in node.kids if k.role not in ("Reference", "Note")) + node.text


def words(text):
    return " ".join(LETTERS.findall(text))


TITLED_LINK = re.compile(r"\]\(((?:https?|mailto):[^)\s]+)\)")


def compare(roots, untagged, twin, md, title):
    """Failure messages for one request."""
    out = list(untagged)
    # The twin writes a link whose text is not its URL as "text (URL)"; the PDF prints the text.
    for url in TITLED_LINK.findall(md.split("\n---\n", 1)[-1]):
        twin = twin.replace(" (" + url + ")", "", 1)
    body, notes = body_and_notes(roots)
    twin_body, twin_notes = twin_parts(twin)
    # The twin writes a body figure as "[alt] caption"; the letter's own images (logo, scans,
    # stamp) it leaves out. Each Figure's /Alt must be non-empty; the twin's "[alt]" goes.
    for alt in (n.alt for n in walk(roots) if n.alt is not None):
        if not alt.strip():
            out.append("a Figure's /Alt is empty")
        twin_body = twin_body.replace("[" + alt + "]", "", 1)
    if letters(body) != letters(twin_body):
        out.append("the tree's text differs from the text twin's " + first_difference(letters(body), letters(twin_body)))
    if [letters(n) for n in notes] != [letters(n) for n in twin_notes]:
        out.append("the tree's %d notes differ from the twin's %d: %s / %s" % (len(notes), len(twin_notes), notes[:3], twin_notes[:3]))
    headings, items, md_notes, urls = markdown_facts(md)
    all_nodes = list(walk(roots))
    # A heading's text without a note's mark and the Note that reads right after it.
    tree_headings = [heading_text(n) for n in all_nodes if re.match(r"^H[1-6]$", n.role)]
    if tree_headings and words(tree_headings[0]) == words(title):
        tree_headings = tree_headings[1:]
    if [words(h) for h in tree_headings] != [words(h) for h in headings]:
        out.append("headings: the tree has %s, the Markdown %s" % (tree_headings, headings))
    lis = sum(1 for n in all_nodes if n.role == "LI")
    if lis != items:
        out.append("list items: the tree has %d LI, the Markdown %d items" % (lis, items))
    tree_notes = [n for n in all_nodes if n.role == "Note"]
    if len(tree_notes) != len(md_notes):
        out.append("notes: the tree has %d Note, the Markdown %d footnotes" % (len(tree_notes), len(md_notes)))
    last_mark = None
    for n in all_nodes:
        if n.role == "Link" and letters(text_of(n)).isdigit():
            last_mark = letters(text_of(n))
        elif n.role == "Note":
            label = next((letters(text_of(k)) for k in n.kids if k.role == "Lbl"), "")
            if not label or label != last_mark:
                out.append("note %r follows the mark %r, not its own" % (label, last_mark))
    tree_urls = [normal_url(n.url) for n in all_nodes if n.role == "#link" and n.url and not n.url.startswith("#")]
    if sorted(set(tree_urls)) != sorted(set(urls)):
        out.append("link URLs: the tree has %s, the Markdown %s" % (sorted(set(tree_urls)), sorted(set(urls))))
    return out


def front_title(md):
    m = re.search(r"^title:\s*(.+)$", md.split("\n---\n", 1)[0], re.M)
    return m.group(1).strip().strip("\"'") if m else ""


def golden(md_path, text):
    """The tree against its golden NAME.tags; True when they agree (or it was rewritten)."""
    expected = os.path.splitext(md_path)[0] + ".tags"
    if os.environ.get("ZAPROS_UPDATE_GOLDEN") == "1":
        with open(expected, "w", encoding="utf-8") as f:
            f.write(text)
        return True
    if not os.path.exists(expected):
        print("%s: no golden structure tree %s (ZAPROS_UPDATE_GOLDEN=1 writes it)" % (md_path, expected))
        return False
    with open(expected, encoding="utf-8") as f:
        want = f.read()
    if want == text:
        return True
    diff = difflib.unified_diff(want.splitlines(), text.splitlines(), expected, "now", lineterm="", n=1)
    print("%s: the structure tree differs from %s:\n%s" % (md_path, expected, "\n".join(list(diff)[:40])))
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--zapros", required=True)
    ap.add_argument("--node", default="node")
    ap.add_argument("--pdfjs", required=True, help="pdfjs-dist's directory, or where install-pdfjs.sh put it")
    ap.add_argument("--golden", action="store_true", help="compare with NAME.tags beside each request")
    ap.add_argument("requests", nargs="+")
    args = ap.parse_args()
    if not check_pdfs.claims_standards(args.zapros):
        print("skipped: %s has no --pdf-standard, so it writes no tags yet" % args.zapros)
        return check_pdfs.SKIP
    failed = 0
    if not os.path.exists(os.path.join(args.pdfjs, "legacy/build/pdf.mjs")):
        args.pdfjs = subprocess.run([os.path.join(HERE, "install-pdfjs.sh"), args.pdfjs], check=True,
                                    capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory(prefix="zapros-consumer-") as tmp:
        for md_path in args.requests:
            name = os.path.splitext(os.path.basename(md_path))[0]
            pdf = os.path.join(tmp, name + ".pdf")
            subprocess.run([args.zapros, "render", md_path, "--format", "pdf,txt", "-o", pdf], check=True,
                           capture_output=True)
            dump = subprocess.run([args.node, os.path.join(HERE, "structtree.mjs"), args.pdfjs, "--urls", pdf],
                                  capture_output=True, check=False)
            if dump.returncode not in (0, 1):
                print("%s: structtree.mjs failed: %s" % (md_path, dump.stderr.decode()[-500:]))
                failed += 1
                continue
            text = dump.stdout.decode("utf-8")
            if args.golden and not golden(md_path, text):
                failed += 1
            roots, untagged = parse_tree(text)
            with open(os.path.join(tmp, name + ".txt"), encoding="utf-8") as f:
                twin = f.read()
            with open(md_path, encoding="utf-8") as f:
                md = f.read()
            for problem in compare(roots, untagged, twin, md, front_title(md)):
                print("%s: %s" % (md_path, problem))
                failed += 1
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
