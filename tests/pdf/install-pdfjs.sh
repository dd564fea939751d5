#!/usr/bin/env bash
# Installs pdfjs-dist (Mozilla's pdf.js as an npm package) for structtree.mjs into DIR (the build
# tree), as bench/install-anchors.sh installs Typst: `npm pack` of a pinned version from whatever
# registry npm is configured to use, its SHA-256 checked, unpacked; no dependencies (the canvas
# packages it lists as optional are for rendering, which the structure tree does not need).
# 4.8.69 is the last pdfjs-dist whose package.json accepts Node 18 (Debian 12's nodejs); 4.9 and
# later want Node 20. Prints the directory holding legacy/build/pdf.mjs.
#   tests/pdf/install-pdfjs.sh DIR
set -euo pipefail
dir=${1:?usage: install-pdfjs.sh DIR}
version=4.8.69
sum=8e7015c63b54aeba1abfb4497566be52b78a1618bd817e21c0b227c7359cb49e
dest="$dir/pdfjs-dist-$version"
if [ -f "$dest/legacy/build/pdf.mjs" ]; then
    echo "$dest"
    exit 0
fi
command -v npm >/dev/null || { echo "install-pdfjs.sh: npm is missing (make deps installs it)" >&2; exit 1; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
dest="$dir/pdfjs-dist-$version"
tmp=$(mktemp -d "$dir/pdfjs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "pdfjs-dist@$version" --pack-destination "$tmp" >/dev/null)
tgz="$tmp/pdfjs-dist-$version.tgz"
echo "$sum  $tgz" | sha256sum -c --quiet
tar -xzf "$tgz" -C "$tmp"
rm -rf "$dest"
mv "$tmp/package" "$dest"
echo "$dest"
