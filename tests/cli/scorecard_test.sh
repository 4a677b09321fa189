#!/usr/bin/env bash
# `s75check scorecard` as a user meets it (shared/spec/scorecard.md): the
# worked example's figures in every format, an unreadable file listed (exit 2)
# while the others are scored, -o written whole, CSV cells that never run as
# formulas, and an HTML page that fetches nothing, escapes every value and
# renders in headless Chromium at 400 px and at desktop width.
#
# S75_UPDATE_SCREENSHOT=1 also rewrites docs/scorecard.png.
source "$(dirname "$0")/lib.sh"
fx=tests/fixtures/scorecard
ex=$fx/worked-example.yaml

expect "text" 0 "$bin" scorecard --as-of 2008-11-15 "$ex"
contains "o1 red, improving" "$tmp/out" '^    o1 \| Reduce emergency .* \| NI 134 \| baseline 2778 \(2007/08\) \| target 2025 by 2009-03-31 \| latest 2540 at 2008-09-30 \| forecast 2300\.1 \| red \(misses by 275\.1; tolerance 75\.3\) \| improving$'
contains "o3 met at its outturn" "$tmp/out" '^    o3 .* \| met \(22\.4 at 2008-10-31\)'
contains "o4 no data" "$tmp/out" '^    o4 .* \| no data$'
contains "o5 says what is missing" "$tmp/out" "^      $ex:44:5: outcome o5: missing \`baseline.value\` \(or give \`target.direction\`\)"
contains "no domain section" "$tmp/out" '^  No domain$'
contains "scores" "$tmp/out" '^  scores: Service users and carers 0\.333; .* overall 0\.375$'

expect "text, third figure" 0 "$bin" scorecard --as-of 2009-01-20 "$ex"
contains "o1 green" "$tmp/out" '\| forecast 1984\.2 \| green \| improving$'

expect "json" 0 "$bin" scorecard --as-of 2008-11-15 --format json "$ex"
cp "$tmp/out" "$tmp/card.json"
python3 - "$tmp/card.json" <<'PY' >"$tmp/json.facts"
import json, sys
d = json.load(open(sys.argv[1]))
o = d["agreements"][0]["outcomes"][0]
print("forecast", o["forecast"], o["status"], o["trend"], o["target"]["tolerance"])
print("counts", d["summary"]["counts"]["red"], d["summary"]["counts"]["not rated"])
PY
contains "json exact strings" "$tmp/json.facts" '^forecast 2300\.1 red improving 75\.3$'
contains "json counts" "$tmp/json.facts" '^counts 1 1$'

expect "markdown" 0 "$bin" scorecard --as-of 2008-11-15 --format markdown "$ex"
contains "markdown row" "$tmp/out" '^\| o1 \| .* \| 2300\.1 \| \*\*red \(misses by 275\.1; tolerance 75\.3\)\*\* \| improving \|$'

# An unreadable file is listed, the others scored, exit 2 at the end.
expect "unreadable" 2 "$bin" scorecard --as-of 2008-11-15 "$ex" "$fx/unreadable.yaml" "$fx/missing.yaml"
contains "unreadable listed" "$tmp/out" "^$fx/unreadable.yaml: cannot be read: $fx/unreadable.yaml:[0-9]+:[0-9]+: DOC.01"
contains "missing listed" "$tmp/out" "^$fx/missing.yaml: cannot be read: .*DOC.07"
contains "others scored" "$tmp/out" 'forecast 2300\.1 \| red'
contains "portfolio summary" "$tmp/out" '^scorecard as of 2008-11-15: 3 agreements \(2 unreadable\); '

# -o: written whole; a directory that cannot take it leaves nothing.
expect "-o" 0 "$bin" scorecard --as-of 2008-11-15 --format csv -o "$tmp/card.csv" "$ex" "$fx/hostile.yaml"
contains "csv row" "$tmp/card.csv" '^tests/fixtures/scorecard/worked-example.yaml,worked-example,o1,users_and_carers,2,.*,2300\.1,,,275\.1,red,improving,,'
contains "csv formula guarded" "$tmp/card.csv" "^[^,]*,hostile-<b>,h1,resources,1,\"'=HYPERLINK"
contains "csv schemes" "$tmp/card.csv" ',s1 s2.$'
expect "-o bad dir" 2 "$bin" scorecard --as-of 2008-11-15 -o "$tmp/no/such/dir/card.txt" "$ex"

# HTML: self-contained, escaped, rendered.
expect "html" 0 "$bin" scorecard --as-of 2008-11-15 --format html -o "$tmp/card.html" "$ex" "$fx/hostile.yaml"
h=$tmp/card.html
contains "a policy forbids fetching" "$h" "Content-Security-Policy\" content=\"default-src 'none'"
lacks "no script" "$h" '<script'
lacks "no src attribute" "$h" '<[a-z]+[^>]* (src|href)="[^#]'
lacks "no CSS fetch" "$h" 'url\([^#]|@import'
expect "html, example" 0 "$bin" scorecard --as-of 2008-11-15 --format html -o "$tmp/example.html" "$ex"
lacks "no URL" "$tmp/example.html" 'https?:|//[a-z]'
contains "hostile title escaped" "$h" '&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; co'
contains "hostile description escaped" "$h" '&lt;img src=x onerror=alert\(1\)&gt;'
count "one chart per rated outcome" "$h" '<svg class="trend"' 5
contains "heat map red cell" "$h" '<td class="cell poor">✗ 0\.333</td>'
contains "status word in the badge" "$h" '<span class="badge poor">✗ red \(misses by 275\.1; tolerance 75\.3\)</span>'

chromium_bin=$(command -v chromium || command -v chromium-browser || true)
if [[ -z $chromium_bin ]]; then
  fail "chromium is not installed: run scripts/setup"
else
  for width in 400 1280; do
    timeout 120 "$chromium_bin" --headless=new --no-sandbox --disable-gpu --no-first-run \
      --hide-scrollbars --user-data-dir="$tmp/profile" --window-size=$width,1600 \
      --screenshot="$tmp/card-$width.png" "file://$h" 2>>"$tmp/chromium.err"
    if [[ -s $tmp/card-$width.png ]]; then pass; else fail "no screenshot at $width px" "$tmp/chromium.err"; fi
  done
  timeout 120 "$chromium_bin" --headless=new --no-sandbox --disable-gpu --no-first-run \
    --user-data-dir="$tmp/profile" --dump-dom "file://$h" >"$tmp/card.dom" 2>>"$tmp/chromium.err"
  count "the browser shows every outcome" "$tmp/card.dom" '<article class="outcome"' 6
  if [[ ${S75_UPDATE_SCREENSHOT:-} == 1 ]]; then
    "$bin" scorecard --as-of 2008-11-15 --format html -o "$tmp/example.html" "$ex"
    timeout 120 "$chromium_bin" --headless=new --no-sandbox --disable-gpu --no-first-run \
      --hide-scrollbars --user-data-dir="$tmp/profile" --window-size=1100,1500 \
      --screenshot=docs/scorecard.png "file://$tmp/example.html" 2>>"$tmp/chromium.err"
  fi
fi

finish
