#!/bin/sh
# Where one request's time goes, in instructions (callgrind: machine-independent, free of the
# noise wall time has on a shared machine): the total, then the inclusive share of the stages
# and services the README's speed section names. The Russian model request unless given one.
#
#   bench/profile.sh [REQUEST.md]      (ZAPROS=path/to/zapros to profile another build)
set -eu
cd "$(dirname "$0")/.."
request=${1:-requests/mediazona-cybercrime-ru.md}
zapros=${ZAPROS:-build/zapros}
command -v valgrind >/dev/null || { echo "valgrind not installed (apt-get install valgrind)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$zapros" render "$request" -o "$tmp/out.pdf" 2>"$tmp/log"
total=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$tmp/log")
echo "$request: $total instructions"
callgrind_annotate --inclusive=yes "$tmp/cg" | awk -v total="$total" '
    BEGIN {
        n = split("Dictionaries::load|hyphenation: choosing the patterns, building the automaton;" \
                  "Dictionaries::prepare|hyphenation: the words announced;" \
                  "Hyphenator::points|hyphenation: breaking the words;" \
                  "libdeflate_zlib_compress|libdeflate: compressing the streams;" \
                  "compose::letter\\(|the letter'"'"'s form (fonts first read here);" \
                  "text::typographize|typographic rules;" \
                  "para::linebreak\\(|Knuth-Plass line breaking;" \
                  "Packer::place|packing lines;" \
                  "text::Font::load|fonts: reading and indexing;" \
                  "text::Font::subset|fonts: cutting the subsets;" \
                  "request::parse\\(|parsing: UTF-8, YAML, cmark-gfm;" \
                  "_dl_start|dynamic loading", rows, ";")
        for (i = 1; i <= n; i++) { split(rows[i], kv, "|"); pattern[i] = kv[1]; label[i] = kv[2] }
    }
    {
        for (i = 1; i <= n; i++)
            if (!(i in seen) && $0 ~ pattern[i]) {
                count = $1; gsub(",", "", count)
                seen[i] = sprintf("%12s  %5.1f %%  %s", $1, 100 * count / total, label[i])
            }
    }
    END { for (i = 1; i <= n; i++) if (i in seen) print seen[i] }'
