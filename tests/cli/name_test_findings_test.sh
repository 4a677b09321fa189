#!/usr/bin/env bash
# scripts/name-test-findings as the lead runs it on a pack whose failing tests
# count their findings: the built-in packs, their `expect` lines turned back
# into counts, convert to exactly the committed files; a second run changes
# nothing; a count that is wrong, text that only looks like a test, and the
# file's mode are left alone; --dry-run writes nothing; a pack that does not
# compile is refused. Usage: name_test_findings_test.sh PATH/TO/s75check (from
# the repository root). Ends with "N passed, N failed".
source "$(dirname "$0")/lib.sh" "$1"
tool=scripts/name-test-findings

# counted DIR: a copy of rules/ in DIR whose failing tests count their findings.
counted() {
  cp -r rules "$1"
  python3 - "$1" <<'PY'
import os, re, sys
test = re.compile(r'test fail((?: as_of \S+)? (?:"""(?s:.*?)"""|"[^"\n]*"))((?:\n[ \t]+expect [^\n]*)+)')
for name in os.listdir(sys.argv[1]):
    path = os.path.join(sys.argv[1], name)
    text = open(path, encoding="utf-8").read()
    text = test.sub(lambda m: "test fail %d%s" % (m.group(2).count("expect "), m.group(1)), text)
    open(path, "w", encoding="utf-8").write(text)
PY
}

counted "$tmp/pack"
fails=$(grep -c '^  test fail ' rules/finance.rules)
count "the copy counts" "$tmp/pack/finance.rules" '^  test fail [0-9]+ ' "$fails"
lacks "the copy names nothing" "$tmp/pack/finance.rules" '^ +expect '
expect "counting tests fail" 1 "$bin" test "$tmp/pack"
contains "counting tests fail, showing the lines" "$tmp/out" '^    expect FIN\.01 at finance\.pool_total    # 2:15 '

# A dry run writes nothing.
cp -r "$tmp/pack" "$tmp/before"
expect "dry run" 0 python3 "$tool" --s75check "$bin" --dry-run "$tmp/pack"
contains "dry run says what" "$tmp/out" 'finance\.rules:[0-9]+:3: FIN\.01: named 1 finding\(s\)$'
expect "dry run wrote nothing" 0 diff -r "$tmp/before" "$tmp/pack"

# Converting gives the committed packs, byte for byte; the mode is kept, and a
# comment that looks like a counting test is not one.
chmod 600 "$tmp/pack/time.rules"
printf '# an old example: test fail 2 """\n' >>"$tmp/pack/common.rules"
expect "convert" 0 python3 "$tool" --s75check "$bin" "$tmp/pack"
contains "convert reports the tests" "$tmp/out" '^name-test-findings: s75check test .*: [0-9]+ passed, 0 failed$'
count "convert reports each test" "$tmp/out" ': named [0-9]+ finding\(s\)$' "$(grep -c '^  test fail' rules/*.rules | awk -F: '{s += $2} END {print s}')"
sed -i '$d' "$tmp/pack/common.rules"
expect "converted as committed" 0 diff -r rules "$tmp/pack"
if [[ $(stat -c %a "$tmp/pack/time.rules") == 600 ]]; then pass; else fail "the file's mode changed"; fi
lacks "no temporary file left" <(ls -A "$tmp/pack") '^\.name-test-findings'

# A second run changes nothing.
expect "second run" 0 python3 "$tool" --s75check "$bin" "$tmp/pack"
contains "nothing to convert" "$tmp/out" '^name-test-findings: no `test fail N` to convert in '
expect "second run changed nothing" 0 diff -r rules "$tmp/pack"

# A count the snippet does not give is an already failing test: left as it is.
counted "$tmp/wrong"
sed -i '0,/^  test fail 2 """/s//  test fail 3 """/' "$tmp/wrong/finance.rules"
expect "wrong count" 1 python3 "$tool" --s75check "$bin" "$tmp/wrong"
contains "wrong count named" "$tmp/out" \
  'finance\.rules:[0-9]+:3: FIN\.02: left as it is: `test fail 3` but the snippet gives 2 finding\(s\); fix the rule or the test first$'
count "wrong count kept" "$tmp/wrong/finance.rules" '^  test fail [0-9]' 1
contains "the others converted" "$tmp/wrong/finance.rules" '^    expect FIN\.01 at finance\.pool_total$'

# A pack that does not compile is refused, and nothing is written.
counted "$tmp/broken"
printf 'rule X.01 "x" { title "X" }\n' >"$tmp/broken/x.rules"
cp -r "$tmp/broken" "$tmp/broken-before"
expect "does not compile" 2 python3 "$tool" --s75check "$bin" "$tmp/broken"
contains "compile error shown" "$tmp/err" 'x\.rules:1:1: error: rule X\.01 has no `severity`'
expect "nothing written" 0 diff -r "$tmp/broken-before" "$tmp/broken"

finish
