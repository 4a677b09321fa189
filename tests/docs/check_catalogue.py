#!/usr/bin/env python3
"""The rules shipped are exactly the rule catalogue's.

Usage: check_catalogue.py S75CHECK SHARED_DIR

Reads the tables of SHARED_DIR/spec/rule-catalogue.md and compares them with
`s75check rules --format json`: the same ids, and for each its slug, its
severity (the first word of the catalogue's column, and whether the catalogue
makes it conditional) and its references (the catalogue's reference column,
split at ";"). Exit 0 when they agree, 1 with one line per difference, 77 (skip)
when the catalogue is not there.
"""
import json
import os
import re
import subprocess
import sys


def catalogue_rows(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) < 4 or not re.fullmatch(r"[A-Z][A-Z0-9]*\.\d+", cells[0]):
                continue
            rid, slug, severity = cells[0], cells[1], cells[2]
            refs = None
            if len(cells) >= 5:  # id | slug | severity | fails when | reference
                refs = [r.strip() for r in cells[4].split(";")]
            # "error instead if ..." in the condition column is a conditional severity too
            instead = len(cells) >= 5 and " instead" in cells[3]
            rows[rid] = {"slug": slug, "severity": severity, "references": refs,
                         "conditional": " if " in severity or instead}
    return rows


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    path = os.path.join(shared, "spec", "rule-catalogue.md")
    if not os.path.exists(path):
        print(f"skipped: no {path}")
        return 77
    want = catalogue_rows(path)
    out = subprocess.run([binary, "rules", "--format", "json"], check=True,
                         capture_output=True, text=True).stdout
    have = {r["id"]: r for r in json.loads(out)["rules"]}
    faults = []
    for rid in sorted(set(want) - set(have)):
        faults.append(f"{rid}: in the catalogue but not shipped")
    for rid in sorted(set(have) - set(want)):
        faults.append(f"{rid}: shipped but not in the catalogue")
    for rid in sorted(set(want) & set(have)):
        w, h = want[rid], have[rid]
        if w["slug"] != h["slug"]:
            faults.append(f"{rid}: slug {h['slug']!r}, catalogue {w['slug']!r}")
        first = w["severity"].split(",")[0].strip()
        if first != h["severity"]:
            faults.append(f"{rid}: severity {h['severity']}, catalogue {first}")
        conditional = w["conditional"]
        if conditional != h["conditional_severity"]:
            faults.append(f"{rid}: conditional severity {h['conditional_severity']}, "
                          f"catalogue says {w['severity']!r}")
        if w["references"] is not None and w["references"] != h["references"]:
            faults.append(f"{rid}: references {h['references']}, catalogue {w['references']}")
    for fault in faults:
        print(fault)
    print(f"{len(want)} catalogue rules, {len(have)} shipped, {len(faults)} differences")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
