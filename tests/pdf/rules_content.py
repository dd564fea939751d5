"""Marked content in every page's content stream (UA1 7.1-1/-2/-3; ISO 32000-1 §14.6 nesting).

Walks the operators once per page and hands back what the font and tree rules need:
the codes each font showed, and each page's MCIDs in stream order.
"""
from content import ContentError, PAINT, TEXT_SHOW, XOBJECT, operations, shown_strings


class PageContent:
    def __init__(self):
        self.mcids = []       # MCIDs in the order their sequences open
        self.shown = {}       # font reference → set of byte strings shown with it


def check(pdf, report, standard):
    """Returns {page ref: PageContent}."""
    out = {}
    for number, (ref, page) in enumerate(pdf.pages(), 1):
        pc = PageContent()
        out[ref] = pc
        try:
            walk(pdf, page, number, pc, report, standard != "none")
        except ContentError as e:
            report("A2:6.1.7", "page %d: the content stream does not parse: %s" % (number, e))
    return out


def _properties(pdf, resources, operand):
    """A BDC's property list: inline, or a name in the page's /Properties."""
    if isinstance(operand, dict):
        return operand
    if isinstance(operand, str):
        props = pdf.get(pdf.get(resources, "/Properties") or {}, operand)
        return props if isinstance(props, dict) else {}
    return {}


def walk(pdf, page, number, pc, report, tagged):
    resources = pdf.resources(page)
    fonts = pdf.get(resources, "/Font") or {}
    stack = []  # ("BT",) or ("MC", tag, mcid or None)
    font = None
    said = set()

    def once(rule, message):
        if (rule, message) not in said:
            said.add((rule, message))
            report(rule, "page %d: %s" % (number, message))

    for op, operands in operations(pdf.content(page)):
        if op == "Tf" and operands:
            font = fonts.get(operands[0]) if isinstance(fonts, dict) else None
        elif op == "BT":
            if any(s[0] == "BT" for s in stack):
                once("32000:9.4", "BT inside BT")
            stack.append(("BT",))
        elif op == "ET":
            if not stack or stack[-1][0] != "BT":
                once("32000:14.6", "ET closes a marked-content sequence opened inside BT…ET, or no BT")
                while stack and stack[-1][0] != "BT":
                    stack.pop()
            if stack:
                stack.pop()
        elif op in ("BDC", "BMC"):
            tag = operands[0] if operands and isinstance(operands[0], str) else "?"
            props = _properties(pdf, resources, operands[1]) if op == "BDC" and len(operands) > 1 else {}
            mcid = props.get("/MCID") if isinstance(props.get("/MCID"), int) else None
            open_mc = [s for s in stack if s[0] == "MC"]
            in_artifact = any(s[1] == "/Artifact" for s in open_mc)
            in_mcid = any(s[2] is not None for s in open_mc)
            if tagged and tag == "/Artifact" and in_mcid:
                once("UA1:7.1-2", "an Artifact inside tagged content")
            if tagged and mcid is not None:
                if in_artifact:
                    once("UA1:7.1-1", "tagged content (MCID %d) inside an Artifact" % mcid)
                if in_mcid:
                    once("32000:14.7.2", "MCID %d opens inside another MCID sequence" % mcid)
                pc.mcids.append(mcid)
            stack.append(("MC", tag, mcid))
        elif op == "EMC":
            if not stack or stack[-1][0] != "MC":
                once("32000:14.6", "EMC without its BDC/BMC at this level (closes across BT…ET, or none open)")
                continue
            stack.pop()
        elif op in TEXT_SHOW or op in PAINT or op in XOBJECT:
            if op in TEXT_SHOW and font is not None:
                pc.shown.setdefault(font, set()).update(shown_strings(op, operands))
            if tagged and not any(s[0] == "MC" and (s[1] == "/Artifact" or s[2] is not None) for s in stack):
                what = "text" if op in TEXT_SHOW else ("an image or form" if op in XOBJECT else "a path")
                once("UA1:7.1-3", "%s (%s) outside any MCID sequence or Artifact" % (what, op))
    if stack:
        once("32000:14.6", "%d BT/BDC left open at the stream's end" % len(stack))
