#!/usr/bin/env bash
# Runs each fuzzer for SECONDS: the request fuzzers seeded from requests/, tests/ and the spec
# examples, the font and dictionary fuzzers from fonts/ and hyph/, the image fuzzer from small
# files fuzz/image_seeds writes; the corpus grows in
# BUILD/corpus across runs. Prints libFuzzer's final stats (executions, their rate); exits
# non-zero if a fuzzer found a crash (its input is kept in BUILD/crashes/).
# With PLAIN (a normal build holding zapros and tests/property/zapros_property), then runs the
# layout property test on fresh seeds for SECONDS; its whole report goes to BUILD/property.log.
set -euo pipefail
build=${1:?usage: run.sh BUILD SECONDS [PLAIN]}
seconds=${2:?usage: run.sh BUILD SECONDS [PLAIN]}
plain=${3:-}
cd "$(dirname "$0")/.."
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds" "$build/crashes"
cp requests/*.md tests/golden/*.md "$seeds/"
# The bad corpus, but not its largest files (libFuzzer's -max_len bounds inputs anyway).
find tests/bad -name '*.md' -size -64k -exec cp {} "$seeds/" \;
# Every spec example as the body of a minimal request.
for spec in tests/data/specs/*.txt; do
    awk -v dir="$seeds" -v name="$(basename "$spec" .txt)" '
        /^````````````````````````````````/ {
            if ($0 ~ / example/) { n++; file = sprintf("%s/%s-%04d.md", dir, name, n); printf "---\ntitle: T\nto: X\n---\n" > file; state = 1; next }
            state = 0; close(file); next }
        state == 1 && $0 == "." { state = 2; next }
        state == 1 { gsub(/→/, "\t"); print >> file }' "$spec"
done
echo "fuzz: $(find "$seeds" -mindepth 1 -maxdepth 1 | wc -l) seeds"
mkdir -p "$build/seeds-font" "$build/seeds-dictionary"
cp fonts/*.ttf "$build/seeds-font/"
cp hyph/*.dic "$build/seeds-dictionary/"
rm -rf "$build/seeds-image" && mkdir -p "$build/seeds-image"
"$build/fuzz/image_seeds" "$build/seeds-image"
status=0
failures=()
export LSAN_OPTIONS=suppressions=fuzz/lsan.supp
# fuzzer, its seeds, the longest input, libFuzzer's options beyond those
run() {
    local fuzzer=$1 from=$2 max_len=$3
    shift 3
    mkdir -p "$build/corpus/$fuzzer"
    echo "fuzz: $fuzzer for ${seconds}s"
    if ! "$build/fuzz/$fuzzer" "$build/corpus/$fuzzer" "$from" "$@" \
            -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
            -print_final_stats=1 -artifact_prefix="$build/crashes/$fuzzer-" 2>"$build/$fuzzer.log"; then
        status=1
        echo "fuzz: $fuzzer found a failure:"; tail -40 "$build/$fuzzer.log"
        # Repeated at the very end, where a CI log cut to its tail still shows it.
        failures+=("$fuzzer: $(grep -m1 -E '^==[0-9]+== ?ERROR|^SUMMARY|ALARM|out-of-memory' "$build/$fuzzer.log" || echo 'exit status non-zero')")
    fi
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|cov:" "$build/$fuzzer.log" | tail -4
}
run request_fuzzer "$seeds" 65536 -dict=fuzz/markdown.dict
run pipeline_fuzzer "$seeds" 65536 -dict=fuzz/markdown.dict
run font_fuzzer "$build/seeds-font" 400000
run dictionary_fuzzer "$build/seeds-dictionary" 131072
run image_fuzzer "$build/seeds-image" 65536
if [ -n "$plain" ]; then
    echo "fuzz: layout property test for ${seconds}s"
    if ! "$plain/tests/property/zapros_property" --zapros "$plain/zapros" --fresh --seconds "$seconds" \
            >"$build/property.log" 2>&1; then
        status=1
        failures+=("the layout property test: $(grep -m1 -E '^checked ' "$build/property.log" || echo 'exit status non-zero')")
        echo "fuzz: the property test found failures (all of them in $build/property.log); the first, shrunk:"
        awk '/shrunk for/ { on = 1 } on { print } on && /^----8<----$/ && ++cut == 2 { exit }' "$build/property.log"
    fi
    grep -E "^checked |^  .* documents$" "$build/property.log" || true
fi
for f in "${failures[@]}"; do echo "fuzz: failed: $f (input in $build/crashes/)"; done
exit $status
