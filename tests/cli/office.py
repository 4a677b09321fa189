"""What the Word document tests (docx_test.py, compare_docx_test.py) share:
the tally of checks, LibreOffice converting documents, and the verdict."""
import os
import shutil
import subprocess

FAILS = []
PASSES = [0]


def check(ok, what):
    if ok:
        PASSES[0] += 1
    else:
        FAILS.append(what)
        print("FAIL", what)


def convert(tmp, files, kind, outdir):
    """LibreOffice, headless with a profile of its own under `tmp`, converts
    `files` to `kind` ("pdf") in `outdir`; its run, or None when it is not
    installed."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        return None
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ, HOME=home)
    return subprocess.run([office, "--headless", f"-env:UserInstallation=file://{home}/lo",
                           "--convert-to", kind, "--outdir", outdir, *files],
                          capture_output=True, env=env, timeout=600)


def verdict(converted):
    """The exit status: 1 on a failure, else 77 (skipped) when LibreOffice was
    missing, else 0."""
    print(f"{PASSES[0]} passed, {len(FAILS)} failed")
    if FAILS:
        return 1
    if not converted:
        print("SKIP: LibreOffice (soffice) is not installed; see scripts/setup")
        return 77
    return 0
