#pragma once
// The tagged PDF's structure tree (compose/structure.hpp) against the pages that point into it,
// checked without output/: the rules of PDF/UA-1 that hold for the tree itself (issue 19 §3).
// Used by the unit tests and by the property test's documents (tests/compose/tags_test.cpp).
#include <string>
#include <vector>

#include "compose/structure.hpp"
#include "page/page.hpp"

namespace zapros::test {

// One line per violation:
// - every run drawn is an artifact or content of an element that exists and holds text (P, H,
//   Lbl, Link, TH, TD, Code, Caption); every image an artifact or a Figure's, every link area a
//   Link's;
// - the Document is element 0 and alone; every other element's parent comes before it;
// - orders are unique among an element's kids, content and elements alike;
// - in reading order the first heading is H1 and none is more than one level below the one
//   before it;
// - L holds only LI, LI only Lbl and LBody, Table only TR, TR only TH and TD;
// - every Note has a number of its own, and exactly one Reference to it (a Link with its
//   number) reads before it, as the kid just before it;
// - every Link has /Contents, every Figure /Alt.
std::vector<std::string> structure_violations(const compose::Structure& s, const page::Pages& pages);

// The tree as indented text, its kids in reading order: an element per line ("H2", "L decimal",
// "TH column", "Figure alt=…", "Note 1", "Link contents=…"), its text content as quoted lines
// (no-break spaces as "~"); an element holding only text shows it on its own line.
std::string dump_structure(const compose::Structure& s, const page::Pages& pages);

}  // namespace zapros::test
