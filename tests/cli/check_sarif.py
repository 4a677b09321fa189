#!/usr/bin/env python3
"""`s75check check --format sarif` as a code-scanning service reads it.

Usage: check_sarif.py S75CHECK SHARED_DIR [NPM_DIR]   (run from the repository root)

Validates every SARIF log it makes against SHARED_DIR/schemas/
sarif-schema-2.1.0.json with the validator class the schema's "$schema" names
(draft-07), and checks what the schema cannot: every result has a line and a
rule descriptor whose id is its ruleId; fingerprints are unique and survive
lines inserted above the findings; results match the JSON report's findings
one for one; URIs decode to the files' paths; exit statuses are those of the
other formats; -o writes the same log; the tool has an absolute
informationUri. Runs: the nine examples, and a sweep with a broken file and
awkward file names.

With NPM_DIR, every log is also validated by Microsoft's SARIF multitool
(NPM_DIR/node_modules/@microsoft/sarif-multitool, installed by scripts/setup
from tests/npm) with its SARIF and GitHub rules, which must report no error
and no warning (notes are allowed); a log missing what GitHub requires must
give GitHub errors, so the rules are seen to run.

Exit 0 when all hold, 1 with one line per fault, 77 (skip) when the schema,
or with NPM_DIR the multitool, is not there. A missing jsonschema module is a
failure, not a skip: scripts/setup installs python3-jsonschema.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.parse

AS_OF = "--as-of=2026-11-22"
MULTITOOL = os.path.join("node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
# A line of the multitool's console report: file(line,col): level RULE: text
VERDICT = re.compile(r"^(.*)\((\d+),(\d+)\): (error|warning|note) ([A-Z]+\d+): (.*)$", re.M)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class Checker:
    def __init__(self, binary, validator):
        self.binary = os.path.abspath(binary)
        self.validator = validator
        self.faults = []
        self.results = 0
        self.logs = {}  # name: the SARIF text, for the multitool

    def expect(self, ok, fault):
        if not ok:
            self.faults.append(fault)

    def run(self, args, cwd=None):
        p = subprocess.run([self.binary, "check", AS_OF] + args, cwd=cwd,
                           capture_output=True, text=True)
        return p.returncode, p.stdout

    def sarif(self, name, args, want_status, cwd=None):
        """Runs a SARIF check, validates it and returns the log."""
        status, out = self.run(["--format", "sarif"] + args, cwd)
        self.expect(status == want_status, f"{name}: exit {status}, wanted {want_status}")
        self.logs[name] = out
        log = json.loads(out)
        errors = sorted(self.validator.iter_errors(log), key=lambda e: list(e.path))
        for e in errors[:10]:
            self.faults.append(f"{name}: schema: {'/'.join(map(str, e.path))}: {e.message[:200]}")
        self.expect(len(log["runs"]) == 1, f"{name}: {len(log['runs'])} runs, wanted 1")
        self.check_results(name, log["runs"][0])
        self.results += len(log["runs"][0]["results"])
        return log

    def check_results(self, name, run):
        uri = run["tool"]["driver"].get("informationUri", "")
        self.expect(re.fullmatch(r"https?://[^\s/]+/\S*", uri),
                    f"{name}: tool.driver.informationUri {uri!r} is not an absolute URL")
        rules = run["tool"]["driver"]["rules"]
        seen = set()
        for i, r in enumerate(run["results"]):
            where = f"{name}: result {i} ({r.get('ruleId')})"
            index = r.get("ruleIndex")
            ok = isinstance(index, int) and 0 <= index < len(rules)
            self.expect(ok and rules[index]["id"] == r["ruleId"], f"{where}: no rule descriptor")
            region = r["locations"][0]["physicalLocation"].get("region", {})
            self.expect(region.get("startLine", 0) >= 1, f"{where}: no startLine")
            fingerprint = r["partialFingerprints"]["findingHash/v1"]
            self.expect(fingerprint not in seen, f"{where}: fingerprint {fingerprint} repeated")
            seen.add(fingerprint)

    def matches_json(self, name, log, args, cwd=None):
        """Each finding of the JSON report is the SARIF result in its place."""
        _, out = self.run(["--format", "json"] + args, cwd)
        findings = [(f, x) for f in json.loads(out)["files"] for x in f["findings"]]
        results = log["runs"][0]["results"]
        self.expect(len(findings) == len(results),
                    f"{name}: {len(results)} results for {len(findings)} findings")
        for (file, x), r in zip(findings, results):
            loc = r["locations"][0]["physicalLocation"]
            uri = loc["artifactLocation"]["uri"]
            path = urllib.parse.unquote(urllib.parse.urlparse(uri).path)
            want = os.path.normpath(os.path.join(cwd or os.getcwd(), file["path"]))
            if "uriBaseId" in loc["artifactLocation"]:
                path = os.path.join(cwd or os.getcwd(), path)
            got = (r["ruleId"], r["level"], r["message"]["text"], loc["region"]["startLine"],
                   "suppressions" in r, path)
            exp = (x["rule"], LEVELS[x["severity"]], x["message"], max(1, x["location"]["line"]),
                   x["waived"], want)
            self.expect(got == exp, f"{name}: result {got} for finding {exp}")


def fingerprints(log):
    return [r["partialFingerprints"]["findingHash/v1"] for r in log["runs"][0]["results"]]


def lines(log):
    return [r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in log["runs"][0]["results"]]


def check_examples(c, tmp):
    log = c.sarif("examples", ["agreements/"], 1)
    c.matches_json("examples", log, ["agreements/"])
    c.expect(any("suppressions" in r for r in log["runs"][0]["results"]),
             "examples: no waived finding suppressed")
    c.sarif("fail-on never", ["--fail-on", "never", "agreements/"], 0)
    out = os.path.join(tmp, "out.sarif")
    status, stdout = c.run(["--format", "sarif", "-o", out, "agreements/"])
    c.expect(status == 1 and stdout == "", f"-o: exit {status}, stdout {stdout[:80]!r}")
    with open(out, encoding="utf-8") as f:
        c.expect(json.load(f) == log, "-o: the file differs from stdout")


def check_line_shift(c, tmp):
    """Comment lines inserted at the top move every finding, not its fingerprint."""
    shifted = os.path.join(tmp, "shift")
    os.makedirs(os.path.join(shifted, "agreements"))
    with open("agreements/draft-tbc.yaml", encoding="utf-8") as f:
        text = f.read()
    path = os.path.join(shifted, "agreements", "draft-tbc.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    before = c.sarif("before shift", ["agreements/draft-tbc.yaml"], 1, cwd=shifted)
    with open(path, "w", encoding="utf-8") as f:
        f.write("# an unrelated note\n# and another\n" + text)
    after = c.sarif("after shift", ["agreements/draft-tbc.yaml"], 1, cwd=shifted)
    c.expect(lines(after) == [n + 2 for n in lines(before)], "shift: lines did not move by 2")
    c.expect(fingerprints(after) == fingerprints(before), "shift: fingerprints changed")


def check_sweep(c, tmp):
    """Unusual names, a broken file, and a file outside the working directory."""
    sweep = os.path.join(tmp, "sweep")
    folder = os.path.join(sweep, "my agreements")
    os.makedirs(folder)
    shutil.copy("agreements/westminster-aligned-budget.yaml",
                os.path.join(folder, "draft #1 (caf\u00e9).yaml"))
    with open(os.path.join(folder, "syntax.yaml"), "w", encoding="utf-8") as f:
        f.write("format: s75check/1\nagreement: [unclosed\n")
    outside = os.path.abspath("agreements/ices-community-equipment.yaml")
    args = ["my agreements", outside, "missing.yaml"]
    log = c.sarif("sweep", args, 2, cwd=sweep)
    c.matches_json("sweep", log, args, cwd=sweep)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    want = {"my%20agreements/draft%20%231%20(caf%C3%A9).yaml", "my%20agreements/syntax.yaml",
            "missing.yaml", "file://" + urllib.parse.quote(outside, safe="/")}
    c.expect(uris == want, f"sweep: URIs {sorted(uris)}")
    invocation = log["runs"][0]["invocations"][0]
    notes = invocation.get("toolExecutionNotifications", [])
    rules = sorted(n["associatedRule"]["id"] for n in notes)
    c.expect(invocation["executionSuccessful"] and rules == ["DOC.01", "DOC.07"],
             f"sweep: notifications {notes}")
    c.sarif("select", ["--select", "T1.01", "my agreements/syntax.yaml"], 2, cwd=sweep)


def multitool_verdicts(tool, paths, tmp):
    """The multitool's errors, warnings and notes on the logs at `paths`."""
    out = os.path.join(tmp, "multitool.sarif")
    if os.path.exists(out):
        os.remove(out)
    p = subprocess.run([tool, "validate", "--rule-kind", "Sarif;Gh", "--level",
                        "Error;Warning;Note", "-o", out, *paths],
                       capture_output=True, text=True, timeout=600)
    if p.returncode != 0 or not os.path.exists(out):
        return None, p.stdout + p.stderr
    return VERDICT.findall(p.stdout), p.stdout


def check_multitool(c, tool, tmp):
    """Every log passes the SARIF and GitHub rules, with notes at most."""
    paths = []
    for i, (name, text) in enumerate(c.logs.items()):
        paths.append(os.path.join(tmp, f"log-{i}.sarif"))
        with open(paths[-1], "w", encoding="utf-8") as f:
            f.write(text)
    verdicts, output = multitool_verdicts(tool, paths, tmp)
    if verdicts is None:
        c.faults.append(f"multitool: did not run: {output[-1000:]}")
        return
    names = dict(zip(paths, c.logs))
    for path, line, _, level, rule, text in verdicts:
        c.expect(level == "note", f"multitool: {names.get(path, path)}:{line}: {level} {rule}: "
                 f"{text[:300]}")
    notes = sorted({rule for *_, level, rule, _ in verdicts if level == "note"})
    print(f"multitool: {len(paths)} logs, {len(verdicts)} verdicts, notes only: {notes}")
    broken = json.loads(next(iter(c.logs.values())))
    del broken["runs"][0]["results"][0]["locations"]  # GitHub needs a location
    with open(paths[0], "w", encoding="utf-8") as f:
        json.dump(broken, f)
    verdicts, _ = multitool_verdicts(tool, paths[:1], tmp)
    c.expect(verdicts and any(v[3] == "error" and v[4].startswith("GH") for v in verdicts),
             f"multitool: a result without a location gives no GitHub error: {verdicts}")


def main():
    binary, shared = sys.argv[1], sys.argv[2]
    tool = os.path.join(sys.argv[3], MULTITOOL) if len(sys.argv) > 3 else None
    if tool and not os.access(tool, os.X_OK):
        print(f"skipped: no SARIF multitool at {tool} (scripts/setup installs it from tests/npm)")
        return 77
    schema_path = os.path.join(shared, "schemas", "sarif-schema-2.1.0.json")
    if not os.path.exists(schema_path):
        print(f"skipped: no {schema_path}")
        return 77
    try:
        import jsonschema
    except ImportError:
        print("FAIL: the jsonschema module is missing; scripts/setup installs python3-jsonschema")
        return 1
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    c = Checker(binary, cls(schema, format_checker=cls.FORMAT_CHECKER))
    with tempfile.TemporaryDirectory() as tmp:
        check_examples(c, tmp)
        check_line_shift(c, tmp)
        check_sweep(c, tmp)
        if tool:
            check_multitool(c, tool, tmp)
    for fault in c.faults:
        print("FAIL", fault)
    print(f"{c.results} results validated against {cls.__name__}; {len(c.faults)} faults")
    return 1 if c.faults else 0


if __name__ == "__main__":
    sys.exit(main())
