#!/usr/bin/env bash
# The HTML report as a browser shows it: headless Chromium renders the page
# for agreements/ (and a hostile agreement), runs its script, and dumps the
# DOM; tests/cli/html_dom.py reads what the page shows. Checks the chart
# against the JSON summary, the compliance matrix's shape, that hostile text
# stays text, the filter and sort driven through the address's fragment, and
# that the page asks for nothing over the network. Fails when Chromium is
# missing (scripts/setup installs Debian's chromium).
#
# S75_UPDATE_SCREENSHOT=1 also rewrites docs/report.png, the picture in docs/reports.md.
source "$(dirname "$0")/lib.sh"
dom_py="$(dirname "$0")/html_dom.py"

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium_bin ]]; then
  echo "FAIL chromium is not installed: this test renders the HTML report in headless" \
    "Chromium; run scripts/setup (it installs Debian's chromium package)"
  exit 1
fi

# chrome ARGS...: headless Chromium with a throwaway profile; its chatter goes
# to $tmp/chromium.err.
chrome() {
  timeout 120 "$chromium_bin" --headless=new --no-sandbox --disable-gpu --no-first-run \
    --hide-scrollbars --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.err"
}

# dom NAME URL [FILTER]: the DOM of URL after the script ran, read by html_dom.py
# into $tmp/NAME.facts.
dom() {
  chrome --dump-dom "$2" >"$tmp/$1.dom" || fail "$1: chromium failed" "$tmp/chromium.err"
  python3 "$dom_py" "$tmp/$1.dom" "${@:3}" >"$tmp/$1.facts"
}

# fact NAME KEY VALUE: html_dom.py found KEY=VALUE in $tmp/NAME.facts.
fact() { contains "$1: $2" "$tmp/$1.facts" "^$2=$3\$"; }

# summary KEY: the JSON report's summary count.
summary() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"][sys.argv[2]])' "$tmp/report.json" "$1"; }

# findings PYTHON_CONDITION: how many JSON findings (f, in file d) satisfy it.
findings() {
  python3 -c 'import json,sys
n=0
for d in json.load(open(sys.argv[1]))["files"]:
  for f in d["findings"]:
    n += bool(eval(sys.argv[2]))
print(n)' "$tmp/report.json" "$1"
}

expect "json report" 1 "$bin" check --as-of 2026-11-22 --format json -o "$tmp/report.json" agreements/
expect "html report" 1 "$bin" check --as-of 2026-11-22 --format html -o "$tmp/report.html" agreements/
page="file://$tmp/report.html"

# The page fetches nothing: no external reference in the markup or the CSS.
lacks "no link element" "$tmp/report.html" '<link'
lacks "no external script" "$tmp/report.html" '<script[^>]+src'
lacks "no src or href" "$tmp/report.html" '(src|href)='
lacks "no URL" "$tmp/report.html" 'https?:|//[a-z]'
lacks "no CSS fetch" "$tmp/report.html" 'url\([^#]|@import'
contains "a policy forbids fetching" "$tmp/report.html" "Content-Security-Policy\" content=\"default-src 'none'"

# As rendered, before any filter: the chart's bars add up to the JSON summary.
dom plain "$page"
fact plain summary_files "$(summary files)"
fact plain summary_unreadable "$(summary unreadable)"
for severity in error warning info waived; do
  fact plain "bar_$severity" "$(summary "$severity")"
  fact plain "summary_$severity" "$(summary "$severity")"
done
fact plain bars 9 # T1, AC, HFD, CF, REG, FIN, DATE, DOC, WAIVER
fact plain bars_titled 9
fact plain matrix_rows 14
fact plain element_columns 14 # T1.01-T1.11, REG, FIN, DATE
fact plain matrix_cells_per_row 14
fact plain findings_rows "$(findings True)"
fact plain findings_visible "$(findings True)"
fact plain visible_line_order unsorted
fact plain controls_shown 1
fact plain scripts 1
fact plain fetches 0
# An agreement in force past its expiry passes Table 1 but not DATE.
contains "plain: DATE column of the aligned budget, in force past expiry" "$tmp/plain.dom" \
  'aligned-intermediate-care\.yaml</span></span></th>.*title="DATE Dates: error \([0-9]+ findings?\)"'
contains "plain: matrix row for the model" "$tmp/plain.facts" '^matrix_row=Adult learning disability services partnership agreement \(pooled fund\)midshire-ld-2024'

# The filter, from the fragment: T1.07's findings only.
dom t107 "$page#filter=T1.07" T1.07
fact t107 findings_visible "$(findings 'f["rule"] == "T1.07"')"
contains "t107: as many rows as hold the text" "$tmp/t107.facts" "^matching=$(grep -oP '^findings_visible=\K.*' "$tmp/t107.facts")\$"
fact t107 shown "$(findings 'f["rule"] == "T1.07"') of $(findings True) findings shown"

# Severity check boxes: one agreement's errors and warnings, no info, nothing waived.
dom draft "$page#filter=draft-tbc&hide=info,waived"
fact draft findings_visible \
  "$(findings '"draft-tbc" in d["path"] and f["severity"] != "info" and not f["waived"]')"

# Sorting by a column heading's key, from the fragment.
dom sorted "$page#sort=line&dir=desc"
fact sorted sorted_by "line:descending"
fact sorted visible_line_order descending
fact sorted findings_visible "$(findings True)"

# Hostile text shows as text: no element, attribute or script gets in. A file
# that cannot be read has a row of "?" cells.
printf 'format: s75check/1\nagreement: [\n' >"$tmp/broken.yaml"
expect "hostile html" 2 "$bin" check --as-of 2026-11-22 --format html -o "$tmp/hostile.html" \
  agreements/ tests/fixtures/hostile/hostile.yaml "$tmp/broken.yaml"
dom hostile "file://$tmp/hostile.html"
fact hostile matrix_rows 16
fact hostile cells_unreadable 14
contains "hostile: the unreadable row says so" "$tmp/hostile.facts" '^matrix_row=.*broken.yamlcould not be checked$'
fact hostile scripts 1
fact hostile injected 0
fact hostile event_attributes 0
fact hostile fetches 0
contains "hostile: the title is text" "$tmp/hostile.facts" \
  "^matrix_row=<script>alert\(1\)</script> & 'Trust' \| Councilhostile"

# Rules left out by --select are "not evaluated" in the matrix, not passes.
expect "selected html" 1 "$bin" check --as-of 2026-11-22 --select T1.01,T1.07,FIN --format html \
  -o "$tmp/selected.html" agreements/
dom selected "file://$tmp/selected.html"
fact selected cells_notrun $((14 * 11)) # nine T1 rules, REG and DATE
fact selected element_columns 14

# A picture of the page, as docs/reports.md shows it.
chrome --screenshot="$tmp/report.png" --window-size=1280,2000 "$page" >/dev/null
if [[ $(head -c 8 "$tmp/report.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
  pass
else
  fail "screenshot: no PNG written" "$tmp/chromium.err"
fi
if [[ -n ${S75_UPDATE_SCREENSHOT:-} ]]; then
  cp "$tmp/report.png" docs/report.png
fi

finish
