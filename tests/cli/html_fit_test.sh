#!/usr/bin/env bash
# The register page (register --format html), the check report (check
# --format html) and the comparisons (compare --format html: a redline of two
# drafts, and two sweeps) at a phone's width, a desktop's and on A4 paper, in
# headless Chromium. On screen, tests/cli/html_measure.js is injected into a copy of
# each page and measures it at 400x900 and 1400x900: every key column (the
# register's status, signed, errors, warnings and pool; the findings' file,
# severity, rule and message; the changed agreements' every column, and the
# totals) shows on every row inside the page and labelled,
# no severity badge wraps, no heading or summary figure overflows its box, no
# summary card leaves the page, and the page itself does not scroll sideways.
# On paper (print to PDF, read back with pdftotext -bbox): A4, and one line of
# a page holds every column's heading inside the page, so no column is cut off.
# Fails when Chromium or pdftotext is missing (scripts/setup installs them).
#
# S75_UPDATE_SCREENSHOT=1 also rewrites the pictures in docs/ (docs/register.md,
# docs/reports.md and docs/compare.md show them): NAME-400.png, NAME-1400.png,
# NAME-print.png.
source "$(dirname "$0")/lib.sh"
here=$(dirname "$0")

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium_bin ]] || ! command -v pdftotext >/dev/null; then
  echo "FAIL chromium and pdftotext (poppler-utils) are needed: run scripts/setup"
  exit 1
fi

chrome() {
  timeout 120 "$chromium_bin" --headless=new --no-sandbox --disable-gpu --no-first-run \
    --hide-scrollbars --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.err"
}

# measure NAME WIDTH SPEC: the facts html_measure.js finds in $tmp/NAME.html
# WIDTH px wide, into $tmp/NAME-WIDTH.facts. SPEC names the key columns
# (TABLE_ID:key,key). Headless Chromium dumps the DOM of a window no narrower
# than 500 px, so the page is measured in a WIDTHx900 frame of a wrapper page,
# which copies the frame's measurements into its own DOM once all has loaded.
measure() {
  python3 - "$tmp/$1.html" "$here/html_measure.js" "$3" "$2" <<'EOF'
import sys
name, script, spec, width = sys.argv[1], open(sys.argv[2]).read(), sys.argv[3], sys.argv[4]
page = open(name).read().replace("<body>", f'<body data-measure="{spec}">', 1)
# A page that runs no script of its own (the comparisons) refuses inline
# script; its copy lets the measuring script in.
if "script-src" not in page:
    page = page.replace("style-src 'unsafe-inline';", "style-src 'unsafe-inline'; script-src 'unsafe-inline';", 1)
page = page.replace("</body>", f"<script>{script}</script>\n</body>", 1)
open(name.replace(".html", "-measured.html"), "w").write(page)
frame = name.rsplit("/", 1)[1].replace(".html", "-measured.html")
open(name.replace(".html", f"-{width}-wrapper.html"), "w").write(f"""<!DOCTYPE html>
<html><body style="margin:0"><iframe id="frame" src="{frame}"
style="width:{width}px;height:900px;border:0"></iframe><script>
window.onload = function () {{
  var facts = document.getElementById('frame').contentDocument.getElementById('measure');
  var pre = document.createElement('pre');
  pre.id = 'measure';
  pre.textContent = facts ? facts.textContent : 'no measurements';
  document.body.appendChild(pre);
}};
</script></body></html>
""")
EOF
  chrome --allow-file-access-from-files --window-size="$(($2 + 100)),1000" --dump-dom \
    "file://$tmp/$1-$2-wrapper.html" >"$tmp/$1-$2.dom" ||
    fail "$1 at $2: chromium failed" "$tmp/chromium.err"
  sed -n '/<pre id="measure">/,/<\/pre>/p' "$tmp/$1-$2.dom" |
    grep -E '^[a-z_.]+=' >"$tmp/$1-$2.facts"
}

# fits NAME WIDTH KEYS...: at WIDTH the page fits (see the top) and each key
# column of KEYS (TABLE_ID.key) is on every row, in the page and labelled.
fits() {
  local facts="$tmp/$1-$2.facts" key
  contains "$1 at $2: the viewport is $2 px" "$facts" "^viewport=$2\$"
  contains "$1 at $2: the page does not scroll sideways" "$facts" '^page_overflow=0$'
  contains "$1 at $2: no badge wraps" "$facts" '^badges_wrapped=0$'
  contains "$1 at $2: no heading or figure overflows" "$facts" '^text_overflowing=0$'
  contains "$1 at $2: no heading or badge splits a word" "$facts" '^words_broken=0$'
  contains "$1 at $2: every summary card in the page" "$facts" '^cards=[1-9][0-9]* cards, 0 out$'
  for key in "${@:3}"; do
    contains "$1 at $2: $key on every row, labelled" "$facts" "^$key=[1-9][0-9]* rows, 0 out, 0 unlabelled\$"
  done
}

# printed NAME HEADING...: $tmp/NAME.html printed to PDF is A4 and one line
# holds every HEADING's first word inside the page.
printed() {
  chrome --no-pdf-header-footer --print-to-pdf="$tmp/$1.pdf" "file://$tmp/$1.html" >/dev/null
  python3 "$here/html_print.py" "$tmp/$1.pdf" "${@:2}" >"$tmp/$1.print"
  contains "$1 printed: A4 (either way round)" "$tmp/$1.print" '^page_size=(595x842|842x595)$'
  contains "$1 printed: one line holds every heading in the page" "$tmp/$1.print" '^row=yes$'
}

# pictures NAME ANCHOR: the screenshots the docs show, rewritten on request:
# the page scrolled to ANCHOR (in a frame of a wrapper page, as a headless
# screenshot does not follow a fragment) at 400x900 and 1400x900, and the
# first printed page.
pictures() {
  local width png
  for width in 400 1400; do
    printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="%s#%s" style="width:%spx;height:900px;border:0;display:block"></iframe></body></html>' \
      "$1.html" "$2" "$width" >"$tmp/$1-$width-shot.html"
    chrome --window-size="$width,900" --screenshot="$tmp/$1-$width.png" \
      "file://$tmp/$1-$width-shot.html" >/dev/null
  done
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$tmp/$1.pdf" "$tmp/$1-print"
  for png in "$tmp/$1-400.png" "$tmp/$1-1400.png" "$tmp/$1-print.png"; do
    if [[ $(head -c 8 "$png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]]; then
      pass
    else
      fail "$png: no PNG written" "$tmp/chromium.err"
    fi
    if [[ -n ${S75_UPDATE_SCREENSHOT:-} ]]; then cp "$png" docs/; fi
  done
}

expect "register html" 0 "$bin" register --as-of 2026-11-22 --format html -o "$tmp/register.html" agreements/
expect "check html" 1 "$bin" check --as-of 2026-11-22 --format html -o "$tmp/report.html" agreements/

# A redline with every kind of change: the date changed (the fixture pair), a
# partner renamed, an aim removed and a service added; compared in $tmp, so the
# page names the drafts as a user would.
cp tests/fixtures/compare/changed-date-old.yaml "$tmp/draft-1.yaml"
sed -e 's/^    name: Midshire County Council$/    name: Midshire Council/' \
  -e '/^    - Every adult on a GP learning disability register/d' \
  -e 's/^    - Community learning disability team, health and social care staff$/&\n    - Shared Lives placements with trained carers/' \
  tests/fixtures/compare/changed-date-new.yaml >"$tmp/draft-2.yaml"
bin_path=$(realpath "$bin")
expect "redline html" 0 bash -c 'cd "$1" && "$2" compare --as-of 2026-11-22 --format html \
  -o compare-redline.html draft-1.yaml draft-2.yaml' - "$tmp" "$bin_path"
for kind in removed added changed; do
  contains "the redline shows a provision $kind" "$tmp/compare-redline.html" "<span class=\"badge $kind\">"
done
expect "sweep comparison html" 0 "$bin" compare --as-of 2026-11-22 --format html -o "$tmp/compare-sweep.html" \
  tests/fixtures/compare-sweep/then tests/fixtures/compare-sweep/now

register_keys=(register.status register.signed register.errors register.warnings register.pool_total)
report_keys=(findings.file findings.severity findings.rule findings.message)
for width in 400 1400; do
  measure register "$width" "register:status,signed,errors,warnings,pool_total"
  fits register "$width" "${register_keys[@]}"
  measure report "$width" "findings:file,severity,rule,message"
  fits report "$width" "${report_keys[@]}"
  measure compare-redline "$width" ""
  fits compare-redline "$width"
  measure compare-sweep "$width" "changed:agreement,status,compliant,pooled,introduced,resolved;added:agreement,title,status,compliant,pooled;totals:what,then,now"
  fits compare-sweep "$width" changed.agreement changed.status changed.compliant changed.pooled \
    changed.introduced changed.resolved added.agreement added.title added.pooled totals.what \
    totals.then totals.now
done

# Every column's heading, first word: the register's from its table.
mapfile -t register_heads < <(grep -oP '<th data-key="[^"]*"[^>]*>\K[^ <]+' "$tmp/register.html")
printed register "${register_heads[@]}"
printed report File Line Severity Rule Message References Waived
# The redline: a changed date's old and new text on one line in the page.
printed compare-redline April July
printed compare-sweep Agreement Status Compliant Pooled Introduced Resolved
pictures register register-section
pictures report matrix
pictures compare-redline top  # no such id: the top of the page
pictures compare-sweep changed-section

finish
