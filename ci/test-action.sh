#!/usr/bin/env bash
# shellcheck disable=SC2016  # the checks are eval'd code in single quotes, expanded when they run
# The GitHub Action's script outside GitHub (make distcheck): ci/action.sh run with temporary
# GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_PATH and GITHUB_ENV files and GITHUB_ACTIONS=true,
#   (a) on this machine, with BUILD/zapros already on PATH (nothing to install): outputs, summary
#       rows, annotations and the exit status for a good request and one with a mistake; check-only;
#       no file, a pattern matching nothing, an input with shell metacharacters; the release tarball
#       path when BUILD holds the tarball;
#   (b) in a fresh Debian 12 chroot (packaging/chroot.sh) with ZAPROS_PACKAGE=BUILD's .deb: the
#       install path, then the render of a repository that `zapros init` made, its starter and a
#       request with a mistake beside it (skipped with a message when there is no .deb).
#   ci/test-action.sh [BUILD]     (BUILD default build; (b) needs root and mmdebstrap)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
build=$(realpath "${1:-build}")
[ -x "$build/zapros" ] || { echo "test-action: no $build/zapros (make)"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/zapros-test-action.XXXXXX")
tree=$build/action-tree
cleanup() {
    rm -rf "$work"
    if [ -d "$tree" ]; then
        # shellcheck source=packaging/chroot.sh
        source packaging/chroot.sh
        dist_cleanup "$tree"
    fi
}
trap cleanup EXIT

failures=0
check() {  # check DESCRIPTION COMMAND…: runs COMMAND, reports, counts failures
    local what=$1; shift
    if "$@"; then echo "ok    $what"; else echo "FAIL  $what"; failures=$((failures + 1)); fi
}

# The requests of a user's repository: one good, one with a mistake on line 7 (an unknown key).
requests() {
    local dir=$1
    mkdir -p "$dir/requests"
    printf '%s\n' --- 'title: Request for documents' 'lang: en' 'to:' '  - To the Ministry' \
        'signatures: [{role: Editor}]' --- '' 'Please send the documents.' >"$dir/requests/good.md"
    printf '%s\n' --- 'title: Request for documents' 'lang: en' 'to:' '  - To the Ministry' \
        'signatures: [{role: Editor}]' 'bogus_key: 1' --- '' 'Please send the documents.' \
        >"$dir/requests/bad.md"
}

# The `pdfs` output from a GITHUB_OUTPUT file: the lines between `pdfs<<DELIMITER` and DELIMITER.
output_pdfs() {
    awk '/^pdfs<<ZAPROS_EOF_[0-9a-f]+$/ { d = substr($0, 7); on = 1; next }
         on && $0 == d { on = 0; next } on' "$1"
}

# One run of the action's script in workspace $ws, files $1, more VAR=value in "$@";
# its stdout+stderr in $ws/log, status in $ws/rc.
run_action() {
    local files=$1; shift
    : >"$ws/output"; : >"$ws/summary"; : >"$ws/path"; : >"$ws/env"
    local rc=0
    (cd "$ws" && env -u ZAPROS_PACKAGE -u ZAPROS_VERSION GITHUB_ACTIONS=true CI=true \
        GITHUB_OUTPUT="$ws/output" GITHUB_STEP_SUMMARY="$ws/summary" GITHUB_PATH="$ws/path" \
        GITHUB_ENV="$ws/env" GITHUB_ACTION_PATH="$repo" GITHUB_SERVER_URL=https://github.example \
        GITHUB_REPOSITORY=owner/requests GITHUB_RUN_ID=42 RUNNER_TEMP="$ws/tmp" \
        ZAPROS_FILES="$files" "$@" "$repo/ci/action.sh") >"$ws/log" 2>&1 || rc=$?
    echo "$rc" >"$ws/rc"
}

rc_is() { [ "$(cat "$ws/rc")" = "$1" ]; }
log_has() { grep -qF -- "$1" "$ws/log"; }
summary_rows() { grep -c "^|.*$1" "$ws/summary" || true; }
all_pdfs_exist() {
    local pdf n=0
    while IFS= read -r pdf; do
        [ -f "$ws/$pdf" ] && [ "$(head -c 5 "$ws/$pdf")" = "%PDF-" ] || return 1
        n=$((n + 1))
    done < <(output_pdfs "$ws/output")
    [ "$n" = "$1" ]
}

echo "== (a) on this machine, zapros from $build on PATH"
bin=$work/bin
mkdir -p "$bin"
ln -s "$build/zapros" "$bin/zapros"
ws=$work/ws
requests "$ws"
mkdir -p "$ws/tmp"
export PATH="$bin:$PATH"

run_action "requests/good.md"
check "a good request: exit 0" rc_is 0
check "a good request: nothing installed (zapros of the action's version already on PATH)" \
    log_has "is already installed"
check "a good request: the pdfs output lists pdf/good.pdf, which exists" all_pdfs_exist 1
check "a good request: the output is pdf/good.pdf" [ "$(output_pdfs "$ws/output")" = pdf/good.pdf ]
check "a good request: the summary has a zapros section" grep -q '^### zapros' "$ws/summary"
check "a good request: the summary has its row" [ "$(summary_rows good.md)" = 1 ]
check "a good request: the summary row links to the run's artifacts" \
    grep -qF 'https://github.example/owner/requests/actions/runs/42#artifacts' "$ws/summary"
check "a good request: no annotation" bash -c "! grep -q '^::error' '$ws/log'"

rm -rf "$ws/pdf"
run_action "requests/*.md"
check "a mistake: exit 1" rc_is 1
check "a mistake: an annotation at its file and line" log_has "::error file=requests/bad.md,line=7"
check "a mistake: the summary has a row per file" \
    eval '[ "$(summary_rows good.md)" = 1 ] && [ "$(summary_rows bad.md)" = 1 ]'
check "a mistake: the good request's PDF is still listed and exists" all_pdfs_exist 1
check "a mistake: no PDF for the request with the mistake" [ ! -e "$ws/pdf/bad.pdf" ]

rm -rf "$ws/pdf"
run_action "requests/good.md" ZAPROS_CHECK_ONLY=true
check "check-only: exit 0" rc_is 0
check "check-only: no PDF written" [ ! -e "$ws/pdf" ]
check "check-only: the pdfs output is empty" [ -z "$(output_pdfs "$ws/output")" ]
check "check-only: the summary has the row" [ "$(summary_rows good.md)" = 1 ]

run_action "requests/*.md" ZAPROS_CHECK_ONLY=true
check "check-only, a mistake: exit 1 and the annotation" \
    eval 'rc_is 1 && log_has "::error file=requests/bad.md,line=7"'

run_action "  "
check "no file given: exit 1" rc_is 1
check "no file given: an ::error::" log_has "::error::zapros action: no files given"

run_action "requests/good.md drafts/*.md"
check "a pattern matching nothing: exit 1" rc_is 1
check "a pattern matching nothing: an ::error:: naming it" log_has "no file matches 'drafts/*.md'"
check "a pattern matching nothing: nothing rendered" [ ! -e "$ws/pdf" ]

run_action "requests/**/*.md" ZAPROS_OUTPUT_DIR=out/pdf
check "** (globstar) and output-dir: both requests found, good.pdf in out/pdf" \
    eval '[ -f "$ws/out/pdf/good.pdf" ] && [ "$(summary_rows bad.md)" = 1 ]'
rm -rf "$ws/out"

# shellcheck disable=SC2016  # the $( ) and backticks are the input, not to be expanded here
# Each a single word, so that a script evaluating the input would run it.
run_action '$(touch${IFS}'"$work"'/pwned) `touch${IFS}'"$work"'/pwned2` requests/good.md'
check "shell metacharacters in files: nothing executed" \
    eval '[ ! -e "$work/pwned" ] && [ ! -e "$work/pwned2" ]'
check "shell metacharacters in files: taken as patterns matching nothing" \
    eval 'rc_is 1 && log_has "no file matches '"'"'\$(touch\${IFS}"'

run_action "requests/good.md" ZAPROS_VERSION=0.0.1 PATH="/usr/bin:/bin"
check "another version, no package, no download possible: exit 1 with an ::error::" \
    eval 'rc_is 1 && grep -q "^::error::zapros action:" "$ws/log"'

cp "$ws/requests/good.md" "$ws/-MD.md"
run_action "-MD.md requests/good.md requests/*.md"
check "a file named -MD.md is a file, not an option; a file matched twice is rendered once" \
    eval 'rc_is 1 && [ -f "$ws/pdf/-MD.pdf" ] && [ "$(summary_rows " requests/good.md |")" = 1 ]'
rm -rf "$ws/pdf" "$ws/-MD.md"

cp "$ws/requests/good.md" "$ws/requests/two"$'\n'"lines.md"
run_action "requests/*.md"
check "a file name with a line end: exit 1 with an ::error::, nothing rendered" \
    eval 'rc_is 1 && log_has "::error::zapros action: a file name holds a line end" && [ ! -e "$ws/pdf" ]'
rm -f "$ws/requests/two"$'\n'"lines.md"

run_action "requests/good.md" ZAPROS_VERSION=../../../escaped PATH="/usr/bin:/bin" RUNNER_TOOL_CACHE="$ws/tools"
check "a version that is no version: exit 1 with an ::error::, no directory made from it" \
    eval 'rc_is 1 && log_has "::error::zapros action: version is X.Y.Z or source" && [ ! -e "$ws/tools" ]'

mkdir -p "$work/bare-action"
run_action "requests/good.md" GITHUB_ACTION_PATH="$work/bare-action" PATH="/usr/bin:/bin"
check "an action checkout without CMakeLists.txt: exit 1 with an ::error::, not set -e's silent exit" \
    eval 'rc_is 1 && log_has "::error::zapros action: cannot read the version"'

run_action "requests/good.md" ZAPROS_VERSION=0.0.1 ZAPROS_PACKAGE="$work/missing.deb"
check "ZAPROS_PACKAGE that is no file: exit 1 naming it" \
    eval 'rc_is 1 && log_has "ZAPROS_PACKAGE is not a file: $work/missing.deb"'

if [ "$build" = "$repo/build" ]; then  # source builds into the action's build/: this one, up to date
    run_action "requests/good.md" ZAPROS_VERSION=source PATH="/usr/bin:/bin"
    check "version source: built (up to date) in the action's checkout, on GITHUB_PATH, rendered" \
        eval 'rc_is 0 && [ "$(cat "$ws/path")" = "$repo/build" ] && all_pdfs_exist 1'
    rm -rf "$ws/pdf"
fi

tarballs=("$build"/zapros-*-linux-x86_64.tar.xz)
if [ -f "${tarballs[0]}" ]; then
    tarball=${tarballs[-1]}
    version=$(basename "$tarball"); version=${version#zapros-}; version=${version%-linux-x86_64.tar.xz}
    run_action "requests/good.md" ZAPROS_PACKAGE="$tarball" PATH="/usr/bin:/bin" RUNNER_TOOL_CACHE="$ws/tools"
    check "the tarball: unpacked into the tool cache and rendered" \
        eval 'rc_is 0 && [ -x "$ws/tools/zapros/$version/zapros-$version/bin/zapros" ] && all_pdfs_exist 1'
    check "the tarball: its bin/ added to GITHUB_PATH" \
        [ "$(cat "$ws/path")" = "$ws/tools/zapros/$version/zapros-$version/bin" ]
    rm -rf "$ws/pdf" "$ws/tools"
else
    echo "skip  the tarball path: no $build/zapros-*-linux-x86_64.tar.xz (make dist)"
fi

echo "== (b) a fresh Debian 12 chroot, ZAPROS_PACKAGE=the .deb"
debs=("$build"/zapros_*_amd64.deb)
if [ ! -f "${debs[0]}" ]; then
    echo "skip  the .deb install path: no $build/zapros_*_amd64.deb (make package)"
else
    deb=${debs[-1]}
    # shellcheck source=packaging/chroot.sh
    source packaging/chroot.sh
    dist_chroot "$tree"
    cp /etc/resolv.conf "$tree/etc/resolv.conf"  # apt resolves the .deb's Depends
    mkdir -p "$tree/action" "$tree/ws"
    cp -r action.yml ci CMakeLists.txt "$tree/action/"
    cp "$deb" "$tree/tmp/"
    # The workspace is what a user starts from: `zapros init`, plus a request with a mistake.
    "$build/zapros" init "$tree/ws" >/dev/null
    requests "$work/user"
    cp "$work/user/requests/bad.md" "$tree/ws/requests/"
    rc=0
    # shellcheck disable=SC2016  # expanded by the chroot's shell
    dist_run "$tree" /bin/bash -c 'cd /ws && : >output && : >summary && : >path &&
        GITHUB_ACTIONS=true GITHUB_OUTPUT=/ws/output GITHUB_STEP_SUMMARY=/ws/summary \
        GITHUB_PATH=/ws/path GITHUB_ACTION_PATH=/action ZAPROS_PACKAGE="$1" \
        ZAPROS_FILES="requests/*.md" /action/ci/action.sh' - "/tmp/$(basename "$deb")" \
        >"$work/chroot.log" 2>&1 || rc=$?
    ws=$tree/ws
    cp "$work/chroot.log" "$ws/log"; echo "$rc" >"$ws/rc"
    check "chroot: the .deb installed zapros" [ -x "$tree/usr/bin/zapros" ]
    check "chroot: exit 1 for the request with the mistake" rc_is 1
    check "chroot: the annotation" log_has "::error file=requests/bad.md,line=7"
    check "chroot: a summary row per file" \
        eval '[ "$(summary_rows example.md)" = 1 ] && [ "$(summary_rows bad.md)" = 1 ]'
    check "chroot: the pdfs output lists the starter's PDF, which exists" all_pdfs_exist 1
    check "chroot: the starter's PDF is pdf/example.pdf" eval '[ "$(output_pdfs "$ws/output")" = pdf/example.pdf ]'
    if [ "$failures" != 0 ]; then sed 's/^/  chroot | /' "$work/chroot.log" | tail -n 30; fi
fi

if [ "$failures" != 0 ]; then
    echo "test-action: $failures FAILED"
    exit 1
fi
echo "test-action: OK"
