#!/usr/bin/env bash
# cmake/yaml_hot.ld holds: yaml-cpp's hottest function starts on a 64-byte
# boundary in s75check and in the parse floor it is benchmarked against. When
# the link loses the script, a sweep's speed depends on where the function
# lands again (docs/performance.md): this fails rather than the benchmark
# silently drifting.
#
#   yaml_hot_test.sh BINARY...
set -euo pipefail
symbol='_ZNK4YAML5RegEx14MatchUncheckedINS_16StreamCharSourceEEEiRKT_'
status=0
for binary in "$@"; do
  address=$(nm "$binary" | awk -v s="$symbol" '$3 == s && !found { print $1; found = 1 }')
  if [[ -z "$address" ]]; then
    echo "FAIL: $binary has no $symbol (is yaml-cpp linked statically?)"
    status=1
  elif (( 16#$address % 64 != 0 )); then
    echo "FAIL: $binary: $symbol at 0x$address, $(( 16#$address % 64 )) bytes past a 64-byte boundary"
    status=1
  else
    echo "ok: $binary: $symbol at 0x$address"
  fi
done
exit "$status"
