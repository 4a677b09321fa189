#!/usr/bin/env bash
# Single-file latency, as pre-commit meets it: start-up (including loading the
# built-in packs) plus checking one typical agreement, whole-process wall time.
#
#   bench/latency.sh [BUILD_DIR]        (default: build)
#
# Times, with hyperfine -N (no shell; --warmup 5 --runs 100), in one run:
#   1. s75check --version                        (process start only)
#   2. check agreements/model-learning-disability.yaml   (the figure the issue asks for)
#   3. check three agreements                    (a commit touching a few files)
#   4. check the model with --rules rules/       (the packs parsed by ANTLR at start,
#                                                 as before the build-time snapshot)
# Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail

die() { echo "latency.sh: $*" >&2; exit 1; }

REPO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-build}"
if [[ "$BUILD_DIR" != /* && ! -d "$BUILD_DIR" ]]; then BUILD_DIR="$REPO_DIR/$BUILD_DIR"; fi
S75CHECK="${S75CHECK:-$BUILD_DIR/s75check}"
[[ -x "$S75CHECK" ]] || die "no binary at $S75CHECK (build with scripts/setup)"
command -v hyperfine >/dev/null || die "hyperfine is required (apt-get install hyperfine)"

cd "$REPO_DIR"
MODEL=agreements/model-learning-disability.yaml
A=(--as-of 2026-11-22 --fail-on never)
hyperfine -N --warmup 5 --runs 100 --style basic \
  -n "start-up (--version)" "$S75CHECK --version" \
  -n "one agreement" "$S75CHECK check ${A[*]} $MODEL" \
  -n "three agreements" "$S75CHECK check ${A[*]} $MODEL agreements/ices-community-equipment.yaml agreements/bcf-ccg-rollover.yaml" \
  -n "one agreement, packs parsed at start" "$S75CHECK check ${A[*]} --rules rules $MODEL"
