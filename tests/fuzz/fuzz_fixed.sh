#!/usr/bin/env bash
# Runs one fuzz target of the fuzzing tree for exactly RUNS executions with
# libFuzzer's random seed fixed at SEED, so that a commit gets the same verdict
# on every run and every machine:
# - the seed inputs (the files of the target's seed directories, listed in
#   BUILD_DIR/tests/fuzz/fuzz_TARGET.inputs) are read in name order, not the
#   file system's;
# - the working corpus starts empty each time (in WORK_DIR, by default
#   BUILD_DIR/fixed/TARGET);
# - address randomisation is off (setarch -R): the engine keys a few maps by
#   address (the evaluator's memo, the compiler's import state), which steers
#   coverage, so with it on no two runs fuzz the same inputs.
# Fails when the fuzzer finds a crash, a leak, memory over 2 GB or an input
# that runs for over 30 s (a hang; 30 s, not the campaigns' 5, so that a busy
# machine cannot change the verdict), and says where the input is. Exploring
# for new bugs is scripts/fuzz (docs/fuzzing.md).
# Usage: fuzz_fixed.sh BUILD_DIR TARGET RUNS SEED [WORK_DIR]
set -uo pipefail
bin=$1 target=$2 runs=$3 seed=$4
inputs=$bin/tests/fuzz/fuzz_$target.inputs
dict=$(sed -n 's/^dict //p' "$inputs") || exit 1
mapfile -t dirs < <(sed -n 's/^seeds //p' "$inputs")
work=${5:-$bin/fixed/$target}
rm -rf "$work"
mkdir -p "$work/corpus" "$work/artifacts"
seeds=$(find "${dirs[@]}" -type f | LC_ALL=C sort)
if [[ -z $seeds || $seeds == *,* ]]; then
  echo "fuzz_fixed: no seed inputs in ${dirs[*]}, or a name with a comma (-seed_inputs cannot take one)" >&2
  exit 1
fi
tr '\n' , <<<"$seeds" | sed 's/,$//' >"$work/seeds.txt"
norandom=(setarch "$(uname -m)" -R)
if ! "${norandom[@]}" true 2>/dev/null; then
  echo "fuzz_fixed: warning: cannot turn address randomisation off here (setarch -R fails)," >&2
  echo "fuzz_fixed: so this run may fuzz other inputs than another run of the same commit." >&2
  norandom=()
fi
"${norandom[@]}" "$bin/tests/fuzz/fuzz_$target" -runs="$runs" -seed="$seed" -reload=0 -rss_limit_mb=2048 \
  -timeout=30 -dict="$dict" -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
  -seed_inputs=@"$work/seeds.txt" "$work/corpus"
status=$?
if ((status != 0)); then
  echo "fuzz_fixed: fuzz_$target failed (status $status); the input is in $work/artifacts/." >&2
  echo "fuzz_fixed: fix it, and keep the input in tests/fuzz/regressions/$target/ (docs/fuzzing.md)." >&2
fi
exit "$status"
