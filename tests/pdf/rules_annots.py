"""Annotations: /F 4 (A2 6.3.2-1/-2), Links with /Contents (UA1 7.18.5-2) and /StructParent,
/Tabs /S on their pages (UA1 7.18.3-1)."""
from pdfdoc import text

FORBIDDEN_FLAGS = 1 | 2 | 32 | 256  # Invisible, Hidden, NoView, ToggleNoView (ISO 32000-1 table 165)
PRINT = 4


def check(pdf, report, standard):
    """Returns [(page number, annotation ref, annotation dict)] of the Link annotations."""
    links = []
    for number, (_, page) in enumerate(pdf.pages(), 1):
        annots = pdf.get(page, "/Annots") or []
        if annots and standard != "none" and page.get("/Tabs") != "/S":
            report("UA1:7.18.3-1", "page %d has annotations but no /Tabs /S" % number)
        for ref in annots:
            a = pdf.resolve(ref)
            if not isinstance(a, dict):
                continue
            sub = a.get("/Subtype", "?")
            if sub == "/Popup":
                continue
            if standard == "none":
                continue
            flags = pdf.resolve(a.get("/F"))
            if not isinstance(flags, int):
                report("A2:6.3.2-1", "page %d: a %s annotation (%s) has no /F" % (number, sub, ref))
            elif flags != PRINT:
                wrong = not flags & PRINT or flags & FORBIDDEN_FLAGS
                report("A2:6.3.2-2" if wrong else "zapros-annot-F",
                       "page %d: a %s annotation (%s) has /F %d, not 4" % (number, sub, ref, flags))
            if sub != "/Link":
                report("UA1:7.18.1-1", "page %d: a %s annotation: zapros writes only Links" % (number, sub))
                continue
            links.append((number, ref, a))
            if not text(pdf.resolve(a.get("/Contents"))).strip():
                report("UA1:7.18.5-2", "page %d: a Link annotation (%s) without /Contents" % (number, ref))
            if not isinstance(a.get("/StructParent"), int):
                report("UA1:7.18.5-1", "page %d: a Link annotation (%s) without /StructParent" % (number, ref))
    return links
