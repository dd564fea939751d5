#!/usr/bin/env bash
# Time to the first PDF on a new Debian 12 runner (issue 17), for each way CI gets zapros:
#   deb      apt-get install ./zapros_V_amd64.deb (its Depends from apt), then render the model
#   tarball  unpack zapros-V-linux-x86_64.tar.xz, then render the model
# Each in a fresh chroot (packaging/chroot.sh) whose apt lists are already fetched, as a runner's
# are; RUNS runs each, the median printed with the sizes. The download itself is left out: it
# depends on the runner's network, not on us (the sizes are printed to judge it).
#   bench/first-pdf.sh DEB TARBALL [RUNS]      (root; make package dist first)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(realpath "$1") tarball=$(realpath "$2") runs=${3:-5}
# shellcheck source=packaging/chroot.sh
source packaging/chroot.sh
root=$(mktemp -d /tmp/zapros-first-pdf.XXXXXX)
trap 'dist_cleanup "$root/base"; dist_cleanup "$root/run"; rm -rf "$root"' EXIT

dist_chroot "$root/base" xz-utils  # runners have xz; minbase does not
dist_run "$root/base" apt-get update -qq
mkdir -p "$root/base/in"
cp "$deb" "$tarball" "$root/base/in/"
cp requests/mediazona-cybercrime-ru.md "$root/base/in/request.md"

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
ms() { date +%s%N; }

for way in deb tarball; do
    for _ in $(seq "$runs"); do
        rm -rf "$root/run"
        cp -a "$root/base" "$root/run"
        if [ "$way" = deb ]; then
            cmd="apt-get install -y -qq --no-install-recommends /in/$(basename "$deb") >/dev/null 2>&1 && zapros render /in/request.md -o /tmp/out.pdf"
        else
            cmd="tar -xJf /in/$(basename "$tarball") -C /opt && /opt/zapros-*/bin/zapros render /in/request.md -o /tmp/out.pdf"
        fi
        start=$(ms)
        dist_run "$root/run" sh -c "$cmd"
        end=$(ms)
        [ -s "$root/run/tmp/out.pdf" ] || { echo "$way: no PDF" >&2; exit 1; }
        echo $(( (end - start) / 1000000 ))
    done | median | { read -r t; echo "$way: median ${t} ms over $runs runs to install and render the first PDF"; }
done
echo "sizes: .deb $(stat -c %s "$deb") bytes, tarball $(stat -c %s "$tarball") bytes"
