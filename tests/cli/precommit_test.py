#!/usr/bin/env python3
"""The pre-commit hook as a repository of agreements meets it, with the real
`pre-commit` (Debian's package) and every `.pre-commit-config.yaml` stanza
that README.md and docs/*.md show, copied from them.

Usage: precommit_test.py S75CHECK   (run from the repository root)

In a fresh git repository (PRE_COMMIT_HOME, git's settings and PATH all
inside a temporary directory, S75CHECK on PATH as `s75check`) holding eight
agreements, the first and the last two drafts that share an agreement.id
(pre-commit gives a parallel hook at most a quarter of eight files, or at
least four, per process on a machine with two or more cores, so without
require_serial the two drafts would be checked apart):
- each `repo: local` stanza (README.md's), with the `exclude:` line its page
  shows for `.s75check.yaml`, taken verbatim: `pre-commit install`, then
  `git commit` is stopped and `pre-commit run --all-files` fails, each
  printing DOC.08 and one summary line covering all eight files (one
  s75check process saw them all);
- each stanza that takes the hook from this repository's
  `.pre-commit-hooks.yaml` (docs/integrations.md's), whose `rev:` must be a
  full commit SHA, as no tag can be relied on: the same, with a git
  repository holding the working tree's `.pre-commit-hooks.yaml` as `repo:`
  (pre-commit reads nothing else of the repository for a `language: system`
  hook) and `rev:` set by `pre-commit autoupdate`, as the page says.
Each local stanza declares the same hook as `.pre-commit-hooks.yaml`.
Exit 0 when all hold, 1 with one line per fault, 77 (skip) when pre-commit
is not installed (scripts/setup installs it).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

from faults import Faults

SUMMARY = re.compile(r"^\d+ files? checked", re.M)
DRAFT = "agreements/draft-tbc.yaml"
# Six examples with ids of their own, named to sort between the two drafts.
OTHERS = ["aligned-intermediate-care", "bcf-ccg-rollover", "hfd-mental-health-2004",
          "ices-community-equipment", "unsigned-late-signing", "westminster-aligned-budget"]


def stanzas():
    """(page, stanza, exclude line) for every yaml block of README.md and
    docs/*.md that adds the s75check hook, with the page's first block
    beginning `exclude:` (the `.s75check.yaml` it tells users to write)."""
    pages = ["README.md"] + sorted(os.path.join("docs", n) for n in os.listdir("docs")
                                   if n.endswith(".md"))
    found = []
    for page in pages:
        blocks = re.findall(r"^```yaml\n(.*?)^```$", open(page, encoding="utf-8").read(),
                            re.M | re.S)
        excludes = [b for b in blocks if b.startswith("exclude:")]
        for b in blocks:
            if re.search(r"^repos:", b, re.M) and "id: s75check" in b:
                found.append((page, b, excludes[0] if excludes else None))
    return found


class Sandbox:
    """A temporary git repository of agreements, with pre-commit and git
    reading nothing of the user's."""

    def __init__(self, tmp, binary):
        self.root = os.path.join(tmp, "agreements-repo")
        bin_dir = os.path.join(tmp, "bin")
        os.makedirs(bin_dir)
        os.symlink(os.path.abspath(binary), os.path.join(bin_dir, "s75check"))
        self.env = dict(os.environ)
        self.env.update({
            "PATH": bin_dir + os.pathsep + os.environ["PATH"],
            "PRE_COMMIT_HOME": os.path.join(tmp, "pre-commit-home"),
            "HOME": tmp, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
        })
        self.env.pop("PRE_COMMIT_NO_CONCURRENCY", None)
        self.env.pop("PRE_COMMIT", None)
        self.env.pop("SKIP", None)

    def run(self, *args, cwd=None):
        p = subprocess.run(args, cwd=cwd or self.root, env=self.env, capture_output=True,
                           text=True, timeout=300)
        return p.returncode, p.stdout + p.stderr

    def git_repo(self, path, files):
        """A git repository at `path` with `files` (name: text) committed;
        returns the commit's full SHA."""
        os.makedirs(path)
        self.run("git", "init", "-q", cwd=path)
        for name, text in files.items():
            with open(os.path.join(path, name), "w", encoding="utf-8") as f:
                f.write(text)
        self.run("git", "add", ".", cwd=path)
        self.run("git", "commit", "-q", "-m", "initial", cwd=path)
        return self.run("git", "rev-parse", "HEAD", cwd=path)[1].strip()


def check_hook_run(c, name, status, out):
    """A run that stopped on the drafts: DOC.08 and one summary of both."""
    summaries = SUMMARY.findall(out)
    c.expect(status != 0, f"{name}: exit 0 although the drafts have errors:\n{out[-2000:]}")
    c.expect(summaries == ["8 files checked"],
             f"{name}: summaries {summaries}, wanted one '8 files checked':\n{out[-3000:]}")
    c.expect("DOC.08" in out and "is also the id of" in out,
             f"{name}: no DOC.08 for the shared agreement id:\n{out[-2000:]}")
    c.expect("DOC.06" not in out, f"{name}: a YAML file that is not an agreement was checked")


def check_stanza(c, sandbox, name, config, settings):
    sandbox.git_repo(sandbox.root, {".pre-commit-config.yaml": config,
                                    ".s75check.yaml": settings})
    status, out = sandbox.run("pre-commit", "install")
    c.expect(status == 0, f"{name}: pre-commit install exited {status}:\n{out}")
    copies = {"a-draft.yaml": DRAFT, "z-draft.yaml": DRAFT}
    copies.update({f"{name}.yaml": f"agreements/{name}.yaml" for name in OTHERS})
    for copy, source in copies.items():
        shutil.copy(source, os.path.join(sandbox.root, copy))
    sandbox.run("git", "add", *copies)
    status, out = sandbox.run("git", "commit", "-m", "eight agreements")
    check_hook_run(c, f"{name}: git commit", status, out)
    c.expect("s75check" in out and "Failed" in out, f"{name}: the hook did not run:\n{out}")
    status, _ = sandbox.run("git", "cat-file", "-e", "HEAD:a-draft.yaml")
    c.expect(status != 0, f"{name}: the commit went through")
    status, out = sandbox.run("pre-commit", "run", "--all-files")
    check_hook_run(c, f"{name}: pre-commit run --all-files", status, out)


def check_same_hook(c, page, config):
    """The local stanza and .pre-commit-hooks.yaml declare one hook alike."""
    local = yaml.safe_load(config)["repos"][0]["hooks"][0]
    declared = yaml.safe_load(open(".pre-commit-hooks.yaml", encoding="utf-8"))[0]
    for key in ("id", "name", "entry", "language", "files", "require_serial"):
        c.expect(local.get(key) == declared.get(key),
                 f"{page}'s hook has {key} {local.get(key)!r}, .pre-commit-hooks.yaml "
                 f"{declared.get(key)!r}")
    c.expect(declared.get("pass_filenames", True) and local.get("pass_filenames", True),
             "the hook does not pass the staged files")
    c.expect(declared.get("require_serial") is True,  # the run above needs two cores to see it
             ".pre-commit-hooks.yaml lets pre-commit split the files over several processes")


def check_remote(c, tmp, binary, page, stanza, settings):
    """A stanza naming this repository: a clone of it and its commit."""
    sandbox = Sandbox(tmp, binary)
    hooks = os.path.join(tmp, "s75check-clone")
    sha = sandbox.git_repo(hooks, {".pre-commit-hooks.yaml":
                                   open(".pre-commit-hooks.yaml", encoding="utf-8").read()})
    rev = re.search(r"^ *rev: *(\S+)", stanza, re.M)
    c.expect(rev and re.fullmatch(r"[0-9a-f]{40}", rev.group(1)),
             f"{page}: rev: {rev.group(1) if rev else None} is not a full commit SHA, the "
             "only rev every copy of this repository has")
    config, urls = re.subn(r"repo: \S+", f"repo: file://{hooks}", stanza)
    c.expect(urls == 1, f"{page}: the stanza has {urls} repo:")
    # The page's way to a real rev: `pre-commit autoupdate` (no tag: the SHA).
    scratch = os.path.join(tmp, "autoupdate")
    sandbox.git_repo(scratch, {".pre-commit-config.yaml": config})
    status, out = sandbox.run("pre-commit", "autoupdate", cwd=scratch)
    config = open(os.path.join(scratch, ".pre-commit-config.yaml"), encoding="utf-8").read()
    c.expect(status == 0 and f"rev: {sha}" in config,
             f"{page}: pre-commit autoupdate did not pin the clone's commit {sha}:\n{out}")
    check_stanza(c, sandbox, f"{page} (this repository's hook)", config, settings)


def main():
    binary = sys.argv[1]
    if not shutil.which("pre-commit"):
        print("skipped: pre-commit is not installed (scripts/setup installs Debian's pre-commit)")
        return 77
    c = Faults()
    found = stanzas()
    kinds = {"repo: local" in stanza for _, stanza, _ in found}
    c.expect(kinds == {True, False}, "the documents do not show both a local stanza and one "
             f"taking the hook from this repository: {[page for page, _, _ in found]}")
    seen = set()
    for page, stanza, settings in found:
        if stanza in seen:
            continue
        seen.add(stanza)
        c.expect(settings is not None, f"{page} shows no `exclude:` line for .s75check.yaml")
        with tempfile.TemporaryDirectory() as tmp:
            if "repo: local" in stanza:
                check_same_hook(c, page, stanza)
                check_stanza(c, Sandbox(tmp, binary), f"{page} (local)", stanza, settings or "")
            else:
                check_remote(c, tmp, binary, page, stanza, settings or "")
    return c.report(f"{len(seen)} stanzas of {len(found)} in the documents")


if __name__ == "__main__":
    sys.exit(main())
