#!/usr/bin/env python3
"""Reads an xlsx that s75check wrote with openpyxl, as a spreadsheet user
would meet it, and checks what the format promises: numbers are numbers,
money in a £ format, dates are dates, the header frozen with filters on,
text that looks like a formula kept as text, RAG as fill colour and word.

Usage: xlsx_check.py register|findings|outturn|scorecard FILE [CSV]
       xlsx_check.py compare-sweep|compare-redline FILE JSON
(findings: CSV is `check --format csv` of the same run, whose rows the sheet
must hold; compare-*: JSON is `compare --format json` of the same two sides,
whose every row, figure and text the workbook must hold). Prints each
failure; exit status 1 if any."""
import decimal
import json
import csv
import datetime
import sys

import openpyxl

FILL = {"green": "FFC6EFCE", "amber": "FFFFEB9C", "red": "FFFFC7CE"}
problems = []


def check(ok, what):
    if not ok:
        problems.append(what)


def table(ws):
    """The sheet's header and its rows as dicts of cells, by column name."""
    rows = list(ws.iter_rows())
    header = [c.value for c in rows[0]]
    return header, [dict(zip(header, r)) for r in rows[1:]]


def frozen_and_filtered(ws, header, rows):
    check(ws.freeze_panes == "A2", f"{ws.title}: header not frozen ({ws.freeze_panes})")
    last = openpyxl.utils.get_column_letter(len(header))
    want = f"A1:{last}{len(rows) + 1}"
    check(ws.auto_filter.ref == want, f"{ws.title}: filter {ws.auto_filter.ref}, wanted {want}")


def money(cell, value, what):
    check(cell.data_type == "n" and cell.value == value,
          f"{what}: {cell.value!r} ({cell.data_type}), wanted the number {value}")
    check("£" in cell.number_format, f"{what}: format {cell.number_format!r} is not in £")


def date(cell, value, what):
    check(cell.is_date and cell.value == datetime.datetime.fromisoformat(value),
          f"{what}: {cell.value!r} (format {cell.number_format!r}) is not the date {value}")


def text(cell, prefix, what):
    check(cell.data_type == "s" and isinstance(cell.value, str) and cell.value.startswith(prefix),
          f"{what}: {cell.value!r} ({cell.data_type}) is not text starting {prefix!r}")


def rag(cell, colour, what, word=None):
    word = word or colour
    check(cell.value == word, f"{what}: word {cell.value!r}, wanted {word!r}")
    got = cell.fill.fgColor.rgb if cell.fill and cell.fill.fill_type == "solid" else None
    check(got == FILL[colour], f"{what}: fill {got}, wanted {colour} {FILL[colour]}")


def register(book):
    check(book.sheetnames == ["agreements", "totals"], f"sheets {book.sheetnames}")
    header, rows = table(book["agreements"])
    frozen_and_filtered(book["agreements"], header, rows)
    by_file = {r["file"].value.split("/")[-1]: r for r in rows}
    a = by_file["a-pooled.yaml"]
    money(a["pool_total"], 1000000.5, "a pool_total")
    date(a["commencement"], "2024-04-01", "a commencement")
    check(a["errors"].data_type == "n", f"a errors {a['errors'].value!r} is not a number")
    text(a["title"], "=HYPERLINK(", "a title (=)")
    text(by_file["b-unsigned.yaml"]["title"], "-2+3", "b title (-)")
    text(by_file["c-partly.yaml"]["title"], "@SUM", "c title (@)")
    text(by_file["d-expired.yaml"]["title"], "+cmd", "d title (+)")
    date(by_file["b-unsigned.yaml"]["expiry"], "2022-03-31", "b expiry")
    check(by_file["e-broken.yaml"]["status"].value == "unreadable", "e not unreadable")
    theader, totals = table(book["totals"])
    frozen_and_filtered(book["totals"], theader, totals)
    names = [r["total"].value for r in totals]
    check(names[:3] == ["counted", "all", "live"], f"first totals {names[:3]!r}")
    check(isinstance(totals[0]["name"].value, str) and "as of" in totals[0]["name"].value,
          f"counted says what it counts: {totals[0]['name'].value!r}")
    everything = totals[1]
    money(everything["pooled"], 1750000.75, "pooled in all")
    check(everything["agreements"].value == 6, f"agreements {everything['agreements'].value!r}")
    check(totals[2]["pooled"].data_type == "n", "the live pool is a number")


def findings(book, csv_path):
    check(book.sheetnames == ["findings"], f"sheets {book.sheetnames}")
    ws = book["findings"]
    header, rows = table(ws)
    frozen_and_filtered(ws, header, rows)
    lines = list(csv.reader(open(csv_path, newline="", encoding="utf-8")))
    check(lines[0] == header, f"csv header {lines[0]} != sheet header {header}")
    check(len(lines) - 1 == len(rows), f"csv rows {len(lines) - 1} != sheet rows {len(rows)}")
    for want, row in zip(lines[1:], rows):
        got = ["" if c.value is None else c.value for c in row.values()]
        same = [float(w.removeprefix("'")) == g if isinstance(g, (int, float)) else g == w
                for g, w in zip(got, want)]
        check(all(same), f"sheet row {got} != csv row {want}")
    check(all(r["line"].data_type == "n" for r in rows if r["line"].value is not None),
          "a line number that is not a number")
    check(any(r["waived"].value == "yes" for r in rows), "no waived finding")
    check(any(r["pool_total"].data_type == "n" and "£" in r["pool_total"].number_format
              for r in rows), "no pool in £")
    check(any(r["status"].value for r in rows) and any(r["host"].value for r in rows),
          "the register's status and host are not joined")


def outturn(book):
    check(book.sheetnames == ["outturns", "totals"], f"sheets {book.sheetnames}")
    header, rows = table(book["outturns"])
    frozen_and_filtered(book["outturns"], header, rows)
    hpct = [r for r in rows if r["partner"].value == "hpct"][0]
    money(hpct["amount"], 631609.2, "hpct pays")
    rag(hpct["balance"], "red", "hpct balance", word="overspend")
    date(hpct["reported_on"], "2005-12-31", "reported_on")


def scorecard(book):
    check(book.sheetnames == ["outcomes", "scores"], f"sheets {book.sheetnames}")
    header, rows = table(book["outcomes"])
    frozen_and_filtered(book["outcomes"], header, rows)
    statuses = {r["status"].value for r in rows}
    check("red" in statuses, f"no red outcome in {statuses}")
    for r in rows:
        for colour in ("green", "amber", "red"):
            if r["status"].value == colour:
                rag(r["status"], colour, f"outcome {r['outcome'].value}")
    check(any(r["baseline"].data_type == "n" for r in rows), "no baseline is a number")
    check(any(r["target_by"].is_date for r in rows), "no target date is a date")
    sheader, scores = table(book["scores"])
    frozen_and_filtered(book["scores"], sheader, scores)
    check(any(s["score"].data_type == "n" for s in scores), "no score is a number")


def pounds(cell, exact, what):
    """A money cell holding the JSON's exact decimal string, or blank for null."""
    if exact is None:
        check(cell.value is None, f"{what}: {cell.value!r}, wanted blank")
    else:
        money(cell, float(decimal.Decimal(exact)), what)


def compare_sweep(book, json_path):
    want = json.load(open(json_path, encoding="utf-8"))
    check(book.sheetnames == ["agreements", "totals", "not compared"], f"sheets {book.sheetnames}")
    header, rows = table(book["agreements"])
    frozen_and_filtered(book["agreements"], header, rows)
    expected = ([("added", None, a) for a in want["added"]] +
                [("removed", a, None) for a in want["removed"]] +
                [("changed", c["then"], c["now"]) for c in want["changed"]])
    check(len(rows) == len(expected), f"{len(rows)} agreement rows, wanted {len(expected)}")
    for row, (change, then, now) in zip(rows, expected):
        named = now or then
        what = f"agreement {named['id']}"
        check(row["agreement"].value == named["id"] and row["change"].value == change,
              f"{what}: row {row['agreement'].value} {row['change'].value}, wanted {change}")
        for side, name in ((then, "then"), (now, "now")):
            status = row[f"status {name}"].value
            if side and side["status"] is None:  # a report saved without --facts
                for column in ("status", "pooled"):
                    got = row[f"{column} {name}"].value
                    check(got == "not saved (check --facts)", f"{what}: {column} {name} {got!r}")
                continue
            pounds(row[f"pooled {name}"], side["pooled"] if side else None, f"{what} pooled {name}")
            check(status == ((side["status"] or None) if side else None),
                  f"{what}: status {name} {status!r}")
    theader, totals = table(book["totals"])
    frozen_and_filtered(book["totals"], theader, totals)
    by_name = {t["total"].value: t for t in totals}
    date(by_name["as of"]["then"], want["as_of_then"], "as of then")
    date(by_name["as of"]["now"], want["as_of_now"], "as of now")
    check(by_name["agreements unchanged"]["now"].value == want["unchanged"], "unchanged count")
    for t in want["totals"]:
        got = by_name.get(t["total"])
        check(got is not None, f"total {t['total']} missing")
        for side in ("then", "now") if got else ():
            shown, cell = t[side], got[side]
            what = f"{t['total']} {side}"
            if shown.startswith("£"):
                money(cell, float(decimal.Decimal(shown[1:].replace(",", ""))), what)
            elif shown.isdigit():
                check(cell.data_type == "n" and cell.value == int(shown), f"{what}: {cell.value!r}")
            else:
                check(cell.value == shown, f"{what}: {cell.value!r}, wanted {shown!r}")


def compare_redline(book, json_path):
    want = json.load(open(json_path, encoding="utf-8"))
    check(book.sheetnames == ["changes", "partners renamed", "findings"],
          f"sheets {book.sheetnames}")
    header, rows = table(book["changes"])
    frozen_and_filtered(book["changes"], header, rows)
    check(len(rows) == len(want["changes"]), f"{len(rows)} changes, wanted {len(want['changes'])}")
    for row, c in zip(rows, want["changes"]):
        what = f"change {c['number']} {c['label']}"
        check(row["number"].value == (c["number"] or None) and row["change"].value == c["change"],
              what)
        for column, key in (("old text", "old"), ("new text", "new")):
            check(row[column].value == (c[key] or None), f"{what}: {column} {row[column].value!r}")
        check(row["only a new name"].value == ("yes" if c["renamed_only"] else "no"),
              f"{what}: only a new name")
    _, renames = table(book["partners renamed"])
    check([(r["partner"].value, r["old name"].value, r["new name"].value) for r in renames] ==
          [(r["partner"], r["old"], r["new"]) for r in want["renames"]], "renames differ")
    _, found = table(book["findings"])
    listed = [f for group in ("introduced", "resolved", "unchanged")
              for f in want["findings"][group]]
    check([(f["rule"].value, f["message"].value, f["line"].value) for f in found] ==
          [(f["rule"], f["message"], f["line"]) for f in listed], "findings differ")


kind, path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
if kind == "findings":
    findings(wb, sys.argv[3])
elif kind == "compare-sweep":
    compare_sweep(wb, sys.argv[3])
elif kind == "compare-redline":
    compare_redline(wb, sys.argv[3])
else:
    {"register": register, "outturn": outturn, "scorecard": scorecard}[kind](wb)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
