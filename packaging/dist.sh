#!/bin/bash
# make dist: the release tarball for runners that are not Debian 12 (issue 17),
#   packaging/dist.sh RELEASE_BUILD_DIR OUT_DIR VERSION [GLIBC_FLOOR]
# → OUT_DIR/zapros-VERSION-linux-x86_64.tar.xz holding zapros-VERSION/{bin/zapros, lib/, share/…}.
# The binary is the release build tree's own (RUNPATH $ORIGIN/../lib, packaging/release.cmake):
# libstdc++, libgcc, yaml-cpp, cmark-gfm, libhyphen, libpng, libjpeg and libdeflate are linked in;
# libharu has no static library in Debian, so libhpdf ships in lib/ with the libpng16 and zlib it
# needs (a RUNPATH reaches only the binary's own dependencies: libhpdf gets RUNPATH $ORIGIN).
# Reproducible: sorted names, SOURCE_DATE_EPOCH mtimes, owner 0, fixed modes, xz -9 on one thread.
# Prints the glibc floor: the highest GLIBC_x.y version any shipped ELF file needs; fails when it
# passes GLIBC_FLOOR (default 2.35, Ubuntu 22.04's: a runner still common).
set -euo pipefail

release=$1 out=$2 version=$3 max_floor=${4:-2.35}
: "${SOURCE_DATE_EPOCH:?make dist sets SOURCE_DATE_EPOCH}"
name=zapros-$version
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stage=$tmp/$name

cmake --install "$release" --prefix "$stage" >/dev/null
rm -rf "$stage/share/lintian" "$stage/share/doc/zapros/changelog.gz"
strip -o "$stage/bin/zapros" "$release/zapros"
# shellcheck disable=SC2016  # $ORIGIN is for the loader, not the shell
patchelf --set-rpath '$ORIGIN/../lib' "$stage/bin/zapros"  # exactly this: CMake leaves a ':' (the working directory)
mkdir -p "$stage/lib"
bundled=(libhpdf-2.3.0.so libpng16.so.16 libz.so.1)
for lib in "${bundled[@]}"; do
    path=$(ldd "$release/zapros" | awk -v l="$lib" '$1 == l { print $3 }')
    if [ -z "$path" ]; then path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64/ { print $NF; exit }'); fi
    [ -n "$path" ] || { echo "dist.sh: cannot find $lib" >&2; exit 1; }
    cp -L "$path" "$stage/lib/$lib"
    strip --strip-unneeded "$stage/lib/$lib"
done
# shellcheck disable=SC2016  # $ORIGIN is for the loader, not the shell
patchelf --set-rpath '$ORIGIN' "$stage/lib/libhpdf-2.3.0.so"

# Every library the binary and libhpdf need is bundled or part of glibc.
for elf in "$stage/bin/zapros" "$stage/lib/"*; do
    objdump -p "$elf" | awk '$1 == "NEEDED" { print $2 }'
done | sort -u | while read -r need; do
    case $need in
        libc.so.6 | libm.so.6 | ld-linux-x86-64.so.2) ;;
        *) [ -e "$stage/lib/$need" ] || { echo "dist.sh: $need is neither bundled nor glibc" >&2; exit 1; } ;;
    esac
done

floor=$(for elf in "$stage/bin/zapros" "$stage/lib/"*; do objdump -T "$elf"; done |
        grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
if [ "$(printf '%s\n%s\n' "$floor" "$max_floor" | sort -V | tail -1)" != "$max_floor" ]; then
    echo "dist.sh: the tarball needs glibc $floor, past the floor $max_floor; symbols:" >&2
    for elf in "$stage/bin/zapros" "$stage/lib/"*; do objdump -T "$elf"; done | grep -F "GLIBC_$floor" >&2
    exit 1
fi
cat >"$stage/README" <<README
zapros $version for Linux x86-64 with glibc $floor or newer (Debian 12, Ubuntu 22.04, Fedora 36,
RHEL 10 and later; not musl, so not Alpine).

  bin/zapros           the binary (C++ runtime and libraries linked in)
  lib/                 libharu (libhpdf), with the libpng16 and zlib it needs
  share/zapros/        fonts, hyphenation patterns, the sRGB profile, the front matter's JSON Schema
  share/man/man1/      the manual: man share/man/man1/zapros.1.gz
  share/doc/zapros/    copyright: zapros (MIT), the fonts' and patterns' licences

Unpack anywhere and run bin/zapros (or link it from a directory on PATH): it finds its data
in share/zapros beside its bin/, and its libraries in lib/.
README
find "$stage" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
mkdir -p "$out"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
    --mode='u+rwX,go+rX,go-w' -C "$tmp" -cf - "$name" | xz -9 -T1 >"$out/$name-linux-x86_64.tar.xz"
echo "glibc floor: $floor"
echo "$out/$name-linux-x86_64.tar.xz: $(stat -c %s "$out/$name-linux-x86_64.tar.xz") bytes"
