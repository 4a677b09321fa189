#!/usr/bin/env bash
# Configures and builds the fuzzing tree (S75_FUZZ=ON, with clang++) in
# BUILD_DIR, for the fixed fuzz runs of the test suite (fuzz_fixed.sh) and the
# campaigns of scripts/fuzz.
# Usage: fuzz_build.sh SOURCE_DIR BUILD_DIR CLANGXX GENERATOR
set -euo pipefail
src=$1 bin=$2 cxx=$3 generator=$4
cmake -S "$src" -B "$bin" -G "$generator" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DS75_FUZZ=ON >/dev/null
cmake --build "$bin" --target fuzz_loader fuzz_rules fuzz_check fuzz_saved_report
