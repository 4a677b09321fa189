// The HTML report's style sheet and script, inlined into every report so that
// the page is one file that fetches nothing. The script only adds sorting and
// filtering to the findings table; the page reads fully without it.
#pragma once

#include <string_view>

namespace s75 {

// The style sheet: print-friendly, readable in greyscale (every colour is
// paired with a word or a symbol).
inline constexpr std::string_view kHtmlStyle = R"css(
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9dee4; --panel: #f4f6f9; --brand: #1d3557;
  --error: #a4262c; --error-bg: #fbe2e3;
  --warning: #8a5300; --warning-bar: #e5a03a; --warning-bg: #fdf0d3;
  --info: #2c5d8f; --info-bar: #5b8ec4; --info-bg: #e2edf9;
  --pass: #1e6b3a; --pass-bg: #dff2e5;
  --waived: #3e4c59; --waived-bg: #e6e9ee;
  --unread: #323f4b;
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif;
}
main { max-width: 1240px; margin: 0 auto; padding: 0 32px 48px; }
header.page { background: var(--brand); color: #fff; padding: 22px 0 18px; }
header.page div { max-width: 1240px; margin: 0 auto; padding: 0 32px; }
header.page h1 { margin: 0; font-size: 26px; font-weight: 700; letter-spacing: .01em; }
header.page p { margin: 4px 0 0; color: #d5deea; }
h2 { font-size: 20px; margin: 36px 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
p.intro, p.note { color: var(--muted); max-width: 78em; margin: 4px 0 10px; }
p.note { font-size: 13px; }
code, .path { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

dl.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5em, 1fr)); gap: 12px; margin: 20px 0 0; }
dl.summary div { background: var(--panel); border-radius: 6px; padding: 10px 14px; border-top: 4px solid var(--line); }
dl.summary dt { font-size: 13px; color: var(--muted); }
dl.summary dd { margin: 0; font-size: 30px; font-weight: 700; font-variant-numeric: tabular-nums; }
dl.summary .error { border-top-color: var(--error); }
dl.summary .warning { border-top-color: var(--warning-bar); }
dl.summary .info { border-top-color: var(--info-bar); }
dl.summary .waived { border-top-color: var(--waived); }
dl.summary .unreadable { border-top-color: var(--unread); }

table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: var(--panel); font-weight: 600; border-bottom: 2px solid #bcc5cf; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #bcc5cf; border-bottom: 0; }

ul.legend { display: flex; flex-wrap: wrap; gap: 6px 20px; list-style: none; padding: 0; margin: 8px 0 10px; font-size: 13px; }
ul.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; min-width: 26px; padding: 0 6px; border-radius: 3px; text-align: center; font-weight: 700; }

svg.chart { display: block; width: 100%; max-width: 900px; height: auto; }
svg.chart .family { font-size: 14px; font-weight: 700; fill: var(--ink); }
svg.chart .total { font-size: 13px; fill: var(--ink); }
svg.chart .track { fill: var(--panel); }
svg.chart .count { font-size: 12px; font-weight: 700; fill: #fff; }
svg.chart .count.dark { fill: var(--ink); }
.seg-error, .swatch.seg-error { fill: var(--error); background: var(--error); color: #fff; }
.seg-warning, .swatch.seg-warning { fill: var(--warning-bar); background: var(--warning-bar); }
.seg-info, .swatch.seg-info { fill: var(--info-bar); background: var(--info-bar); color: #fff; }
.seg-waived { fill: url(#waived-hatch); }
.swatch.seg-waived { background: repeating-linear-gradient(135deg, #c3cad3 0 3px, #eef1f4 3px 6px); }
details { margin-top: 8px; font-size: 14px; }
details table, table.money { max-width: 760px; }

table.matrix { table-layout: fixed; }
table.matrix th.agreement { width: 30%; }
table.matrix thead th.element { font-size: 12px; font-weight: 600; text-align: center; vertical-align: bottom; line-height: 1.3; }
table.matrix thead th.element span { display: block; font-weight: 400; color: var(--muted); }
table.matrix th[scope=row] { font-weight: 600; }
table.matrix th[scope=row] span { display: block; font-weight: 400; font-size: 12px; color: var(--muted); }
td.cell, .swatch.cell { text-align: center; font-weight: 700; font-size: 15px; }
td.cell { border: 2px solid #fff; vertical-align: middle; }
.cell.pass { background: var(--pass-bg); color: var(--pass); }
.cell.info { background: var(--info-bg); color: var(--info); }
.cell.warning { background: var(--warning-bg); color: var(--warning); }
.cell.error { background: var(--error-bg); color: var(--error); }
.cell.waived { background: var(--waived-bg); color: var(--waived); }
.cell.notrun { background: repeating-linear-gradient(135deg, #f4f6f9 0 4px, #e4e8ed 4px 8px); color: var(--muted); font-weight: 400; }
.cell.unreadable { background: var(--unread); color: #fff; }
td.cell small { font-size: 12px; font-weight: 400; }

.sev { display: inline-block; white-space: nowrap; padding: 0 6px; border-radius: 3px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.sev.error { background: var(--error-bg); color: var(--error); }
.sev.warning { background: var(--warning-bg); color: var(--warning); }
.sev.info { background: var(--info-bg); color: var(--info); }
table.findings { table-layout: fixed; }
table.findings th:nth-child(1) { width: 16%; }
table.findings th:nth-child(2) { width: 6%; }
table.findings th:nth-child(3) { width: 9%; }
table.findings th:nth-child(4) { width: 14%; }
table.findings th:nth-child(6) { width: 13%; }
table.findings th:nth-child(7) { width: 14%; }
table.findings td { overflow-wrap: anywhere; }
.register-wrap { overflow-x: auto; }
table.register { font-size: 13px; width: max-content; min-width: 100%; }
table.register td { max-width: 20em; vertical-align: top; }
table.register td.nowrap { white-space: nowrap; }
table.register tr[data-severity=error] td:first-child { border-left: 4px solid var(--error); }
table.register tr[data-severity=unreadable] td { background: #f4f6f9; }
table.findings td.rule span, table.findings td.where span { display: block; font-size: 12px; color: var(--muted); }
table.findings tr.waived td { background: #fafbfc; }
table.findings td.waiver { font-size: 13px; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th[aria-sort=ascending] button::after { content: " \25B2"; font-size: 10px; }
th[aria-sort=descending] button::after { content: " \25BC"; font-size: 10px; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; background: var(--panel); padding: 10px 12px; border-radius: 6px; margin: 8px 0; font-size: 14px; }
.controls input[type=search] { font: inherit; width: 24em; padding: 3px 8px; border: 1px solid #9aa5b1; border-radius: 4px; }
.controls output { margin-left: auto; color: var(--muted); }
footer { margin-top: 40px; padding-top: 8px; border-top: 1px solid var(--line); font-size: 13px; color: var(--muted); }
@media (max-width: 640px) {
  main, header.page div { padding-left: 14px; padding-right: 14px; }
  header.page h1 { font-size: 22px; }
  h2 { font-size: 18px; }
  dl.summary { gap: 8px; }
  dl.summary dd { font-size: 24px; }
  th, td { padding: 5px 6px; }
  td { overflow-wrap: anywhere; }
  table.money { font-size: 13px; }
  .controls input[type=search] { width: 100%; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  main, header.page div { max-width: none; padding-left: 0; padding-right: 0; }
  header.page { background: none; color: var(--ink); border-bottom: 3px solid var(--ink); }
  header.page p { color: var(--muted); }
  .controls { display: none !important; }
  table.findings tr[hidden] { display: table-row !important; }
  h2 { break-after: avoid; }
}
)css";

// What the check report and the register add to the style sheet: their wide
// tables read at any width and on paper. Below 720 px a table of class
// "reflow" becomes one card per row, each cell labelled with its column's
// name (data-label), so every column shows without sideways scrolling; the
// register (widest) keeps its first column in view when it scrolls, and the
// matrix scrolls in its own box with the agreement in view. On paper: A4
// landscape, smaller type, every column, nothing scrolled or stuck.
inline constexpr std::string_view kSweepStyle = R"css(
.register-wrap, .matrix-wrap { overflow-x: auto; position: relative; }
table.register th:first-child, table.register td:first-child,
table.matrix th.agreement, table.matrix th[scope=row] { position: sticky; left: 0; z-index: 1; background: #fff; }
table.register thead th:first-child, table.matrix thead th.agreement { background: var(--panel); }
table.register td:first-child { font-weight: 600; }
table.matrix { table-layout: auto; }
table.matrix th.agreement { width: auto; min-width: 16em; }
table.matrix thead th.element { padding: 6px 4px; }
table.matrix th.element.family { border-left: 2px solid #bcc5cf; }
table.matrix th[scope=row] .path { overflow-wrap: anywhere; }
@media (max-width: 720px) {
  table.reflow, table.reflow tbody, table.reflow tr { display: block; width: auto; min-width: 0; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.reflow tr { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 6px 10px; }
  table.reflow tr[data-severity=error] { border-left-color: var(--error); }
  table.reflow tr[data-severity=warning] { border-left-color: var(--warning-bar); }
  table.reflow tr[data-severity=info] { border-left-color: var(--info-bar); }
  table.reflow tr[data-severity=unreadable] { border-left-color: var(--unread); }
  table.reflow tr.waived, table.reflow tr[data-waived=yes] { border-left-color: var(--waived); }
  table.reflow tbody td, table.reflow tbody td:first-child {
    display: flow-root; position: static; width: auto; max-width: none;
    padding: 2px 0 2px 7.7rem; border: 0; text-align: left; white-space: normal; overflow-wrap: anywhere;
  }
  table.reflow td::before {
    content: attr(data-label); float: left; width: 7.2rem; margin-left: -7.7rem; overflow-wrap: normal;
    font: 600 12.5px/1.6 system-ui, "Segoe UI", Roboto, Arial, "DejaVu Sans", sans-serif; color: var(--muted);
  }
  table.reflow tbody td:first-child { font-size: 15px; }
  table.register tr[data-severity=error] td:first-child { border-left: 0; }
  .register-wrap { overflow: visible; }
  table.register { width: 100%; }
  table.matrix th.agreement { min-width: 11em; max-width: 11em; }
  table.matrix th[scope=row] { max-width: 11em; }
}
@page { size: A4 landscape; margin: 10mm; }
@media print {
  body { font-size: 9pt; }
  table, table.register, table.findings { font-size: 7.5pt; }
  th, td { padding: 2px 3px; }
  .register-wrap, .matrix-wrap { overflow: visible; }
  table.register { width: 100%; min-width: 0; }
  /* Every column on A4 landscape (27 of them with the outturn and outcome
     counts): long words may break inside text cells, headings wrap, and the
     identifying columns keep a readable width. */
  table.register { font-size: 6.5pt; }
  table.register th { white-space: normal; overflow-wrap: normal; }
  table.register td { max-width: none; overflow-wrap: anywhere; }
  table.register td:first-child, table.register td[data-label=Status] { overflow-wrap: normal; }
  table.register td:first-child, table.register td[data-label=File],
  table.register td[data-label=Title], table.register td[data-label=Partners],
  table.register td[data-label=Funds] { min-width: 7em; }
  table.register th:first-child, table.register td:first-child,
  table.matrix th.agreement, table.matrix th[scope=row] { position: static; }
  table.matrix th.agreement { min-width: 0; width: 22%; }
  table.matrix thead th.element { font-size: 7pt; }
  td.cell { font-size: 9pt; }
  code, .path, table.matrix th[scope=row] span, table.findings td.rule span, table.findings td.where span { font-size: 6.5pt; }
  dl.summary dd { font-size: 18pt; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  svg.chart { max-width: 170mm; }
}
)css";

// What a rendered agreement adds to the style sheet: numbered clauses set out
// like a legal document, and findings beside the clauses they concern.
inline constexpr std::string_view kRenderStyle = R"css(
main.agreement, header.page div { max-width: 900px; }
.agreement h2 .no { display: inline-block; min-width: 2em; }
dl.particulars { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 16px 0 0; }
dl.particulars dt { font-weight: 600; }
dl.particulars dd { margin: 0; }
.provision p { margin: 6px 0; padding-left: 3em; text-indent: -3em; }
.provision .no { display: inline-block; min-width: 3em; text-indent: 0; font-weight: 600; color: var(--muted); font-variant-numeric: tabular-nums; }
.provision.depth-1 { margin-left: 3em; }
.provision.depth-1 p, .provision.depth-2 p { margin: 2px 0; padding-left: 2.4em; text-indent: -2.4em; }
.provision.depth-2 { margin-left: 6em; }
.provision.depth-1 .no, .provision.depth-2 .no { min-width: 2.4em; font-weight: 400; }
p.empty, p.lede { color: var(--muted); }
aside.finding { margin: 4px 0 10px 3em; padding: 4px 10px; border-left: 4px solid var(--line); font-size: 14px; background: var(--panel); }
aside.finding.error { border-left-color: var(--error); background: var(--error-bg); }
aside.finding.warning { border-left-color: var(--warning-bar); background: var(--warning-bg); }
aside.finding.info { border-left-color: var(--info-bar); background: var(--info-bg); }
aside.finding.waived { border-left-color: var(--waived); background: var(--waived-bg); }
aside.finding .where { color: var(--muted); font-size: 12.5px; }
aside.finding .waiver { display: block; font-size: 13px; }
@media print { aside.finding { break-inside: avoid; } }
)css";

// Sorting (click a column heading) and filtering (a text box and a check box
// per severity) of the findings table. The view is kept in the address's
// fragment (#filter=T1.07&hide=info&sort=line&dir=desc), so a link or a
// headless browser can open the page in that state.
inline constexpr std::string_view kHtmlScript = R"js(
(function () {
  'use strict';
  var table = document.getElementById('findings') || document.getElementById('register');
  var controls = document.getElementById('controls');
  if (!table || !controls) return;
  var noun = table.getAttribute('data-noun') || 'findings';
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var text = document.getElementById('filter');
  var boxes = Array.prototype.slice.call(controls.querySelectorAll('input[type=checkbox]'));
  var shown = document.getElementById('shown');
  var view = { filter: '', hide: [], sort: '', dir: 'asc' };

  rows.forEach(function (row, i) { row.dataset.order = i; });

  function readHash() {
    var fresh = { filter: '', hide: [], sort: '', dir: 'asc' };
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var key = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
      if (key === 'hide') fresh.hide = value ? value.split(',') : [];
      else if (key in fresh) fresh[key] = value;
    });
    return fresh;
  }

  function writeHash() {
    var parts = [];
    if (view.filter) parts.push('filter=' + encodeURIComponent(view.filter));
    if (view.hide.length) parts.push('hide=' + view.hide.join(','));
    if (view.sort) parts.push('sort=' + view.sort, 'dir=' + view.dir);
    history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname);
  }

  function sortKey(row, column) {
    var cell = row.cells[column];
    var key = cell.getAttribute('data-sort');
    return key !== null ? key : cell.textContent.trim().toLowerCase();
  }

  function applySort() {
    var column = -1, numeric = false;
    heads.forEach(function (th, i) {
      var active = th.dataset.key === view.sort;
      if (active) { column = i; numeric = th.dataset.type === 'number'; }
      if (active) th.setAttribute('aria-sort', view.dir === 'desc' ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
    var sign = view.dir === 'desc' ? -1 : 1;
    var ordered = rows.slice().sort(function (a, b) {
      if (column >= 0) {
        var x = sortKey(a, column), y = sortKey(b, column);
        var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
        if (c !== 0) return sign * c;
      }
      return a.dataset.order - b.dataset.order;
    });
    ordered.forEach(function (row) { body.appendChild(row); });
  }

  function applyFilter() {
    var needle = view.filter.toLowerCase(), visible = 0;
    rows.forEach(function (row) {
      var kind = row.dataset.waived === 'yes' ? 'waived' : row.dataset.severity;
      var show = view.hide.indexOf(kind) < 0 &&
                 (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
      row.hidden = !show;
      if (show) visible++;
    });
    shown.textContent = visible + ' of ' + rows.length + ' ' + noun + ' shown';
  }

  function render() {
    text.value = view.filter;
    boxes.forEach(function (box) { box.checked = view.hide.indexOf(box.value) < 0; });
    applySort();
    applyFilter();
  }

  heads.forEach(function (th) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = th.textContent;
    th.textContent = '';
    th.appendChild(button);
    button.addEventListener('click', function () {
      view.dir = view.sort === th.dataset.key && view.dir === 'asc' ? 'desc' : 'asc';
      view.sort = th.dataset.key;
      writeHash();
      render();
    });
  });
  text.addEventListener('input', function () { view.filter = text.value; writeHash(); applyFilter(); });
  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      view.hide = boxes.filter(function (b) { return !b.checked; }).map(function (b) { return b.value; });
      writeHash();
      applyFilter();
    });
  });
  window.addEventListener('hashchange', function () { view = readHash(); render(); });
  controls.hidden = false;
  view = readHash();
  render();
})();
)js";

}  // namespace s75
