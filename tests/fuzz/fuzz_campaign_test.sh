#!/usr/bin/env bash
# Runs a short campaign of scripts/fuzz on one target and checks its summary:
# executions, coverage and a corpus counted, nothing found, the summary file
# written.
# Usage: fuzz_campaign_test.sh SOURCE_DIR BUILD_DIR TARGET SECONDS
set -uo pipefail
src=$1 bin=$2 target=$3 seconds=$4
out=$bin/campaign-test
rm -rf "$out"
"$src/scripts/fuzz" --seconds "$seconds" --build "$bin" --out "$out" "$target" || exit 1
summary=$out/summary.txt
fail=0
for want in "fuzz_$target: $seconds s" "executions: [1-9]" "corpus: [1-9][0-9]* inputs in $out/$target/corpus" \
  "coverage of corpus and seeds: [1-9][0-9]* edges" "finds: 0 in $out/$target/finds"; do
  grep -q -- "$want" "$summary" || { echo "fuzz_campaign: the summary lacks '$want'" && fail=1; }
done
exit "$fail"
