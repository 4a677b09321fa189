#!/usr/bin/env bash
# Runs fuzz_fixed.sh twice on one target and fails unless both runs fuzzed the
# same inputs (they left the same working corpus; libFuzzer names each input
# by its SHA-1), so that ctest's fixed runs give a commit one verdict. Skips
# (status 77) where address randomisation cannot be turned off.
# Usage: fuzz_repeat_test.sh BUILD_DIR TARGET RUNS SEED
set -uo pipefail
here=$(dirname "$0")
bin=$1 target=$2 runs=$3 seed=$4
if ! setarch "$(uname -m)" -R true 2>/dev/null; then
  echo "fuzz_repeat: setarch -R fails here, so the fixed runs cannot be repeatable: skipped"
  exit 77
fi
work=$bin/repeat/$target
rm -rf "$work" && mkdir -p "$work"
for i in 1 2; do
  if ! bash "$here/fuzz_fixed.sh" "$bin" "$target" "$runs" "$seed" "$work/$i" >"$work/$i.log" 2>&1; then
    tail -20 "$work/$i.log"
    echo "fuzz_repeat: run $i of fuzz_$target failed (log: $work/$i.log)"
    exit 1
  fi
  find "$work/$i/corpus" -type f -printf '%f\n' | LC_ALL=C sort >"$work/$i.inputs"
done
count=$(wc -l <"$work/1.inputs")
if ! cmp -s "$work/1.inputs" "$work/2.inputs"; then
  echo "fuzz_repeat: two runs of fuzz_$target with -seed=$seed fuzzed different inputs:" \
    "$(comm -3 "$work/1.inputs" "$work/2.inputs" | wc -l) of their corpus inputs differ"
  exit 1
fi
echo "fuzz_repeat: both runs of fuzz_$target with -seed=$seed left the same $count corpus inputs"
