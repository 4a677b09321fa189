#!/usr/bin/env bash
# `s75check migrate` as a user meets it: each example printed in format 2,
# whose check gives the same rules as the original's; -o written whole or not
# at all and never over a file without --force; a format 2 file printed
# unchanged; a file that cannot be read, or cannot be rewritten, is exit 2
# with nothing written.
source "$(dirname "$0")/lib.sh"
model=agreements/model-learning-disability.yaml

# The rules and severities of a check's findings, counted, without paths,
# lines or wording (which name the fund in format 2).
rule_counts() {
  "$bin" check --format json --fail-on never "$@" |
    python3 -c 'import collections, json, sys
files = json.load(sys.stdin)["files"]
counts = collections.Counter((f["rule"], f["severity"]) for f in files[0]["findings"])
print(sorted(counts.items()))'
}

expect "migrate prints" 0 "$bin" migrate "$model"
contains "format 2" "$tmp/out" '^format: s75check/2$'
lacks "no format 1 left" "$tmp/out" 's75check/1'
contains "funds section" "$tmp/out" '^funds:$'
contains "fund main" "$tmp/out" '^  - id: main$'
contains "host renamed and moved" "$tmp/out" '^    host: mcc$'
contains "manager renamed and moved" "$tmp/out" '^    manager: \{ name: Head of All-Age'
contains "a comment moved with its key" "$tmp/out" '^      # with approach host_first_then_proportional, give host_first_amount instead$'
lacks "no host section" "$tmp/out" '^host:'
contains "note on the added fund" "$tmp/err" "model-learning-disability\.yaml:23:17: note: .*adds the fund \`lead-commissioning\`"

# Every example: its migration checks with the same rules, as many times
# each, at its stated --as-of, and a second migration changes nothing.
for file in agreements/*.yaml; do
  name=$(basename "$file")
  as_of=$(grep -om1 -- '--as-of [0-9-]*' "$file" | cut -d' ' -f2)
  expect "migrate $name" 0 "$bin" migrate -o "$tmp/$name" "$file"
  before=$(rule_counts --as-of "${as_of:-2026-11-22}" "$file")
  after=$(rule_counts --as-of "${as_of:-2026-11-22}" "$tmp/$name")
  if [[ -n $before && $before == "$after" ]]; then pass; else
    fail "$name: the rules differ after migrate: $before / $after"
  fi
  expect "migrate the migrated $name" 0 "$bin" migrate "$tmp/$name"
  if cmp -s "$tmp/out" "$tmp/$name"; then pass; else fail "$name: a second migrate changed it"; fi
  contains "said it is unchanged" "$tmp/err" 'is already in format 2 \(s75check/2\): printed unchanged'
done

# -o: nothing on stdout; an existing file is kept unless --force.
expect "-o writes" 0 "$bin" migrate -o "$tmp/new.yaml" "$model"
count "nothing on stdout with -o" "$tmp/out" '.' 0
contains "written" "$tmp/new.yaml" '^format: s75check/2$'
echo keep >"$tmp/kept.yaml"
expect "-o over a file" 2 "$bin" migrate -o "$tmp/kept.yaml" "$model"
contains "refusal said" "$tmp/err" 'kept\.yaml already exists; nothing was written: give --force'
contains "file kept" "$tmp/kept.yaml" '^keep$'
expect "--force replaces" 0 "$bin" migrate --force -o "$tmp/kept.yaml" "$model"
if cmp -s "$tmp/kept.yaml" "$tmp/new.yaml"; then pass; else fail "--force did not write the migration"; fi
cp "$model" "$tmp/in-place.yaml"
expect "in place with --force" 0 "$bin" migrate --force -o "$tmp/in-place.yaml" "$tmp/in-place.yaml"
contains "migrated in place" "$tmp/in-place.yaml" '^format: s75check/2$'
expect "-o into a missing directory" 2 "$bin" migrate -o "$tmp/no/such/dir.yaml" "$model"
contains "why it failed" "$tmp/err" 'cannot create a temporary file in .*/no/such'

# refused NAME INPUT PATTERN...: `migrate -o` of INPUT exits 2, says each
# PATTERN on stderr, and writes no file.
refused() {
  local name=$1 input=$2 pattern
  shift 2
  expect "$name" 2 "$bin" migrate -o "$tmp/refused.yaml" "$input"
  for pattern in "$@"; do contains "$name: says it" "$tmp/err" "$pattern"; done
  if [[ ! -e $tmp/refused.yaml ]]; then pass; else fail "$name: a file was written"; fi
  rm -f "$tmp/refused.yaml"
}

# A file that cannot be read as an agreement: reported as check reports it.
printf 'format: s75check/1\nagreement: [\n' >"$tmp/broken.yaml"
refused "broken yaml" "$tmp/broken.yaml" 'broken\.yaml:3:1: error: DOC\.01 yaml-syntax: ' \
  'cannot be read as an agreement, so nothing was migrated'
refused "missing file" "$tmp/none.yaml" 'none\.yaml: error: DOC\.07 .*no such file'
printf 'format: s75check/9\n' >"$tmp/future.yaml"
refused "unsupported format" "$tmp/future.yaml" \
  "future\.yaml:1:9: error: DOC\.06 .*unsupported format 's75check/9'"

# Other document errors do not stop it: migrated as written, with a note.
printf 'format: s75check/1\nagreement: {id: x, title: T, arrangements: [pooled_fund]}\npartners: [{id: a, name: A, kind: icb}]\nfinance: {pool_total: "100"}\n' >"$tmp/quoted.yaml"
expect "document errors still migrate" 0 "$bin" migrate "$tmp/quoted.yaml"
contains "quoted value kept" "$tmp/out" '^    pool_total: "100"$'
contains "note on stderr" "$tmp/err" 'has 1 document finding\(s\) \(DOC rules\), migrated as written'

# A file migrate cannot rewrite: where and why.
printf 'format: s75check/1\nagreement: {id: x, title: T}\npartners: [{id: a, name: A, kind: icb}]\nfunds: []\n' >"$tmp/funds.yaml"
refused "a funds key already" "$tmp/funds.yaml" \
  'funds\.yaml:4:1: error: the file already has a `funds` key' 'was not migrated; nothing was written'

expect "help" 0 "$bin" migrate --help
contains "help names -o" "$tmp/out" '-o,--output'
contains "help names --force" "$tmp/out" '--force'
expect "no file" 2 "$bin" migrate

finish
