# shellcheck shell=bash
# The distribution tests' chroots (issue 17): a fresh Debian 12 (bookworm) made by mmdebstrap from
# this machine's own apt sources (no mirror address here), entered with or without /proc.
#   source packaging/chroot.sh
#   dist_chroot DIR [PACKAGE,PACKAGE…]   a new minbase chroot in DIR (removed first), packages added
#   dist_run DIR COMMAND…                runs COMMAND in DIR's chroot with /proc mounted
#                                        (a clean environment: pass variables as `env VAR=… COMMAND`)
#   DIST_NO_PROC=1 dist_run DIR …        the same without /proc (a bare chroot, some containers)
#   dist_cleanup DIR                     unmounts what is left and removes DIR
# Needs root (chroot, mount), as CI and `make distcheck` have.

dist_chroot() {
    local dir=$1 include=${2:-}
    dist_cleanup "$dir"
    mmdebstrap --quiet --variant=minbase ${include:+--include="$include"} bookworm "$dir" >&2
    # The machine's own local certificate authorities (a proxy's, say), as its apt sources are:
    # ca-certificates, when the chroot installs it, adds them to the chroot's store.
    if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
        mkdir -p "$dir/usr/local/share/ca-certificates"
        cp /usr/local/share/ca-certificates/*.crt "$dir/usr/local/share/ca-certificates/"
        if [ -x "$dir/usr/sbin/update-ca-certificates" ]; then
            chroot "$dir" update-ca-certificates >/dev/null 2>&1 || true
        fi
    fi
}

dist_run() {
    local dir=$1; shift
    local rc=0
    if [ -z "${DIST_NO_PROC:-}" ]; then mount -t proc proc "$dir/proc"; fi
    chroot "$dir" /usr/bin/env -i PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin HOME=/root \
        LANG=C.UTF-8 "$@" || rc=$?
    if [ -z "${DIST_NO_PROC:-}" ]; then umount "$dir/proc"; fi
    return "$rc"
}

dist_cleanup() {
    local dir=$1
    [ -n "$dir" ] || return 0
    if mountpoint -q "$dir/proc" 2>/dev/null; then umount "$dir/proc"; fi
    rm -rf "$dir"
}
