#!/usr/bin/env python3
"""The README and docs/ hold together, and document every command and option.

Usage: check_links.py PATH/TO/s75check   (run from the repository root)

1. Every relative link and #anchor in README.md and docs/*.md resolves: the file
   or directory exists, and an anchor into a Markdown file is one of its headings,
   slugged as GitHub slugs them.
2. Every subcommand `s75check --help` lists has a row in the README's command
   table linking to its page in docs/, and the table names no other command.
3. Every option `s75check COMMAND --help` prints, in each spelling (`-o` and
   `--output`), appears in an inline code span on that command's page; the
   options of `s75check --help` appear in a code span on some page of docs/.

Each problem is printed as FILE:LINE: message; the exit status is 1 if any.
"""

import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"")
# A code span: a run of backticks, text not crossing a blank line, the same run.
CODE_SPAN = re.compile(r"(`+)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.DOTALL)
INLINE_LINK = re.compile(r"\[[^\]\n]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
# A row of the README's command table: | [`s75check NAME ...`](PAGE#ANCHOR) | ... |
COMMAND_ROW = re.compile(r"^\|\s*\[`s75check ([a-z][a-z-]*)[^`]*`\]\(([^)#\s]+)(?:#[^)\s]*)?\)")


class Page:
    """A Markdown file: its prose (code blocks blanked), code spans and anchors."""

    def __init__(self, path):
        self.path = path
        lines = path.read_text(encoding="utf-8").split("\n")
        prose, fence = [], None
        for line in lines:
            opened = FENCE.match(line)
            if fence is None and opened:
                fence = opened.group(1)[0] * len(opened.group(1))
                prose.append("")
            elif fence is not None:
                if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                    fence = None
                prose.append("")
            else:
                prose.append(line)
        text = "\n".join(prose)
        self.code_spans = [m.group(2).strip() for m in CODE_SPAN.finditer(text)]
        # Code spans become x of the same shape, so links inside them are not
        # links and line numbers stay right.
        self.text = CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", "x", m.group(0)), text)
        self.anchors = self._anchors(text)

    def _anchors(self, text):
        anchors, seen = set(), {}
        for line in text.split("\n"):
            anchors.update(HTML_ANCHOR.findall(line))
            heading = HEADING.match(line)
            if not heading:
                continue
            slug = github_slug(heading.group(1))
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            anchors.add(slug if count == 0 else f"{slug}-{count}")
        return anchors

    def links(self):
        """(line number, target) for every inline and reference link."""
        for pattern in (INLINE_LINK, REFERENCE_LINK):
            for m in pattern.finditer(self.text):
                yield self.text.count("\n", 0, m.start()) + 1, m.group(1)


def github_slug(heading):
    """The id GitHub gives a heading: its text, lower case, punctuation dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link reads as its text
    text = re.sub(r"<[^>]+>", "", text).lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


class Checker:
    def __init__(self, root):
        self.root = root.resolve()
        self.pages = {}
        self.problems = []
        self.links = 0

    def page(self, path):
        path = path.resolve()
        if path not in self.pages:
            self.pages[path] = Page(path)
        return self.pages[path]

    def problem(self, path, line, message):
        self.problems.append(f"{path.relative_to(self.root)}:{line}: {message}")

    def check_links(self, path):
        page = self.page(path)
        for line, target in page.links():
            if not target or SCHEME.match(target):
                continue
            self.links += 1
            file_part, _, anchor = target.partition("#")
            dest = (path.parent / urllib.parse.unquote(file_part)).resolve() if file_part else path
            if not dest.exists():
                self.problem(path, line, f"link to {target}: no such file or directory")
            elif anchor and dest.suffix == ".md" and dest.is_file():
                if urllib.parse.unquote(anchor) not in self.page(dest).anchors:
                    where = "this page" if dest == path.resolve() else dest.name
                    self.problem(path, line, f"link to {target}: {where} has no heading #{anchor}")

    def command_pages(self, readme):
        """The README's command table: command name -> (its page, the row's line)."""
        pages = {}
        for number, line in enumerate(readme.read_text(encoding="utf-8").split("\n"), 1):
            row = COMMAND_ROW.match(line)
            if row:
                pages[row.group(1)] = ((readme.parent / row.group(2)).resolve(), number)
        return pages

    def check_commands(self, binary, readme, docs):
        top = help_text(binary, [])
        commands = section_entries(top, "Subcommands")
        if not commands:
            self.problem(readme, 1, f"`{binary} --help` lists no subcommands: cannot check")
        table = self.command_pages(readme)
        for name in sorted(set(table) - set(commands)):
            self.problem(readme, table[name][1], f"the command table lists `s75check {name}`, "
                         "which `s75check --help` does not")
        option_count = 0
        for name in commands:
            if name not in table:
                self.problem(readme, 1, f"`s75check {name}` has no row in the command table "
                             f"(| [`s75check {name} ...`](docs/PAGE.md) | ... |)")
                continue
            page_path, line = table[name]
            if not page_path.is_file() or page_path.parent != docs.resolve():
                self.problem(readme, line, f"`s75check {name}` links to "
                             f"{page_path.relative_to(self.root)}, not a page in docs/")
                continue
            page = self.page(page_path)
            if not any(re.search(rf"\bs75check {name}\b", span) for span in page.code_spans):
                self.problem(page_path, 1, f"never names `s75check {name}`, the command it documents")
            for option in options(help_text(binary, [name])):
                if option in ("-h", "--help"):
                    continue
                option_count += 1
                if not in_code_span(option, page.code_spans):
                    self.problem(page_path, 1, f"`s75check {name} --help` lists {option}, "
                                 "which appears in no code span on this page")
        all_spans = [s for p in sorted(docs.glob("*.md")) for s in self.page(p).code_spans]
        for option in options(top):
            option_count += 1
            if not in_code_span(option, all_spans):
                self.problem(docs / "README.md", 1, f"`s75check --help` lists {option}, "
                             "which appears in no code span in docs/")
        return len(commands), option_count


def help_text(binary, args):
    result = subprocess.run([binary, *args, "--help"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"{binary} {' '.join(args)} --help failed ({result.returncode}): {result.stderr}")
    return result.stdout


def section_entries(text, title):
    """The first word of each entry of a CLI11 help section ("Options:", ...)."""
    match = re.search(rf"^{title}:\n((?:[ \t]+\S.*\n?)*)", text, re.MULTILINE)
    if not match:
        return []
    # An entry is indented two spaces; its description may continue further in.
    return [m.group(1) for m in re.finditer(r"^  (\S+)", match.group(1), re.MULTILINE)]


def options(text):
    """Every spelling of every option in a help text: -o,--output gives both."""
    names = []
    for entry in section_entries(text, "Options"):
        names.extend(n for n in entry.split(",") if n.startswith("-"))
    return names


def in_code_span(option, spans):
    pattern = re.compile(rf"(?<![\w-]){re.escape(option)}(?![\w-])")
    return any(pattern.search(span) for span in spans)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_links.py PATH/TO/s75check (from the repository root)")
    root = Path.cwd()
    readme, docs = root / "README.md", root / "docs"
    checker = Checker(root)
    files = [readme, *sorted(docs.glob("*.md"))]
    for path in files:
        checker.check_links(path)
    commands, option_count = checker.check_commands(sys.argv[1], readme, docs)
    for problem in checker.problems:
        print(problem)
    if checker.problems:
        print(f"{len(checker.problems)} problem(s) in README.md and docs/")
        return 1
    print(f"{checker.links} links in {len(files)} files resolve; {commands} commands and "
          f"{option_count} option spellings are documented")
    return 0


if __name__ == "__main__":
    sys.exit(main())
