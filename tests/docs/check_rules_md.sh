#!/usr/bin/env bash
# docs/rules.md is the output of `s75check rules --format markdown`, committed.
# Usage: check_rules_md.sh PATH/TO/s75check (from the repository root).
set -u
if "$1" rules --format markdown | diff -u docs/rules.md - >/tmp/rules_md_diff.$$; then
  rm -f /tmp/rules_md_diff.$$
  echo "docs/rules.md is up to date"
  exit 0
fi
head -40 /tmp/rules_md_diff.$$
rm -f /tmp/rules_md_diff.$$
echo "docs/rules.md is out of date: run \`$1 rules --format markdown > docs/rules.md\` and commit it"
exit 1
