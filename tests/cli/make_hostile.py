#!/usr/bin/env python3
"""Writes the hostile agreement files of tests/cli/hostile_test.sh into DIR.

Big and generated inputs are made here, at test time, so that no 50 MB file is
committed. Each file is a variant of GOOD (a valid agreement) or pure garbage;
hostile_test.sh knows what each should give. Deterministic: random bytes come
from a fixed seed.

usage: make_hostile.py GOOD DIR  (GOOD: an agreement written with LF line ends)
"""
import os
import random
import sys

good_path, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(good_path, encoding="utf-8") as f:
    good = f.read()

HEAD = "format: s75check/1\nagreement: {id: h, title: Hostile}\npartners: [{id: a, name: A, kind: icb}]\n"


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def billion_laughs():
    text = "format: s75check/1\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in range(1, 10):
        items = ", ".join(["*l%d" % (i - 1)] * 10)
        text += "lol%d: &l%d [%s]\n" % (i, i, items)
    return text


rng = random.Random(75)

write("a-good.yaml", good)
write("alias-bomb.yaml", billion_laughs())
write("deep-brackets.yaml", "format: s75check/1\nx: " + "[" * 200000 + "]" * 200000 + "\n")
write("deep-braces.yaml", "format: s75check/1\nx: " + "{a: " * 200000 + "1" + "}" * 200000 + "\n")
# 50 MB: a valid start, then comment lines.
line = "# " + "padding " * 12 + "\n"
write("big.yaml", HEAD + line * (50 * 1000 * 1000 // len(line) + 1))
write("random-bytes.yaml", bytes(rng.randrange(256) for _ in range(65536)))
write("random-text.yaml",
      "".join(rng.choice("abc:-[]{}&*!|>'\"#%@` \n\t?,") for _ in range(65536)))
write("latin1.yaml", good.encode("utf-8").replace(b"title: ", b"title: Caf\xe9 ", 1))
write("bom.yaml", "\ufeff" + good)
write("crlf.yaml", good.replace("\n", "\r\n"))
write("tabs.yaml", HEAD + "term:\n\tcommencement: 2024-04-01\n")
write("control-char.yaml", HEAD + "term: {commencement: 2024-04-01}\x04\nnotes: after\n")
write("nul.yaml", HEAD + "term: {renewal: a\x00b}\n")
write("tags.yaml", HEAD + "term:\n"
      "  renewal: !!binary aGVsbG8=\n"
      "  termination: !!python/object/apply:os.system [\"echo pwned\"]\n"
      "host: {support: !local something}\n"
      "finance: {pool_total: !!python/object:decimal.Decimal 5}\n")
write("merge.yaml", HEAD + "base: &base {commencement: 2024-04-01}\nterm:\n  <<: *base\n")
write("numbers.yaml", HEAD + "term:\n  commencement: 2024-04-01\n"
      "  duration_months: 99999999999999999999999\n"
      "  termination: {notice_months: -9223372036854775809}\n"
      "finance:\n"
      "  pool_total: 99999999999999999999999999999\n"
      "  contributions:\n"
      "    - {partner: a, amount: 1" + "0" * 400 + "}\n"
      "    - {partner: a, amount: 1.8e309}\n"
      "  overspend: {approach: fixed_shares, shares: {a: 1" + "0" * 30 + "}}\n")
write("nan-inf.yaml", HEAD + "finance:\n"
      "  pool_total: .nan\n"
      "  contributions:\n"
      "    - {partner: a, amount: .inf}\n"
      "    - {partner: a, amount: -.inf}\n"
      "    - {partner: a, amount: .NaN}\n"
      "    - {partner: a, amount: +.Inf}\n")
write("feb29.yaml", HEAD + "term: {commencement: 2023-02-29, expiry: 2024-02-29}\n")
write("long-string.yaml", HEAD + "term: {renewal: " + "x" * 1000000 + "}\n")
write("longer-string.yaml", HEAD + "term: {renewal: " + "x" * (2 * 1024 * 1024) + "}\n")
write("many-entries.yaml", HEAD + "scope:\n  services_included:\n"
      + "".join("    - Service %d\n" % i for i in range(100000)))
write("many-contributions.yaml", HEAD + "finance:\n  pool_total: 100000\n  contributions:\n"
      + "".join("    - {partner: a, amount: 1}\n" for i in range(100000)))
write("empty.yaml", "")
