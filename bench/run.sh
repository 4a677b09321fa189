#!/usr/bin/env bash
# Benchmark s75check against the event-parser floor.
#
#   bench/run.sh [N] [BUILD_DIR]        (defaults: 2000 build)
#
# Measures format 1 agreements, then the same agreements in format 2 (several
# funds with schemes); FORMATS="1" or FORMATS="2" measures one of them.
#
# 1. Agreements: reuses bench/.cache/N (format 1) or bench/.cache/N-v2 if it holds N
#    files, else generates N into a temporary directory (removed on exit) with
#    bench/generate.py.
# 2. Floor: BUILD_DIR/bench/parse_floor (built if missing) reads and parses every
#    file with yaml-cpp's event parser and a no-op handler.
# 3. Check: BUILD_DIR/s75check check --format json -q -j 1 DIR > /dev/null
#    (exit 1 means findings, which the generated files have: that is expected).
# 4. Outturn: BUILD_DIR/s75check outturn --scenarios --format json -j 1 DIR > /dev/null
#    (every fund of every agreement allocated six ways, or explained; exit 2 means
#    some cannot be allocated, which the generated defects cause: expected).
# 5. Scorecard: BUILD_DIR/s75check scorecard --format json -j 1 DIR > /dev/null (one
#    thread, as check -j 1 is; scorecard.md's benchmark asks for at most 1.2x check).
# All commands are timed the same way, whole process wall time: hyperfine
# (--warmup 1 --runs 3) if installed, else the mean of 3 runs after a warm-up.
# Prints files/s for each, the ratio check_time / floor_time and the ratio
# outturn_time / check_time (outturn.md asks for at most 1.2).
#
# Environment: S75CHECK=path overrides the s75check binary; SEED=S the generator seed;
# NO_HYPERFINE=1 uses the date-based timing even if hyperfine is installed.
set -euo pipefail

die() { echo "run.sh: $*" >&2; exit 1; }

N="${1:-2000}"
BUILD_DIR="${2:-build}"
SEED="${SEED:-75}"
FORMATS="${FORMATS:-1 2}"
RUNS=3
HYPERFINE=""
if [[ -z "${NO_HYPERFINE:-}" ]] && command -v hyperfine >/dev/null; then HYPERFINE=hyperfine; fi

[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N' (usage: bench/run.sh [N] [BUILD_DIR])"

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
# A relative BUILD_DIR is taken from the current directory, else from the repository root.
if [[ "$BUILD_DIR" != /* && ! -d "$BUILD_DIR" && -d "$REPO_DIR/$BUILD_DIR" ]]; then
  BUILD_DIR="$REPO_DIR/$BUILD_DIR"
fi
BUILD_DIR="$(cd "$BUILD_DIR" 2>/dev/null && pwd)" || die "build directory '${2:-build}' not found (configure with: cmake -S . -B build -DCMAKE_BUILD_TYPE=Release)"
S75CHECK="${S75CHECK:-$BUILD_DIR/s75check}"

command -v python3 >/dev/null || die "python3 is required to generate agreements"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/s75bench.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

# --- 2. the floor binary (once) ---------------------------------------------
FLOOR="$BUILD_DIR/bench/parse_floor"
if [[ ! -x "$FLOOR" ]]; then
  if [[ -f "$BUILD_DIR/CMakeCache.txt" ]] && cmake --build "$BUILD_DIR" --target parse_floor >"$TMP/build.log" 2>&1; then
    echo "parse_floor: built with cmake in $BUILD_DIR"
  else
    FLOOR="$TMP/parse_floor"
    echo "parse_floor: no cmake target in $BUILD_DIR; compiling $FLOOR with g++ -O2"
    g++ -std=c++20 -O2 "$BENCH_DIR/parse_floor.cpp" -lyaml-cpp -o "$FLOOR" \
      || die "could not compile parse_floor (is libyaml-cpp-dev installed?)"
  fi
fi


# --- 1., 3., 4. per format: agreements, timing, summary -------------------
measure() {
local VERSION="$1" SUFFIX=""
[[ "$VERSION" == 2 ]] && SUFFIX="-v2"
echo; echo "######## format $VERSION"
CACHE="$BENCH_DIR/.cache/$N$SUFFIX"
count_files() { find "$1" -maxdepth 1 -type f -name '*.yaml' | wc -l; }
if [[ -d "$CACHE" && "$(count_files "$CACHE")" -eq "$N" ]]; then
  DATA="$CACHE"
  echo "agreements: reusing $DATA"
else
  [[ -d "$CACHE" ]] && echo "agreements: $CACHE does not hold $N files; ignoring it" >&2
  DATA="$TMP/agreements$SUFFIX"
  echo "agreements: generating $N in format $VERSION into $DATA (seed $SEED)"
  python3 "$BENCH_DIR/generate.py" --count "$N" --out "$DATA" --seed "$SEED" \
    --format-version "$VERSION" | sed 's/^/  /'
fi
BYTES="$(find "$DATA" -maxdepth 1 -type f -name '*.yaml' -printf '%s\n' | awk '{s += $1} END {print s}')"
echo "  $N files, $BYTES bytes"

echo
echo "== floor: parse_floor (read + yaml-cpp event parse, no-op handler)"
"$FLOOR" "$DATA" | sed 's/^/  /' || die "parse_floor failed on the generated files"

FLOOR_CMD="$(printf '%q %q' "$FLOOR" "$DATA") > /dev/null"
CHECK_CMD="$(printf '%q check --format json -q -j 1 %q' "$S75CHECK" "$DATA") > /dev/null"
CHECK2_CMD="$(printf '%q check --format json -q -j 2 %q' "$S75CHECK" "$DATA") > /dev/null"
OUTTURN_CMD="$(printf '%q outturn --scenarios --format json -j 1 %q' "$S75CHECK" "$DATA") > /dev/null"
SCORECARD_CMD="$(printf '%q scorecard --format json -j 1 %q' "$S75CHECK" "$DATA") > /dev/null"

# Mean wall seconds of a command: hyperfine if present, else date +%s.%N.
# Writes the mean to stdout. Exit status of the command is ignored (checked before).
time_command() {
  local name="$1" cmd="$2"
  if [[ -n "$HYPERFINE" ]]; then
    hyperfine --warmup 1 --runs "$RUNS" -i --style basic \
      --export-json "$TMP/$name.json" -n "$name" "$cmd" >&2
    python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$TMP/$name.json"
  else
    bash -c "$cmd" || true   # warm-up
    local total=0 start end
    for ((i = 0; i < RUNS; i++)); do
      start="$(date +%s.%N)"
      bash -c "$cmd" || true
      end="$(date +%s.%N)"
      total="$(awk -v t="$total" -v a="$start" -v b="$end" 'BEGIN {printf "%.6f", t + b - a}')"
      echo "  $name run $((i + 1)): $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}') s" >&2
    done
    awk -v t="$total" -v n="$RUNS" 'BEGIN {printf "%.6f\n", t / n}'
  fi
}

if [[ -n "$HYPERFINE" ]]; then
  echo; echo "timing with hyperfine (--warmup 1 --runs $RUNS), whole-process wall time"
else
  echo; echo "timing with date +%s.%N (no hyperfine): mean of $RUNS runs after a warm-up, whole-process wall time"
fi
echo; echo "== floor"
FLOOR_S="$(time_command floor "$FLOOR_CMD")"

if [[ ! -x "$S75CHECK" ]]; then
  echo >&2
  echo "run.sh: s75check not found at $S75CHECK (build it, pass BUILD_DIR, or set S75CHECK=path);" >&2
  echo "run.sh: floor measured ($FLOOR_S s for $N files), check not timed" >&2
  exit 1
fi

# One checked run first: exit 0 (no findings) or 1 (findings) are fine, anything else is not.
status=0
"$S75CHECK" check --format json -q -j 1 "$DATA" >/dev/null 2>"$TMP/check.err" || status=$?
if [[ "$status" -ne 0 && "$status" -ne 1 ]]; then
  echo "run.sh: '$S75CHECK check' exited with status $status; its stderr:" >&2
  head -n 20 "$TMP/check.err" >&2
  exit 1
fi
echo; echo "== check (exit status $status; 1 = findings, expected)"
CHECK_S="$(time_command check "$CHECK_CMD")"
echo; echo "== check -j 2"
CHECK2_S="$(time_command check-j2 "$CHECK2_CMD")"

# The outturn: exit 0 (all allocated) or 2 (some cannot be allocated) are fine.
status=0
"$S75CHECK" outturn --scenarios --format json -j 1 "$DATA" >/dev/null 2>"$TMP/outturn.err" || status=$?
if [[ "$status" -ne 0 && "$status" -ne 2 ]] || [[ -s "$TMP/outturn.err" ]]; then
  echo "run.sh: '$S75CHECK outturn' exited with status $status; its stderr:" >&2
  head -n 20 "$TMP/outturn.err" >&2
  exit 1
fi
echo; echo "== outturn --scenarios (exit status $status; 2 = some cannot be allocated, expected)"
OUTTURN_S="$(time_command outturn "$OUTTURN_CMD")"

# The scorecard: exit 0, or 2 when a file cannot be read (the generated defects do not do that).
status=0
"$S75CHECK" scorecard --format json -j 1 "$DATA" >/dev/null 2>"$TMP/scorecard.err" || status=$?
if [[ "$status" -ne 0 ]] || [[ -s "$TMP/scorecard.err" ]]; then
  echo "run.sh: '$S75CHECK scorecard' exited with status $status; its stderr:" >&2
  head -n 20 "$TMP/scorecard.err" >&2
  exit 1
fi
echo; echo "== scorecard"
SCORECARD_S="$(time_command scorecard "$SCORECARD_CMD")"

# Peak memory (maximum resident set size) of one run each, with GNU time.
peak_kb() {
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$TMP/peak" bash -c "$1" >/dev/null 2>&1 || true
    tail -n 1 "$TMP/peak"   # after "Command exited with non-zero status 1"
  else
    echo 0
  fi
}
PEAK1_KB="$(peak_kb "$CHECK_CMD")"
PEAK2_KB="$(peak_kb "$CHECK2_CMD")"

# --- 4. summary ---------------------------------------------------------------
echo
awk -v v="$VERSION" -v n="$N" -v f="$FLOOR_S" -v c="$CHECK_S" -v c2="$CHECK2_S" -v o="$OUTTURN_S" -v s="$SCORECARD_S" -v m1="$PEAK1_KB" -v m2="$PEAK2_KB" 'BEGIN {
  printf "== summary, format %d (%d files, mean wall time per run)\n", v, n
  printf "  floor        %8.3f s  %8.0f files/s  %7.3f ms/file\n", f, n / f, 1000 * f / n
  printf "  check -j 1   %8.3f s  %8.0f files/s  %7.3f ms/file  peak %.1f MB\n", c, n / c, 1000 * c / n, m1 / 1024
  printf "  check -j 2   %8.3f s  %8.0f files/s  %7.3f ms/file  peak %.1f MB\n", c2, n / c2, 1000 * c2 / n, m2 / 1024
  printf "  outturn -j 1 %8.3f s  %8.0f files/s  %7.3f ms/file  (--scenarios)\n", o, n / o, 1000 * o / n
  printf "  scorecard    %8.3f s  %8.0f files/s  %7.3f ms/file\n", s, n / s, 1000 * s / n
  printf "  ratio check -j 1 / floor: %.2f\n", c / f
  printf "  ratio outturn / check -j 1: %.2f (at most 1.2)\n", o / c
  printf "  ratio scorecard / check -j 1: %.2f (at most 1.2)\n", s / c
  printf "  speed-up -j 2 over -j 1:  %.2f\n", c / c2
}'
}

for version in $FORMATS; do
  measure "$version"
done
