#!/usr/bin/env bash
# --format xlsx on register, check, outturn, scorecard and compare, read back with
# python3-openpyxl as a spreadsheet user meets them (tests/cli/xlsx_check.py:
# numbers, £ money, dates, frozen header, filters, formula-like text kept as
# text, RAG fills); check --format csv holds the findings sheet's rows; the
# same run gives the same bytes; -o written whole; stdout a terminal refused.
source "$(dirname "$0")/lib.sh"
check_xlsx=$(dirname "$0")/xlsx_check.py
A=(--as-of 2026-11-22)
reg=tests/fixtures/register
# Debian's python3-openpyxl is for Debian's python3, which may not be first on PATH.
py=python3
python3 -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3

# xlsx_ok NAME FILE KIND [CSV]: the workbook passes xlsx_check.py KIND.
xlsx_ok() {
  if "$py" "$check_xlsx" "$3" "$2" ${4:+"$4"} >"$tmp/py" 2>&1; then pass; else fail "$1" "$tmp/py"; fi
}

# The register: exit 2 for its two unreadable files, as with every format.
expect "register xlsx" 2 "$bin" register "${A[@]}" --format xlsx -o "$tmp/reg.xlsx" "$reg"
xlsx_ok "register sheets" "$tmp/reg.xlsx" register
# Deterministic: the same bytes again, a moment later and with -j 1; and
# streamed to stdout (a file, not a terminal) the same bytes as with -o.
sleep 1
expect "register xlsx again" 2 "$bin" register "${A[@]}" -j 1 --format xlsx -o "$tmp/reg2.xlsx" "$reg"
if cmp -s "$tmp/reg.xlsx" "$tmp/reg2.xlsx"; then pass; else fail "register xlsx differs between runs"; fi
"$bin" register "${A[@]}" --format xlsx "$reg" >"$tmp/stdout.xlsx" 2>/dev/null
if cmp -s "$tmp/reg.xlsx" "$tmp/stdout.xlsx"; then pass; else fail "xlsx to stdout differs from -o"; fi
# Another as-of is another document (its creation date), still readable.
expect "register xlsx, other date" 2 "$bin" register --as-of 2027-01-01 --format xlsx -o "$tmp/reg3.xlsx" "$reg"
if cmp -s "$tmp/reg.xlsx" "$tmp/reg3.xlsx"; then fail "the as-of date is not in the workbook"; else pass; fi

# Never to a terminal: script(1) gives the command one.
if command -v script >/dev/null; then
  script -qec "'$bin' register ${A[*]} --format xlsx $reg" /dev/null >"$tmp/tty" 2>&1
  contains "xlsx to a terminal refused" "$tmp/tty" 'not written to a terminal: name a file with -o'
  lacks "nothing binary on the terminal" "$tmp/tty" 'PK'
fi

# -o into a directory that does not exist: exit 2, said, nothing written.
expect "xlsx -o nowhere" 2 "$bin" register "${A[@]}" --format xlsx -o "$tmp/no/such/r.xlsx" "$reg"
contains "xlsx -o nowhere said" "$tmp/err" 'cannot create a temporary file in .*/no/such'

# check: one row per finding, csv and xlsx alike; exit statuses as ever.
expect "check csv" 1 "$bin" check "${A[@]}" --format csv agreements
cp "$tmp/out" "$tmp/findings.csv"
count "check csv: CRLF on every line" "$tmp/findings.csv" $'\r$' "$(wc -l <"$tmp/findings.csv")"
contains "check csv: header" "$tmp/findings.csv" '^file,line,column,rule,severity,message,path,references,waived,waiver,agreement_id,status,host,client_groups,pool_total'
expect "check xlsx" 1 "$bin" check "${A[@]}" --format xlsx -o "$tmp/findings.xlsx" agreements
xlsx_ok "check xlsx holds the csv's rows" "$tmp/findings.xlsx" findings "$tmp/findings.csv"
expect "check xlsx again" 1 "$bin" check "${A[@]}" -j 1 --format xlsx -o "$tmp/findings2.xlsx" agreements
if cmp -s "$tmp/findings.xlsx" "$tmp/findings2.xlsx"; then pass; else fail "check xlsx differs between runs"; fi
expect "check csv: unreadable" 2 "$bin" check "${A[@]}" --format csv "$reg"
contains "check csv: formula guarded" "$tmp/out" "^$reg/a-pooled.yaml,.*,'=HYPERLINK|^$reg/e-broken.yaml,[0-9]+,[0-9]+,DOC\.0"

# outturn: the worked example of outturn.md; scorecard: the worked example.
expect "outturn xlsx" 0 "$bin" outturn --as-of 2026-12-01 --format xlsx -o "$tmp/outturn.xlsx" \
  tests/fixtures/outturn/hfd-mh.yaml
xlsx_ok "outturn sheets" "$tmp/outturn.xlsx" outturn
expect "scorecard xlsx" 0 "$bin" scorecard --as-of 2008-11-15 --format xlsx -o "$tmp/card.xlsx" \
  tests/fixtures/scorecard/worked-example.yaml tests/fixtures/scorecard/hostile.yaml
xlsx_ok "scorecard sheets" "$tmp/card.xlsx" scorecard

# compare: two sweeps (reports saved with and without --facts, so one side's
# money reads "not saved") and two drafts, each workbook holding exactly what
# the JSON of the same comparison holds.
S=tests/fixtures/compare-sweep
"$bin" compare "${A[@]}" --format json $S/then $S/now >"$tmp/sweep.json"
expect "compare sweep xlsx" 0 "$bin" compare "${A[@]}" --format xlsx -o "$tmp/sweep.xlsx" $S/then $S/now
xlsx_ok "compare sweep sheets" "$tmp/sweep.xlsx" compare-sweep "$tmp/sweep.json"
"$bin" check --as-of 2026-11-22 --format json -o "$tmp/then.json" $S/then
"$bin" check --as-of 2026-12-01 --format json --facts -o "$tmp/now.json" $S/now
"$bin" compare --format json "$tmp/then.json" "$tmp/now.json" >"$tmp/saved.json"
expect "compare saved xlsx" 0 "$bin" compare --format xlsx -o "$tmp/saved.xlsx" "$tmp/then.json" "$tmp/now.json"
xlsx_ok "compare saved sheets" "$tmp/saved.xlsx" compare-sweep "$tmp/saved.json"
for pair in renamed-partner moved-contribution added-fund changed-date inserted-partner; do
  F=tests/fixtures/compare/$pair
  "$bin" compare "${A[@]}" --format json "$F-old.yaml" "$F-new.yaml" >"$tmp/$pair.json"
  "$bin" compare "${A[@]}" --format xlsx -o "$tmp/$pair.xlsx" "$F-old.yaml" "$F-new.yaml"
  xlsx_ok "compare $pair sheets" "$tmp/$pair.xlsx" compare-redline "$tmp/$pair.json"
done
"$bin" compare "${A[@]}" --format xlsx -o "$tmp/again.xlsx" tests/fixtures/compare/renamed-partner-{old,new}.yaml
if cmp -s "$tmp/renamed-partner.xlsx" "$tmp/again.xlsx"; then pass; else fail "compare xlsx differs between runs"; fi

finish
