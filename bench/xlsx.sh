#!/usr/bin/env bash
# The register as an Excel workbook against the same register as CSV.
#
#   bench/xlsx.sh [N] [BUILD_DIR]        (defaults: 10000 build)
#
# Generates N agreements with bench/generate.py (or reuses bench/.cache/N when it
# holds N files), then times `s75check register --format csv -j 2 DIR > FILE` and
# `register --format xlsx -j 2 -o FILE DIR`, whole-process wall time, the mean of
# 3 runs after a warm-up (hyperfine if installed). The issue asks that xlsx take at
# most 2 times what csv takes; prints the ratio and exits 1 when it is over 2.
# Each command's exit status is ignored (the generated defects give 0 or 2).
set -euo pipefail

die() { echo "xlsx.sh: $*" >&2; exit 1; }
N="${1:-10000}"
BUILD_DIR="${2:-build}"
RUNS=3
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
S75CHECK="${S75CHECK:-$BUILD_DIR/s75check}"
[[ -x "$S75CHECK" ]] || die "no s75check at $S75CHECK (build first, or set S75CHECK)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/s75xlsx.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

DATA="$BENCH_DIR/.cache/$N"
if [[ ! -d "$DATA" || "$(find "$DATA" -maxdepth 1 -name '*.yaml' | wc -l)" -ne "$N" ]]; then
  DATA="$TMP/agreements"
  echo "agreements: generating $N into $DATA"
  python3 "$BENCH_DIR/generate.py" --count "$N" --out "$DATA" --seed "${SEED:-75}" >/dev/null
fi

CSV_CMD="$(printf '%q register --format csv -j 2 %q' "$S75CHECK" "$DATA") > $TMP/r.csv"
XLSX_CMD="$(printf '%q register --format xlsx -j 2 -o %q %q' "$S75CHECK" "$TMP/r.xlsx" "$DATA")"

# Mean wall seconds of a command.
mean_seconds() {
  local cmd="$1" total=0 start end
  bash -c "$cmd" || true  # warm-up
  for ((i = 0; i < RUNS; i++)); do
    start="$(date +%s.%N)"
    bash -c "$cmd" || true
    end="$(date +%s.%N)"
    total="$(awk -v t="$total" -v a="$start" -v b="$end" 'BEGIN {printf "%.6f", t + b - a}')"
  done
  awk -v t="$total" -v n="$RUNS" 'BEGIN {printf "%.3f\n", t / n}'
}

csv="$(mean_seconds "$CSV_CMD")"
xlsx="$(mean_seconds "$XLSX_CMD")"
echo "register of $N agreements, -j 2, mean of $RUNS runs:"
echo "  csv   ${csv} s  ($(wc -c <"$TMP/r.csv") bytes)"
echo "  xlsx  ${xlsx} s  ($(wc -c <"$TMP/r.xlsx") bytes)"
ratio="$(awk -v a="$xlsx" -v b="$csv" 'BEGIN {printf "%.2f", a / b}')"
echo "  ratio xlsx / csv: $ratio (at most 2 asked)"
awk -v r="$ratio" 'BEGIN {exit !(r <= 2)}'
