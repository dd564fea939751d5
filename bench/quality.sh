#!/usr/bin/env bash
# Line quality of the model requests (issue: "the measure of quality"): zapros beside pandoc +
# xelatex through our letter template (bench/latex/letter.tex) when both are installed
# (Debian: pandoc texlive-xetex texlive-lang-cyrillic). Prints linequality.py's figures per PDF
# and the targets. Needs python3 and poppler-utils; builds build/zapros when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/zapros ] || make --no-print-directory build/zapros
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

pdfs=()
for name in mediazona-cybercrime-ru mediazona-cybercrime-en; do
    build/zapros render "requests/$name.md" -o "$out/zapros__$name.pdf"
    pdfs+=("$out/zapros__$name.pdf")
    if command -v pandoc >/dev/null && command -v xelatex >/dev/null; then
        language=english
        [[ $name == *-ru ]] && language=russian
        if pandoc "requests/$name.md" --template bench/latex/letter.tex -V "fontdir=$PWD/fonts" \
                -V "language=$language" --pdf-engine=xelatex -o "$out/xelatex__$name.pdf" 2>"$out/xelatex.log"; then
            pdfs+=("$out/xelatex__$name.pdf")
        else
            echo "xelatex failed on $name (see below); its row is left out" >&2
            tail -5 "$out/xelatex.log" >&2
        fi
    fi
done

python3 bench/linequality.py --json "${pdfs[@]}" | python3 -c '
import json, os, sys
rows = json.load(sys.stdin)
rows = rows if isinstance(rows, list) else [rows]
print("%-8s %-26s %6s %6s %6s %6s %5s %6s %6s %8s" % ("engine", "request", "median", "p95", "max", "hyph%", "run", "loose", "over", "pageend"))
for r in rows:
    engine, name = os.path.basename(r["file"])[:-4].split("__")
    print("%-8s %-26s %6.3f %6.3f %6.3f %6.1f %5d %6d %6d %8d" % (engine, name, r["median_gap_em"], r["p95_gap_em"],
          r["max_gap_em"], 100 * r["hyphen_share"], r["max_consecutive_hyphens"], r["loose_lines"],
          r["overfull_lines"], r["page_end_hyphens"]))
print("targets: p95 <= xelatex (aim 0.392, Typst), max <= 0.55, hyph < 45 %, run <= 3, no loose, overfull or page-end hyphen")
'
