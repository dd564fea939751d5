#!/usr/bin/env python3
"""pdfa_rules.py [--standard none|a-2b|a-2u] FILE.pdf…

Our own checks of the machine-checkable rules of PDF/A-2b/2u and PDF/UA-1, each named after its
veraPDF rule ID (A2: PDFA-2B/2U profile, UA1: PDFUA-1, A1: PDFA-1B where we keep its stricter
rule, 32000: ISO 32000-1 clauses no veraPDF rule covers). The PDF is read through qpdf's JSON,
never through zapros. One line per failure, `FILE: RULE-ID: message`; exit 1 on any, 2 when a
file cannot be read at all.

--standard a-2u (the default): everything. a-2b: PDF/A's Unicode rules (6.2.11.7.2) left to
PDF/UA's ToUnicode rule. none: a plain PDF: header, trailer, and that it claims no standard.
"""
import argparse
import sys

import rules_annots
import rules_content
import rules_file
import rules_fonts
import rules_tree
from pdfdoc import Pdf, PdfError


def check_file(path, standard):
    """[(rule, message)] for one file."""
    failures = []

    def report(rule, message):
        failures.append((rule, message))

    pdf = Pdf(path)
    rules_file.check(pdf, report, standard)
    links = rules_annots.check(pdf, report, standard)
    pages = rules_content.check(pdf, report, standard)
    if standard != "none":
        rules_fonts.check(pdf, report, standard, pages)
    rules_tree.check(pdf, report, standard, pages, links)
    return failures


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    ap.add_argument("--standard", choices=["none", "a-2b", "a-2u"], default="a-2u")
    ap.add_argument("files", nargs="+", metavar="FILE.pdf")
    args = ap.parse_args(argv)
    status = 0
    for path in args.files:
        try:
            failures = check_file(path, args.standard)
        except (PdfError, OSError) as e:
            print("%s: unreadable: %s" % (path, e))
            status = 2
            continue
        for rule, message in failures:
            print("%s: %s: %s" % (path, rule, message))
        if failures and status == 0:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
