#!/usr/bin/env bash
# Baselines (--baseline, --write-baseline) and the settings file
# (.s75check.yaml, --config, --no-config, --exclude) as a user meets them.
# Usage: baseline_config_test.sh PATH/TO/s75check. Works in copies of
# agreements/ under a temporary directory, so the repository's own files
# play no part. Ends with "N passed, N failed".
source "$(dirname "$0")/lib.sh" "$1"
src=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")  # the tests change directory
asof=--as-of=2026-11-22

# A settings file above the temporary directory would change every result.
d=$tmp
while [[ $d != / ]]; do
  d=$(dirname "$d")
  if [[ -e $d/.s75check.yaml ]]; then
    echo "FAIL $d/.s75check.yaml is in the way of these tests"
    exit 1
  fi
done

# Unwaived finding lines of a text report (each ends with its references).
unwaived='^[^ ]+:[0-9]+:[0-9]+: (error|warning|info): .*\]$'

# ===== Baselines: the issue's scenario in a copy of the examples.
repo=$tmp/repo
mkdir -p "$repo"
cp -r "$src/agreements" "$repo/"
cd "$repo" || exit 1

expect "write a baseline" 0 "$bin" check $asof --write-baseline baseline.json agreements
count "nothing new once recorded" "$tmp/out" "$unwaived" 0
contains "summary counts the baseline" "$tmp/out" \
  '^14 files checked as of 2026-11-22: 0 errors, 0 warnings, 0 info \(1 waived, [0-9]+ in the baseline\)$'
python3 - baseline.json >"$tmp/py" 2>&1 <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
assert b['version'] == 1 and b['tool'] == 's75check', b.keys()
keys = [(e['file'], e['rule'], e['path'], e['message']) for e in b['findings']]
assert keys == sorted(keys) and len(set(keys)) == len(keys), 'not sorted or repeated'
assert all(set(e) == {'file', 'rule', 'path', 'message', 'count'} for e in b['findings'])
assert {e['file'] for e in b['findings']} >= {'agreements/draft-tbc.yaml', 'agreements/ices-community-equipment.yaml'}
assert not [e for e in b['findings'] if e['rule'] == 'AC.05' and 'bcf' in e['file']], 'a waived finding was recorded'
assert not [e for e in b['findings'] if 'model' in e['file']]
print('ok')
PY
contains "baseline JSON" "$tmp/py" '^ok$'
cp baseline.json "$tmp/first.json"
expect "write it again" 0 "$bin" check $asof --write-baseline baseline.json agreements
expect "unchanged baseline is byte-identical" 0 cmp baseline.json "$tmp/first.json"

expect "rerun with the baseline" 0 "$bin" check $asof --baseline baseline.json agreements
count "no findings with the baseline" "$tmp/out" "$unwaived" 0
contains "waived findings still shown" "$tmp/out" 'warning: AC\.05 .*\(waived: '
expect "json with the baseline" 0 "$bin" check $asof --format json --baseline baseline.json agreements
contains "json baselined count" "$tmp/out" '"baselined": [1-9][0-9]*$'
expect "json without a baseline has no baselined field" 1 "$bin" check $asof --format json agreements
lacks "no baselined field" "$tmp/out" '"baselined"'
expect "github with the baseline" 0 "$bin" check $asof --format github --baseline baseline.json agreements
lacks "no annotations but the waived" "$tmp/out" '^::(error|warning)'

# A new defect in one file, and comment and blank lines at the top of another:
# exactly the one new finding.
sed -i '0,/pool_total: 68216500.50/s//pool_total: 68216600.50/' agreements/model-learning-disability.yaml
{ printf '# Reviewed again in 2026.\n\n#\n\n\n'; cat agreements/ices-community-equipment.yaml; } >"$tmp/ices"
mv "$tmp/ices" agreements/ices-community-equipment.yaml
expect "lines did move" 1 "$bin" check --as-of 2009-11-30 agreements/ices-community-equipment.yaml
contains "lines did move" "$tmp/out" '^agreements/ices-community-equipment.yaml:145:15: error: FIN\.01 '
expect "one new defect" 1 "$bin" check $asof --baseline baseline.json agreements
count "exactly one new finding" "$tmp/out" "$unwaived" 1
contains "the new finding" "$tmp/out" \
  '^agreements/model-learning-disability.yaml:[0-9]+:[0-9]+: error: FIN\.01 contributions-sum: the pool total \(finance\.pool_total\) is £68,216,600.50 '
contains "summary says one error" "$tmp/out" '^14 files checked as of 2026-11-22: 1 error, 0 warnings, 0 info \(1 waived, [0-9]+ in the baseline\)$'

# The same files named other ways, and from a subdirectory.
expect "./ paths" 1 "$bin" check $asof --baseline ./baseline.json ./agreements/ices-community-equipment.yaml ./agreements/model-learning-disability.yaml
count "./ paths: one finding" "$tmp/out" "$unwaived" 1
(cd agreements && "$bin" check $asof --baseline ../baseline.json . >"$tmp/out" 2>"$tmp/err")
count "from a subdirectory: one finding" "$tmp/out" "$unwaived" 1
contains "from a subdirectory: the model's" "$tmp/out" '^\./model-learning-disability.yaml:[0-9]+:[0-9]+: error: FIN\.01 '
mkdir -p "$tmp/elsewhere"
(cd "$tmp/elsewhere" && "$bin" check $asof --baseline ../repo/baseline.json ../repo/agreements >"$tmp/out" 2>"$tmp/err")
count "from another directory: one finding" "$tmp/out" "$unwaived" 1

# A later evaluation date does not bring back findings that quote it.
expect "a later as-of" 1 "$bin" check --as-of 2026-12-01 --baseline baseline.json agreements/aligned-intermediate-care.yaml agreements/model-learning-disability.yaml
count "a later as-of: the one new finding" "$tmp/out" "$unwaived" 1

# Updating: --baseline and --write-baseline on one file show what the update
# adds, then record it.
cp baseline.json "$tmp/before.json"
expect "update the baseline" 1 "$bin" check $asof --baseline baseline.json --write-baseline baseline.json agreements
count "update shows the new finding" "$tmp/out" "$unwaived" 1
expect "after the update" 0 "$bin" check $asof --baseline baseline.json agreements
count "after the update: nothing" "$tmp/out" "$unwaived" 0
if cmp -s baseline.json "$tmp/before.json"; then fail "the update changed nothing"; else pass; fi
expect "the old baseline still reports it" 1 "$bin" check $asof --baseline "$tmp/before.json" agreements

# A file that cannot be checked is never hidden by a baseline.
printf 'format: s75check/1\nagreement: [unclosed\n' >agreements/broken.yaml
expect "broken file while writing" 2 "$bin" check $asof --write-baseline with-broken.json agreements
lacks "broken file not recorded" with-broken.json 'broken\.yaml'
expect "broken file with the baseline" 2 "$bin" check $asof --baseline with-broken.json agreements
contains "broken file reported" "$tmp/out" '^agreements/broken.yaml:[0-9]+:[0-9]+: error: DOC\.01 '
rm agreements/broken.yaml

# Bad baselines: exit 2, located, with the fix.
expect "missing baseline" 2 "$bin" check $asof --baseline none.json agreements
contains "missing baseline message" "$tmp/err" '^none.json: error: cannot read the baseline: No such file or directory$'
contains "missing baseline fix" "$tmp/err" 'record one with `s75check check --write-baseline none.json`'
printf '{\n  "version": 1,\n  "findings": [\n    {"file": "a.yaml",}\n  ]\n}\n' >bad.json
expect "malformed baseline" 2 "$bin" check $asof --baseline bad.json agreements
contains "malformed baseline located" "$tmp/err" '^bad.json:4:23: error: not valid JSON: '
contains "malformed baseline fix" "$tmp/err" 'correct the baseline, or write it again with `s75check check --write-baseline bad.json`'
lacks "nothing checked" "$tmp/out" 'agreements/'
printf '{"version": 2, "findings": []}\n' >v2.json
expect "unknown version" 2 "$bin" check $asof --baseline v2.json agreements
contains "unknown version message" "$tmp/err" '^v2.json: error: baseline version 2 is not one this s75check reads \(version 1\)$'
printf '{"version": 1, "findings": [{"file": "a", "rule": "T1.01", "path": "x"}]}\n' >shape.json
expect "entry without a message" 2 "$bin" check $asof --baseline shape.json agreements
contains "entry named" "$tmp/err" '^shape.json: error: findings\[0\] has no `message`'
expect "unwritable baseline" 2 "$bin" check $asof --write-baseline "$tmp/no-such-dir/b.json" agreements

# ===== The settings file.
cfg=$tmp/cfg
mkdir -p "$cfg/sub/deeper" "$cfg/local" "$cfg/.github/workflows"
cp -r "$src/agreements" "$cfg/"
cd "$cfg" || exit 1
printf 'on: push\n' >.github/workflows/ci.yml
printf 'repos: []\n' >.pre-commit-config.yaml
cat >local/local.rules <<'RULES'
rule LOCAL.01 "title-says-pooled" {
  title "The title says whether the budget is pooled"
  severity info
  reference "Local drafting guide"
  check {
    when not mentions(agreement.title, "pooled")
      report at agreement.title "the title does not say 'pooled'"
  }
}
RULES
model=agreements/model-learning-disability.yaml
ices=agreements/ices-community-equipment.yaml

expect "no settings file" 1 "$bin" check $asof agreements
printf 'fail-on: never\n' >.s75check.yaml
expect "fail-on from the file" 0 "$bin" check $asof agreements
expect "--fail-on wins" 1 "$bin" check $asof --fail-on error agreements
expect "--no-config" 1 "$bin" check $asof --no-config agreements
(cd sub/deeper && "$bin" check $asof ../../agreements >"$tmp/out" 2>&1)
if [[ $? == 0 ]]; then pass; else fail "file in a parent directory not found" "$tmp/out"; fi
printf 'fail-on: error\n' >sub/.s75check.yaml
(cd sub/deeper && "$bin" check $asof ../../$ices >"$tmp/out" 2>&1)
if [[ $? == 1 ]]; then pass; else fail "the nearest file does not win" "$tmp/out"; fi
rm sub/.s75check.yaml

printf 'select: [FIN.01, T1.08]\nignore: T1.08\n' >.s75check.yaml
expect "select and ignore from the file" 1 "$bin" check $asof $ices agreements/bcf-ccg-rollover.yaml
contains "selected" "$tmp/out" ' error: FIN\.01 '
lacks "ignored" "$tmp/out" ' T1\.08 '
lacks "not selected" "$tmp/out" ' (REG|AC|DATE|WAIVER)\.'
expect "--select replaces the file's selection" 0 "$bin" check $asof --select T1.08 agreements/bcf-ccg-rollover.yaml
contains "--select T1.08 reported" "$tmp/out" ' warning: T1\.08 '
lacks "--select: no FIN" "$tmp/out" 'FIN\.01'
expect "--ignore replaces the file's ignore" 0 "$bin" check $asof --ignore FIN.01 agreements/bcf-ccg-rollover.yaml
contains "--ignore: the file's select stays" "$tmp/out" ' warning: T1\.08 '
printf 'select: FIN.01, T9\n' >.s75check.yaml
expect "unknown id in the file" 2 "$bin" check $asof agreements
contains "unknown id located" "$tmp/err" "^s75check: \.s75check\.yaml:1:9: select: no rule or family 'T9'; did you mean 'T1'\?$"

printf 'format: json\n' >.s75check.yaml
expect "format from the file" 1 "$bin" check $asof $ices
contains "json" "$tmp/out" '^  "summary": \{$'
expect "--format wins" 1 "$bin" check $asof --format text $ices
lacks "text" "$tmp/out" '"summary"'

printf 'extra-rules: local\nselect: LOCAL\nfail-on: info\n' >.s75check.yaml
(cd sub && "$bin" check $asof ../$ices >"$tmp/out" 2>"$tmp/err")
contains "extra rules relative to the file" "$tmp/out" ' info: LOCAL\.01 title-says-pooled: '
expect "--extra-rules wins" 2 "$bin" check $asof --extra-rules sub $ices
contains "--extra-rules replaced the file's" "$tmp/err" '^sub: error: no \.rules files in the directory$'

cat >.s75check.yaml <<'YAML'
# Pre-commit passes every staged YAML file.
exclude:
  - .pre-commit-config.yaml
  - .s75check.yaml
  - .github/**
  - 'draft-*.yaml'
YAML
expect "exclude in a directory" 1 "$bin" check $asof agreements
contains "exclude: 13 files" "$tmp/out" '^13 files checked'
lacks "exclude: no draft" "$tmp/out" 'draft-tbc'
expect "exclude named files" 0 "$bin" check $asof .pre-commit-config.yaml .s75check.yaml .github/workflows/ci.yml agreements/draft-tbc.yaml $model
contains "only the model checked" "$tmp/out" "^$model: 0 errors, 0 warnings, 0 info$"
lacks "no other file" "$tmp/out" 'pre-commit|ci\.yml|draft'
(cd agreements && "$bin" check $asof draft-tbc.yaml >"$tmp/out" 2>"$tmp/err")
if [[ -s $tmp/out ]]; then fail "exclude from a subdirectory" "$tmp/out"; else pass; fi
expect "--exclude wins" 2 "$bin" check $asof --exclude 'agreements/[a-m]*' agreements .pre-commit-config.yaml
contains "--exclude: the hook file is checked" "$tmp/out" '^\.pre-commit-config\.yaml: not checked: '
contains "--exclude: 3 files" "$tmp/out" '^3 files checked'

"$bin" check $asof --no-config --write-baseline base.json agreements >/dev/null
printf 'baseline: base.json\n' >.s75check.yaml
expect "baseline from the file" 0 "$bin" check $asof agreements
(cd sub && "$bin" check $asof ../agreements >"$tmp/out" 2>"$tmp/err")
count "baseline from the file, from a subdirectory" "$tmp/out" "$unwaived" 0
expect "--write-baseline ignores the file's baseline" 0 "$bin" check $asof --write-baseline other.json agreements
expect "--config names another file" 2 "$bin" check $asof --config sub/none.yaml agreements
contains "--config missing" "$tmp/err" '^s75check: cannot read the settings file sub/none.yaml: No such file or directory$'
printf 'fail-on: never\n' >sub/other.yaml
expect "--config FILE" 0 "$bin" check $asof --config sub/other.yaml agreements

# Bad settings: exit 2 with the file, line and column.
printf 'fail-on: error\nselect: [T1\nformat: json\n' >.s75check.yaml
expect "bad YAML" 2 "$bin" check $asof agreements
contains "bad YAML located" "$tmp/err" '^\.s75check\.yaml:3:7: error: not valid YAML: '
lacks "nothing checked" "$tmp/out" 'agreements/'
printf 'fail-on: error\nfail_on: warning\n' >.s75check.yaml
expect "unknown key" 2 "$bin" check $asof agreements
contains "unknown key located" "$tmp/err" '^\.s75check\.yaml:2:1: error: unknown key `fail_on`; did you mean `fail-on`\?$'
contains "caret" "$tmp/err" '^  \^$'
printf 'format: json\nselect: {T1: yes}\n' >.s75check.yaml
expect "wrong type" 2 "$bin" check $asof agreements
contains "wrong type located" "$tmp/err" '^\.s75check\.yaml:2:9: error: `select` takes a rule id or family'
printf 'fail-on: warnings\n' >.s75check.yaml
(cd sub/deeper && "$bin" check $asof ../../agreements >"$tmp/out" 2>"$tmp/err")
contains "bad value, from a subdirectory" "$tmp/err" "^\.\./\.\./\.s75check\.yaml:1:10: error: \`fail-on\` takes error, warning, info or never, not 'warnings'; did you mean 'warning'\?$"
expect "--no-config skips a bad file" 1 "$bin" check $asof --no-config agreements
expect "--config and --no-config" 2 "$bin" check $asof --config sub/other.yaml --no-config agreements

finish
