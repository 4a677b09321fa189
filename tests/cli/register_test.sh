#!/usr/bin/env bash
# `s75check register` over tests/fixtures/register: four readable agreements and
# two unreadable files, with totals computed by hand below. Also: the CSV is
# RFC 4180 and no cell can run as a spreadsheet formula; -j 1 and -j 2 agree.
source "$(dirname "$0")/lib.sh"
dir=tests/fixtures/register
A=(--as-of 2026-11-22)

# The totals, by hand:
#   pooled: a 1,000,000.50 + b (300,000 + 200,000.25 from contributions) + d 250,000
#           = 1,750,000.75 (c has no pool; e and f are unreadable)
#   carers: a + c (no pool) = 1,000,000.50 in 2; learning_disability: a + d =
#   1,250,000.50 in 2; mental_health: b = 500,000.25 in 1
#   pooled_fund: a + b + d = 1,750,000.75 in 3; lead_commissioning: a; aligned_budget: c, 0
#   unsigned: b; partly signed: c; expired: b (2020-04-01 + 24 months, ended
#   2022-03-31) and d (status expired); unreadable: e (YAML error), f (not UTF-8)
expect "register json: unreadable files give exit 2" 2 "$bin" register "${A[@]}" --format json "$dir"
cp "$tmp/out" "$tmp/reg.json"
python3 - "$tmp/reg.json" >"$tmp/py" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["totals"]
want = {
    "agreements": 6, "unreadable": 2, "unsigned": 1, "partly_signed": 1, "expired": 2,
    "non_compliant": 6, "pooled": "1750000.75",
    "by_client_group": {
        "carers": {"pooled": "1000000.50", "agreements": 2},
        "learning_disability": {"pooled": "1250000.50", "agreements": 2},
        "mental_health": {"pooled": "500000.25", "agreements": 1}},
    "by_arrangement": {
        "aligned_budget": {"pooled": "0.00", "agreements": 1},
        "lead_commissioning": {"pooled": "1000000.50", "agreements": 1},
        "pooled_fund": {"pooled": "1750000.75", "agreements": 3}},
}
bad = [f"{k}: got {t.get(k)!r}, wanted {v!r}" for k, v in want.items() if t.get(k) != v]
rows = {a["file"].split("/")[-1]: a for a in r["agreements"]}
checks = [
    (rows["b-unsigned.yaml"]["pool_from_contributions"], True),
    (rows["b-unsigned.yaml"]["expiry"], "2022-03-31"),
    (rows["b-unsigned.yaml"]["host"], "icb"),
    (rows["c-partly.yaml"]["signed"], "some"),
    (rows["a-pooled.yaml"]["host"], "cc"),
    (rows["e-broken.yaml"]["readable"], False),
    (rows["f-binary.yaml"]["readable"], False),
    ([p["kind"] for p in rows["a-pooled.yaml"]["partners"]], ["icb", "local_authority"]),
]
bad += [f"row check {i}: got {g!r}, wanted {w!r}" for i, (g, w) in enumerate(checks) if g != w]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "register totals differ from the hand-computed figures" "$tmp/py"; fi

expect "register csv" 2 "$bin" register "${A[@]}" --format csv "$dir"
cp "$tmp/out" "$tmp/reg.csv"
# Every line ends CRLF; the header is the first line.
count "csv: CRLF on every line" "$tmp/reg.csv" $'\r$' "$(wc -l <"$tmp/reg.csv")"
contains "csv: header" "$tmp/reg.csv" '^file,id,title,partners,host,arrangements,'
# Formula cells start with an apostrophe; quoting doubles quotes.
contains "csv: = neutralised" "$tmp/reg.csv" ",\"'=HYPERLINK\(\"\"http"
contains "csv: - neutralised and quoted" "$tmp/reg.csv" ",\"'-2\+3, \"\"quoted\"\", and a comma\","
contains "csv: @ neutralised" "$tmp/reg.csv" ",'@SUM\(A1:A2\),"
contains "csv: + neutralised" "$tmp/reg.csv" ",'\+cmd\|"
python3 - "$tmp/reg.csv" >"$tmp/py" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="")))
header, agreements = rows[0], rows[1:7]
bad = [r for r in rows if r and r[0][:1] in "=+-@" ]
bad += [] if all(len(r) == len(header) for r in agreements) else ["ragged rows"]
bad += [] if rows[7] == [] else ["no empty line before the totals"]
bad += [] if ["all", "", "1750000.75", "6"] in rows else ["no total row"]
print(bad)
sys.exit(1 if bad else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "csv: parses as RFC 4180 with no formula cell" "$tmp/py"; fi

expect "register markdown" 2 "$bin" register "${A[@]}" "$dir"
contains "markdown: money for people" "$tmp/out" '^\| learning_disability \| £1,250,000.50 \| 2 \|$'
contains "markdown: unreadable row" "$tmp/out" 'e-broken.yaml \|.*\| unreadable \|'
contains "markdown: pipe in a title escaped" "$tmp/out" '\| \+cmd\\\|'"' /C calc'!A0 \\| icb"

# The examples: readable, so exit 0; -j 1 and -j 2 give the same bytes.
expect "register -j 1" 0 "$bin" register "${A[@]}" --format json -j 1 agreements
cp "$tmp/out" "$tmp/j1"
expect "register -j 2" 0 "$bin" register "${A[@]}" --format json -j 2 agreements
if cmp -s "$tmp/j1" "$tmp/out"; then pass; else fail "register: -j 1 and -j 2 differ"; fi
expect "register -o" 0 "$bin" register "${A[@]}" --format csv -o "$tmp/r.csv" agreements
count "register -o: a row per example plus header" "$tmp/r.csv" '^agreements/' 14

# HTML: the totals as computed by hand above plus the hostile agreement (an
# unsigned agreement pooling £1,000 for carers, with no arrangement), every agreement's text escaped,
# and one script: the page's own.
expect "register html" 2 "$bin" register "${A[@]}" --format html -o "$tmp/reg.html" "$dir" \
  tests/fixtures/hostile/hostile.yaml
python3 - "$tmp/reg.html" >"$tmp/py" 2>&1 <<'PY'
import sys
from html.parser import HTMLParser

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.summary, self.key, self.tags, self.rows, self.cells = {}, None, [], [], None
        self.table, self.groups, self.group, self.heads = None, {}, None, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.key = a.get("data-summary")
        if tag == "section":
            self.table = a.get("id")
        if tag == "tr" and self.table == "register-section" and "data-severity" in a:
            self.cells = []
            self.rows.append((a["data-severity"], self.cells))
        if tag == "th" and self.table == "register-section" and "data-key" in a:
            self.heads.append(a["data-key"])
        if tag == "td" and self.cells is not None and self.table == "register-section":
            self.cells.append("")
        if tag == "tr" and self.table in ("by-client-group", "by-arrangement"):
            self.group = []
    def handle_endtag(self, tag):
        if tag == "tr" and self.group:
            self.groups[(self.table, self.group[0])] = tuple(self.group[1:])
            self.group = None
    def handle_data(self, data):
        if self.key:
            self.summary[self.key] = data
            self.key = None
        if self.tags and self.tags[-1] == "td":
            if self.cells is not None and self.table == "register-section":
                self.cells[-1] += data
            if self.group is not None:
                self.group.append(data)

p = Page()
p.feed(open(sys.argv[1]).read())
want = {"agreements": "7", "unreadable": "2", "unsigned": "2", "partly_signed": "1",
        "expired": "2", "non_compliant": "7", "pooled": "£1,751,000.75"}
bad = [f"summary {k}: got {p.summary.get(k)!r}, wanted {v!r}" for k, v in want.items()
       if p.summary.get(k) != v]
groups = {("by-client-group", "carers"): ("3", "£1,001,000.50"),
          ("by-client-group", "learning_disability"): ("2", "£1,250,000.50"),
          ("by-client-group", "mental_health"): ("1", "£500,000.25"),
          ("by-arrangement", "pooled_fund"): ("3", "£1,750,000.75")}
bad += [f"{k}: got {p.groups.get(k)!r}, wanted {v!r}" for k, v in groups.items()
        if p.groups.get(k) != v]
states = sorted(s for s, _ in p.rows)
if states != sorted(["error"] * 5 + ["unreadable"] * 2):
    bad.append(f"row states {states}")
titles = [c[p.heads.index("title")] for _, c in p.rows]
if "<script>alert(1)</script> & 'Trust' | Council" not in titles:
    bad.append(f"the hostile title is not shown as text: {titles}")
if p.tags.count("script") != 1:
    bad.append(f"{p.tags.count('script')} script elements")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "register html: totals, rows and escaping" "$tmp/py"; fi
lacks "register html: fetches nothing" "$tmp/reg.html" '(src|href)=|<link|url\([^#]'

# Format 2 (tests/fixtures/format2), by hand:
#   bcf-two-funds: ccg-pool hosted by wccg, £13,245,000 of revenue, for its own
#     client groups older_people and intermediate_care; council-pool hosted by
#     wmbc, £10,071,000 (£8,571,000 revenue, £1,500,000 capital), for the
#     agreement's all_adults; expiry: the extension's 2019-03-31
#   delegation-and-equipment: delegation hosted by nft, no money and not pooled,
#     for mental_health; equipment hosted by nmc, per year: its latest year
#     2021/22, £500,000.50 (£400,000.50 revenue, £100,000 capital; not
#     2020/21's £380,000) for community_equipment, by lead commissioning; a
#     rolling term has no expiry
#   pooled: 23,316,000 + 500,000.50 = 23,816,000.50; revenue 21,816,000 +
#   400,000.50 = 22,216,000.50; capital 1,500,000 + 100,000 = 1,600,000
expect "register json: format 2" 0 "$bin" register "${A[@]}" --format json tests/fixtures/format2
cp "$tmp/out" "$tmp/reg2.json"
python3 - "$tmp/reg2.json" >"$tmp/py" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["totals"]
want = {
    "agreements": 2, "pooled": "23816000.50", "revenue": "22216000.50", "capital": "1600000.00",
    "by_client_group": {
        "all_adults": {"pooled": "10071000.00", "agreements": 1},
        "community_equipment": {"pooled": "500000.50", "agreements": 1},
        "intermediate_care": {"pooled": "13245000.00", "agreements": 1},
        "mental_health": {"pooled": "0.00", "agreements": 1},
        "older_people": {"pooled": "13245000.00", "agreements": 1}},
    "by_arrangement": {
        "integrated_provision": {"pooled": "0.00", "agreements": 1},
        "lead_commissioning": {"pooled": "500000.50", "agreements": 1},
        "pooled_fund": {"pooled": "23316000.00", "agreements": 1}},
}
bad = [f"{k}: got {t.get(k)!r}, wanted {v!r}" for k, v in want.items() if t.get(k) != v]
rows = {a["file"].split("/")[-1]: a for a in r["agreements"]}
bcf, dele = rows["bcf-two-funds.yaml"], rows["delegation-and-equipment.yaml"]
fund = lambda row, i: {k: row["funds"][i][k] for k in ("id", "host", "pooled", "year",
                                                          "pool_total", "revenue", "capital")}
checks = [
    (bcf["host"], "wccg; wmbc"), (bcf["pool_total"], "23316000.00"),
    (bcf["revenue"], "21816000.00"), (bcf["capital"], "1500000.00"),
    (bcf["expiry"], "2019-03-31"),
    (fund(bcf, 0), {"id": "ccg-pool", "host": "wccg", "pooled": True, "year": "2015/16",
                    "pool_total": "13245000.00", "revenue": "13245000.00", "capital": None}),
    (fund(bcf, 1), {"id": "council-pool", "host": "wmbc", "pooled": True, "year": "2015/16",
                    "pool_total": "10071000.00", "revenue": "8571000.00", "capital": "1500000.00"}),
    (fund(dele, 0), {"id": "delegation", "host": "nft", "pooled": False, "year": None,
                     "pool_total": None, "revenue": None, "capital": None}),
    (fund(dele, 1), {"id": "equipment", "host": "nmc", "pooled": True, "year": "2021/22",
                     "pool_total": "500000.50", "revenue": "400000.50", "capital": "100000.00"}),
    (dele["funds"][1]["pool_from_contributions"], True), (dele["expiry"], None),
    (dele["arrangements"], ["integrated_provision", "lead_commissioning"]),
]
bad += [f"row check {i}: got {g!r}, wanted {w!r}" for i, (g, w) in enumerate(checks) if g != w]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "register of format 2: funds, hosts, revenue and capital" "$tmp/py"; fi
expect "register markdown: format 2" 0 "$bin" register "${A[@]}" tests/fixtures/format2
contains "markdown: each fund, its host and pool" "$tmp/out" \
  '\| ccg-pool hosted by wccg: £13,245,000 in 2015/16; council-pool hosted by wmbc: £10,071,000 in 2015/16 \| £21,816,000 \| £1,500,000 \|'
contains "markdown: a fund with no money in common" "$tmp/out" 'delegation hosted by nft \(not pooled\); equipment'
contains "markdown: revenue in the totals" "$tmp/out" '^\| revenue contributions \| £22,216,000.50 \|$'
contains "markdown: capital in the totals" "$tmp/out" '^\| capital contributions \| £1,600,000 \|$'
expect "register csv: format 2" 0 "$bin" register "${A[@]}" --format csv tests/fixtures/format2
contains "csv: revenue and capital columns" "$tmp/out" ',pool_total,funds,revenue,capital,'
contains "csv: capital total" "$tmp/out" $'^type,capital,1600000.00,2\r$'
# A format 1 agreement is one fund, `main`, hosted by its host.partner.
expect "register csv: format 1 fund" 2 "$bin" register "${A[@]}" --format csv "$dir"
contains "csv: format 1 as one fund" "$tmp/out" ',1000000.50,main hosted by cc: 1000000.50,,,'

# --status and --live (docs/check.md#choosing-agreements---status-and---live). As of
# 2026-11-22: a is in force; b is in force as written but past its 2022 expiry, so
# expired; c is signed and commenced 2025-04-01, so live; d is expired. e and f cannot
# be read: always rows. Left out means no row and no count.
expect "register --live" 2 "$bin" register "${A[@]}" --live --format json "$dir"
cp "$tmp/out" "$tmp/live.json"
python3 - "$tmp/live.json" >"$tmp/py" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
t = r["totals"]
files = [a["file"].split("/")[-1][0] for a in r["agreements"]]
want = {"agreements": 4, "unreadable": 2, "expired": 0, "unsigned": 0, "partly_signed": 1,
        "pooled": "1000000.50", "live": {"agreements": 2, "pooled": "1000000.50"},
        "counted": {"statuses": [], "live": True, "description": "live; as of 2026-11-22"}}
bad = [f"{k}: got {t.get(k)!r}, wanted {v!r}" for k, v in want.items() if t.get(k) != v]
bad += [] if files == ["a", "c", "e", "f"] else [f"rows {files}"]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "register --live: rows and totals of the live agreements" "$tmp/py"; fi
expect "register --status expired" 2 "$bin" register "${A[@]}" --status expired --format csv "$dir"
count "--status expired: b, d and the unreadable e, f" "$tmp/out" '^tests/fixtures/register/' 4
contains "--status expired: b past expiry is expired" "$tmp/out" '^tests/fixtures/register/b-unsigned.yaml,'
contains "csv: what the totals count" "$tmp/out" $'^counted,status: expired; as of 2026-11-22,,4\r$'
contains "csv: no live pool among expired ones" "$tmp/out" $'^live,in force on 2026-11-22,0.00,0\r$'
contains "csv: pooled by all counted" "$tmp/out" $'^all,,750000.25,4\r$'
expect "register --status in_force,signed" 2 "$bin" register "${A[@]}" --status in_force,signed "$dir"
contains "markdown: totals caption" "$tmp/out" '^Totals of 4 agreements \(status: in_force, signed; as of 2026-11-22\)\.$'
lacks "markdown: b (past expiry) left out" "$tmp/out" 'b-unsigned.yaml'
# Without a filter: every status counted, and the live pool apart from the whole.
expect "register: live pool" 2 "$bin" register "${A[@]}" --format csv "$dir"
contains "csv: counted, every status" "$tmp/out" $'^counted,every status; as of 2026-11-22,,6\r$'
contains "csv: live pooled apart" "$tmp/out" $'^live,in force on 2026-11-22,1000000.50,2\r$'
expect "register markdown: live pool" 2 "$bin" register "${A[@]}" "$dir"
contains "markdown: pooled by live agreements" "$tmp/out" '^\| pooled by live agreements \| £1,000,000.50 \|$'
contains "markdown: every status" "$tmp/out" '^Totals of 6 agreements \(every status; as of 2026-11-22\)\.$'
expect "register html: live pool" 2 "$bin" register "${A[@]}" --format html "$dir"
contains "html: live pooled" "$tmp/out" 'data-summary="live-pooled">£1,000,000.50<'
contains "html: totals caption" "$tmp/out" 'data-summary="counted">Totals of 6 agreements \(every status; as of 2026-11-22\)\.<'
# An unknown status is a usage error naming the valid ones.
expect "register --status bogus" 2 "$bin" register "${A[@]}" --status in_force,bogus "$dir"
contains "--status bogus: names the valid ones" "$tmp/err" "draft, signed, in_force, expired, terminated; not 'bogus'"
lacks "--status bogus: nothing reported" "$tmp/out" '.'

# The figures (docs/register.md#figures-the-latest-outturn-and-the-outcomes).
# latest-outturn.yaml as of 2017-01-31: the CCG pool's 2016/17 forecast alone,
# 13,100,000.50 against 13,245,000 (the council pool's latest is 2015/16).
# The scorecard's worked example as of 2008-11-15: o1 red, o2 amber, o3 met,
# o4 no data, o5 not rated.
fig=tests/fixtures/register-figures/latest-outturn.yaml
ex=tests/fixtures/scorecard/worked-example.yaml
expect "register csv: figures" 0 "$bin" register --as-of 2017-01-31 --format csv "$fig"
contains "csv: figure columns" "$tmp/out" ',warnings,outturn_year,outturn_kind,outturn,outturn_balance,outturn_variance,outcomes_red,outcomes_amber,outcomes_green,outcomes_no_data'
contains "csv: latest outturn" "$tmp/out" $',2016/17,forecast,13100000.50,underspend,144999.50,0,0,0,0\r$'
expect "register csv: both years known" 0 "$bin" register --as-of 2016-06-30 --format csv "$fig"
contains "csv: 2015/16 over both funds" "$tmp/out" $',2015/16,actual,24186000.00,overspend,870000.00,0,0,0,0\r$'
expect "register markdown: figures" 0 "$bin" register --as-of 2017-01-31 "$fig"
contains "markdown: outturn in pounds" "$tmp/out" '\| 2016/17 \| forecast \| £13,100,000.50 \| underspend \| £144,999.50 \| 0 \| 0 \| 0 \| 0 \|$'
expect "register csv: outcomes" 2 "$bin" register --as-of 2008-11-15 --format csv "$ex" "$dir/e-broken.yaml"
contains "csv: outcomes by status" "$tmp/out" $'^tests/fixtures/scorecard/worked-example.yaml,.*,,,,,1,1,1,2\r$'
contains "csv: unreadable has no figures" "$tmp/out" $'^tests/fixtures/register/e-broken.yaml,.*,unreadable,,[0-9]+,[0-9]+,,,,,,,,,\r$'
expect "register json: outcomes" 0 "$bin" register --as-of 2008-11-15 --format json -o "$tmp/ex.json" "$ex"
expect "register json: outturn" 0 "$bin" register --as-of 2016-06-30 --format json -o "$tmp/fig.json" "$fig"
python3 - "$tmp/ex.json" "$tmp/fig.json" >"$tmp/py" 2>&1 <<'PY'
import json, sys
ex, fig = (json.load(open(f))["agreements"][0] for f in sys.argv[1:3])
got = (ex["outturn"], ex["outcomes"], fig["outturn"])
want = (None, {"red": 1, "amber": 1, "green": 1, "no_data": 2},
        {"year": "2015/16", "kind": "actual", "spend": "24186000.00", "balance": "overspend",
         "variance": "870000.00"})
print(got)
sys.exit(0 if got == want else 1)
PY
if [[ $? == 0 ]]; then pass; else fail "register json: the figures" "$tmp/py"; fi
expect "register html: figures" 0 "$bin" register --as-of 2017-01-31 --format html "$fig"
contains "html: variance column" "$tmp/out" '<th data-key="outturn_variance" data-type="number">'
contains "html: variance cell" "$tmp/out" '<td class="num nowrap" data-label="Outturn variance" data-sort="144999.5">£144,999.50</td>'
contains "html: outcome count cell" "$tmp/out" '<th data-key="outcomes_no_data" data-type="number">'

expect "register: bad format" 2 "$bin" register --format xml agreements
finish
