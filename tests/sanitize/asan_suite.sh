#!/usr/bin/env bash
# Builds everything with AddressSanitizer and UndefinedBehaviorSanitizer
# (S75_SANITIZE=ON) in BUILD_DIR and runs the whole fast test suite there;
# any sanitizer report aborts the program under test, so its test fails.
# Usage: asan_suite.sh SOURCE_DIR BUILD_DIR CXX GENERATOR SHARED_DIR
set -euo pipefail
src=$1 bin=$2 cxx=$3 generator=$4 shared=$5
cmake -S "$src" -B "$bin" -G "$generator" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$cxx" -DS75_SANITIZE=ON -DS75_SHARED_DIR="$shared" >/dev/null
cmake --build "$bin"
ctest --test-dir "$bin" --output-on-failure -LE slow
