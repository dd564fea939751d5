#!/usr/bin/env python3
"""consumer_check.py's own tests: its comparison passes a tree that matches a request and its
text twin, and fails each way a tagged PDF can disagree with them."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consumer_check import compare, markdown_facts, normal_url, parse_tree  # noqa: E402

MD = """---
title: A Request
---

Please see https://example.org/a for details.[^x]

## Questions

1) What is it?
2) Why?

[^x]: The note, with <https://example.org/n>.
"""
TWIN = """A Request

Please see https://example.org/a for details.[1]

Questions

1) What is it?
2) Why?

[1] The note, with https://example.org/n.
"""
TREE = """page 1
Document
  H1
    "A Request"
  P
    "Please see"
    Link
      "https://example.org/a"
      [link https://example.org/a]
    "for de-"
    "tails."
    Reference
      Link
        "1"
        [link #internal]
    Note
      Lbl
        "1"
      P
        "The note, with"
        Link
          "https://example.org/n."
          [link https://example.org/n]
page 2
Document
  H2
    "Questions"
  L
    LI
      Lbl
        "1)"
      LBody
        "What is it?"
    LI
      Lbl
        "2)"
      LBody
        "Why?"
"""


def problems(tree=TREE, twin=TWIN, md=MD):
    roots, untagged = parse_tree(tree)
    return compare(roots, untagged, twin, md, "A Request")


class Compare(unittest.TestCase):
    def test_a_matching_tree_passes(self):
        self.assertEqual(problems(), [])

    def test_untagged_text_fails(self):
        self.assertTrue(any("untagged" in p for p in problems(TREE + 'untagged page 2: "Why?"\n')))

    def test_text_out_of_order_fails(self):
        tree = TREE.replace('"What is it?"', '"XX"').replace('"Why?"', '"What is it?"').replace('"XX"', '"Why?"')
        self.assertTrue(any("text twin" in p for p in problems(tree)))

    def test_text_missing_from_the_tree_fails(self):
        self.assertTrue(any("text twin" in p for p in problems(TREE.replace('"tails."', '""'))))

    def test_a_heading_tagged_as_a_paragraph_fails(self):
        self.assertTrue(any("headings" in p for p in problems(TREE.replace("  H2\n", "  P\n"))))

    def test_a_list_item_missing_fails(self):
        tree = TREE.replace('    LI\n      Lbl\n        "2)"\n      LBody\n', '    Div\n      Lbl\n        "2)"\n      LBody\n')
        self.assertTrue(any("list items" in p for p in problems(tree)))

    def test_a_note_not_right_after_its_mark_fails(self):
        tree = TREE.replace('      Link\n        "1"\n', '      Link\n        "7"\n')
        self.assertTrue(any("follows the mark" in p for p in problems(tree)))

    def test_a_note_text_unlike_the_twin_fails(self):
        self.assertTrue(any("notes differ" in p for p in problems(TREE.replace('"The note, with"', '"A note"'))))

    def test_a_link_with_text_of_its_own_reads_as_its_text(self):
        # The twin writes "[the site](URL)" as "the site (URL)", the PDF as "the site".
        md = MD.replace("Please see https://example.org/a", "Please see [the site](https://example.org/a)")
        twin = TWIN.replace("Please see https://example.org/a", "Please see the site (https://example.org/a)")
        tree = TREE.replace('      "https://example.org/a"\n', '      "the site"\n')
        self.assertEqual(problems(tree, twin, md), [])
        self.assertTrue(any("text twin" in p for p in problems(tree.replace('"the site"', '"the"'), twin, md)))

    def test_a_heading_holding_a_note_mark_reads_without_the_note(self):
        md = MD.replace("## Questions", "## Questions[^q]") + "\n[^q]: On the heading.\n"
        twin = TWIN.replace("\nQuestions\n", "\nQuestions[2]\n") + "[2] On the heading.\n"
        tree = TREE.replace('  H2\n    "Questions"\n', '  H2\n    "Questions"\n    Reference\n      Link\n        "2"\n'
                            '        [link #internal]\n    Note\n      Lbl\n        "2"\n      P\n        "On the heading."\n')
        self.assertEqual(problems(tree, twin, md), [])

    def test_a_link_without_its_url_fails(self):
        tree = TREE.replace("[link https://example.org/a]", "[link]")
        self.assertTrue(any("link URLs" in p for p in problems(tree)))


class Markdown(unittest.TestCase):
    def test_two_enclosures_in_the_front_matter_are_list_items(self):
        md = "---\nenclosures:\n  - title: A\n    sheets: 1\n  - title: B\n---\n\n- one\n"
        self.assertEqual(markdown_facts(md)[1], 3)

    def test_one_enclosure_is_no_list(self):
        self.assertEqual(markdown_facts("---\nenclosures:\n  - title: A\n---\n\nText.\n")[1], 0)

    def test_a_heading_in_a_quote_is_a_heading(self):
        self.assertEqual(markdown_facts("> ## Quoted\n>\n> text\n")[0], ["Quoted"])

    def test_a_note_nothing_refers_to_is_left_out(self):
        self.assertEqual(markdown_facts("Text[^a].\n\n[^a]: Used.\n\n[^z]: Unused.\n")[2], ["a"])

    def test_an_international_host_compares_in_its_idna_form(self):
        self.assertEqual(normal_url("https://мвд.рф/news"), "https://xn--b1aew.xn--p1ai/news")

    def test_an_e_mail_address_in_the_body_is_a_mailto_link(self):
        self.assertIn("mailto:a@example.org", markdown_facts("Write to a@example.org.\n")[3])


if __name__ == "__main__":
    unittest.main(verbosity=1)
