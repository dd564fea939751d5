#!/bin/bash
# make distcheck (issue 17): the .deb and the release tarball as a user gets them (root).
#   packaging/test-deb.sh [DEB [TARBALL]]   (built by make package / make dist when not given)
# 1. lintian on the host: no error or warning that packaging/lintian-overrides does not explain;
# 2. a fresh Debian 12 chroot (packaging/chroot.sh): apt-get install ./zapros_*.deb (apt resolves the
#    Depends), zapros --version, a render from a working directory that is not /, the same without
#    /proc, and a copy of the binary away from its data without /proc (the compiled-in data
#    directory); pdftotext finds every word and no character went missing;
# 3. a second chroot with no library added: the tarball unpacked in /opt renders (bundled libhpdf);
# 4. reproducibility: make package and make dist again in another build directory, same bytes.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
# shellcheck source=packaging/chroot.sh
source "$here/chroot.sh"
version=$(awk '/^project/ { print $3; exit }' "$root/CMakeLists.txt")
deb=${1:-$root/build/zapros_${version}_amd64.deb}
tarball=${2:-$root/build/zapros-$version-linux-x86_64.tar.xz}
[ -f "$deb" ] || make -C "$root" package
[ -f "$tarball" ] || make -C "$root" dist
deb=$(realpath "$deb") tarball=$(realpath "$tarball")
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct)}

work=$(mktemp -d /tmp/zapros-distcheck.XXXXXX)
cleanup() { dist_cleanup "$work/deb"; dist_cleanup "$work/tar"; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "test-deb.sh: FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "lintian $deb"
lintian --info --fail-on error,warning "$deb" || fail "lintian reports errors or warnings not overridden"

# A request whose every word must reach the page: Russian, English, and characters PT Serif
# lacks (Greek, an arrow: drawn from DejaVu), so that the fallbacks' files are read too.
request='---
title: Запрос о бюджете
to: Министерство финансов
---
Прошу сообщить размер бюджета; Greek α and an arrow → drawn from the fallbacks.
'
words=(Запрос бюджете Министерство финансов сообщить размер Greek α arrow →)
check_pdf() {  # PDF: every word of the request in pdftotext's text
    local text
    text=$(pdftotext -enc UTF-8 "$1" -)
    for w in "${words[@]}"; do
        grep -qF -- "$w" <<<"$text" || fail "$1: '$w' is missing from the PDF's text"
    done
}

step "a fresh Debian 12 chroot"
dist_chroot "$work/deb"
cp -a "$work/deb" "$work/tar"  # the tarball's chroot: the same minbase, nothing added
cp "$deb" "$work/deb/root/"
dist_run "$work/deb" apt-get update -qq
dist_run "$work/deb" sh -c "cd /root && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ./$(basename "$deb") poppler-utils make" \
    >/dev/null || fail "apt-get install ./$(basename "$deb")"

step "zapros --version"
[ "$(dist_run "$work/deb" zapros --version)" = "zapros $version" ] || fail "zapros --version"

mkdir -p "$work/deb/root/work"
printf '%s' "$request" >"$work/deb/root/work/r.md"
for mode in proc no-proc moved; do
    step "zapros render from /root/work ($mode)"
    case $mode in
        proc) cmd="zapros render r.md -o $mode.pdf" ;;
        no-proc) cmd="zapros render r.md -o $mode.pdf" ;;
        # A copy away from /usr/share/zapros: found through the compiled-in directory.
        moved) cmd="mkdir -p /root/elsewhere && cp /usr/bin/zapros /root/elsewhere/ && /root/elsewhere/zapros render r.md -o $mode.pdf" ;;
    esac
    no_proc=; [ "$mode" = proc ] || no_proc=1
    err=$(DIST_NO_PROC=$no_proc dist_run "$work/deb" sh -c "cd /root/work && $cmd" 2>&1) || fail "render ($mode): $err"
    [ -z "$err" ] || fail "render ($mode) printed: $err"
    check_pdf "$work/deb/root/work/$mode.pdf"
done
cmp "$work/deb/root/work/proc.pdf" "$work/deb/root/work/no-proc.pdf" || fail "the PDF differs without /proc"

step "zapros init demo, then make in demo/: the starter rendered by the installed zapros"
dist_run "$work/deb" sh -c 'cd /root && zapros init demo >/dev/null && make -C demo' || fail "zapros init demo && make -C demo"
[ -f "$work/deb/root/demo/build/pdf/example.pdf" ] || fail "make -C demo wrote no build/pdf/example.pdf"
starter=$(dist_run "$work/deb" pdftotext /root/demo/build/pdf/example.pdf -)
grep -q "Информационный запрос" <<<"$starter" || fail "the starter's PDF lacks its title"

step "the tarball in a chroot without libhpdf, libpng or any other library added"
if dist_run "$work/tar" dpkg -s libhpdf-2.3.0 >/dev/null 2>&1; then fail "the tarball's chroot has libhpdf"; fi
tar -xJf "$tarball" -C "$work/tar/opt"
bin=/opt/zapros-$version/bin/zapros
libs=$(dist_run "$work/tar" ldd "$bin")
grep -Eq "libhpdf-2\.3\.0\.so => /opt/zapros-$version/(bin/\.\./)?lib/libhpdf" <<<"$libs" || fail "libhpdf is not taken from lib/: $libs"
mkdir -p "$work/tar/root/work"
printf '%s' "$request" >"$work/tar/root/work/r.md"
err=$(dist_run "$work/tar" sh -c "cd /root/work && $bin render r.md -o tar.pdf" 2>&1) || fail "tarball render: $err"
[ -z "$err" ] || fail "tarball render printed: $err"
check_pdf "$work/tar/root/work/tar.pdf"
cmp "$work/tar/root/work/tar.pdf" "$work/deb/root/work/proc.pdf" || fail "the tarball's PDF differs from the .deb's"

step "reproducible: make package and make dist in another build directory (SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH)"
make -C "$root" --no-print-directory package dist BUILD="$work/build" >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; fail "second build"; }
cmp "$deb" "$work/build/$(basename "$deb")" || fail "two builds give different .deb files"
cmp "$tarball" "$work/build/$(basename "$tarball")" || fail "two builds give different tarballs"
echo "distcheck: all passed ($(stat -c %s "$deb") bytes .deb, $(stat -c %s "$tarball") bytes tarball)"
