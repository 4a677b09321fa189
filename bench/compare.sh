#!/usr/bin/env bash
# How long `compare` of two sweeps takes against one `check` of the same files
# (issue 19 asks for at most 2.5 times: compare checks both sides).
#
#   bench/compare.sh [N] [BUILD_DIR]        (defaults: 10000 build)
#
# OLD is N generated agreements (bench/.cache/N if it holds N files, else
# generated into a temporary directory); NEW is a copy of OLD with known edits,
# as a year on year sweep has them: one agreement in a hundred has its pool
# changed by £1,000, one in a hundred is removed, one is added, and every file
# is renamed and moved into sub-directories (agreements are matched by
# agreement.id, so the moves change nothing). Times, whole process, with
# hyperfine (--warmup 1 --runs 3):
#   check   --format json -q -j 1 OLD
#   compare --format json -j 1 OLD NEW
# and prints the ratio. Needs python3 and hyperfine.
set -euo pipefail

die() { echo "compare.sh: $*" >&2; exit 1; }

N="${1:-10000}"
BUILD_DIR="${2:-build}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || die "N must be a positive integer, got '$N'"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$BENCH_DIR")"
if [[ "$BUILD_DIR" != /* && ! -d "$BUILD_DIR" ]]; then BUILD_DIR="$REPO_DIR/$BUILD_DIR"; fi
S75CHECK="${S75CHECK:-$BUILD_DIR/s75check}"
[[ -x "$S75CHECK" ]] || die "no binary at $S75CHECK (build with scripts/setup)"
command -v hyperfine >/dev/null || die "hyperfine is required (apt-get install hyperfine)"
command -v python3 >/dev/null || die "python3 is required"

TMP="$(mktemp -d "${TMPDIR:-/tmp}/s75compare.XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

OLD="$BENCH_DIR/.cache/$N"
if [[ ! -d "$OLD" || "$(find "$OLD" -maxdepth 1 -name '*.yaml' | wc -l)" -ne "$N" ]]; then
  OLD="$TMP/old"
  echo "agreements: generating $N into $OLD"
  python3 "$BENCH_DIR/generate.py" --count "$N" --out "$OLD" --seed 75 >/dev/null
fi
NEW="$TMP/new"
python3 - "$OLD" "$NEW" <<'PY'
import pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
ident = lambda text: re.search(r"^  id: (\S+)", text, re.M).group(1)
edits = {"pooled": 0, "removed": 0}
for n, f in enumerate(sorted(src.glob("*.yaml"))):
    text = f.read_text()
    if n % 100 == 3:
        edits["removed"] += 1
        continue
    if n % 100 == 10:
        text = re.sub(r"^(  pool_total: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1000),
                      text, count=1, flags=re.M)
        edits["pooled"] += 1
    out = dst / ("sub%d" % (n % 7)) / ("renamed-%05d.yaml" % n)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    if n == 4:
        (dst / "added.yaml").write_text(text.replace("  id: " + ident(text), "  id: added-agreement", 1))
print("NEW: %d removed, %d pools changed, 1 added, every file renamed" % (edits["removed"], edits["pooled"]))
PY

run() {
  hyperfine --warmup 1 --runs 3 -i --style basic --export-json "$TMP/$1.json" -n "$1" "$2" >&2
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$TMP/$1.json"
}
CHECK="$(run check "$(printf '%q check --format json -q -j 1 %q' "$S75CHECK" "$OLD") > /dev/null")"
COMPARE="$(run compare "$(printf '%q compare --format json -j 1 %q %q' "$S75CHECK" "$OLD" "$NEW") > /dev/null")"
awk -v c="$CHECK" -v k="$COMPARE" -v n="$N" 'BEGIN {
  printf "\n== summary (%d agreements a side, mean wall time)\n", n
  printf "  check -j 1 OLD            %8.3f s\n", c
  printf "  compare -j 1 OLD NEW      %8.3f s\n", k
  printf "  ratio compare / check:    %.2f (at most 2.5)\n", k / c
}'
