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
# All commands are timed the same way, whole-process wall time, in rounds: each
# round runs every command once, in turn, after a warm-up round, so that a machine
# whose speed drifts (a shared virtual machine) slows floor and check alike rather
# than whichever was timed in the slow minutes. Prints, per command, the median
# and the least of the rounds, files/s, and the ratios check / floor (at most 1.3
# asked), outturn / check (outturn.md asks for at most 1.2), scorecard / check and
# the speed-up of -j 2 (at least 1.5 asked), each from the medians and from the
# least times, and check / floor round by round with their median. Each ratio is
# printed with its limit; the script does not fail on one, as a busy shared host
# can push a single run past it (docs/performance.md).
#
# Environment: S75CHECK=path overrides the s75check binary; SEED=S the generator seed;
# ROUNDS=R the number of timed rounds (default 5).
set -euo pipefail

die() { echo "run.sh: $*" >&2; exit 1; }

N="${1:-2000}"
BUILD_DIR="${2:-build}"
SEED="${SEED:-75}"
FORMATS="${FORMATS:-1 2}"
ROUNDS="${ROUNDS:-5}"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "ROUNDS must be a positive integer, got '$ROUNDS'"

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

# Each command's exit status is checked once before timing; the timed runs ignore it.
check_status() {  # NAME ALLOWED_STATUSES ARGS...: one run, stderr kept
  local name="$1" allowed="$2" status=0
  shift 2
  "$S75CHECK" "$@" >/dev/null 2>"$TMP/$name.err" || status=$?
  # check may warn on stderr (about a generated defect); the others must not.
  if [[ " $allowed " != *" $status "* ]] || [[ "$name" != check && -s "$TMP/$name.err" ]]; then
    echo "run.sh: '$S75CHECK $*' exited with status $status; its stderr:" >&2
    head -n 20 "$TMP/$name.err" >&2
    exit 1
  fi
  echo "  $name: exit status $status (expected: $allowed)"
}

if [[ ! -x "$S75CHECK" ]]; then
  echo "run.sh: s75check not found at $S75CHECK (build it, pass BUILD_DIR, or set S75CHECK=path)" >&2
  exit 1
fi
echo; echo "== exit statuses (check: 1 = findings; outturn: 2 = some funds cannot be allocated)"
check_status check "0 1" check --format json -q -j 1 "$DATA"
check_status outturn "0 2" outturn --scenarios --format json -j 1 "$DATA"
check_status scorecard "0" scorecard --format json -j 1 "$DATA"

# Wall seconds of each command, round after round: one warm-up round, then
# ROUNDS timed ones, every command once per round in the same order. Writes a
# line per command: NAME MEDIAN LEAST TIMES...
time_rounds() {
  python3 - "$ROUNDS" "$@" <<'PY'
import statistics, subprocess, sys, time
rounds, pairs = int(sys.argv[1]), sys.argv[2:]
names, commands = pairs[0::2], pairs[1::2]
times = {name: [] for name in names}
for r in range(rounds + 1):
    for name, command in zip(names, commands):
        start = time.perf_counter()
        subprocess.run(["bash", "-c", command], check=False)
        if r > 0:
            times[name].append(time.perf_counter() - start)
for name in names:
    t = times[name]
    print(name, f"{statistics.median(t):.6f}", f"{min(t):.6f}", " ".join(f"{x:.3f}" for x in t))
PY
}

echo; echo "== timing: $ROUNDS rounds after a warm-up round, each command once per round in turn, whole-process wall time"
time_rounds floor "$FLOOR_CMD" check "$CHECK_CMD" check-j2 "$CHECK2_CMD" \
  outturn "$OUTTURN_CMD" scorecard "$SCORECARD_CMD" > "$TMP/times"
awk '{printf "  %-10s", $1; for (i = 4; i <= NF; i++) printf " %s", $i; print " s"}' "$TMP/times"
median_of() { awk -v n="$1" '$1 == n {print $2}' "$TMP/times"; }
least_of() { awk -v n="$1" '$1 == n {print $3}' "$TMP/times"; }

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
summary() {  # FIGURE (median or least)
  awk -v v="$VERSION" -v n="$N" -v what="$1" -v rounds="$ROUNDS" -v f="$("$1"_of floor)" -v c="$("$1"_of check)" \
    -v c2="$("$1"_of check-j2)" -v o="$("$1"_of outturn)" -v s="$("$1"_of scorecard)" \
    -v m1="$PEAK1_KB" -v m2="$PEAK2_KB" 'BEGIN {
  printf "== summary, format %d (%d files, %s wall time of %s rounds)\n", v, n, what, rounds
  printf "  floor        %8.3f s  %8.0f files/s  %7.3f ms/file\n", f, n / f, 1000 * f / n
  printf "  check -j 1   %8.3f s  %8.0f files/s  %7.3f ms/file  peak %.1f MB\n", c, n / c, 1000 * c / n, m1 / 1024
  printf "  check -j 2   %8.3f s  %8.0f files/s  %7.3f ms/file  peak %.1f MB\n", c2, n / c2, 1000 * c2 / n, m2 / 1024
  printf "  outturn -j 1 %8.3f s  %8.0f files/s  %7.3f ms/file  (--scenarios)\n", o, n / o, 1000 * o / n
  printf "  scorecard    %8.3f s  %8.0f files/s  %7.3f ms/file\n", s, n / s, 1000 * s / n
  printf "  ratio check -j 1 / floor: %.2f (at most 1.3)\n", c / f
  printf "  ratio outturn / check -j 1: %.2f (at most 1.2)\n", o / c
  printf "  ratio scorecard / check -j 1: %.2f (at most 1.2)\n", s / c
  printf "  speed-up -j 2 over -j 1:  %.2f (at least 1.5)\n", c / c2
}'
}
summary median
echo
summary least
# Round by round, the floor and the check ran seconds apart, so a machine whose
# speed drifts from round to round moves both: the median of these ratios is the
# steadiest of the three figures.
python3 - "$TMP/times" <<'PY'
import statistics, sys
rows = {line.split()[0]: [float(x) for x in line.split()[3:]] for line in open(sys.argv[1])}
ratios = [c / f for f, c in zip(rows["floor"], rows["check"])]
print("  ratio check -j 1 / floor, round by round:", " ".join(f"{r:.2f}" for r in ratios),
      f"(median {statistics.median(ratios):.2f}; at most 1.3)")
PY
}

for version in $FORMATS; do
  measure "$version"
done
