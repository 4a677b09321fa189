#!/usr/bin/env bash
# Runs one fuzz target of the fuzzing tree for SECONDS on its corpus: a
# working corpus kept in BUILD_DIR/runs/TARGET (the fuzzer adds what it finds
# there) and the read-only seed directories given. Fails when the fuzzer
# finds a crash, a leak, a hang (over 5 s) or memory over 2 GB, and says where
# the input is.
# Usage: fuzz_run.sh BUILD_DIR TARGET SECONDS SEED_DIR...
set -uo pipefail
bin=$1 target=$2 seconds=$3
shift 3
dict=yaml
[[ $target == rules ]] && dict=rules
work=$bin/runs/$target
mkdir -p "$work/corpus" "$work/artifacts"
seeds=()
for d in "$@"; do
  [[ -d $d ]] && seeds+=("$d")
done
"$bin/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=5 \
  -dict="$bin/tests/fuzz/$dict.dict" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  "$work/corpus" "${seeds[@]}"
status=$?
if ((status != 0)); then
  echo "fuzz_run: fuzz_$target failed (status $status); the input is in $work/artifacts/." >&2
  echo "fuzz_run: fix it, and keep the input in tests/fuzz/regressions/$target/." >&2
fi
exit "$status"
