#!/usr/bin/env python3
"""preflight.py FILE.pdf…

Runs Apache PDFBox Preflight 2.0 (Debian libpdfbox2-java), a PDF/A-1b validator, on PDF/A-2 files
and fails on every finding except the few that ISO 19005-2 permits, each allowed for its reason
and only when the file has what makes the finding lawful. One JVM for all files (Preflight's
"xml group" mode, whose XML holds the same `code` and message as its text lines). Prints
`FILE: preflight CODE: message` for each finding not allowed; exit 1 on any, 2 when Preflight
cannot run or cannot read a file.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

JARS = ["preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging", "javax.activation", "jaxb-api"]

# (code, the whole message as a pattern, the fact about the file it needs or None, the reason)
ALLOWED = [
    ("7.11.2", r"Error on MetaData, part must be 1", None,
     "Preflight validates PDF/A-1; our files claim PDF/A-2 (pdfaid:part 2, ISO 19005-2 6.6.4)."),
    ("7.11.1", r"Error on MetaData, conformance level must be A or B", "conformance U",
     "PDF/A-1 has no level U; ISO 19005-2 6.6.4 adds it (pdfaid:conformance U, zapros' default)."),
    ("3.1.11", r"Invalid Font definition, [A-Z]{6}\+[\w-]+: The CIDSet entry is missing for the Composite Subset", None,
     "ISO 19005-2 6.2.11.4.2 makes CIDSet optional (required in A-1); a wrong one fails veraPDF, so zapros writes none."),
    ("1.4", r"Trailer Syntax error, /XRef cross reference streams are not allowed", "xref stream",
     "ISO 19005-2 is based on PDF 1.7 and allows cross-reference and object streams (A-1 forbids them); the packer uses them."),
    ("2.2.2", r"Invalid graphics transparency, Soft Mask must be null or None"
              r"( \[COSDictionary\{.*COSName\{SMask\}:COSObject\{.*)?", "soft mask",
     "ISO 19005-2 6.4 allows transparency (soft-masked images) where A-1 forbids it; only in files with an /SMask image."),
]


def facts(path):
    """What in the file can make a finding lawful, read from its bytes and qpdf's JSON."""
    with open(path, "rb") as f:
        raw = f.read()
    out = set()
    if re.search(rb"/Type\s*/XRef\b", raw) or re.search(rb"/Type\s*/ObjStm\b", raw):
        out.add("xref stream")
    if re.search(rb"pdfaid:conformance(>|=[\"'])U", raw):
        out.add("conformance U")
    r = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf", "--json-stream-data=none", path],
                       capture_output=True, check=False)
    if b'"/SMask"' in r.stdout:
        out.add("soft mask")
    return out


def allowed(code, message, file_facts):
    for c, pattern, need, _ in ALLOWED:
        if c == code and re.fullmatch(pattern, message) and (need is None or need in file_facts):
            return True
    return False


def run_preflight(paths, java, jar_dir):
    """{path: [(code, message)]} from one Preflight run in group mode."""
    cp = ":".join(os.path.join(jar_dir, j + ".jar") for j in JARS)
    with tempfile.TemporaryDirectory(prefix="zapros-preflight-") as tmp:
        listing = os.path.join(tmp, "files")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("".join(os.path.abspath(p) + "\n" for p in paths))
        r = subprocess.run([java, "-cp", cp, "org.apache.pdfbox.preflight.Validator_A1b", "xml", "group", listing],
                           capture_output=True, check=False)
        report = listing + ".preflight.xml"
        if not os.path.exists(report):
            raise RuntimeError("Preflight wrote no report: " + r.stderr.decode("utf-8", "replace")[-2000:])
        root = ET.parse(report).getroot()
    results = root.findall("preflight")
    if len(results) != len(paths):
        raise RuntimeError("Preflight reported on %d of %d files" % (len(results), len(paths)))
    out = {}
    for path, node in zip(paths, results):
        if node.get("name") != os.path.basename(path):
            raise RuntimeError("Preflight's report is out of order at %s" % path)
        findings = [(e.findtext("code", ""), e.findtext("details", "").strip()) for e in node.iter("error")]
        if node.find("errors") is None and node.findtext("isValid") != "true":
            findings.append(("?", "Preflight could not validate the file: " + ET.tostring(node, "unicode")[:500]))
        out[path] = findings
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    ap.add_argument("--java", default="java")
    ap.add_argument("--jars", default="/usr/share/java", help="where Debian's libpdfbox2-java put its jars")
    ap.add_argument("--list-allowed", action="store_true", help="print the allowed findings with their reasons")
    ap.add_argument("files", nargs="*", metavar="FILE.pdf")
    args = ap.parse_args(argv)
    if args.list_allowed:
        for code, pattern, need, reason in ALLOWED:
            print("%s  %s%s\n    %s" % (code, pattern, "  (only with: %s)" % need if need else "", reason))
        return 0
    try:
        results = run_preflight(args.files, args.java, args.jars)
    except (RuntimeError, OSError, ET.ParseError) as e:
        print("preflight.py: %s" % e)
        return 2
    status = 0
    for path in args.files:
        file_facts = facts(path)
        for code, message in results[path]:
            if not allowed(code, message, file_facts):
                print("%s: preflight %s: %s" % (path, code, message))
                status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
