#!/usr/bin/env bash
# The Dockerfile's final stage without a docker engine (make distcheck): a debian:12-slim-like
# tree (a minbase chroot slimmed as the official -slim images are: no documentation but the
# copyright files, no manuals, no locales), then packaging/image-install.sh, the very script the
# Dockerfile runs, with the .deb. Then zapros renders a request inside the tree, and the tree's
# size is printed: on disk, and as an xz- and a gzip-compressed tar (a registry serves gzip
# layers: the download estimate), before and after the install.
#   packaging/test-image-tree.sh [BUILD]     (BUILD default build; needs root, mmdebstrap)
# Skips with a message when BUILD holds no zapros_*_amd64.deb (make package).
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/chroot.sh
build=${1:-build}

debs=("$build"/zapros_*_amd64.deb)
if [ ! -f "${debs[0]}" ]; then
    echo "test-image-tree: SKIPPED: no $build/zapros_*_amd64.deb (make package builds it)"
    exit 0
fi
deb=${debs[-1]}

tree=$(realpath -m "$build/image-tree")
trap 'dist_cleanup "$tree"' EXIT
# mmdebstrap merges /usr with the usrmerge package, which brings perl (47 MB); debian:12-slim has
# usr-is-merged instead and no perl but perl-base.
dist_chroot "$tree" usr-is-merged
dist_run "$tree" dpkg --purge usrmerge libfile-find-rule-perl libnumber-compare-perl libtext-glob-perl \
    perl libperl5.36 perl-modules-5.36 libgdbm-compat4 >/dev/null

# What debian:12-slim leaves out, kept out of later installs too (dpkg path-exclude).
slim_rules='path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*'
printf '%s\n' "$slim_rules" >"$tree/etc/dpkg/dpkg.cfg.d/docker"
find "$tree/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
find "$tree/usr/share/doc" -mindepth 1 -type d -empty -delete
for dir in groff info linda lintian/overrides locale man; do
    if [ -d "$tree/usr/share/$dir" ]; then find "$tree/usr/share/$dir" -mindepth 1 -delete; fi
done
rm -rf "$tree"/var/lib/apt/lists/* "$tree"/var/cache/apt/*.bin

sizes() {
    local on_disk xz gz
    on_disk=$(du -sx --block-size=1 "$tree" | cut -f1)
    xz=$(tar -C "$tree" --numeric-owner -cf - . | xz -T2 -6 | wc -c)
    gz=$(tar -C "$tree" --numeric-owner -cf - . | gzip -6 | wc -c)
    printf '%s %s %s' "$on_disk" "$xz" "$gz"
}
read -r base_disk base_xz base_gz <<<"$(sizes)"

# The final stage: the same script as the Dockerfile's RUN, with apt reaching the network
# through the machine's resolver.
cp /etc/resolv.conf "$tree/etc/resolv.conf"
cp "$deb" "$tree/tmp/"
cp packaging/image-install.sh "$tree/tmp/"
dist_run "$tree" /tmp/image-install.sh "/tmp/$(basename "$deb")"
rm -f "$tree/etc/resolv.conf"
[ ! -e "$tree/tmp/$(basename "$deb")" ] || { echo "test-image-tree: FAIL: the .deb was left in the image"; exit 1; }
if compgen -G "$tree/var/lib/apt/lists/*_Packages" >/dev/null; then
    echo "test-image-tree: FAIL: apt lists left in the image"; exit 1
fi

# A request rendered inside the tree, from /work as the image's WORKDIR.
mkdir -p "$tree/work"
cp requests/mediazona-cybercrime-en.md "$tree/work/"
dist_run "$tree" /bin/sh -c 'cd /work && zapros render mediazona-cybercrime-en.md -d pdf'
pdf=$tree/work/pdf/mediazona-cybercrime-en.pdf
[ "$(head -c 5 "$pdf")" = "%PDF-" ] || { echo "test-image-tree: FAIL: no PDF rendered in the tree"; exit 1; }
rm -rf "$tree/work"/*

read -r disk xz gz <<<"$(sizes)"
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
echo "test-image-tree: the final stage's tree (debian:12-slim-like + zapros):"
echo "  on disk         $(mib "$disk")   (the slim base $(mib "$base_disk"), zapros adds $(mib $((disk - base_disk))))"
echo "  tar.gz (pull)   $(mib "$gz")   (base $(mib "$base_gz"), zapros adds $(mib $((gz - base_gz))))"
echo "  tar.xz          $(mib "$xz")   (base $(mib "$base_xz"), zapros adds $(mib $((xz - base_xz))))"
echo "test-image-tree: OK"
