#!/usr/bin/env bash
# `s75check compare OLD NEW` as a user meets it: the exit statuses (0, 1 with
# --fail-on-new, 2 for an unreadable file or a bad option), -o written whole
# or not at all, and a format 1 file against its migration showing no change.
source "$(dirname "$0")/lib.sh"
F=tests/fixtures/compare
A=(--as-of 2026-11-22)

expect "two drafts" 0 "$bin" compare "${A[@]}" $F/changed-date-old.yaml $F/changed-date-new.yaml
contains "the changed date, in words" "$tmp/out" '^      was: 1 April 2024$'
contains "its new value" "$tmp/out" '^      now: 1 July 2024$'
contains "in render's numbering" "$tmp/out" '^  changed 2\.1 Commencement:$'

# The inserted partner brings findings of its own: --fail-on-new gates on them.
expect "new findings, no gate" 0 "$bin" compare "${A[@]}" $F/inserted-partner-old.yaml $F/inserted-partner-new.yaml
contains "introduced listed" "$tmp/out" '^  Introduced: .*inserted-partner-new\.yaml:[0-9]+:[0-9]+: '
expect "--fail-on-new info" 1 "$bin" compare "${A[@]}" --fail-on-new info $F/inserted-partner-old.yaml $F/inserted-partner-new.yaml
# The same drafts the other way round introduce nothing: resolved ones never fail.
expect "resolved only" 0 "$bin" compare "${A[@]}" --fail-on-new info $F/inserted-partner-new.yaml $F/inserted-partner-old.yaml
count "nothing introduced" "$tmp/out" '^  Introduced:' 0
expect "bad --fail-on-new" 2 "$bin" compare --fail-on-new never $F/changed-date-old.yaml $F/changed-date-new.yaml
expect "bad --format" 2 "$bin" compare --format pdf $F/changed-date-old.yaml $F/changed-date-new.yaml
contains "the formats named" "$tmp/err" 'text.*json.*markdown.*html'
expect "one file only" 2 "$bin" compare $F/changed-date-old.yaml

# HTML: a redline a lawyer recognises, every text escaped. A partner renamed
# to hostile text shows its old name struck through and the new one underlined,
# the markup inert; the page fetches nothing and runs no script.
sed 's/^    name: Midshire County Council$/    name: Midshire <script>alert(1)<\/script> \& Co/' \
  $F/changed-date-new.yaml >"$tmp/hostile.yaml"
expect "html" 0 "$bin" compare "${A[@]}" --format html -o "$tmp/c.html" $F/changed-date-old.yaml "$tmp/hostile.yaml"
contains "old name struck through" "$tmp/c.html" '^<p><del>Midshire County Council</del>'
contains "new name underlined, escaped" "$tmp/c.html" '<ins>Midshire &lt;script&gt;alert\(1\)&lt;/script&gt; &amp; Co</ins></p>$'
contains "the date too" "$tmp/c.html" '<del>1 April 2024</del>.*<ins>1 July 2024</ins>'
contains "a mark besides colour" "$tmp/c.html" '<span class="badge changed">Changed</span><span class="no">2\.1</span> Commencement</h3>'
count "no script element" "$tmp/c.html" '<script' 0
contains "fetches nothing" "$tmp/c.html" "content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri"
expect "html sweep" 0 "$bin" compare "${A[@]}" --format html tests/fixtures/compare-sweep/then tests/fixtures/compare-sweep/now
contains "changed agreements in a table" "$tmp/out" '<table class="reflow" id="changed">'
expect "--help lists html" 0 "$bin" compare --help
contains "html, xlsx and docx in the formats" "$tmp/out" 'Report format: text, json, markdown, html, xlsx or docx'

# -o: written whole; on failure an existing file is left as it was.
expect "-o" 0 "$bin" compare "${A[@]}" --format json -o "$tmp/c.json" $F/changed-date-old.yaml $F/changed-date-new.yaml
count "nothing on stdout with -o" "$tmp/out" '.' 0
contains "json written" "$tmp/c.json" '"change": "changed"'
printf 'format: s75check/1\nagreement: [\n' >"$tmp/broken.yaml"
echo keep >"$tmp/kept.txt"
expect "broken file" 2 "$bin" compare -o "$tmp/kept.txt" $F/changed-date-old.yaml "$tmp/broken.yaml"
contains "file:line:col" "$tmp/err" 'broken\.yaml:3:1: error: DOC\.01'
contains "nothing compared said" "$tmp/err" 'cannot be read as an agreement, so nothing was compared'
contains "output untouched" "$tmp/kept.txt" '^keep$'
expect "missing file" 2 "$bin" compare $F/changed-date-old.yaml "$tmp/none.yaml"
contains "DOC.07 said" "$tmp/err" 'DOC\.07'
expect "-o into a missing directory" 2 "$bin" compare -o "$tmp/no/such/c.txt" $F/changed-date-old.yaml $F/changed-date-new.yaml

# A format 1 file and its migration: no provision and no finding changed.
for example in agreements/aligned-intermediate-care.yaml agreements/unsigned-late-signing.yaml \
  agreements/bcf-ccg-rollover.yaml; do
  "$bin" migrate -o "$tmp/migrated.yaml" --force "$example" 2>/dev/null
  expect "migrated $example" 0 "$bin" compare "${A[@]}" --fail-on-new info "$example" "$tmp/migrated.yaml"
  contains "no provision changed ($example)" "$tmp/out" '^No provision changed\.$'
  contains "no finding introduced or resolved ($example)" "$tmp/out" '^Findings: 0 introduced, 0 resolved'
done

# Sweeps. The same agreements copied under other names into other folders:
# nothing added, removed or changed, and the report is line for line the one
# of a directory compared with itself.
mkdir -p "$tmp/y1" "$tmp/y2/moved/deeper"
cp agreements/*.yaml "$tmp/y1/"
i=0
for f in agreements/*.yaml; do
  i=$((i + 1))
  cp "$f" "$tmp/y2/moved/deeper/renamed-$i.yaml"
done
expect "renamed copies" 0 "$bin" compare "${A[@]}" --fail-on-new info "$tmp/y1" "$tmp/y2"
contains "nothing changed" "$tmp/out" ': 0 added, 0 removed, 0 changed, [0-9]+ unchanged$'
cp "$tmp/out" "$tmp/renamed.txt"
"$bin" compare "${A[@]}" "$tmp/y1" "$tmp/y1" >"$tmp/self.txt"
if cmp -s "$tmp/renamed.txt" "$tmp/self.txt"; then pass; else fail "renaming changed the report" "$tmp/renamed.txt"; fi
expect "a directory and a file" 2 "$bin" compare "$tmp/y1" $F/changed-date-old.yaml
contains "said why" "$tmp/err" 'two agreement files, two directories, or two reports'

# A generated corpus against a copy with known edits: one agreement removed,
# one added, one's pool and another's status changed, every file renamed.
python3 bench/generate.py --count 50 --seed 9 --out "$tmp/g1" >/dev/null
python3 - "$tmp/g1" "$tmp/g2" >"$tmp/edits" <<'PY'
import pathlib, re, sys
src, dst = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
files = sorted(src.glob("*.yaml"))
ident = lambda text: re.search(r"^  id: (\S+)", text, re.M).group(1)
for n, f in enumerate(files):
    text = f.read_text()
    if n == 3:
        print("removed", ident(text))
        continue
    if n == 10:
        text = re.sub(r"^(  pool_total: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1000), text, count=1, flags=re.M)
        print("pooled", ident(text))
    if n == 20:
        old = re.search(r"^  status: (\S+)", text, re.M).group(1)
        text = re.sub(r"^  status: \S+", "  status: " + ("terminated" if old != "terminated" else "draft"), text, count=1, flags=re.M)
        print("status", ident(text))
    out = dst / ("sub%d" % (n % 3)) / ("copy-%03d.yaml" % (99 - n))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text)
    if n == 4:
        added = text.replace("  id: " + ident(text), "  id: added-agreement", 1)
        (dst / "added.yaml").write_text(added)
        print("added added-agreement")
PY
expect "generated corpus" 0 "$bin" compare "${A[@]}" --format json "$tmp/g1" "$tmp/g2"
python3 - "$tmp/out" "$tmp/edits" <<'PY' >"$tmp/verdict"
import json, sys
report = json.load(open(sys.argv[1]))
edits = dict(line.split()[::-1] for line in open(sys.argv[2]))
want = {"added": ["added-agreement"], "removed": [k for k, v in edits.items() if v == "removed"],
        "changed": sorted(k for k, v in edits.items() if v in ("pooled", "status"))}
got = {"added": [a["id"] for a in report["added"]], "removed": [a["id"] for a in report["removed"]],
       "changed": sorted(c["id"] for c in report["changed"])}
pooled = [c for c in report["changed"] if edits.get(c["id"]) == "pooled"]
status = [c for c in report["changed"] if edits.get(c["id"]) == "status"]
ok = (got == want and report["unchanged"] == 47
      and pooled[0]["then"]["pooled"] != pooled[0]["now"]["pooled"]
      and status[0]["then"]["status"] != status[0]["now"]["status"])
print("ok" if ok else "want %s unchanged 47, got %s unchanged %s" % (want, got, report["unchanged"]))
PY
contains "exactly the edits" "$tmp/verdict" '^ok$'

# The filters, as check and register take them: --select and --ignore choose
# the findings compared, --status and --live the agreements two sweeps compare.
S=tests/fixtures/compare-sweep
expect "--select" 0 "$bin" compare "${A[@]}" --select DATE $S/then $S/now
count "only DATE findings counted" "$tmp/out" '^  findings ' 1
contains "the DATE family then and now" "$tmp/out" '^  findings DATE: 4 -> 1$'
lacks "no other rule introduced" "$tmp/out" 'introduced: .*(HFD|T1|FIN)'
expect "--ignore" 0 "$bin" compare "${A[@]}" --ignore DATE,AC $S/then $S/now
lacks "ignored families left out" "$tmp/out" '^  findings (DATE|AC):'
expect "--select of no rule" 2 "$bin" compare "${A[@]}" --select NOPE $S/then $S/now
contains "said which" "$tmp/err" "no rule or family 'NOPE'"
expect "--live" 0 "$bin" compare "${A[@]}" --live $S/then $S/now
contains "only live agreements compared" "$tmp/out" '^  agreement files: 3 -> 3$'
expect "--status on two drafts changes nothing" 0 "$bin" compare "${A[@]}" --status draft \
  $F/changed-date-old.yaml $F/changed-date-new.yaml
contains "the drafts still compared" "$tmp/out" '^  changed 2\.1 Commencement:$'
# The totals count outcomes by scorecard status, and pooled money as the register does.
expect "sweep totals" 0 "$bin" compare "${A[@]}" $S/then $S/now
contains "outcomes then and now" "$tmp/out" '^  outcomes red: 5 -> 6$'
contains "live is in force, as the register counts it" "$tmp/out" \
  '^  pooled \(live\): £80,468,500\.50 -> £62,612,000\.50$'
contains "then and now written alike" "$tmp/out" '^  pooled \(all\): £103,784,500\.50 -> £130,828,501\.00$'

# Saved reports: last year's `check --format json` against this year's, without
# last year's files, on the findings they hold.
"$bin" check --as-of 2026-11-22 --format json -o "$tmp/then.json" $S/then
"$bin" check --as-of 2026-12-01 --format json -o "$tmp/now.json" $S/now
expect "two saved reports" 0 "$bin" compare "${A[@]}" "$tmp/then.json" "$tmp/now.json"
contains "matched by id" "$tmp/out" '1 added, 1 removed, 2 changed, 1 unchanged$'
contains "findings introduced, as the sweeps give them" "$tmp/out" '^    introduced: DATE\.07, FIN\.02$'
contains "findings by family then and now" "$tmp/out" '^  findings REG: 2 -> 5$'
lacks "no money or outcomes a check report does not hold" "$tmp/out" '^  (pooled|outcomes) '
expect "--fail-on-new on saved reports" 1 "$bin" compare "${A[@]}" --fail-on-new error \
  "$tmp/then.json" "$tmp/now.json"
"$bin" check --as-of 2026-11-22 --format json -o "$tmp/d1.json" agreements/
"$bin" check --as-of 2026-11-23 --format json -o "$tmp/d2.json" agreements/
expect "a report a day later" 0 "$bin" compare "${A[@]}" "$tmp/d1.json" "$tmp/d2.json"
contains "messages naming the as-of date still match" "$tmp/out" '0 changed, 14 unchanged$'
# Saved with --facts, a report carries what the register needs: the same
# comparison as of the two directories, money and outcomes included.
"$bin" check --as-of 2026-11-22 --format json --facts -o "$tmp/then-facts.json" $S/then
"$bin" check --as-of 2026-11-22 --format json --facts -o "$tmp/now-facts.json" $S/now
"$bin" compare "${A[@]}" $S/then $S/now >"$tmp/dirs.txt"
expect "two reports saved with --facts" 0 "$bin" compare "${A[@]}" "$tmp/then-facts.json" "$tmp/now-facts.json"
same "the same as comparing the directories" "$tmp/out" "$tmp/dirs.txt"
expect "--live reads the saved facts" 0 "$bin" compare --live "$tmp/then-facts.json" "$tmp/now-facts.json"
contains "only live agreements compared" "$tmp/out" '^  agreement files: 3 -> 3$'
"$bin" check --as-of 2026-12-01 --format json --facts -o "$tmp/now-facts2.json" $S/now
expect "each report's own date" 0 "$bin" compare "$tmp/then.json" "$tmp/now-facts2.json"
contains "both dates said" "$tmp/out" '^Agreements compared by id, as of 2026-11-22 then and 2026-12-01 now: '
contains "a side saved without facts says so" "$tmp/out" '^  pooled \(all\): not saved \(check --facts\) -> £130,828,501$'
expect "--live without facts" 2 "$bin" compare --live "$tmp/then.json" "$tmp/now-facts2.json"
contains "said how to save them" "$tmp/err" 'then.json holds no facts .* `s75check check --format json --facts`$'
sed 's/"pool_total": "49760000"/"pool_total": 49760000/' "$tmp/now-facts.json" >"$tmp/bad-facts.json"
expect "a fact of the wrong type" 2 "$bin" compare "$tmp/then-facts.json" "$tmp/bad-facts.json"
contains "named by file and key" "$tmp/err" 'the facts of .*eastbrook-bcf\.yaml \(funds\[0\]\.pool_total: not an exact decimal string\)$'
expect "--select on saved reports" 0 "$bin" compare --select REG "$tmp/then.json" "$tmp/now.json"
count "only the families selected" "$tmp/out" '^  findings ' 1
contains "REG kept" "$tmp/out" '^  findings REG: 2 -> 5$'
expect "an unknown rule on saved reports" 2 "$bin" compare --ignore NOPE "$tmp/then.json" "$tmp/now.json"
contains "said which" "$tmp/err" "no rule or family 'NOPE'"
# Reports saved by an earlier run, committed: last year's with facts, this
# year's without. Whatever later versions add, these must still read.
R=tests/fixtures/saved-reports
expect "committed saved reports" 0 "$bin" compare $R/2025-facts.json $R/2026-findings.json
contains "their own dates" "$tmp/out" '^Agreements compared by id, as of 2026-11-22 then and 2026-12-01 now: 1 added, 1 removed, 2 changed, 1 unchanged$'
contains "last year's money, this year's not saved" "$tmp/out" '^  pooled \(all\): £103,784,500\.50 -> not saved \(check --facts\)$'
expect "--facts is for json" 2 "$bin" check --facts $S/now
contains "said so" "$tmp/err" 'use it with --format json$'
printf '{"files": []}\n' >"$tmp/other.json"
expect "a JSON file that is no report" 2 "$bin" compare "$tmp/then.json" "$tmp/other.json"
contains "said what to save" "$tmp/err" 'other.json is not a report saved with `s75check check --format json`'
printf '{"files": [],\n "as_of": 1e400}\n' >"$tmp/huge.json"
expect "a saved report with a number too large" 2 "$bin" compare "$tmp/then.json" "$tmp/huge.json"
contains "located, as a baseline's is" "$tmp/err" 'huge.json is not a report saved .*: it is not valid JSON \(line 2, column 11: the number 1e400 is too large to read\)'
expect "docx of two saved reports" 2 "$bin" compare --format docx -o "$tmp/r.docx" \
  "$tmp/then.json" "$tmp/now.json"
contains "docx is for two drafts" "$tmp/err" 'docx writes a redline of two drafts'
expect "a report and an agreement" 2 "$bin" compare "$tmp/then.json" $F/changed-date-old.yaml
contains "said which is which" "$tmp/err" 'then.json is a saved report and .* is not$'

finish
