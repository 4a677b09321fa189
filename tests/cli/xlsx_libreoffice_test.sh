#!/usr/bin/env bash
# The xlsx workbooks (register, check, outturn, scorecard, compare) in their real consumer: LibreOffice Calc (headless,
# libreoffice-calc-nogui) converts each to PDF without error, and the PDF
# (pdftotext, poppler-utils) shows money in pounds and formula-like text as
# text. Skipped (77) only when LibreOffice is not installed.
#
# S75_UPDATE_SCREENSHOT=1 also rewrites docs/xlsx-outturn.png (pdftoppm): the second
# page of the outturn of outturn.md's worked example.
source "$(dirname "$0")/lib.sh"
office=$(command -v libreoffice || command -v soffice) || {
  echo "SKIP: LibreOffice is not installed (scripts/setup installs libreoffice-calc-nogui)"
  exit 77
}
A=(--as-of 2026-11-22)
"$bin" register "${A[@]}" --format xlsx -o "$tmp/register.xlsx" tests/fixtures/register
"$bin" check "${A[@]}" --format xlsx -o "$tmp/check.xlsx" agreements
"$bin" outturn --as-of 2026-12-01 --format xlsx -o "$tmp/outturn.xlsx" tests/fixtures/outturn
"$bin" outturn --as-of 2026-12-01 --format xlsx -o "$tmp/example.xlsx" tests/fixtures/outturn/hfd-mh.yaml
"$bin" scorecard --as-of 2008-11-15 --format xlsx -o "$tmp/scorecard.xlsx" tests/fixtures/scorecard
"$bin" compare "${A[@]}" --format xlsx -o "$tmp/sweeps.xlsx" tests/fixtures/compare-sweep/{then,now}
"$bin" compare "${A[@]}" --format xlsx -o "$tmp/redline.xlsx" tests/fixtures/compare/renamed-partner-{old,new}.yaml

# LibreOffice needs a writable home and profile: both under $tmp.
mkdir -p "$tmp/home" "$tmp/pdf"
HOME=$tmp/home timeout 300 "$office" -env:UserInstallation="file://$tmp/profile" --headless \
  --convert-to pdf --outdir "$tmp/pdf" "$tmp"/{register,check,outturn,scorecard,example,sweeps,redline}.xlsx \
  >"$tmp/office.out" 2>&1
status=$?
if [[ $status == 0 ]]; then pass; else fail "libreoffice exit $status" "$tmp/office.out"; fi
lacks "libreoffice said no error" "$tmp/office.out" '[Ee]rror'
for name in register check outturn scorecard sweeps redline; do
  if [[ $(head -c 4 "$tmp/pdf/$name.pdf" 2>/dev/null) == %PDF ]]; then pass; else
    fail "$name.xlsx did not convert to PDF" "$tmp/office.out"
  fi
done

if command -v pdftotext >/dev/null; then
  pdftotext -layout "$tmp/pdf/register.pdf" "$tmp/register.txt"
  contains "calc shows money in pounds" "$tmp/register.txt" '£1,000,000\.50'
  contains "calc shows a date as a date" "$tmp/register.txt" '2024-04-01'
  contains "calc shows formula text as text" "$tmp/register.txt" '=HYPERLINK\("http://evil'
  pdftotext -layout "$tmp/pdf/outturn.pdf" "$tmp/outturn.txt"
  contains "calc: the worked example's PCT share" "$tmp/outturn.txt" '£631,609\.20'
  pdftotext -layout "$tmp/pdf/sweeps.pdf" "$tmp/sweeps.txt"
  contains "calc: a sweep's pooled money then" "$tmp/sweeps.txt" '£103,784,500\.50'
  pdftotext -layout "$tmp/pdf/redline.pdf" "$tmp/redline.txt"
  contains "calc: the redline's rename" "$tmp/redline.txt" 'Midshire County Council'
fi

if [[ -n ${S75_UPDATE_SCREENSHOT:-} ]]; then
  pdftoppm -png -r 80 -f 2 -l 2 -singlefile "$tmp/pdf/example.pdf" docs/xlsx-outturn
fi
finish
