#!/usr/bin/env python3
"""`s75check schema` and `s75check init` as a drafter and an editor meet them.

Usage: drafting_test.py S75CHECK   (run from the repository root)

The schema: a valid draft 2020-12 schema for both versions of the format;
every example in agreements/ and every format 2 agreement in
tests/fixtures/format2 validates; variants with a wrong type, a bad date, an
unknown key, a missing required key, a word outside a vocabulary or a key of
the other version fail it, and the loader agrees (each gives a DOC finding; a
misspelt key suggests the right one), while variants the loader accepts pass
it; -o writes the same schema. init: in both versions, for every
--arrangement and --model, with more partners, funds and another host, the
model loads with no DOC finding, validates against the schema, and its
placeholders are findings that call them placeholders; filled from
tests/fixtures/init/fill-format-2.yaml (the default, format 2) and fill.yaml
(--format-version 1) it passes with no error or warning; -o refuses an
existing file without --force; bad option values are exit 2 with the choices
or the reason. Exit 0 when all hold, 1 with one line per fault.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

AS_OF = "--as-of=2026-11-22"


class AgreementLoader(yaml.SafeLoader):
    """YAML as an editor's YAML 1.2 language server reads it: dates stay
    strings, and only true and false (not yes, no, on, off) are booleans."""


BOOL = "tag:yaml.org,2002:bool"
TIMESTAMP = "tag:yaml.org,2002:timestamp"
AgreementLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != TIMESTAMP and tag != BOOL]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for first in "tTfF":
    AgreementLoader.yaml_implicit_resolvers[first].append(
        (BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")))


class AgreementDumper(yaml.SafeDumper):
    """Writes dates plain, as a drafter types them."""


AgreementDumper.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != TIMESTAMP]
    for k, v in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def load_yaml(text):
    return yaml.load(text, Loader=AgreementLoader)


def dump_yaml(doc):
    return yaml.dump(doc, Dumper=AgreementDumper, sort_keys=False, allow_unicode=True)


class Checker:
    def __init__(self, binary, tmp):
        self.binary = os.path.abspath(binary)
        self.faults = []
        self.checks = 0
        self.tmp = tmp

    def expect(self, ok, fault):
        self.checks += 1
        if not ok:
            self.faults.append(fault)

    def run(self, *args):
        return subprocess.run([self.binary, *args], capture_output=True, text=True)

    def findings(self, text, name):
        """The JSON report's findings for one agreement given as text."""
        path = os.path.join(self.tmp, name)
        with open(path, "w") as f:
            f.write(text)
        r = self.run("check", "--format", "json", "--fail-on", "never", AS_OF, path)
        if r.returncode not in (0, 2):
            self.expect(False, f"{name}: check exited {r.returncode}: {r.stderr}")
            return []
        return json.loads(r.stdout)["files"][0]["findings"]


def schema_checks(c):
    r = c.run("schema")
    c.expect(r.returncode == 0, f"schema exited {r.returncode}: {r.stderr}")
    schema = json.loads(r.stdout)
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        c.expect(True, "")
    except jsonschema.SchemaError as e:
        c.expect(False, f"schema is not a valid 2020-12 schema: {e.message}")
    out = os.path.join(c.tmp, "s75check.schema.json")
    r2 = c.run("schema", "-o", out)
    c.expect(r2.returncode == 0 and open(out).read() == r.stdout, "schema -o differs from stdout")
    return jsonschema.Draft202012Validator(schema)


def errors(validator, doc):
    return sorted(e.message for e in validator.iter_errors(doc))


FORMAT2 = "tests/fixtures/format2"


def example_checks(c, validator):
    paths = [os.path.join(d, n) for d in ("agreements", FORMAT2)
             for n in sorted(os.listdir(d)) if n.endswith(".yaml")]
    c.expect(len(paths) >= 10, f"only {len(paths)} examples found")
    versions = set()
    for path in paths:
        doc = load_yaml(open(path).read())
        versions.add(doc["format"])
        c.expect(not errors(validator, doc),
                 f"{path} fails the schema: {errors(validator, doc)[:3]}")
    c.expect(versions == {"s75check/1", "s75check/2"}, f"examples of formats {versions}")


TITLE = "  title: Adult learning disability services partnership agreement (pooled fund)"

# Edits of the model agreement (old text, new text, the DOC rule the loader
# gives): each must fail the schema.
BAD = [
    ("pool_total: 68216500.50", 'pool_total: "68216500.50"', "DOC.04"),  # money in quotes
    (TITLE, "  title: [Adult learning disability services]", "DOC.04"),  # a list for text
    ("evaluates_outcomes: true", "evaluates_outcomes: maybe", "DOC.04"),  # not a boolean
    ("notice_months: 12", "notice_months: -1", "DOC.04"),                # below its minimum
    ("commencement: 2024-04-01", "commencement: 2024-02-30", "DOC.04"),  # not a real day
    ("commencement: 2024-04-01", "commencement: 2024-13-01", "DOC.04"),  # no month 13
    ("expiry: 2030-03-31", "expiry: 31 March 2030", "DOC.04"),           # not YYYY-MM-DD
    ("expiry: 2030-03-31", "expiry: 2030-02-29", "DOC.04"),              # not a leap year
    ("status: in_force", "status: active", "DOC.04"),
    ("arrangements: [pooled_fund, lead_commissioning]", "arrangements: pooled_fund", "DOC.04"),                    # outside the vocabulary
    ("- id: mcc", "- id: MCC", "DOC.04"),                                # not an id
    ("  id: midshire-ld-2024", "  id: midshire-ld-2024\n  partners: mcc", "DOC.03"),  # misplaced
    (TITLE, TITLE.replace("title", "titel"), "DOC.03"),                 # unknown key
    ("format: s75check/1", "format: s75check/1\nagrement: {}", "DOC.03"),
    ("format: s75check/1", "format: s75check/2", "DOC.03"),      # format 1 keys in format 2
    ("format: s75check/1", "format: s75check/3", "DOC.06"),              # no such version
    ("\nfinance:\n", "\nrisk_fund: {amount: 1}\nfinance:\n", "DOC.03"),  # a format 2 key
    ("  pool_total: 68216500.50", "  pool_total: 68216500.50\n  schemes: []", "DOC.03"),
]

TWO = os.path.join(FORMAT2, "bcf-two-funds.yaml")

# Edits of a format 2 agreement the schema and the loader must both refuse.
BAD_2 = [
    ("\nfunds:\n", "\nhost: {partner: wccg}\nfunds:\n", "DOC.03"),        # moved to the funds
    ("  variation: Contributions", "  pool_total: 1\n  variation: Contributions", "DOC.03"),
    ("  - id: council-pool\n", "  - name: Unnamed\n", "DOC.05"),          # a fund needs an id
    ("    arrangement: pooled_fund\n    host: wmbc", "    host: wmbc", "DOC.05"),
    ("type: capital", "type: grant", "DOC.04"),                         # revenue or capital
    ("from: 2022-07-01", "from: 2022-07-32", "DOC.04"),
    ("approach: risk_fund", "approach: risk_pool", "DOC.04"),
]

# Edits of a format 2 agreement the loader accepts, which the schema must accept too.
GOOD_2 = [
    ("  expiry: 2016-03-31\n", "  rolling: { period_months: 12, notice_months: 6 }\n"),
    ("  legal_basis: s75\n", "  legal_basis: s75\n  arrangements: [pooled_fund]\n"),
    ("type: capital", "type:"),                                       # default revenue
    ("    year: 2015/16\n    pooled: true\n    pool_total: 10071000",
     "    years: [2015/16, 2016/17]\n    pooled: true\n    pool_total: 10071000"),
]

# Edits the loader accepts, which the schema must accept too.
GOOD = [
    ("evaluates_outcomes: true", "evaluates_outcomes: Yes"),  # a string in YAML 1.2
    ("evaluates_outcomes: true", "evaluates_outcomes: off"),
    (TITLE, "  title: 2009"),                                  # any scalar is text
    ("commencement: 2024-04-01", "commencement: 2024-02-29"),  # a leap day
    ("expiry: 2030-03-31", "expiry:"),                         # `key:` means absent
    ("pool_total: 68216500.50", "pool_total: 68216500.5"),
    ("approach: carry_forward", "approach: each_partner_own"),  # no risk share (format 1)
    ("approach: fixed_shares", "approach: each_partner_own"),
]


def edited(c, old, new, path="agreements/model-learning-disability.yaml"):
    text = open(path).read()
    c.expect(old in text, f"{path} has no {old!r}")
    return text.replace(old, new, 1)


def bad_checks(c, validator, bad, path):
    for old, new, rule in bad:
        text = edited(c, old, new, path)
        c.expect(errors(validator, load_yaml(text)), f"schema accepts {new!r} in {path}")
        found = [f["rule"] for f in c.findings(text, "bad.yaml")]
        c.expect(rule in found, f"loader gives no {rule} for {new!r} in {path}: {found}")


def good_checks(c, validator, good, path):
    for old, new in good:
        text = edited(c, old, new, path)
        c.expect(not errors(validator, load_yaml(text)),
                 f"schema refuses {new!r}: {errors(validator, load_yaml(text))[:2]}")
        found = [f["rule"] for f in c.findings(text, "good.yaml")]
        c.expect(not [r for r in found if r.startswith("DOC.")],
                 f"loader refuses {new!r}: {found}")


def variant_checks(c, validator):
    bad_checks(c, validator, BAD, "agreements/model-learning-disability.yaml")
    bad_checks(c, validator, BAD_2, TWO)
    good_checks(c, validator, GOOD, "agreements/model-learning-disability.yaml")
    good_checks(c, validator, GOOD_2, TWO)
    messages = [f["message"] for f in c.findings(edited(c, TITLE, TITLE.replace("title", "titel")),
                                                 "typo.yaml")]
    c.expect("unknown key `titel` in `agreement`; did you mean `title`?" in messages,
             f"an unknown key does not suggest the nearest known one: {messages}")


def init_checks(c, validator):
    shapes = [[f"--arrangement={a}"] for a in
              ("pooled_fund", "lead_commissioning", "integrated_provision", "aligned_budget")]
    shapes += [[f"--model={m}"] for m in
               ("lead_body", "aligned_budget", "joint_commissioning", "joint_venture")]
    shapes += [[], ["--partners=5"],
               ["--arrangement=lead_commissioning", "--arrangement=integrated_provision",
                "--model=joint_venture", "--partners=3"]]
    shapes += [args + ["--format-version=1"] for args in shapes[:4]]
    shapes += [["--format-version=1", "--host=council"], ["--funds=3", "--host=council"],
               ["--partners=4", "--host=partner-4", "--funds=10",
                "--arrangement=pooled_fund", "--arrangement=aligned_budget"]]
    for args in shapes:
        r = c.run("init", *args)
        c.expect(r.returncode == 0, f"init {args} exited {r.returncode}: {r.stderr}")
        findings = c.findings(r.stdout, "model.yaml")
        doc_findings = [f"{f['rule']} {f['message']}" for f in findings
                        if f["rule"].startswith("DOC.")]
        c.expect(not doc_findings, f"init {args} gives document errors: {doc_findings}")
        c.expect(any("placeholder" in f["message"] for f in findings),
                 f"init {args}: no finding calls a placeholder a placeholder")
        c.expect(not errors(validator, load_yaml(r.stdout)),
                 f"init {args} fails the schema: {errors(validator, load_yaml(r.stdout))[:2]}")


def merge(model, fill):
    """The fixture's values over the model: mappings key by key (a key set to
    null deleted), lists item by item."""
    if isinstance(model, dict) and isinstance(fill, dict):
        merged = {**model, **{k: merge(model.get(k), v) for k, v in fill.items()}}
        return {k: v for k, v in merged.items() if k not in fill or fill[k] is not None}
    if isinstance(model, list) and isinstance(fill, list):
        return [merge(model[i] if i < len(model) else None, v) for i, v in enumerate(fill)]
    return fill


def open_values(doc, path=""):
    """Paths still holding a placeholder or an empty value."""
    if isinstance(doc, dict):
        return [p for k, v in doc.items() for p in open_values(v, f"{path}.{k}".lstrip("."))]
    if isinstance(doc, list):
        return [p for i, v in enumerate(doc) for p in open_values(v, f"{path}[{i}]")]
    return [path] if doc is None or doc == "TBC" else []


def fill_checks(c):
    for args, fixture in (([], "fill-format-2.yaml"), (["--format-version=1"], "fill.yaml")):
        model = load_yaml(c.run("init", *args).stdout)
        c.expect("TBC" in json.dumps(model), f"init {args} writes no TBC placeholder")
        filled = merge(model, load_yaml(open("tests/fixtures/init/" + fixture).read()))
        left = open_values(filled)
        c.expect(not left, f"{fixture} leaves placeholders or empty values: {left[:5]}")
        text = dump_yaml(filled)
        bad = [f"{f['severity']} {f['rule']} {f['message']}"
               for f in c.findings(text, "filled.yaml")
               if f["severity"] in ("error", "warning") and not f.get("waived")]
        c.expect(not bad, f"the model filled from {fixture} has findings: {bad}")


def output_checks(c):
    path = os.path.join(c.tmp, "new.yaml")
    r = c.run("init", "-o", path)
    c.expect(r.returncode == 0 and open(path).read() == c.run("init").stdout,
             f"init -o to a new file: exit {r.returncode} {r.stderr}")
    with open(path, "w") as f:
        f.write("keep me\n")
    r = c.run("init", "-o", path)
    c.expect(r.returncode == 2 and "--force" in r.stderr and open(path).read() == "keep me\n",
             f"init -o over an existing file: exit {r.returncode}, {r.stderr!r}")
    r = c.run("init", "--partners", "3", "-o", path, "--force")
    c.expect(r.returncode == 0 and open(path).read() == c.run("init", "--partners=3").stdout,
             f"init -o --force: exit {r.returncode} {r.stderr}")
    leftovers = [n for n in os.listdir(c.tmp) if ".tmp-" in n]
    c.expect(not leftovers, f"temporary files left behind: {leftovers}")
    for args, want in ((["--arrangement", "pooled"], "did you mean pooled_fund"),
                       (["--model", "lead"], "lead_body"),
                       (["--partners", "1"], "from 2 to 20"),
                       (["--partners", "two"], "from 2 to 20"),
                       (["--format-version", "3"], "--format-version"),
                       (["--host", "partner-3"], "one of the model's partner ids, nhs-body, "
                                                 "council (with 2 partners), not 'partner-3'"),
                       (["--host", "councl"], "did you mean council?"),
                       (["--funds", "11"], "--funds"),
                       (["--funds", "0"], "--funds"),
                       (["--funds", "2", "--format-version", "1"], "--funds is for format 2"),
                       (["--funds", "1", "--arrangement", "pooled_fund",
                         "--arrangement", "aligned_budget"], "fewer than the 2 arrangements")):
        r = c.run("init", *args)
        c.expect(r.returncode == 2 and want in r.stderr,
                 f"init {args}: exit {r.returncode}, {r.stderr!r} lacks {want!r}")


def main():
    with tempfile.TemporaryDirectory() as tmp:
        c = Checker(sys.argv[1], tmp)
        validator = schema_checks(c)
        example_checks(c, validator)
        variant_checks(c, validator)
        init_checks(c, validator)
        fill_checks(c)
        output_checks(c)
    for f in c.faults:
        print("FAIL", f)
    print(f"{c.checks - len(c.faults)} passed, {len(c.faults)} failed")
    return 1 if c.faults else 0


if __name__ == "__main__":
    sys.exit(main())
