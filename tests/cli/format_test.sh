#!/usr/bin/env bash
# The C++ sources are laid out as .clang-format says: clang-format --dry-run
# --Werror on every tracked .cpp and .h (or, outside a git checkout, every one
# under engine/, tests/ and bench/). Skipped (77) only when clang-format is not
# installed (scripts/setup installs it).
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
format=$(command -v clang-format || command -v clang-format-14) || {
  echo "SKIP: clang-format is not installed (scripts/setup installs it)"
  exit 77
}
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
  mapfile -t files < <(find engine tests bench -name '*.cpp' -o -name '*.h' | sort)
fi
if "$format" --dry-run --Werror "${files[@]}" 2>"${TMPDIR:-/tmp}/format_test.$$"; then
  echo "${#files[@]} files laid out as .clang-format says"
  rm -f "${TMPDIR:-/tmp}/format_test.$$"
  exit 0
fi
head -40 "${TMPDIR:-/tmp}/format_test.$$"
rm -f "${TMPDIR:-/tmp}/format_test.$$"
echo "FAIL: run clang-format -i on the files above"
exit 1
