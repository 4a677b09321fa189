#!/usr/bin/python3
"""`s75check compare --format docx` as a lawyer meets it: Word's own tracked changes.

Each pair of drafts in tests/fixtures/compare/ is compared as a Word document
and read back as XML and with python-docx, against the same comparison as
JSON: every change is one paragraph under its clause's heading, and accepting
all its tracked changes gives "NUMBER<tab>LABEL. NEW TEXT" and rejecting all
"NUMBER<tab>LABEL. OLD TEXT" (a provision added is inserted whole, a removed
one deleted whole, its paragraph mark too); every revision is by s75check and
dated --as-of; the findings follow untracked. A hostile partner name and file
name are text, every part well-formed; two runs give the same bytes; a Word
document is never written to a terminal, nor for two directories; LibreOffice
reads the changes as tracked changes (it writes them back as such) and prints
both the old and the new words. Needs python3-docx (run with /usr/bin/python3);
LibreOffice missing is a skip (77). Usage: compare_docx_test.py S75CHECK
"""
import glob
import json
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import docx

import office
from office import check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AS_OF = "2026-11-22"
BIN = os.path.abspath(sys.argv[1])
PAIRS = "tests/fixtures/compare"


def run(*args, **kw):
    return subprocess.run([BIN, *args], capture_output=True, **kw)


def compare(old, new, out):
    r = run("compare", "--format", "docx", "--as-of", AS_OF, "-o", out, old, new)
    check(r.returncode == 0, f"{new}: compare exit {r.returncode}: {r.stderr.decode()[:300]}")
    return r


def document(path):
    with zipfile.ZipFile(path) as z:
        return ET.fromstring(z.read("word/document.xml"))


def text(p, skip):
    """The paragraph's text with every change of kind `skip` (w:ins or w:del)
    undone: its text as Word shows it once the other kind is accepted."""
    out = []

    def walk(el):
        if el.tag == W + skip or el.tag == W + "pPr":
            return
        if el.tag in (W + "t", W + "delText"):
            out.append(el.text or "")
        elif el.tag == W + "tab":
            out.append("\t")
        elif el.tag == W + "br":
            out.append("\n")
        for child in el:
            walk(child)

    walk(p)
    return "".join(out)


def accepted(p):
    return text(p, "del")


def rejected(p):
    return text(p, "ins")


def tracked(p):
    return any(True for el in p.iter() if el.tag in (W + "ins", W + "del"))


def style(p):
    s = p.find(f"{W}pPr/{W}pStyle")
    return s.get(W + "val") if s is not None else ""


def mark(p):
    """'ins' or 'del' when the paragraph mark itself is tracked, else ''."""
    for kind in ("ins", "del"):
        if p.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None:
            return kind
    return ""


def provision(c, words):
    label = c["label"] or c["path"]
    head = f"{c['number']}\t{label}." if c["number"] else f"{label}."
    return head + (" " + words if words else "")


def check_changes(name, paras, changes):
    """Each change a paragraph, in order, whose accepted and rejected texts are
    the newer and older drafts' words; added and removed ones tracked whole."""
    got = [p for p in paras if tracked(p)]
    check(len(got) == len(changes), f"{name}: {len(got)} tracked paragraphs, {len(changes)} changes")
    for p, c in zip(got, changes):
        kind = c["change"]
        want_new = "" if kind == "removed" else provision(c, c["new"])
        want_old = "" if kind == "added" else provision(c, c["old"])
        check(accepted(p) == want_new, f"{name}: accepted {accepted(p)!r}, wanted {want_new!r}")
        check(rejected(p) == want_old, f"{name}: rejected {rejected(p)!r}, wanted {want_old!r}")
        want_mark = {"added": "ins", "removed": "del", "changed": ""}[kind]
        check(mark(p) == want_mark, f"{name}: {c['number']} paragraph mark {mark(p)!r}")
        check(style(p) == ("Provision" if c["number"] else "Normal"), f"{name}: style {style(p)}")
    heads = [accepted(p) for p in paras if style(p) == "Heading1"]
    clauses = []
    for c in changes:
        if not clauses or clauses[-1] != c["clause"]:
            clauses.append(c["clause"])
    check(heads == clauses + ["Findings"], f"{name}: headings {heads}, clauses {clauses}")


def check_revisions(name, root):
    ids = []
    for el in root.iter():
        if el.tag in (W + "ins", W + "del"):
            ids.append(el.get(W + "id"))
            check(el.get(W + "author") == "s75check", f"{name}: author {el.get(W + 'author')}")
            check(el.get(W + "date") == AS_OF + "T00:00:00Z", f"{name}: date {el.get(W + 'date')}")
        if el.tag == W + "del":
            check(not any(True for t in el.iter(W + "t")), f"{name}: a w:t in a deletion")
    check(len(ids) == len(set(ids)), f"{name}: revision ids repeat")


def check_findings(name, paras, findings):
    """After the Findings heading: the counts, each group and its findings,
    nothing tracked."""
    texts = [accepted(p) for p in paras]
    start = texts.index("Findings")
    check(not any(tracked(p) for p in paras[start:]), f"{name}: a finding tracked")
    counts = ", ".join(f"{len(findings[k])} {k}" for k in ("introduced", "resolved", "unchanged"))
    check(texts[start + 1] == counts + ".", f"{name}: counts {texts[start + 1]!r}")
    for key in ("introduced", "resolved", "unchanged"):
        head = f"{key.capitalize()} ({len(findings[key])})"
        check(head in texts[start:], f"{name}: no {head!r}")
        at = texts.index(head, start) + 1
        want = findings[key] or [None]
        for i, f in enumerate(want):
            line = texts[at + i]
            ok = line == "None." if f is None else (
                line.startswith(f"{f['severity']} {f['rule']} ") and line.endswith(": " + f["message"]))
            check(ok, f"{name}: {key} {i}: {line!r}")


def check_pairs(tmp):
    out = []
    for old in sorted(glob.glob(f"{PAIRS}/*-old.yaml")):
        new = old[:-len("-old.yaml")] + "-new.yaml"
        name = os.path.basename(old)[:-len("-old.yaml")]
        path = os.path.join(tmp, name + ".docx")
        compare(old, new, path)
        report = json.loads(run("compare", "--format", "json", "--as-of", AS_OF, old, new).stdout)
        root = document(path)
        paras = list(root.iter(W + "p"))
        check(docx.Document(path).paragraphs[0].text == "Changes between two drafts", f"{name}: title")
        check_changes(name, paras, report["changes"])
        check_revisions(name, root)
        check_findings(name, paras, report["findings"])
        out.append(path)
    check(len(out) >= 6, f"only {len(out)} pairs compared")
    return out


def deleted_and_inserted(path):
    """The words of each deletion and of each insertion (the space before them
    is theirs, so that accepting or rejecting leaves one)."""
    root = document(path)
    dels = ["".join(t.text or "" for t in d.iter(W + "delText")).strip() for d in root.iter(W + "del")]
    ins = ["".join(t.text or "" for t in i.iter(W + "t")).strip() for i in root.iter(W + "ins")]
    return dels, ins


def check_words(tmp):
    """The examples of the issue, word for word."""
    dels, ins = deleted_and_inserted(os.path.join(tmp, "changed-date.docx"))
    check(dels == ["1 April 2024"] and ins == ["1 July 2024"], f"changed-date: {dels} {ins}")
    dels, ins = deleted_and_inserted(os.path.join(tmp, "renamed-partner.docx"))
    check("Midshire County Council" in dels and "Midshire Council" in ins,
          f"renamed-partner: {dels[:2]} {ins[:2]}")
    dels, ins = deleted_and_inserted(os.path.join(tmp, "moved-contribution.docx"))
    moved = "Eastvale Metropolitan Borough Council — amount: £700,000"
    check(any(moved in d for d in dels) and any(moved in i for i in ins),
          "moved-contribution: not deleted from one fund and inserted in the other")


def check_hostile(tmp):
    """A partner renamed to markup, in a file whose name is markup: text, every
    part well-formed."""
    hostile = os.path.join(tmp, "hostile <script>&.yaml")
    text_new = open(f"{PAIRS}/changed-date-new.yaml", encoding="utf-8").read()
    evil = "Midshire <script>alert(1)</script> & Co"
    open(hostile, "w", encoding="utf-8").write(
        text_new.replace("    name: Midshire County Council\n", f"    name: {evil}\n"))
    path = os.path.join(tmp, "hostile.docx")
    compare(f"{PAIRS}/changed-date-old.yaml", hostile, path)
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            try:
                ET.fromstring(z.read(part))
                check(True, "")
            except ET.ParseError as e:
                check(False, f"hostile: {part} is not well-formed: {e}")
        raw = z.read("word/document.xml").decode()
        footer = z.read("word/footer1.xml").decode()
    check("Midshire &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</w:t>" in raw,
          "hostile: the name not escaped as text")
    check("hostile &lt;script&gt;&amp;.yaml" in raw and "hostile &lt;script&gt;&amp;.yaml" in footer,
          "hostile: the file name not escaped")
    dels, ins = deleted_and_inserted(path)
    check("Midshire County Council" in dels and evil in ins, f"hostile: {dels[:2]} {ins[:2]}")
    return path


def check_determinism(tmp):
    a, b = os.path.join(tmp, "a.docx"), os.path.join(tmp, "b.docx")
    pair = (f"{PAIRS}/added-fund-old.yaml", f"{PAIRS}/added-fund-new.yaml")
    compare(*pair, a)
    compare(*pair, b)
    bytes_a = open(a, "rb").read()
    check(bytes_a == open(b, "rb").read(), "two runs differ")
    with zipfile.ZipFile(a) as z:
        check(all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist()),
              "entries not dated 1980-01-01")
        check(z.namelist()[0] == "[Content_Types].xml", "content types not first")
    r = run("compare", "--format", "docx", "--as-of", AS_OF, *pair)
    check(r.returncode == 0 and r.stdout == bytes_a, "stdout (a pipe) differs from -o")


def check_refusals(tmp):
    """Never to a terminal; not for two directories; -o whole or not at all."""
    pair = (f"{PAIRS}/changed-date-old.yaml", f"{PAIRS}/changed-date-new.yaml")
    for args in (("compare", "--format", "docx", *pair),
                 ("render", "--format", "docx", pair[0])):
        leader, follower = pty.openpty()
        r = subprocess.run([BIN, *args], stdout=follower, stderr=subprocess.PIPE)
        os.close(follower)
        os.close(leader)
        check(r.returncode == 2 and b"a Word document is not written to a terminal: name a file "
              b"with -o FILE.docx" in r.stderr, f"{args[0]} docx to a terminal: {r.stderr[:200]}")
    out = os.path.join(tmp, "sweep.docx")
    r = run("compare", "--format", "docx", "-o", out, "tests/fixtures/compare-sweep/then",
            "tests/fixtures/compare-sweep/now")
    check(r.returncode == 2 and b"--format docx writes a redline of two drafts" in r.stderr
          and not os.path.exists(out), f"two directories as docx: {r.returncode} {r.stderr[:200]}")
    kept = os.path.join(tmp, "kept.docx")
    open(kept, "w").write("keep\n")
    broken = os.path.join(tmp, "broken.yaml")
    open(broken, "w").write("format: s75check/1\nagreement: [\n")
    r = run("compare", "--format", "docx", "-o", kept, pair[0], broken)
    check(r.returncode == 2 and open(kept).read() == "keep\n", "broken draft: output touched")
    r = run("compare", "--help")
    check(b"html, xlsx or docx" in r.stdout, "docx not in --help")


def check_libreoffice(tmp, files):
    """LibreOffice reads the changes as tracked changes (converting to docx
    writes them back as changes by s75check) and prints the old and new words."""
    for kind, outdir in (("pdf", "pdf"), ("docx:MS Word 2007 XML", "lo")):
        r = office.convert(tmp, files, kind, os.path.join(tmp, outdir))
        if r is None:
            return False
        check(r.returncode == 0, f"libreoffice {kind} exit {r.returncode}: {r.stderr.decode()[:300]}")
    for f in files:
        pdf = os.path.join(tmp, "pdf", os.path.basename(f)[:-5] + ".pdf")
        check(os.path.exists(pdf) and os.path.getsize(pdf) > 1000, f"{f}: no PDF")
    pdf_text = subprocess.run(["pdftotext", os.path.join(tmp, "pdf", "changed-date.pdf"), "-"],
                              capture_output=True).stdout.decode()
    check("1 April 2024" in pdf_text and "1 July 2024" in pdf_text,
          "changed-date: the PDF lacks the old or the new date")
    check("Findings" in pdf_text and "Commencement." in pdf_text, "changed-date: PDF text")
    dels, ins = deleted_and_inserted(os.path.join(tmp, "lo", "changed-date.docx"))
    check("1 April 2024" in dels and "1 July 2024" in ins,
          f"LibreOffice did not keep the changes as tracked changes: {dels} {ins}")
    root = document(os.path.join(tmp, "lo", "changed-date.docx"))
    authors = {el.get(W + "author") for el in root.iter() if el.tag in (W + "ins", W + "del")}
    check(authors == {"s75check"}, f"LibreOffice's revisions by {authors}")
    return True


def main():
    tmp = tempfile.mkdtemp()
    try:
        files = check_pairs(tmp)
        check_words(tmp)
        files.append(check_hostile(tmp))
        check_determinism(tmp)
        check_refusals(tmp)
        converted = check_libreoffice(tmp, files)
    finally:
        shutil.rmtree(tmp)
    return office.verdict(converted)


if __name__ == "__main__":
    sys.exit(main())
