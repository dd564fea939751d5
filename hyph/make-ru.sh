#!/bin/sh
# Regenerates hyph_ru.dic (libhyphen, UTF-8) from TeX's hyph-utf8 Russian patterns.
# Needs Debian's texlive-lang-cyrillic (the patterns), libhyphen-dev (substrings.pl) and perl.
# The result is committed; the build never runs this script.
set -eu
src=${HYPH_UTF8:-/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/txt}
out=$(dirname "$0")/hyph_ru.dic
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cp "$src/hyph-ru.pat.txt" "$tmp"
# Exceptions ("биз-нес-мен") become patterns that outrank every Liang pattern (whose digits stay
# below 8): 9 at each listed break, 8 (no break) between all other letters.
perl -CSD -ne 'chomp; next if $_ eq ""; my @p = split /-/;
  print ".", join("9", map { join("8", split //) } @p), ".\n"' "$src/hyph-ru.hyp.txt" >>"$tmp"
# LEFTHYPHENMIN/RIGHTHYPHENMIN 2/2 are TeX's Russian setting (hyph-ru.tex "hyphenmins").
perl /usr/share/libhyphen/substrings.pl "$tmp" "$out" UTF-8 2 2 >/dev/null
echo "wrote $out ($(wc -l <"$out") lines)"
