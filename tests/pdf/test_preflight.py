#!/usr/bin/env python3
"""preflight.py's own tests: the whitelist lets through only what ISO 19005-2 permits, and only
in a file that has what makes it lawful; a real Preflight run passes a good PDF/A-2u sample (with
classic and with stream cross-references) and fails a broken one naming Preflight's code.

    test_preflight.py (SOURCE.pdf | --zapros BIN --request REQUEST.md) [--good GOOD.pdf]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import preflight  # noqa: E402
import sample  # noqa: E402
from qpdf_edit import Doc  # noqa: E402

FILES = {}


class Whitelist(unittest.TestCase):
    def test_part_must_be_1_is_allowed_in_any_file(self):
        self.assertTrue(preflight.allowed("7.11.2", "Error on MetaData, part must be 1", set()))

    def test_another_metadata_error_under_the_same_code_is_not(self):
        self.assertFalse(preflight.allowed("7.11.2", "Error on MetaData, part must be 1 or 2", set()))

    def test_conformance_a_or_b_only_in_a_u_file(self):
        msg = "Error on MetaData, conformance level must be A or B"
        self.assertTrue(preflight.allowed("7.11.1", msg, {"conformance U"}))
        self.assertFalse(preflight.allowed("7.11.1", msg, set()))

    def test_xref_streams_only_in_a_file_that_has_them(self):
        msg = "Trailer Syntax error, /XRef cross reference streams are not allowed"
        self.assertTrue(preflight.allowed("1.4", msg, {"xref stream"}))
        self.assertFalse(preflight.allowed("1.4", msg, set()))

    def test_soft_masks_only_in_a_file_with_an_smask_image(self):
        msg = ("Invalid graphics transparency, Soft Mask must be null or None [COSDictionary{COSName{Length}:COSInt{9};"
               "COSName{SMask}:COSObject{COSDictionary{COSName{Length}:COSInt{5};COSName{Filter}:157")
        self.assertTrue(preflight.allowed("2.2.2", msg, {"soft mask"}))
        self.assertFalse(preflight.allowed("2.2.2", msg, set()))
        self.assertFalse(preflight.allowed("2.2.2", "Invalid graphics transparency, Group is Transparency", {"soft mask"}))

    def test_missing_cidset_is_allowed_but_a_wrong_one_is_not(self):
        ok = "Invalid Font definition, ABCDEF+PTSerif-Regular: The CIDSet entry is missing for the Composite Subset"
        self.assertTrue(preflight.allowed("3.1.11", ok, set()))
        self.assertFalse(preflight.allowed("3.1.11", "Invalid Font definition, ABCDEF+PTSerif-Regular: CIDSet is wrong", set()))

    def test_every_allowed_finding_has_a_reason(self):
        for code, _, _, reason in preflight.ALLOWED:
            self.assertGreater(len(reason), 40, code)


class RealRun(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.results = preflight.run_preflight(list(FILES.values()), "java", "/usr/share/java")

    def failing(self, key):
        path = FILES[key]
        facts = preflight.facts(path)
        return [(c, m) for c, m in self.results[path] if not preflight.allowed(c, m, facts)]

    def test_the_good_sample_passes(self):
        self.assertEqual(self.failing("good"), [])

    def test_the_good_sample_with_xref_streams_passes(self):
        self.assertIn("1.4", [c for c, _ in self.results[FILES["objstm"]]])
        self.assertEqual(self.failing("objstm"), [])

    def test_a_link_without_f_fails_with_5_2_2(self):
        self.assertIn("5.2.2", [c for c, _ in self.failing("no-f")])


def make_files(good, tmp):
    FILES["good"] = good
    FILES["objstm"] = os.path.join(tmp, "objstm.pdf")
    subprocess.run(["qpdf", "--object-streams=generate", "--newline-before-endstream", good, FILES["objstm"]], check=True)
    d = Doc(good)
    annots = [a for p in d.pages() for a in d.value(p).get("/Annots", [])]
    d.value(annots[0]).pop("/F")
    FILES["no-f"] = os.path.join(tmp, "no-f.pdf")
    d.save(FILES["no-f"])


def main():
    ap = argparse.ArgumentParser()
    sample.source_args(ap)
    args, rest = ap.parse_known_args()
    with tempfile.TemporaryDirectory(prefix="zapros-preflight-test-") as tmp:
        make_files(sample.good_pdf(args, tmp), tmp)
        prog = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=1)
    return 0 if prog.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
