#!/usr/bin/env bash
# Runs each fuzzer for SECONDS: the request fuzzers seeded from requests/, tests/ and the spec
# examples, the font and dictionary fuzzers from fonts/ and hyph/; the corpus grows in
# BUILD/corpus across runs. Prints libFuzzer's final stats (executions, their rate); exits
# non-zero if a fuzzer found a crash (its input is kept in BUILD/crashes/).
set -euo pipefail
build=${1:?usage: run.sh BUILD SECONDS}
seconds=${2:?usage: run.sh BUILD SECONDS}
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
echo "fuzz: $(ls "$seeds" | wc -l) seeds"
mkdir -p "$build/seeds-font" "$build/seeds-dictionary"
cp fonts/*.ttf "$build/seeds-font/"
cp hyph/*.dic "$build/seeds-dictionary/"
status=0
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
    fi
    grep -E "stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|cov:" "$build/$fuzzer.log" | tail -4
}
run request_fuzzer "$seeds" 65536 -dict=fuzz/markdown.dict
run pipeline_fuzzer "$seeds" 65536 -dict=fuzz/markdown.dict
run font_fuzzer "$build/seeds-font" 400000
run dictionary_fuzzer "$build/seeds-dictionary" 131072
exit $status
