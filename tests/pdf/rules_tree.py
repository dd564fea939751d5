"""The structure tree against the content and itself: MCIDs reached once and the ParentTree
(ISO 32000-1 §14.7.4.4), /P (UA1 7.1-12), headings (UA1 7.4.2-1), lists (7.2-17…20), tables
(7.2-3, 7.2-10, 7.5-1), Figure /Alt (7.3-1), Note /ID (7.9-1/2), Link OBJR (7.18.5-1)."""
import re

from pdfdoc import is_ref, text

HEADING = re.compile(r"^/H([1-6])$")
KIDS_ALLOWED = {  # role → (rule, roles its kids may have); MCIDs and OBJRs aside
    "/L": ("UA1:7.2-19", {"/L", "/LI", "/Caption"}),
    "/LI": ("UA1:7.2-20", {"/Lbl", "/LBody"}),
    "/Table": ("UA1:7.2-3", {"/TR", "/THead", "/TBody", "/TFoot", "/Caption"}),
    "/TR": ("UA1:7.2-10", {"/TH", "/TD"}),
}
PARENT_REQUIRED = {  # role → (rule, roles its parent may have)
    "/LI": ("UA1:7.2-17", {"/L"}),
    "/LBody": ("UA1:7.2-18", {"/LI"}),
    "/TR": ("UA1:7.2-4", {"/Table", "/THead", "/TBody", "/TFoot"}),
    "/TH": ("UA1:7.2-8", {"/TR"}),
    "/TD": ("UA1:7.2-9", {"/TR"}),
}


class Tree:
    def __init__(self):
        self.elements = []   # (ref, dict, parent ref) in document (pre-)order
        self.mcid_owner = {}  # (page ref, mcid) → [element refs]
        self.objr_owner = {}  # annotation ref → [element refs]


def check(pdf, report, standard, pages, links):
    if standard == "none":
        return
    root_ref = pdf.catalog().get("/StructTreeRoot")
    root = pdf.resolve(root_ref)
    if not isinstance(root, dict):
        return  # rules_file reported UA1:7.1-11
    tree = Tree()
    kids = root.get("/K")
    for kid in kids if isinstance(kids, list) else [kids]:
        walk(pdf, report, tree, kid, root_ref, None, 0)
    page_numbers = {ref: n for n, (ref, _) in enumerate(pdf.pages(), 1)}
    mcids(pdf, report, tree, pages, page_numbers)
    parent_tree(pdf, report, tree, root, page_numbers, links)
    shapes(pdf, report, tree)
    notes(pdf, report, tree, root)


def walk(pdf, report, tree, ref, parent_ref, page, depth):
    if not is_ref(ref):
        report("32000:14.7.2", "a structure element that is not an indirect object: %r" % (ref,))
        return
    e = pdf.resolve(ref)
    if not isinstance(e, dict) or depth > 200:
        report("32000:14.7.2", "%s is not a structure element" % ref)
        return
    if e.get("/P") != parent_ref:
        report("UA1:7.1-12", "%s %s: /P is %s, not its parent %s" % (e.get("/S"), ref, e.get("/P"), parent_ref))
    tree.elements.append((ref, e, parent_ref))
    page = e.get("/Pg", page)
    kids = e.get("/K")
    for kid in kids if isinstance(kids, list) else ([] if kids is None else [kids]):
        target = pdf.resolve(kid)
        if isinstance(target, dict) and target.get("/Type") in ("/MCR", "/OBJR"):
            kid = target  # an MCR or OBJR may be an indirect object too
        if isinstance(kid, int):
            tree.mcid_owner.setdefault((page, kid), []).append(ref)
        elif isinstance(kid, dict) and kid.get("/Type") == "/MCR":
            if "/Stm" in kid:
                report("zapros-tree", "%s: an MCR into a form XObject; zapros writes none" % ref)
            tree.mcid_owner.setdefault((kid.get("/Pg", page), kid.get("/MCID")), []).append(ref)
        elif isinstance(kid, dict) and kid.get("/Type") == "/OBJR":
            tree.objr_owner.setdefault(kid.get("/Obj"), []).append(ref)
        else:
            walk(pdf, report, tree, kid, ref, page, depth + 1)


def mcids(pdf, report, tree, pages, page_numbers):
    drawn = set()
    for page_ref, pc in pages.items():
        n = page_numbers[page_ref]
        seen = set()
        for m in pc.mcids:
            if m in seen:
                report("32000:14.7.4.4", "page %d: MCID %d is used twice" % (n, m))
            seen.add(m)
            drawn.add((page_ref, m))
            owners = tree.mcid_owner.get((page_ref, m), [])
            if not owners:
                report("UA1:7.1-3", "page %d: MCID %d is reached from no structure element" % (n, m))
            elif len(owners) > 1:
                report("32000:14.7.4.4", "page %d: MCID %d is held by %d elements" % (n, m, len(owners)))
        if seen and seen != set(range(len(seen))):
            report("32000:14.7.4.4", "page %d: MCIDs are not 0…%d" % (n, len(seen) - 1))
    for (page_ref, m), owners in sorted(tree.mcid_owner.items(), key=str):
        if (page_ref, m) not in drawn:
            where = "page %d" % page_numbers[page_ref] if page_ref in page_numbers else "no page (%s)" % page_ref
            report("32000:14.7.4.4", "%s holds MCID %s on %s, which no content marks" % (owners[0], m, where))


def parent_tree(pdf, report, tree, root, page_numbers, links):
    pt = pdf.number_tree(root.get("/ParentTree"))
    for fault in pdf.tree_faults:
        report("32000:7.9.7", "ParentTree: " + fault)
    for n, (page_ref, page) in enumerate(pdf.pages(), 1):
        held = {m: o[0] for (p, m), o in tree.mcid_owner.items() if p == page_ref}
        if not held:
            continue
        key = page.get("/StructParents")
        if not isinstance(key, int):
            report("32000:14.7.4.4", "page %d has marked content but no /StructParents" % n)
            continue
        arr = pdf.resolve(pt.get(key))
        if not isinstance(arr, list):
            report("32000:14.7.4.4", "page %d: ParentTree has no array at key %d" % (n, key))
            continue
        for m, owner in sorted(held.items()):
            got = arr[m] if isinstance(m, int) and 0 <= m < len(arr) else None
            if got != owner:
                report("32000:14.7.4.4", "page %d: ParentTree[%d][%s] is %s, not the element holding it (%s)"
                       % (n, key, m, got, owner))
    for n, ref, a in links:
        owners = tree.objr_owner.get(ref, [])
        if not owners:
            report("UA1:7.18.5-1", "page %d: Link annotation %s is held by no OBJR" % (n, ref))
            continue
        if pdf.get(owners[0], "/S") != "/Link":
            report("UA1:7.18.5-1", "page %d: Link annotation %s is held by a %s, not a Link" % (n, ref, pdf.get(owners[0], "/S")))
        key = a.get("/StructParent")
        if isinstance(key, int) and pt.get(key) != owners[0]:
            report("32000:14.7.4.4", "page %d: ParentTree[%d] of Link annotation %s is %s, not its Link %s"
                   % (n, key, ref, pt.get(key), owners[0]))
    keys = [k for k in pt if isinstance(k, int)]
    next_key = root.get("/ParentTreeNextKey")
    if keys and isinstance(next_key, int) and next_key <= max(keys):
        report("32000:14.7.4.4", "/ParentTreeNextKey %d is not above the largest key %d" % (next_key, max(keys)))


def shapes(pdf, report, tree):
    roles = {ref: e.get("/S") for ref, e, _ in tree.elements}
    kids_of = {}
    for ref, e, parent in tree.elements:
        kids_of.setdefault(parent, []).append(roles[ref])
    last = 0
    for ref, e, parent in tree.elements:
        role = roles[ref]
        m = HEADING.match(str(role))
        if m:
            level = int(m.group(1))
            if last == 0 and level != 1:
                report("UA1:7.4.2-1", "the first heading is H%d, not H1 (%s)" % (level, ref))
            elif level > last + 1 and last:
                report("UA1:7.4.2-1", "H%d follows H%d, skipping a level (%s)" % (level, last, ref))
            last = level
        elif role == "/H":
            report("UA1:7.4.4-2", "a /H heading beside numbered ones; zapros writes H1…H6 (%s)" % ref)
        if role in KIDS_ALLOWED:
            rule, allowed = KIDS_ALLOWED[role]
            wrong = [k for k in kids_of.get(ref, []) if k not in allowed]
            if wrong:
                report(rule, "%s %s holds %s" % (role, ref, ", ".join(sorted(set(wrong)))))
        if role in PARENT_REQUIRED:
            rule, allowed = PARENT_REQUIRED[role]
            if roles.get(parent) not in allowed:
                report(rule, "%s %s sits in %s" % (role, ref, roles.get(parent, "the root")))
        if role == "/TH" and not scope(pdf, e):
            report("UA1:7.5-1", "TH %s has no /A /Scope (and no /Headers)" % ref)
        if role == "/Figure":
            if not (text(pdf.resolve(e.get("/Alt"))).strip() or text(pdf.resolve(e.get("/ActualText"))).strip()):
                report("UA1:7.3-1", "Figure %s has neither /Alt nor /ActualText" % ref)
        if role == "/Link" and not any(r == ref for owners in tree.objr_owner.values() for r in owners):
            report("UA1:7.18.5-1", "Link element %s holds no OBJR" % ref)


def scope(pdf, e):
    attrs = pdf.resolve(e.get("/A"))
    for a in attrs if isinstance(attrs, list) else [attrs]:
        a = pdf.resolve(a)
        if isinstance(a, dict) and a.get("/O") == "/Table" and a.get("/Scope") in ("/Row", "/Column", "/Both"):
            return True
    return "/Headers" in e


def notes(pdf, report, tree, root):
    ids = pdf.name_tree(root.get("/IDTree")) if "/IDTree" in root else {}
    seen = {}
    for ref, e, _ in tree.elements:
        if e.get("/S") != "/Note":
            continue
        note_id = pdf.resolve(e.get("/ID"))
        if note_id is None:
            report("UA1:7.9-1", "Note %s has no /ID" % ref)
            continue
        key = text(note_id)
        if key in seen:
            report("UA1:7.9-2", "Notes %s and %s share the /ID %r" % (seen[key], ref, key))
        seen[key] = ref
        if ids.get(key) != ref:
            report("UA1:7.9-1", "Note %s: the IDTree maps %r to %s, not to it" % (ref, key, ids.get(key)))
