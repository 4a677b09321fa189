#!/usr/bin/env python3
"""Every rule quotes its sources verbatim.

Usage: check_quotes.py S75CHECK SHARED_DIR [RULES_DIR]

Runs `s75check rules --format json` and checks, for every rule:
  - it has a plain-English description and at least one quote;
  - each quote appears in the source its reference names (white space
    collapsed; "..." joins parts that must appear in order);
  - every source its references cite (MTAE, HFD, CIPFA, PAR/NHSA) is quoted;
  - REG rules say how firmly the statutory point is established.
Exit 0 when all hold, 1 with one line per fault otherwise, 77 (skip) when the
source reports are not there.
"""
import json
import os
import re
import subprocess
import sys

SOURCES = {
    "MTAE": "sources/audit-commission-2009-means-to-an-end.txt",
    "HFD": "sources/audit-commission-2006-herefordshire-pooled-budgets.txt",
    "CIPFA": "sources/cipfa-2011-pooling-budgets-and-integrated-care.txt",
    "PAR": "spec/regulations.md",
    "NHSA": "spec/regulations.md",
    "SI": "spec/regulations.md",
    "s75check": "spec/agreement-format.md",
    "catalogue": "spec/rule-catalogue.md",
}


def normalise(text):
    return re.sub(r"\s+", " ", text.replace("\u2026", "...")).strip()


def source_of(reference):
    word = reference.split()[0].strip(",;:") if reference.split() else ""
    if reference.startswith("s75check rule catalogue"):
        return "catalogue"
    return word if word in SOURCES else None


def quote_found(quote, text):
    at = 0
    for part in normalise(quote).split("..."):
        part = part.strip()
        if not part:
            continue
        found = text.find(part, at)
        if found < 0:
            return part
        at = found + len(part)
    return None


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    if not os.path.isdir(os.path.join(shared, "sources")):
        print(f"skipped: no source reports under {shared}")
        return 77
    texts = {}
    for key, rel in SOURCES.items():
        with open(os.path.join(shared, rel), encoding="utf-8") as f:
            texts[key] = normalise(f.read())
    cmd = [binary, "rules", "--format", "json"]
    if len(sys.argv) > 3:
        cmd += ["--rules", sys.argv[3]]
    rules = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    faults = []
    for rule in rules["rules"]:
        rid = rule["id"]
        if not rule.get("description", "").strip():
            faults.append(f"{rid}: no description")
        quotes = rule.get("quotes", [])
        if not quotes:
            faults.append(f"{rid}: no quote from its sources")
        quoted = set()
        for q in quotes:
            src = source_of(q["reference"])
            if src is None:
                faults.append(f"{rid}: quote under '{q['reference']}' names no known source")
                continue
            quoted.add(SOURCES[src])
            missing = quote_found(q["text"], texts[src])
            if missing is not None:
                faults.append(f"{rid}: quote under '{q['reference']}' is not in {SOURCES[src]}: "
                              f"'{missing[:80]}'")
        for ref in rule["references"]:
            for part in re.split(r";\s*", ref):
                src = source_of(part)
                if src is not None and SOURCES[src] not in quoted:
                    faults.append(f"{rid}: reference '{part}' has no quote from {SOURCES[src]}")
        if rid.startswith("REG.") and not rule.get("verification", "").strip():
            faults.append(f"{rid}: no verification (verified or secondary, regulations.md)")
    for fault in faults:
        print(fault)
    print(f"{len(rules['rules'])} rules, {len(faults)} quote faults")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
