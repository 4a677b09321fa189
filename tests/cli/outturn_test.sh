#!/usr/bin/env bash
# `s75check outturn` as a user meets it: the worked example of outturn.md to
# the penny and its six --scenarios rows; sweeps of agreements/ and of the
# benchmark generator's agreements (format 1 and 2) in which every agreement
# is allocated or explained, every allocation adds up exactly, and nothing
# crashes; -o, -j, bad options; CSV that no spreadsheet runs as a formula.
source "$(dirname "$0")/lib.sh"
A=(--as-of 2026-12-01)
hfd=tests/fixtures/outturn/hfd-mh.yaml

expect "worked example" 0 "$bin" outturn "${A[@]}" "$hfd"
contains "PCT pays" "$tmp/out" '^  hpct  Herefordshire Primary Care Trust    pays £631,609\.20  \(£280,000\.00 first \+ £351,609\.20 proportional, 76\.44% of the rest\)$'
contains "council pays" "$tmp/out" '^  hc    Herefordshire County Council        pays £108,390\.80  \(23\.56% of the rest\)$'
contains "header" "$tmp/out" 'hfd-mh\.yaml: 2005/06 forecast \(reported 2005-12-31\): spend £18,140,000\.00 against a budget of £17,400,000\.00: overspend £740,000\.00$'

expect "scenarios" 0 "$bin" outturn "${A[@]}" --scenarios "$hfd"
count "six scenario rows" "$tmp/out" '^  (1%|2\.5%|5%|10%|the host_first_amount|twice the host_first_amount) ' 6
contains "1%" "$tmp/out" '^  1% of the budget +£174,000\.00 +£174,000\.00 +£0\.00$'
contains "2.5%" "$tmp/out" '^  2\.5% of the budget +£435,000\.00 +£398,477\.01 +£36,522\.99$'
contains "5%" "$tmp/out" '^  5% of the budget +£870,000\.00 +£730,977\.01 +£139,022\.99$'
contains "10%" "$tmp/out" '^  10% of the budget +£1,740,000\.00 +£1,395,977\.01 +£344,022\.99$'
contains "£280,000" "$tmp/out" '^  the host_first_amount +£280,000\.00 +£280,000\.00 +£0\.00$'
contains "£560,000" "$tmp/out" '^  twice the host_first_amount +£560,000\.00 +£494,022\.99 +£65,977\.01$'

# --spend as people write it, and as they should not.
expect "spend with commas and £" 0 "$bin" outturn "${A[@]}" --spend '£18,140,000' "$hfd"
contains "same figures" "$tmp/out" 'pays £631,609\.20'
expect "spend not money" 2 "$bin" outturn "${A[@]}" --spend 18,14,000 "$hfd"
contains "says how to write it" "$tmp/err" 'such as 18140000, 18,140,000\.50 or £18140000'
expect "spend over a directory" 2 "$bin" outturn "${A[@]}" --spend 1 tests/fixtures/outturn
expect "year not a year" 2 "$bin" outturn "${A[@]}" --year 2005-06 "$hfd"
contains "says how to write a year" "$tmp/err" 'YYYY/YY, such as 2005/06'
expect "no fund" 2 "$bin" outturn "${A[@]}" --fund nope tests/fixtures/outturn/two-pools-risk-fund.yaml
contains "lists the funds" "$tmp/out" "no fund 'nope' \(--fund\): its funds are ccg-pool, council-pool"
expect "spend for several funds" 2 "$bin" outturn "${A[@]}" --spend 1 tests/fixtures/outturn/two-pools-risk-fund.yaml
contains "asks for --fund" "$tmp/out" 'has 2 \(ccg-pool, council-pool\): say which with --fund'
expect "no outturn for the year: no fallback" 0 "$bin" outturn "${A[@]}" --year 2003/04 "$hfd"
contains "says so" "$tmp/out" 'no outturn recorded for 2003/04'
expect "cannot allocate: exit 2" 2 "$bin" outturn "${A[@]}" tests/fixtures/outturn/no-host-first-amount.yaml
contains "rule and place" "$tmp/out" '^tests/fixtures/outturn/no-host-first-amount\.yaml:28:5: cannot allocate .*\[FIN\.04\]$'
lacks "no partial table" "$tmp/out" ' pays '

# -o: the same bytes as stdout, written whole; a directory that does not exist is exit 2.
expect "stdout markdown" 0 "$bin" outturn "${A[@]}" --format markdown "$hfd"
cp "$tmp/out" "$tmp/stdout.md"
expect "-o" 0 "$bin" outturn "${A[@]}" --format markdown -o "$tmp/o.md" "$hfd"
if cmp -s "$tmp/stdout.md" "$tmp/o.md"; then pass; else fail "-o differs from stdout" "$tmp/o.md"; fi
expect "-o into no directory" 2 "$bin" outturn "${A[@]}" -o "$tmp/none/o.md" "$hfd"

# CSV: a partner whose name a spreadsheet would run is written as text.
sed -e "s|name: Herefordshire County Council|name: '=HYPERLINK(\"http://x\",\"y\")'|" \
    -e "s|name: Herefordshire Primary Care Trust|name: '+cmd\|calc, with a comma'|" "$hfd" >"$tmp/hostile.yaml"
expect "csv" 0 "$bin" outturn "${A[@]}" --format csv "$tmp/hostile.yaml"
contains "= neutralised" "$tmp/out" ",\"'=HYPERLINK\(\"\"http://x\"\",\"\"y\"\"\)\","
contains "+ neutralised and quoted" "$tmp/out" ",\"'\+cmd\|calc, with a comma\","
count "csv: CRLF on every line" "$tmp/out" $'\r$' "$(wc -l <"$tmp/out")"

# Sweeps: agreements/, and the generator's agreements in both formats, with and
# without --scenarios. Exit 0 or 2 only; the same bytes whatever -j; in JSON
# every agreement is allocated or explained, and every allocation adds up.
python3 bench/generate.py --count 50 --out "$tmp/bench1" >/dev/null
python3 bench/generate.py --count 50 --out "$tmp/bench2" --format-version 2 >/dev/null
for dir in agreements "$tmp/bench1" "$tmp/bench2"; do
  for mode in "" --scenarios; do
    name="sweep $(basename "$dir") ${mode:-outturns}"
    "$bin" outturn "${A[@]}" $mode --format json -j 1 "$dir" >"$tmp/sweep1.json" 2>"$tmp/err"
    status=$?
    if [[ $status == 0 || $status == 2 ]] && [[ ! -s $tmp/err ]]; then pass; else
      fail "$name: exit $status" "$tmp/err"
    fi
    "$bin" outturn "${A[@]}" $mode --format json -j 4 "$dir" >"$tmp/sweep4.json" 2>/dev/null
    if cmp -s "$tmp/sweep1.json" "$tmp/sweep4.json"; then pass; else fail "$name: -j 1 and -j 4 differ"; fi
    python3 - "$tmp/sweep1.json" "$dir" "$mode" >"$tmp/py" 2>&1 <<'PY'
import glob, json, sys, yaml
from decimal import Decimal
report, root, mode = json.load(open(sys.argv[1])), sys.argv[2], sys.argv[3]
bad = []
files = sorted(glob.glob(root + "/**/*.yaml", recursive=True))
if len(report["agreements"]) != len(files):
    bad.append(f"{len(report['agreements'])} agreements reported, {len(files)} files")

def adds_up(where, a):
    if a["parts"] or a["risk_fund"]:
        parts = sum(Decimal(p["amount"]) for p in a["parts"])
        met = Decimal(a["risk_fund"]["met"]) if a["risk_fund"] else Decimal(0)
        if parts + met != Decimal(a["amount"]):
            bad.append(f"{where}: parts {parts} + risk fund {met} != {a['amount']}")
        for p in a["parts"]:
            if Decimal(p["amount"]) != Decimal(p["amount"]).quantize(Decimal("0.01")):
                bad.append(f"{where}: {p['amount']} is not whole pennies")

for a in report["agreements"]:
    if a["unreadable"] or a["usage_error"]:
        continue
    funds = yaml.safe_load(open(a["file"])).get("funds") or [None]
    blocks = a["scenarios"] if mode else a["outturns"] + [None] * len(a["without_outturn"])
    if len(blocks) != len(funds):
        bad.append(f"{a['file']}: {len(blocks)} blocks for {len(funds)} funds")
    for b in [b for b in blocks if b]:
        if b["cannot_allocate"]:
            c = b["cannot_allocate"]
            if not (c["rule"] and c["line"] > 0 and c["message"]):
                bad.append(f"{a['file']}: cannot allocate without a rule or place: {c}")
            continue
        for i, row in enumerate(b["rows"] if mode else [b]):
            adds_up(f"{a['file']} block {i}", row["allocation"])
print("\n".join(bad[:20]))
sys.exit(1 if bad else 0)
PY
    if [[ $? == 0 ]]; then pass; else fail "$name: not every agreement allocated or explained" "$tmp/py"; fi
  done
done

# An empty directory: valid JSON with no agreements, exit 0.
mkdir "$tmp/empty"
expect "empty sweep" 0 "$bin" outturn "${A[@]}" --format json "$tmp/empty"
if python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); sys.exit(d["agreements"] != [] or d["totals"]["agreements"] != 0)' "$tmp/out"; then
  pass
else
  fail "empty sweep: not a JSON report of no agreements" "$tmp/out"
fi

# A sweep's text ends with the totals by kind of partner.
expect "sweep totals" 2 "$bin" outturn "${A[@]}" tests/fixtures/outturn
contains "counts" "$tmp/out" '^8 agreements: 5 pools overspent, 2 underspent, 0 on budget, 1 with no outturn recorded, 1 that cannot be allocated; 1 unreadable, 0 not fitting the options$'
contains "NHS bodies" "$tmp/out" '^  NHS bodies  pay  £816,609\.20  receive    £0\.00$'

finish
