#!/usr/bin/env bash
# The GitHub Action's logic (action.yml runs only this script, so it can be tested outside GitHub:
# ci/test-action.sh). It installs zapros unless the wanted version is already on PATH, renders the
# requests (or only checks them), appends the job summary and writes the `pdfs` output.
#
# Input, all through the environment (composite actions get no INPUT_* variables, and inputs
# never become script text):
#   ZAPROS_FILES        space or newline separated globs (bash globbing, ** with globstar); required
#   ZAPROS_OUTPUT_DIR   where the PDFs go (default pdf)
#   ZAPROS_CHECK_ONLY   true: `zapros check`, no PDFs
#   ZAPROS_VERSION      the version to install (default: the action's own, from its CMakeLists.txt),
#                       or `source` to build it from the action's checkout with make
#   ZAPROS_PACKAGE      a local .deb or .tar.xz to install instead of downloading one (tests)
#   ZAPROS_ACTION_REPOSITORY  OWNER/REPO of the action (GITHUB_ACTION_REPOSITORY is empty in
#                       composite steps; both fall back to the OWNER/REPO in GITHUB_ACTION_PATH)
# and the runner's GITHUB_* / RUNNER_* variables.
# Exit status: zapros's own (1 when a request has errors, after the summary is written); 1 with an
# ::error:: when no file is given or a pattern matches nothing, or when installing fails.
set -euo pipefail

action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
output_dir=${ZAPROS_OUTPUT_DIR:-pdf}
check_only=${ZAPROS_CHECK_ONLY:-false}

# GitHub's workflow-command escaping for a message.
gh_escape() {
    local s=${1//%/%25}
    s=${s//$'\r'/%0D}
    printf '%s' "${s//$'\n'/%0A}"
}

fail() {
    printf '::error::zapros action: %s\n' "$(gh_escape "$1")"
    exit 1
}

# The version in the action's CMakeLists.txt: `project(zapros VERSION X.Y.Z …`.
# Nothing when the file is missing: under set -e and pipefail a failing sed here would end the
# script, without the ::error:: below, at the assignment that calls this.
own_version() {
    [ -r "$action_path/CMakeLists.txt" ] || return 0
    sed -n 's/^project(zapros VERSION \([0-9][0-9.]*\).*/\1/p' "$action_path/CMakeLists.txt" | head -n 1
}

# OWNER/REPO of the action into `repo`: the expression passed by action.yml, the runner's
# variable, or the path the runner checked the action out to (…/_actions/OWNER/REPO/REF).
action_repository() {
    repo=${ZAPROS_ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}
    if [ -z "$repo" ] && [[ $action_path =~ /_actions/([^/]+/[^/]+)/[^/]+/?$ ]]; then
        repo=${BASH_REMATCH[1]}
    fi
    [ -n "$repo" ] || fail "cannot tell which repository the action comes from (set ZAPROS_ACTION_REPOSITORY)"
}

download() {
    local url=$1 out=$2
    echo "Downloading $url"
    if command -v curl >/dev/null; then
        curl --fail --silent --show-error --location --retry 4 --retry-delay 3 --output "$out" "$url" ||
            fail "download failed: $url"
    elif command -v wget >/dev/null; then
        wget --quiet --tries=5 --waitretry=3 --output-document="$out" "$url" || fail "download failed: $url"
    else
        fail "neither curl nor wget is installed: cannot download $url"
    fi
}

# The release asset NAME of version $1, or the local ZAPROS_PACKAGE, into `package` (not printed:
# fail's ::error:: must reach the log, not a command substitution).
fetch() {
    local version=$1 name=$2
    if [ -n "${ZAPROS_PACKAGE:-}" ]; then
        [ -f "$ZAPROS_PACKAGE" ] || fail "ZAPROS_PACKAGE is not a file: $ZAPROS_PACKAGE"
        package=$ZAPROS_PACKAGE
        return
    fi
    [ -n "${GITHUB_SERVER_URL:-}" ] || fail "GITHUB_SERVER_URL is not set: cannot download zapros $version"
    local repo dir
    action_repository
    dir=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/zapros.XXXXXX")
    package=$dir/$name
    download "$GITHUB_SERVER_URL/$repo/releases/download/v$version/$name" "$package"
}

# Root, or sudo without a password: the command prefix to install system packages; fails otherwise.
as_root() {
    if [ "$(id -u)" = 0 ]; then
        return 0
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        echo sudo
    else
        return 1
    fi
}

is_debian_like() {
    [ -r /etc/os-release ] && command -v apt-get >/dev/null || return 1
    local ids
    # shellcheck source=/dev/null  # the system's release file
    ids=$(. /etc/os-release && printf ' %s %s ' "${ID:-}" "${ID_LIKE:-}")
    [[ $ids =~ \ (debian|ubuntu)\  ]]
}

install_deb() {
    local deb=$1 sudo=$2
    case $deb in /*) ;; *) deb=$PWD/$deb ;; esac
    export DEBIAN_FRONTEND=noninteractive
    # The package lists of a fresh container are empty and a runner's may be stale: update only
    # when installing with the lists as they are fails.
    $sudo apt-get install -y -qq --no-install-recommends "$deb" ||
        { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "$deb"; }
}

install_tarball() {
    local tarball=$1 version=$2
    local root=${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}}/zapros/$version
    mkdir -p "$root"
    tar -xJf "$tarball" -C "$root"
    local bin=$root/zapros-$version/bin
    [ -x "$bin/zapros" ] || fail "the tarball holds no zapros-$version/bin/zapros"
    PATH=$bin:$PATH
    if [ -n "${GITHUB_PATH:-}" ]; then echo "$bin" >>"$GITHUB_PATH"; fi
}

build_from_source() {
    echo "Building zapros from $action_path"
    make -C "$action_path" build/zapros
    PATH=$action_path/build:$PATH
    if [ -n "${GITHUB_PATH:-}" ]; then echo "$action_path/build" >>"$GITHUB_PATH"; fi
}

installed_version() {
    command -v zapros >/dev/null || return 0
    zapros --version 2>/dev/null | sed -n 's/^zapros \([0-9][0-9.]*\).*/\1/p'
}

install_zapros() {
    local version=${ZAPROS_VERSION:-}
    if [ "$version" = source ]; then
        build_from_source
        return
    fi
    [ -n "$version" ] || version=$(own_version)
    [ -n "$version" ] || fail "cannot read the version from $action_path/CMakeLists.txt"
    version=${version#v}
    # It becomes a path (the tool cache's zapros/VERSION, where the tarball is unpacked) and a URL:
    # a version, nothing that could climb out of either.
    [[ $version =~ ^[0-9]+(\.[0-9]+)*$ ]] || fail "version is X.Y.Z or source, not '$version'"
    if [ "$(installed_version)" = "$version" ]; then
        echo "zapros $version is already installed: $(command -v zapros)"
        return
    fi
    local sudo package
    case ${ZAPROS_PACKAGE:-} in
        *.tar.xz) ;;
        *)
            if is_debian_like && sudo=$(as_root); then
                fetch "$version" "zapros_${version}_amd64.deb"
                if install_deb "$package" "$sudo"; then
                    [ "$(installed_version)" = "$version" ] || fail "the .deb did not install zapros $version"
                    return
                fi
                [ -z "${ZAPROS_PACKAGE:-}" ] || fail "installing $ZAPROS_PACKAGE failed"
                echo "::warning::zapros action: the .deb does not install here; using the release tarball"
            elif [ -n "${ZAPROS_PACKAGE:-}" ]; then
                fail "$ZAPROS_PACKAGE: a .deb needs Debian or Ubuntu with apt-get and root or sudo"
            fi
            ;;
    esac
    fetch "$version" "zapros-${version}-linux-x86_64.tar.xz"
    install_tarball "$package" "$version"
    [ "$(installed_version)" = "$version" ] || fail "the tarball did not give zapros $version"
}

# The requests: each pattern expanded by bash (no other expansion: patterns are data), each must
# match, duplicates dropped, a name starting with - made ./NAME, a name with a line end refused.
expand_files() {
    shopt -s globstar nullglob
    local -a patterns matches
    local -A seen=()
    local pattern file
    read -r -d '' -a patterns <<<"${ZAPROS_FILES:-}" || true
    [ "${#patterns[@]}" -gt 0 ] || fail "no files given: set the input files, e.g. files: requests/*.md"
    files=()
    for pattern in "${patterns[@]}"; do
        # shellcheck disable=SC2206  # pathname expansion of the pattern is the point
        matches=($pattern)
        local found=0
        for file in "${matches[@]}"; do
            [ -e "$file" ] || continue
            found=1
            # The pdfs output is one path a line: a name with a line end would read as two paths.
            [[ $file != *$'\n'* ]] || fail "a file name holds a line end: $file"
            [[ $file != -* ]] || file=./$file
            [ -z "${seen[$file]:-}" ] || continue
            seen[$file]=1
            files+=("$file")
        done
        [ "$found" = 1 ] || fail "no file matches '$pattern'"
    done
    shopt -u globstar nullglob
}

write_output() {
    local name=$1 value=$2
    if [ -z "${GITHUB_OUTPUT:-}" ]; then
        printf '%s:\n%s\n' "$name" "$value"
        return
    fi
    local delimiter
    delimiter=ZAPROS_EOF_$(printf '%s' "$value" | sha256sum | cut -c1-64)
    printf '%s<<%s\n%s\n%s\n' "$name" "$delimiter" "$value" "$delimiter" >>"$GITHUB_OUTPUT"
}

main() {
    local -a files
    expand_files
    install_zapros

    local -a args=()
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then args+=(--summary "$GITHUB_STEP_SUMMARY"); fi
    local rc=0
    if [ "$check_only" = true ]; then
        zapros check "${args[@]}" "${files[@]}" || rc=$?
        write_output pdfs ""
        return "$rc"
    fi
    if [ -n "${GITHUB_SERVER_URL:-}" ] && [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_RUN_ID:-}" ]; then
        args+=(--summary-link "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/actions/runs/$GITHUB_RUN_ID#artifacts")
    fi
    local written
    written=$(mktemp "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/zapros-pdfs.XXXXXX")
    zapros render "${files[@]}" -d "$output_dir" --jobs "$(nproc 2>/dev/null || echo 2)" \
        --outputs-file "$written" "${args[@]}" || rc=$?
    local pdfs
    pdfs=$(cat "$written")
    rm -f "$written"
    write_output pdfs "$pdfs"
    return "$rc"
}

main "$@"
