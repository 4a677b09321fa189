#!/usr/bin/env bash
# `s75check render` as a user meets it: the clauses, money and dates of the
# model agreement; -o written whole or not at all; findings beside their
# clauses with --findings (built-in packs, --rules, --as-of); a file that
# cannot be read as an agreement is exit 2 with nothing rendered.
source "$(dirname "$0")/lib.sh"
model=agreements/model-learning-disability.yaml
bcf=agreements/bcf-ccg-rollover.yaml
A=(--as-of 2026-11-22)

expect "render markdown" 0 "$bin" render "$model"
cp "$tmp/out" "$tmp/model.md"
contains "title as the heading" "$tmp/model.md" '^# Adult learning disability services partnership agreement'
n=0
for clause in "1. Parties" "2. Term" "3. Aims and outcomes" "4. Scope" "5. Host and management" \
  "6. Governance" "7. Finance and risk share" "8. Capital" "9. Technical matters" \
  "10. Information" "11. Termination" "12. Schedules"; do
  n=$((n + 1))
  line=$(grep -n "^## $clause\$" "$tmp/model.md" | cut -d: -f1)
  if [[ -n $line && ${line} -gt ${prev:-0} ]]; then pass; else fail "clause '$clause' missing or out of order" "$tmp/model.md"; fi
  prev=${line:-0}
done
contains "money for people" "$tmp/model.md" '^\*\*7\.3 Pool total\.\*\* £68,216,500\.50$'
contains "contributions in pounds" "$tmp/model.md" '£51,874,000; basis: needs assessment'
contains "dates in words" "$tmp/model.md" '^\*\*2\.1 Commencement\.\*\* 1 April 2024$'
contains "partner ids as names" "$tmp/model.md" '^\*\*5\.1 Host\.\*\* Midshire County Council$'
contains "shares as percentages" "$tmp/model.md" 'Midshire County Council 76%, NHS Midshire Integrated Care Board 24%'
lacks "no findings unless asked" "$tmp/model.md" '^> '

expect "render html -o" 0 "$bin" render --format html -o "$tmp/model.html" "$model"
count "nothing on stdout with -o" "$tmp/out" '.' 0
contains "html page" "$tmp/model.html" '^<!DOCTYPE html>'
contains "CSP refuses fetches" "$tmp/model.html" "default-src 'none'"
lacks "no script" "$tmp/model.html" '<script'
lacks "nothing fetched or linked" "$tmp/model.html" '<[a-z][^>]* (src|href)='
contains "clause 7 in html" "$tmp/model.html" '<h2><span class="no">7\.</span> Finance and risk share</h2>'

# A file that cannot be read as an agreement: exit 2, said on stderr, and an
# existing output file is left as it was.
printf 'format: s75check/1\nagreement: [\n' >"$tmp/broken.yaml"
echo keep >"$tmp/kept.md"
expect "broken yaml" 2 "$bin" render -o "$tmp/kept.md" "$tmp/broken.yaml"
contains "DOC.01 said" "$tmp/err" 'broken\.yaml:3:1: error: DOC\.01'
contains "nothing rendered said" "$tmp/err" 'cannot be read as an agreement, so nothing was rendered'
contains "output untouched" "$tmp/kept.md" '^keep$'
expect "missing file" 2 "$bin" render "$tmp/none.yaml"
contains "DOC.07 said" "$tmp/err" 'DOC\.07'
printf 'just text\n' >"$tmp/scalar.yaml"
expect "not a mapping" 2 "$bin" render "$tmp/scalar.yaml"
contains "DOC.06 said" "$tmp/err" 'DOC\.06'
expect "unknown format" 2 "$bin" render --format pdf "$model"
expect "bad --as-of" 2 "$bin" render --findings --as-of 2026-13-01 "$model"
expect "-o into a missing directory" 2 "$bin" render -o "$tmp/no/such/dir.md" "$model"
contains "why it failed" "$tmp/err" 'cannot create a temporary file in .*/no/such'

# Document errors that do not stop loading: rendered, with a note on stderr.
printf 'format: s75check/1\nagreement: {id: x, title: T}\npartners: [{id: a, name: A, kind: icb}]\nfinance: {pool_total: "100"}\n' >"$tmp/quoted.yaml"
expect "document errors still render" 0 "$bin" render "$tmp/quoted.yaml"
contains "note on stderr" "$tmp/err" 'has 1 document error'
contains "value as written" "$tmp/out" 'Pool total\.\*\* 100$'

# --findings: each finding beside the provision it concerns.
expect "findings" 0 "$bin" render --findings "${A[@]}" "$bcf"
cp "$tmp/out" "$tmp/bcf.md"
contains "counts in the lede" "$tmp/bcf.md" 'Findings as of 22 November 2026: 4 errors, 2 warnings, 1 info \(1 waived\)'
grep -A1 'kind of body:\* clinical commissioning group' "$tmp/bcf.md" >"$tmp/next"
contains "REG.01 under the CCG partner's kind" "$tmp/next" '^    > \*\*Error:\*\* REG\.01 partner-eligibility \(line 42\)'
sed -n '/^## 8\. Capital/,/^## 9\./p' "$tmp/bcf.md" >"$tmp/capital"
contains "T1.08 in the capital clause" "$tmp/capital" 'T1\.08 capital-items'
sed -n '/^## 12\. Schedules/,$p' "$tmp/bcf.md" >"$tmp/schedules"
contains "waiver findings in the schedule" "$tmp/schedules" 'WAIVER\.03 waiver-incomplete'
count "every finding shown once" "$tmp/bcf.md" '^ *> \*\*(Error|Warning|Info)' 8
expect "findings with --rules rules/" 0 "$bin" render --findings --rules rules "${A[@]}" "$bcf"
if cmp -s "$tmp/out" "$tmp/bcf.md"; then pass; else fail "--rules rules/ differs from the built-in packs" "$tmp/out"; fi
expect "a later --as-of" 0 "$bin" render --findings --as-of 2031-01-01 "$model"
contains "time rules move with --as-of" "$tmp/out" 'Findings as of 1 January 2031: [1-9]'
mkdir -p "$tmp/badrules"
printf 'rule X.01 broken {\n' >"$tmp/badrules/x.rules"
expect "rules that do not compile" 2 "$bin" render --findings --rules "$tmp/badrules" "$model"
contains "said so" "$tmp/err" 'do not compile'

finish
