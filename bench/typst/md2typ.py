#!/usr/bin/env python3
"""Turns a request into Typst markup laid out as zapros lays it out (A4, margins 30/15/20/20 mm,
PT Serif 12 pt on 15 pt, indent 1.25 cm, justified and hyphenated), so that bench/compare.py can
time Typst on the same letter. Debian 12's pandoc (2.17) has no Typst writer: this reads its JSON
instead and covers what requests use (paragraphs, headings, quotes, lists, notes, links, code).

  pandoc request.md -t json | python3 bench/typst/md2typ.py > request.typ
  typst compile --font-path fonts request.typ request.pdf"""
import json
import sys

SPECIAL = set('\\#*_`$<>@[]=-+/~')
QUOTES = {"ru": ("«", "»", "„", "“"), "en": ("“", "”", "‘", "’")}


def escape(text):
    return "".join("\\" + c if c in SPECIAL else c for c in text)


def string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def plain(inlines):
    """The text of inlines, for code and meta fields."""
    out = []
    for x in inlines:
        t, c = x["t"], x.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t in ("Emph", "Strong", "Strikeout", "Superscript", "Subscript", "SmallCaps", "Underline"):
            out.append(plain(c))
        elif t in ("Code", "Math"):
            out.append(c[-1])
        elif t in ("Link", "Image", "Span", "Quoted", "Cite"):
            out.append(plain(c[1]))
    return "".join(out)


class Writer:
    def __init__(self, lang):
        self.quotes = QUOTES.get(lang, QUOTES["en"])
        self.depth = 0

    def inlines(self, xs):
        return "".join(self.inline(x) for x in xs)

    def inline(self, x):
        t, c = x["t"], x.get("c")
        if t == "Str":
            return escape(c)
        if t in ("Space", "SoftBreak"):
            return " "
        if t == "LineBreak":
            return "\\\n"
        if t == "Emph":
            return "#emph[" + self.inlines(c) + "]"
        if t == "Strong":
            return "#strong[" + self.inlines(c) + "]"
        if t == "Strikeout":
            return "#strike[" + self.inlines(c) + "]"
        if t == "Superscript":
            return "#super[" + self.inlines(c) + "]"
        if t == "Subscript":
            return "#sub[" + self.inlines(c) + "]"
        if t in ("Underline", "SmallCaps", "Span", "Cite"):
            return self.inlines(c if t in ("Underline", "SmallCaps") else c[1])
        if t == "Quoted":
            outer = c[0]["t"] == "DoubleQuote" and self.depth == 0
            o, e = (self.quotes[0], self.quotes[1]) if outer else (self.quotes[2], self.quotes[3])
            self.depth += 1
            body = self.inlines(c[1])
            self.depth -= 1
            return o + body + e
        if t in ("Code", "Math"):
            return "#raw(" + string(c[-1]) + ")"
        if t == "Link":
            return "#link(" + string(c[2][0]) + ")[" + self.inlines(c[1]) + "]"
        if t == "Image":
            return self.inlines(c[1])
        if t == "Note":
            return "#footnote[" + self.blocks(c).strip() + "]"
        return ""

    def blocks(self, xs):
        return "".join(self.block(x) for x in xs)

    def items(self, items):
        return ", ".join("[" + self.blocks(item).strip() + "]" for item in items)

    def block(self, x):
        t, c = x["t"], x.get("c")
        if t == "Para":
            return self.inlines(c) + "\n\n"
        if t == "Plain":
            return self.inlines(c) + "\n"
        if t == "LineBlock":
            return "\\\n".join(self.inlines(line) for line in c) + "\n\n"
        if t == "Header":
            return "#heading(level: %d)[%s]\n\n" % (c[0], self.inlines(c[2]))
        if t == "BlockQuote":
            return "#pad(left: 1.25cm)[" + self.blocks(c).strip() + "]\n\n"
        if t == "BulletList":
            return "#list(" + self.items(c) + ")\n\n"
        if t == "OrderedList":
            (start, style, delim), items = c
            letter = {"LowerAlpha": "a", "UpperAlpha": "A", "LowerRoman": "i", "UpperRoman": "I"}.get(style["t"], "1")
            mark = {"OneParen": ")", "TwoParens": ")"}.get(delim["t"], ".")
            return "#enum(start: %d, numbering: %s, %s)\n\n" % (start, string(letter + mark), self.items(items))
        if t == "CodeBlock":
            return "#raw(block: true, " + string(c[1]) + ")\n\n"
        if t == "HorizontalRule":
            return "#line(length: 100%)\n\n"
        if t == "Div":
            return self.blocks(c[1])
        if t == "Table":
            return self.table(c)
        return ""

    def table(self, c):
        # pandoc 1.22 API: [attr, caption, colspecs, head, bodies, foot]; rows are [attr, cells],
        # cells [attr, align, rowspan, colspan, blocks].
        rows = c[3][1] + [r for body in c[4] for r in body[2] + body[3]] + c[5][1]
        cells = ["[" + self.blocks(cell[4]).strip() + "]" for row in rows for cell in row[1]]
        return "#table(columns: %d, %s)\n\n" % (len(c[2]), ", ".join(cells))


def meta_text(value):
    t, c = value["t"], value["c"]
    if t == "MetaString":
        return c
    if t == "MetaInlines":
        return plain(c)
    if t == "MetaBlocks":
        return "\n".join(plain(b["c"]) for b in c if b["t"] in ("Para", "Plain"))
    if t == "MetaList":
        return "\n".join(meta_text(v) for v in c)
    return ""


def lines(text):
    return "\\\n".join(escape(line) for line in text.splitlines() if line.strip())


def main():
    doc = json.load(sys.stdin)
    meta = doc["meta"]
    lang = meta_text(meta["lang"]) if "lang" in meta else "en"
    w = Writer(lang)
    out = [
        '#set page(paper: "a4", margin: (left: 30mm, right: 15mm, top: 20mm, bottom: 20mm), numbering: "1")',
        '#set text(font: "PT Serif", size: 12pt, lang: %s, hyphenate: true, top-edge: 1em, bottom-edge: 0pt)' % string(lang),
        "#set par(justify: true, leading: 3pt, first-line-indent: 1.25cm)",
        "#show par: set block(spacing: 3pt)",
        "#show heading: set text(size: 12pt)",
        "#show raw: set text(font: \"PT Mono\")",
        "",
    ]
    if "to" in meta:
        to = meta["to"]["c"] if meta["to"]["t"] == "MetaList" else [meta["to"]]
        out.append("#align(right, box(width: 80mm, align(left)[%s]))" %
                   "#v(6pt)".join("#par(first-line-indent: 0pt)[%s]" % lines(meta_text(a)) for a in to))
    if "from" in meta:
        out.append("#par(first-line-indent: 0pt)[%s]" % lines(meta_text(meta["from"])))
    if "title" in meta:
        out.append("#v(15pt)\n#align(center, strong[%s])\n#v(15pt)\n" % escape(meta_text(meta["title"])))
    out.append(w.blocks(doc["blocks"]))
    out.append("#v(30pt)")
    for s in meta.get("signatures", {"c": []})["c"]:
        role = meta_text(s["c"]["role"]) if "role" in s["c"] else ""
        name = meta_text(s["c"]["name"]) if "name" in s["c"] else "#box(width: 40mm, stroke: (bottom: 0.5pt))"
        out.append("#grid(columns: (1fr, auto), [%s], [#box(width: 40mm, stroke: (bottom: 0.5pt)) / %s])"
                   % (escape(role), name if "name" not in s["c"] else escape(name)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
