#!/usr/bin/python3
"""`s75check render --format docx` as a board and a lawyer meet it.

Every example in agreements/ and the format 2 fixtures is rendered as a Word
document with --findings and read back with python-docx and as XML: the
title, the particulars table, the clauses and schedules in order with the
provisions the Markdown rendering gives (less the tool's own details), the
paragraphs of a text kept apart, an execution block naming each partner's
signatory, each finding a comment by s75check anchored where the Markdown
rendering places it; two runs give the same bytes; LibreOffice converts every
document to PDF without error. Needs python3-docx (run with /usr/bin/python3);
LibreOffice missing is a skip (77). Usage: docx_test.py S75CHECK
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

import docx
import yaml

import office
from office import check

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
AS_OF = "2026-11-22"
BIN = os.path.abspath(sys.argv[1])


def run(*args):
    return subprocess.run([BIN, *args], capture_output=True)


def render(path, out, *extra):
    r = run("render", "--format", "docx", "--as-of", AS_OF, *extra, "-o", out, path)
    check(r.returncode == 0, f"{path}: render exit {r.returncode}: {r.stderr.decode()[:300]}")
    return r


def para_text(p):
    """A paragraph's text as Word shows it: tabs and breaks included."""
    out = []
    for el in p.iter():
        if el.tag == W + "t":
            out.append(el.text or "")
        elif el.tag == W + "tab" and el is not p:
            out.append("\t")
        elif el.tag == W + "br":
            out.append("\n")
    return "".join(out)


def paragraphs(path):
    """Each paragraph of the body in order (table cells included): its style,
    its text and the ids of the comments whose range starts in it."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        starts = [s.get(W + "id") for s in p.iter(W + "commentRangeStart")]
        out.append((style.get(W + "val") if style is not None else "", para_text(p), starts))
    return out


def comments(path):
    with zipfile.ZipFile(path) as z:
        if "word/comments.xml" not in z.namelist():
            return {}
        root = ET.fromstring(z.read("word/comments.xml"))
    return {c.get(W + "id"): c for c in root.iter(W + "comment")}


def unescape(md):
    return re.sub(r"\\(.)", r"\1", md)


def clause_title(heading):
    """'7.\tFinance', 'Schedule 1 — Fund: X', '7. Finance' as 'Finance', 'Fund: X'."""
    return re.sub(r"^(\d+\.\s+|Schedule \d+ — )", "", heading)


def md_placements(md):
    """Each finding of the Markdown rendering with where it sits: the clause
    title and the line it follows (without its number), '' for the clause's head."""
    clause, anchor, out = "", "", []
    for line in md.splitlines():
        if line.startswith("## "):
            clause, anchor = clause_title(unescape(line[3:])), ""
        elif m := re.match(r"^\*\*(?:\d+\.\d+)? ?(.*?)\*\*(?: (.*))?$", line):
            anchor = (m[1] + (" " + m[2] if m[2] else "")).strip()
        elif m := re.match(r"^\s*- \([a-z0-9]+\) (?:\*(.*?)\* )?(.*)$", line):
            anchor = ((m[1] + " " if m[1] else "") + m[2]).strip()
        elif m := re.match(r"^\s*> \*\*([^*]+):\*\* (.*)$", line):
            out.append((unescape(m[1] + ": " + m[2]), clause, unescape(anchor)))
    return out


def docx_placements(path):
    """Each comment's text with where its range starts, as md_placements has it."""
    clause, out, texts = "", [], comments(path)
    for style, text, starts in paragraphs(path):
        if style == "Heading1":
            clause = clause_title(text)
        if style == "Title":
            where = ("General findings", "")
        elif style == "Heading1":
            where = (clause, "")
        else:
            where = (clause, text.split("\t", 1)[-1].strip())
        for cid in starts:
            out.append((para_text(texts[cid].find(W + "p")), *where))
    return out


def check_placements(name, md, path):
    """Findings sit where the Markdown rendering puts them, except those it puts
    beside what the signing copy leaves out (the particulars' format and
    reference, the waivers), which are at the head of the particulars."""
    want = sorted(md_placements(md))
    got = sorted(docx_placements(path))
    check(len(want) == len(got), f"{name}: {len(got)} comments, {len(want)} findings")
    moved = [w for w in want if w[1] in ("Particulars", "Schedules")
             or w[2].startswith(("Identifier.", "identifier:"))]
    want = [w for w in want if w not in moved]
    for w in want:
        check(w in got, f"{name}: finding not anchored as rendered: {w}")
    for text, _, _ in moved:
        check(any(g[0] == text for g in got), f"{name}: finding has no comment: {text}")


def check_comments(name, path, n_findings):
    cs = comments(path)
    check(len(cs) == n_findings, f"{name}: {len(cs)} comments, wanted {n_findings}")
    for c in cs.values():
        check(c.get(W + "author") == "s75check" and c.get(W + "initials") == "S75",
              f"{name}: comment author {c.get(W + 'author')}")
        check(c.get(W + "date") == AS_OF + "T00:00:00Z", f"{name}: comment date {c.get(W + 'date')}")
        text = para_text(c.find(W + "p"))
        check(re.match(r"^(Error|Warning|Info)( \(waived\))?: [A-Z0-9]+\.\d+[a-z]? [a-z0-9-]+", text),
              f"{name}: comment text {text!r}")
    with zipfile.ZipFile(path) as z:
        doc = z.read("word/document.xml").decode()
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    for cid in cs:
        for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
            check(f'<w:{tag} w:id="{cid}"/>' in doc, f"{name}: no {tag} for comment {cid}")
    declared = "wordprocessingml.comments+xml" in types and "relationships/comments" in rels
    check(declared == bool(cs), f"{name}: comments part declared {declared} with {len(cs)}")


def agreement_text(d):
    return "\n".join(p.text for p in d.paragraphs) + "\n" + "\n".join(
        c.text for t in d.tables for r in t.rows for c in r.cells)


def check_document(name, yaml_path, path, md):
    """What python-docx reads: title, particulars table, clauses, execution."""
    data = yaml.safe_load(open(yaml_path, encoding="utf-8"))
    d = docx.Document(path)
    paras = d.paragraphs
    title = data["agreement"].get("title") or yaml_path
    check(paras[0].style.name == "Title" and paras[0].text == title, f"{name}: title {paras[0].text!r}")
    heads = [p.text for p in paras if p.style.name == "Heading 1"]
    md_heads = [clause_title(unescape(h)) for h in re.findall(r"^## (.*)$", md, re.M)]
    md_heads = [h for h in md_heads if h not in ("Schedules", "General findings")]
    funds = [h for h in md_heads if h.startswith("Fund: ")]
    want = [h for h in md_heads if h not in funds]
    want = ["Particulars"] + [f"{i}.\t{h}" for i, h in enumerate(want[1:], 1)]
    want += [f"Schedule {i} — {h}" for i, h in enumerate(funds, 1)] + ["Execution"]
    check(heads == want, f"{name}: headings {heads} != {want}")
    table = d.tables[0]
    rows = {r.cells[0].text: r.cells[1].text for r in table.rows}
    check(rows.get("Agreement") == title, f"{name}: particulars {rows}")
    names = [p["name"] for p in data.get("partners", [])]
    check(rows.get("Parties") == "; ".join(names), f"{name}: parties row {rows.get('Parties')!r}")
    text = agreement_text(d)
    for tool in ("s75check/", "Accepted findings", "Identifier", "identifier:", data["agreement"]["id"]):
        check(tool not in text, f"{name}: tool detail {tool!r} in the signing copy")
    for o in data.get("outcomes") or []:  # a scheme's outcomes by description, not id
        check(f"outcomes served: {o['id']}" not in text, f"{name}: outcome id {o['id']} shown")
    check(not any(p.style.name == "Normal" and p.text.startswith("Format") for p in paras),
          f"{name}: a Format line")
    check_execution(name, data, paras)
    check_provisions(name, md, paras)


def check_execution(name, data, paras):
    texts = [p.text for p in paras]
    start = texts.index("Execution")
    tail = texts[start:]
    for p in data.get("partners", []):
        head = "Signed for and on behalf of " + p["name"]
        check(head in tail, f"{name}: no execution block for {p['name']}")
        if head not in tail:
            continue
        block = tail[tail.index(head) + 1: tail.index(head) + 5]
        sig = p.get("signatory") or {}
        check(block[0] == "Signature:\t", f"{name}: signature line {block[0]!r}")
        signed = sig.get("signed_on")
        when = f"{signed.day} {signed.strftime('%B %Y')}" if signed else ""
        for line, label, value in ((block[1], "Name", sig.get("name")),
                                   (block[2], "Title", sig.get("title")), (block[3], "Date", when)):
            # the value, or a line to write it on
            want = f"{label}: {value}" if value else f"{label}:\t"
            check(line == want, f"{name}: {line!r}, wanted {want!r}")


def check_provisions(name, md, paras):
    """Every numbered provision of the Markdown rendering outside the particulars
    and schedules, in order, with its label and text (less its number)."""
    want, clause = [], ""
    for line in md.splitlines():
        if line.startswith("## "):
            clause = clause_title(unescape(line[3:]))
        elif clause not in ("Particulars", "Schedules", "General findings") and (
                m := re.match(r"^\*\*\d+\.\d+ ?(.*?)\*\*(?: (.*))?$", line)):
            want.append(unescape((m[1] + (" " + m[2] if m[2] else "")).strip()))
    got = [p.text.split("\t", 1)[1].strip() for p in paras
           if p.style.name == "Provision" and "\t" in p.text]
    # the signing copy leaves out the funds' identifiers; nothing else
    want = [w for w in want if not w.startswith("Identifier.")]
    check(sorted(want) == sorted(got), f"{name}: provisions differ: "
          f"{sorted(set(want) ^ set(got))[:4]}")
    if not any(h.startswith("Fund: ") for h in re.findall(r"^## \d+\. (.*)$", md, re.M)):
        check(want == got, f"{name}: provisions out of order")


def check_paragraphs_kept(tmp):
    path = os.path.join(tmp, "bcf-two-funds.docx")
    texts = [p.text for p in docx.Document(path).paragraphs]
    i = texts.index("1.2\tBetter Care Fund. The fund announced in the 2013 spending round.")
    check(texts[i + 1] == "It is pooled under section 75 of the National Health Service Act 2006.",
          "a text's second paragraph is not its own paragraph")
    check(docx.Document(path).paragraphs[i + 1].style.name == "Continuation", "continuation style")


def check_hostile(tmp):
    """Markup in the agreement is text in the document, every part well-formed."""
    path = os.path.join(tmp, "hostile.docx")
    render("tests/fixtures/hostile/hostile.yaml", path, "--findings")
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if part.endswith(".xml") or part.endswith(".rels"):
                try:
                    ET.fromstring(z.read(part))
                    check(True, "")
                except ET.ParseError as e:
                    check(False, f"hostile: {part} is not well-formed: {e}")
    text = agreement_text(docx.Document(path))
    check("<script>alert(1)</script> & 'Trust'" in docx.Document(path).paragraphs[0].text,
          "hostile: title not shown as written")
    check('"onload=alert(2) x=" endoscopy <img src=x onerror=alert(3)>' in text,
          "hostile: markup not shown as text")
    notes = [para_text(c.find(W + "p")) for c in comments(path).values()]
    check(any("approved by <b onmouseover=alert(5)>Board</b>" in n for n in notes),
          "hostile: a waiver's markup not shown as text in its comment")


def check_determinism(tmp, path):
    a, b = os.path.join(tmp, "a.docx"), os.path.join(tmp, "b.docx")
    render(path, a, "--findings")
    render(path, b, "--findings")
    check(open(a, "rb").read() == open(b, "rb").read(), f"{path}: two runs differ")
    with zipfile.ZipFile(a) as z:
        check(all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist()),
              "entries not dated 1980-01-01")
        check(z.namelist()[0] == "[Content_Types].xml", "content types not first")
    r = run("render", "--format", "docx", "--as-of", AS_OF, "--findings", path)
    check(r.stdout == open(a, "rb").read(), "stdout differs from -o")


def check_errors(tmp):
    kept = os.path.join(tmp, "kept.docx")
    open(kept, "w").write("keep\n")
    broken = os.path.join(tmp, "broken.yaml")
    open(broken, "w").write("format: s75check/1\nagreement: [\n")
    r = run("render", "--format", "docx", "-o", kept, broken)
    check(r.returncode == 2 and open(kept).read() == "keep\n", "broken file: output touched")
    r = run("render", "--format", "docx", "-o", os.path.join(tmp, "no/such/x.docx"),
            "agreements/model-learning-disability.yaml")
    check(r.returncode == 2 and b"cannot create a temporary file" in r.stderr, "-o missing dir")
    plain = os.path.join(tmp, "plain.docx")
    render("agreements/model-learning-disability.yaml", plain)
    check(comments(plain) == {}, "comments without --findings")


def convert(tmp, files):
    """LibreOffice converts every document to PDF, which holds its title."""
    r = office.convert(tmp, files, "pdf", os.path.join(tmp, "pdf"))
    if r is None:
        return False
    check(r.returncode == 0, f"libreoffice exit {r.returncode}: {r.stderr.decode()[:300]}")
    for f in files:
        pdf = os.path.join(tmp, "pdf", os.path.basename(f)[:-5] + ".pdf")
        check(os.path.exists(pdf) and os.path.getsize(pdf) > 1000, f"{f}: no PDF")
        if os.path.exists(pdf) and shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True).stdout.decode()
            check("Execution" in text and "Signed for and on behalf of" in text,
                  f"{pdf}: no execution block in the PDF")
    return True


def main():
    tmp = tempfile.mkdtemp()
    try:
        files = sorted(glob.glob("agreements/*.yaml")) + sorted(glob.glob("tests/fixtures/format2/*.yaml"))
        out = []
        for path in files:
            name = os.path.basename(path)[:-5]
            docx_path = os.path.join(tmp, name + ".docx")
            render(path, docx_path, "--findings")
            md = run("render", "--findings", "--as-of", AS_OF, path).stdout.decode()
            check_document(name, path, docx_path, md)
            check_placements(name, md, docx_path)
            check_comments(name, docx_path, len(md_placements(md)))
            out.append(docx_path)
        check(len(out) >= 16, f"only {len(out)} agreements rendered")
        check_paragraphs_kept(tmp)
        check_hostile(tmp)
        check_determinism(tmp, "tests/fixtures/format2/bcf-two-funds.yaml")
        check_errors(tmp)
        converted = convert(tmp, out)
    finally:
        shutil.rmtree(tmp)
    return office.verdict(converted)


if __name__ == "__main__":
    sys.exit(main())
