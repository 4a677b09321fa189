#!/usr/bin/env bash
# Command-line behaviour as a user meets it. Usage: cli_test.sh PATH/TO/s75check
# (run from the repository root). Ends with "N passed, N failed".
source "$(dirname "$0")/lib.sh" "$1"

asof=--as-of=2026-11-22

expect "model passes" 0 "$bin" check $asof agreements/model-learning-disability.yaml
contains "model summary" "$tmp/out" '^agreements/model-learning-disability.yaml: 0 errors, 0 warnings, 0 info$'

expect "examples fail" 1 "$bin" check $asof agreements/
contains "compiler-style line" "$tmp/out" \
  '^agreements/ices-community-equipment.yaml:[0-9]+:[0-9]+: error: FIN.01 contributions-sum: the pool total \(finance.pool_total\) is £564,000 but the contributions \(finance.contributions\[\]\.amount\) sum to £563,999.99: the pool total is £0.01 more than the contributions \[MTAE Table 1 row 7\]$'
contains "total line" "$tmp/out" '^14 files checked as of 2026-11-22: '

# The office libraries (and the libcrypto they bring) are opened only when an
# xlsx or docx is written, so a one-file check does not pay for loading them.
expect "what the binary loads at start" 0 readelf -d "$bin"
lacks "no office library at start-up" "$tmp/out" 'NEEDED.*(xlsxwriter|libzip|libcrypto)'

expect "fail-on never" 0 "$bin" check $asof --fail-on never agreements/
expect "fail-on warning" 1 "$bin" check $asof --fail-on warning agreements/westminster-aligned-budget.yaml
expect "warnings pass by default" 0 "$bin" check $asof --select T1,AC.08,AC.10 agreements/westminster-aligned-budget.yaml

# A sweep with broken files still reports the good one, and exits 2.
sweep=$tmp/sweep
mkdir -p "$sweep/.hidden"
cp agreements/model-learning-disability.yaml "$sweep/model.yaml"
cp agreements/model-learning-disability.yaml "$sweep/.hidden/skipped.yaml"
head -c 100 /dev/null >"$sweep/empty.yaml"
printf 'format: s75check/1\nagreement: [unclosed\n' >"$sweep/syntax.yaml"
printf 'format: s75check/1\nagreement: {id: d, title: T, title: U}\npartners: [{id: p, name: P, kind: icb}]\nterm: {commencement: 2009-02-30}\nhots: {partner: p}\n' >"$sweep/mixed.yaml"
printf 'format: s75check/1\ntitle: caf\xe9\n' >"$sweep/latin1.yaml"
python3 - "$sweep" <<'PY'
import sys
d = sys.argv[1]
open(d + '/deep.yaml', 'w').write('[' * 200000 + ']' * 200000)
s = 'format: s75check/1\na: &a [x, x, x, x, x, x, x, x, x]\n'
for i in range(1, 10):
    p, c = chr(96 + i), chr(97 + i)
    s += '%s: &%s [%s]\n' % (c, c, ', '.join(['*' + p] * 9))
open(d + '/bomb.yaml', 'w').write(s)
PY
expect "sweep with broken files" 2 "$bin" check $asof --format json "$sweep" "$tmp/no-such-file.yaml"
python3 - "$tmp/out" "$sweep" >"$tmp/py" 2>&1 <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
files = {f['path'].split('/')[-1]: f for f in report['files']}
want = {'empty.yaml': 'DOC.06', 'syntax.yaml': 'DOC.01', 'latin1.yaml': 'DOC.07',
        'deep.yaml': 'DOC.07', 'bomb.yaml': 'DOC.07', 'no-such-file.yaml': 'DOC.07'}
for name, rule in want.items():
    f = files[name]
    assert not f['checked'], name
    assert [x['rule'] for x in f['findings']] == [rule], (name, f['findings'])
mixed = sorted(x['rule'] for x in files['mixed.yaml']['findings'] if x['rule'].startswith('DOC'))
assert mixed == ['DOC.02', 'DOC.03', 'DOC.04'], mixed
assert files['mixed.yaml']['checked']
assert 'skipped.yaml' not in files
model = files['model.yaml']
assert model['checked'] and model['agreement_id'] and not [x for x in model['findings'] if x['severity'] != 'info']
assert set(report) == {'tool', 'as_of', 'files', 'summary'}
assert report['summary']['unreadable'] == 6, report['summary']
print('ok')
PY
contains "sweep JSON" "$tmp/py" '^ok$'

# Parallel runs give the same bytes.
"$bin" check $asof --format json -j 1 agreements/ >"$tmp/j1.json"
"$bin" check $asof --format json -j 2 agreements/ >"$tmp/j2.json"
expect "-j 1 and -j 2 agree" 0 cmp "$tmp/j1.json" "$tmp/j2.json"

# -o writes the report to a file and nothing to stdout.
expect "-o" 1 "$bin" check $asof -o "$tmp/report.json" --format json agreements/
contains "-o file" "$tmp/report.json" '"summary"'
expect "-o to a missing directory" 2 "$bin" check $asof -o "$tmp/none/report.json" agreements/

# A rule file with a type error, or an unknown field, stops the run before
# any agreement is read, with file:line:col and a caret.
expect "type error in rules" 2 "$bin" check --rules tests/fixtures/bad_rules/type_error agreements/
contains "type error position" "$tmp/err" 'type_error/bad.rules:[0-9]+:[0-9]+: error: cannot order date against number'
contains "caret" "$tmp/err" '^ +\^$'
if [[ -s $tmp/out ]]; then fail "agreements were checked"; else pass; fi
expect "unknown field in rules" 2 "$bin" check --rules tests/fixtures/bad_rules/unknown_field agreements/
contains "unknown field message" "$tmp/err" "unknown field \`pool_totl\`.*did you mean \`pool_total\`"
# A rule test that expects what it can never give: found before any test runs.
expect "bad expectation" 2 "$bin" test tests/fixtures/bad_rules/bad_expectation
contains "bad expectation path" "$tmp/err" \
  '^tests/fixtures/bad_rules/bad_expectation/bad\.rules:12:30: error: unknown field `pool_totl`: .*did you mean `pool_total`\? \(in the expected path `finance\.pool_totl`\)$'
contains "bad expectation rule" "$tmp/err" \
  'bad\.rules:13:5: error: a test of BAD\.03 runs only BAD\.03, so it cannot expect a finding of FIN\.01$'

# Limits are configurable, and an exceeded one says which.
expect "depth limit" 2 "$bin" check $asof --max-depth 3 agreements/model-learning-disability.yaml
contains "depth limit message" "$tmp/out" 'DOC.07 unreadable: collections are nested more than 3 deep'

# GitHub workflow annotations: one per finding, on its line; same exit status.
expect "github format" 1 "$bin" check --as-of 2009-11-30 --format github agreements/ices-community-equipment.yaml
contains "github annotation" "$tmp/out" '^::error file=agreements/ices-community-equipment.yaml,line=140,col=15,title=FIN.01 contributions-sum::the pool total \(finance.pool_total\) is £564,000 but'
contains "github warning" "$tmp/out" '^::warning file=agreements/ices-community-equipment.yaml,line=[0-9]+,col=[0-9]+,title=AC.09 joint-posts-delegation::'

# JUnit XML over a sweep with broken files: well-formed, a suite per file, a
# testcase per rule, failures at or above --fail-on, skips for unchecked files.
expect "junit format" 2 "$bin" check $asof --format junit --fail-on warning "$sweep" agreements/westminster-aligned-budget.yaml
python3 - "$tmp/out" >"$tmp/py" 2>&1 <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == 'testsuites', root.tag
suites = {s.get('name').split('/')[-1]: s for s in root}
n = int(suites['model.yaml'].get('tests'))
assert n >= 64 and all(int(s.get('tests')) == n == len(s) for s in root), n
assert suites['model.yaml'].get('failures') == '0'
syntax = suites['syntax.yaml']
assert syntax.get('failures') == '1' and int(syntax.get('skipped')) == n - 1, syntax.attrib
west = suites['westminster-aligned-budget.yaml']
failed = [c.get('name').split()[0] for c in west if c.find('failure') is not None]
assert 'AC.08' in failed and 'REG.03' in failed and 'HFD.07' not in failed, failed
print('ok')
PY
contains "junit XML" "$tmp/py" '^ok$'
# A file that could not be checked is reported whatever the selection: its DOC
# testcase fails, and the rules selected are skipped.
expect "junit with --select" 2 "$bin" check $asof --format junit --select T1.01 "$sweep/syntax.yaml"
contains "junit DOC testcase" "$tmp/out" '<testcase [^>]*name="DOC.01 yaml-syntax">'
contains "junit counts" "$tmp/out" 'tests="2" failures="1" errors="0" skipped="1"'

# SARIF (check_sarif.py validates it against the schema): the same exit
# statuses as the other formats, and -o.
expect "sarif format" 1 "$bin" check $asof --format sarif agreements/ices-community-equipment.yaml
contains "sarif result" "$tmp/out" '"ruleId": "FIN.01",$'
expect "sarif -o with broken files" 2 "$bin" check $asof --format sarif -o "$tmp/out.sarif" "$sweep"
if [[ -s $tmp/out ]]; then fail "sarif -o wrote to stdout" "$tmp/out"; else pass; fi
contains "sarif -o file" "$tmp/out.sarif" '"executionSuccessful": true,$'

# The pre-commit hook: declared at the root, on YAML files, filenames passed
# (the way pre-commit calls it: `s75check check FILE...`).
contains "hook id" .pre-commit-hooks.yaml '^- id: s75check$'
contains "hook files" .pre-commit-hooks.yaml '^  files: \\\.ya\?ml\$$'
contains "hook entry" .pre-commit-hooks.yaml '^  entry: s75check check$'
expect "hook on staged files" 1 "$bin" check agreements/model-learning-disability.yaml agreements/draft-tbc.yaml

# Issue 13: text that YAML would lose. The solicitor's line gives DOC.09 at the
# `#`, quoting the words kept and the words lost; its waiver is ignored. Text
# holding `: ` is DOC.01 saying to quote it; a quote left open at the end of
# the file is DOC.01 at the quote, not a value swallowing the rest.
model=agreements/model-learning-disability.yaml
sed -e 's/^  legal: .*/  legal: Each partner bears its own legal costs (see clause #12 for disputes)/' \
  -e 's/^waivers: \[\]$/waivers: [{rule: DOC.09, reason: Agreed, approved_by: Board}]/' \
  "$model" >"$tmp/cut.yaml"
expect "text cut by a comment" 0 "$bin" check $asof "$tmp/cut.yaml"
contains "DOC.09 at the hash" "$tmp/out" "^$tmp/cut.yaml:209:61: warning: DOC\.09 text-cut-by-comment: \`technical\.legal\` reads only 'Each partner bears its own legal costs \(see clause': YAML takes the \` #\` and what follows it on the line, '#12 for disputes\)', for a comment and drops it\. If those words belong to the text, put the whole value in quotes; if they are a comment, write two spaces before the \`#\` and one after it \(\`  # \`\)"
lacks "DOC.09 not waived" "$tmp/out" 'DOC\.09 .*\(waived'
contains "DOC.09 waiver ignored" "$tmp/out" 'WAIVER\.02 .*the waiver of DOC\.09 is ignored'
expect "DOC.09 fails on warning" 1 "$bin" check $asof --fail-on warning "$tmp/cut.yaml"
sed -e 's/^  legal: .*/  legal: Each partner bears its own legal costs  # see clause 12/' "$model" >"$tmp/comment.yaml"
expect "a comment written as one" 0 "$bin" check $asof "$tmp/comment.yaml"
lacks "no DOC.09 for a comment" "$tmp/out" 'DOC\.09'
sed -e 's/^  title: .*/  title: Note: this/' "$model" >"$tmp/colon.yaml"
expect "colon in unquoted text" 2 "$bin" check $asof "$tmp/colon.yaml"
contains "colon: quote the text" "$tmp/out" "^$tmp/colon.yaml:[0-9]+:[0-9]+: error: DOC\.01 yaml-syntax: .*put the text in quotes \(\`title: \"Note: this\"\`\)"
printf 'format: s75check/1\ntechnical:\n  legal: "Each partner\n' >"$tmp/open-quote.yaml"
expect "quote never closed" 2 "$bin" check $asof "$tmp/open-quote.yaml"
contains "open quote is DOC.01 at the quote" "$tmp/out" "^$tmp/open-quote.yaml:3:10: error: DOC\.01 yaml-syntax: YAML syntax error: the quoted value that starts here is not closed before the end of the file"

# Bad usage is exit 2.
expect "bad --as-of" 2 "$bin" check --as-of 2009-02-30 agreements/
expect "bad --format" 2 "$bin" check --format yaml agreements/

# A rule broken on purpose makes `s75check test` fail: FIN.01 reports the same
# number of findings, at another place (counting them would not notice).
cp -r rules "$tmp/rules"
sed -i 's/report at f.pool_total \("the pool total{of_fund(f)} ({fkey(f, .pool_total.)}) is {f.pool_total} but\)/report at f.contributions \1/' \
  "$tmp/rules/finance.rules"
expect "broken rule" 1 "$bin" test "$tmp/rules"
contains "broken rule test count" "$tmp/out" '^[0-9]+ passed, 2 failed$'  # its format 1 and format 2 tests
contains "broken rule test named" "$tmp/out" \
  '^FAIL .*/finance\.rules:[0-9]+:3: FIN\.01 fail: the findings are not the ones expected:$'
contains "expected finding shown" "$tmp/out" '^    expected, not found: expect FIN\.01 at finance\.pool_total$'
contains "actual finding shown" "$tmp/out" \
  '^    found, not expected: expect FIN\.01 at finance\.contributions    # [0-9]+:[0-9]+ the pool total .*: the pool total is £0\.01 more than the contributions$'
# And a test broken on purpose: one of the findings it names is taken away.
cp rules/finance.rules "$tmp/rules/finance.rules"
sed -i '0,/^    expect FIN\.03 at finance\.overspend\.shares\.x$/{//d}' "$tmp/rules/finance.rules"
expect "broken rule test" 1 "$bin" test "$tmp/rules"
contains "unexpected finding shown" "$tmp/out" \
  '^    found, not expected: expect FIN\.03 at finance\.overspend\.shares\.x    # 5:'
expect "rule tests as JSON" 1 "$bin" test "$tmp/rules" --format json
contains "JSON tests" "$tmp/out" '^      "kind": "fail",$'
contains "JSON count" "$tmp/out" '^  "failed": 1$'

finish
