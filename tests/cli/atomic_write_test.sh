#!/usr/bin/env bash
# Nothing half-written: a run killed with SIGKILL while writing -o, and runs
# whose write fails (file size limit: EFBIG, as a full disk would give
# ENOSPC; an output path that is a directory), leave the old file intact,
# and a failed write exits 2 saying why. Written files carry an ordinary mode.
source "$(dirname "$0")/lib.sh"
repo=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$repo/bench/generate.py" --count 2000 --out "$tmp/sweep" --seed 3 >/dev/null
mkdir "$tmp/out-dir"
o=$tmp/out-dir/report.json
A=(--no-config --as-of 2026-11-22 --format json)
old="the previous report"

# Whether this filesystem has O_TMPFILE: then the temporary file has no name
# until the rename, and a killed run leaves nothing at all.
if python3 -c "import os, sys; os.open(sys.argv[1], os.O_TMPFILE | os.O_WRONLY)" "$tmp/out-dir" 2>/dev/null; then
  tmpfile=1
else
  tmpfile=0
fi

# Only the named output in the directory, or also a leftover `.NAME.tmp-*`
# where the filesystem forces a named temporary file.
only_output() {
  local left
  left=$(cd "$tmp/out-dir" && ls -A | grep -v '^report.json$')
  if [[ -z $left ]]; then
    pass
  elif [[ $tmpfile == 0 && $left =~ ^\.report\.json\.tmp-[A-Za-z0-9]{6}$ && $2 == killed ]]; then
    pass
  else
    fail "$1: left beside the output: $left"
  fi
}
intact() { if [[ $(cat "$o") == "$old" ]]; then pass; else fail "$1: the old file was changed"; fi; }

# 1. SIGKILL mid-write: wait until the run's temporary file (open under
# /proc/PID/fd, in the output directory) holds data, then kill it.
echo "$old" >"$o"
"$bin" check "${A[@]}" -j 1 -o "$o" "$tmp/sweep" 2>/dev/null &
pid=$!
caught=0
for _ in $(seq 1 600); do
  for fd in /proc/$pid/fd/*; do
    target=$(readlink "$fd" 2>/dev/null) || continue
    if [[ $target == "$tmp/out-dir/"* && $(stat -L -c %s "$fd" 2>/dev/null || echo 0) -gt 0 ]]; then
      kill -KILL "$pid"
      caught=1
      break 2
    fi
  done
  sleep 0.05
done
wait "$pid" 2>/dev/null
if [[ $caught == 1 ]]; then pass; else fail "killed run: the run ended before it was caught mid-write"; fi
intact "killed run"
only_output "killed run" killed

# 2. The write fails: the file size limit makes write() fail with EFBIG (the
# signal SIGXFSZ is ignored, as a full disk's ENOSPC would be reported).
failing() { (trap '' XFSZ && ulimit -f 8 && "$@"); }
expect "write fails" 2 failing "$bin" check "${A[@]}" -o "$o" "$repo/agreements"
contains "write fails: says why" "$tmp/err" "^s75check: cannot write $o: File too large$"
intact "write fails"
only_output "write fails"
expect "register write fails" 2 failing "$bin" register --as-of 2026-11-22 --format json -o "$o" "$repo/agreements"
contains "register write fails: says why" "$tmp/err" "^s75check: cannot write $o: File too large$"
intact "register write fails"
expect "baseline write fails" 2 failing "$bin" check "${A[@]}" --write-baseline "$o" "$repo/agreements"
contains "baseline write fails: says why" "$tmp/err" "^s75check: cannot write $o: File too large$"
intact "baseline write fails"
only_output "baseline write fails"

# 3. The rename fails: the output path is a directory.
mkdir "$tmp/out-dir/report.d"
expect "rename fails" 2 "$bin" check "${A[@]}" -o "$tmp/out-dir/report.d" "$repo/agreements"
contains "rename fails: says why" "$tmp/err" "^s75check: cannot replace $tmp/out-dir/report.d: Is a directory$"
rmdir "$tmp/out-dir/report.d"
only_output "rename fails"
# The directory does not exist: nothing is checked, exit 2.
expect "no directory" 2 "$bin" check "${A[@]}" -o "$tmp/nowhere/r.json" "$repo/agreements"
contains "no directory: says why" "$tmp/err" "cannot create a temporary file in $tmp/nowhere: No such file or directory"

# 4. A whole write: replaced, with an ordinary file's mode.
expect "whole write" 1 bash -c "umask 022 && \"$bin\" check ${A[*]} -o \"$o\" \"$repo/agreements\""
if python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$o"; then pass; else fail "whole write: not JSON"; fi
if [[ $(stat -c %a "$o") == 644 ]]; then pass; else fail "whole write: mode $(stat -c %a "$o")"; fi
only_output "whole write"
finish
