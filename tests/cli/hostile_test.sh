#!/usr/bin/env bash
# Hostile input: every file of make_hostile.py (alias bombs, 200,000 nested
# brackets, 50 MB, random bytes, control characters, tabs, tags, huge numbers,
# .nan, 29 February, a 1 MB string, 100,000 entries ...), symbolic-link loops,
# a dangling link, a FIFO and an unreadable file, all in one directory beside a
# flawed but valid agreement. Each gets its DOC finding or its correct result,
# the good agreement's findings are all still reported, and the sweep exits 2
# naming each bad file. Each file is also checked alone, and its time printed
# (the ctest TIMEOUT is the ceiling; speed itself is measured in bench/).
source "$(dirname "$0")/lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
good=$repo/agreements/bcf-ccg-rollover.yaml
d=$tmp/sweep
python3 "$here/make_hostile.py" "$good" "$d"
ln -s loop.yaml "$d/loop.yaml"
ln -s nowhere.yaml "$d/dangling.yaml"
mkfifo "$d/fifo.yaml"
mkdir "$d/sub"
ln -s .. "$d/sub/up" # a directory loop: links to directories are not followed
A=(--no-config --as-of 2026-11-22)

# The good agreement alone, for comparison.
expect "good alone" 1 "$bin" check "${A[@]}" --format json "$good"
cp "$tmp/out" "$tmp/good.json"

# The sweep, in JSON, on one and two workers: the same bytes.
expect "hostile sweep -j 1" 2 "$bin" check "${A[@]}" --format json -j 1 "$d"
cp "$tmp/out" "$tmp/sweep.json"
expect "hostile sweep -j 2" 2 "$bin" check "${A[@]}" --format json -j 2 "$d"
if cmp -s "$tmp/sweep.json" "$tmp/out"; then pass; else fail "hostile sweep: -j 1 and -j 2 differ"; fi

python3 - "$tmp/sweep.json" "$tmp/good.json" >"$tmp/py" 2>&1 <<'PY'
import json, sys
sweep = {f["path"].rsplit("/", 1)[-1]: f for f in json.load(open(sys.argv[1]))["files"]}
good = json.load(open(sys.argv[2]))["files"][0]
problems = []

def key(f):
    return (f["rule"], f["location"]["line"], f["location"]["column"], f["message"], f["waived"])

def same_as_good(name):
    got = [key(f) for f in sweep[name]["findings"] if f["rule"] != "DOC.08"]
    want = [key(f) for f in good["findings"]]
    if got != want:
        problems.append(f"{name}: findings differ from the good agreement's alone:\n  {got}\n  {want}")

# name: (checked, rule, substring of its message, how many such findings)
expected = {
    "alias-bomb.yaml": (False, "DOC.07", "the alias expansion limit; raise it with --max-nodes", 1),
    "big.yaml": (False, "DOC.07", "the file size limit; raise it with --max-file-size", 1),
    "deep-brackets.yaml": (False, "DOC.07", "the depth limit; raise it with --max-depth", 1),
    "deep-braces.yaml": (False, "DOC.07", "the depth limit; raise it with --max-depth", 1),
    "random-bytes.yaml": (False, "DOC.07", "not valid UTF-8", 1),
    "random-text.yaml": (False, "DOC.01", "YAML syntax error", 1),
    "latin1.yaml": (False, "DOC.07", "not valid UTF-8 (byte 0xe9)", 1),
    "control-char.yaml": (False, "DOC.01", "control character (byte 0x04)", 1),
    "nul.yaml": (False, "DOC.01", "control character (byte 0x00)", 1),
    "tabs.yaml": (False, "DOC.01", "indented with a tab", 1),
    "tags.yaml": (True, "DOC.04", "has a YAML tag", 4),
    "merge.yaml": (True, "DOC.03", "merge keys (`<<`) are not supported", 1),
    "numbers.yaml": (True, "DOC.04", "18 digits before the decimal point", 5),
    "nan-inf.yaml": (True, "DOC.04", "not a finite number", 5),
    "feb29.yaml": (True, "DOC.04", "'2023-02-29', which is not a date", 1),
    "longer-string.yaml": (False, "DOC.07", "the string length limit; raise it with --max-string-length", 1),
    "empty.yaml": (False, "DOC.06", "the file is empty", 1),
    "loop.yaml": (False, "DOC.07", "a loop of symbolic links", 1),
    "dangling.yaml": (False, "DOC.07", "a symbolic link to nowhere.yaml, which does not exist", 1),
    "fifo.yaml": (False, "DOC.07", "a FIFO (named pipe)", 1),
}
for name, (checked, rule, text, n) in expected.items():
    f = sweep.get(name)
    if f is None:
        problems.append(f"{name}: not in the report")
        continue
    if f["checked"] != checked:
        problems.append(f"{name}: checked is {f['checked']}, wanted {checked}")
    hits = [x for x in f["findings"] if x["rule"] == rule and text in x["message"]]
    if len(hits) != n:
        problems.append(f"{name}: {len(hits)} {rule} findings with '{text}', wanted {n}: "
                        + json.dumps(f["findings"])[:600])
    if not checked and len(f["findings"]) != 1:
        problems.append(f"{name}: {len(f['findings'])} findings, wanted the one")

# Correct results: read and checked, no document error.
for name in ("long-string.yaml", "many-entries.yaml", "many-contributions.yaml"):
    f = sweep.get(name, {"checked": False, "findings": []})
    docs = [x for x in f["findings"] if x["rule"].startswith("DOC") and x["rule"] != "DOC.08"]
    if not f["checked"] or docs:
        problems.append(f"{name}: not checked cleanly: {json.dumps(docs)[:300]}")
# 100,000 contributions of 1 sum exactly to the pool of 100000: no FIN.01.
if any(x["rule"] == "FIN.01" for x in sweep.get("many-contributions.yaml", {"findings": []})["findings"]):
    problems.append("many-contributions.yaml: FIN.01, but 100,000 x 1 is the pool total")
# 2024-02-29 is a date.
if any("2024-02-29" in x["message"] for x in sweep["feb29.yaml"]["findings"] if x["rule"] == "DOC.04"):
    problems.append("feb29.yaml: 2024-02-29 refused")

# The good agreement and its BOM and CRLF copies: every finding, as alone.
same_as_good("a-good.yaml")
same_as_good("bom.yaml")
same_as_good("crlf.yaml")
for name in ("bom.yaml", "crlf.yaml"):
    if sum(1 for x in sweep[name]["findings"] if x["rule"] == "DOC.08") != 1:
        problems.append(f"{name}: no DOC.08 for the copied agreement id")
if len(sweep) != len(expected) + 6:
    problems.append(f"{len(sweep)} files reported: {sorted(sweep)}")
print("\n".join(problems) or "all as expected")
sys.exit(1 if problems else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "hostile sweep: findings" "$tmp/py"; fi

# Text: every bad file named, with its rule.
"$bin" check "${A[@]}" -q "$good" >"$tmp/good.txt"
expect "hostile sweep, text" 2 "$bin" check "${A[@]}" -q "$d"
for bad in alias-bomb big deep-brackets deep-braces random-bytes latin1 longer-string loop dangling fifo; do
  contains "text names $bad" "$tmp/out" "^$d/$bad.yaml(:[0-9]+:[0-9]+)?: error: DOC.07 "
done
for bad in random-text control-char nul tabs; do
  contains "text names $bad" "$tmp/out" "^$d/$bad.yaml:[0-9]+:[0-9]+: error: DOC.01 "
done
contains "text names empty" "$tmp/out" "^$d/empty.yaml:1:1: error: DOC.06 "
count "the good agreement's findings" "$tmp/out" "^$d/a-good.yaml:" "$(grep -c . "$tmp/good.txt")"
if [[ -s $tmp/err ]]; then fail "hostile sweep wrote to stderr" "$tmp/err"; else pass; fi

# The register survives the same directory: a row per file, unreadable ones marked.
expect "hostile register" 2 "$bin" register --as-of 2026-11-22 --format csv "$d"
count "register: unreadable rows" "$tmp/out" "^$d/[a-z0-9-]+\.yaml,.*,unreadable," 15

# A file that cannot be read for its permissions: as root every file is
# readable, so run that case as nobody when we are root.
echo "format: s75check/1" >"$d/secret.yaml"
chmod 000 "$d/secret.yaml"
as_user=()
if [[ $(id -u) == 0 ]]; then
  if command -v setpriv >/dev/null; then
    as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    chmod 755 "$tmp"
  else
    echo "SKIP unreadable file: running as root without setpriv, and root reads a file of mode 000"
  fi
fi
if [[ $(id -u) != 0 || ${#as_user[@]} -gt 0 ]]; then
  expect "unreadable file" 2 "${as_user[@]}" "$bin" check "${A[@]}" -q "$d/secret.yaml" "$d/a-good.yaml"
  contains "unreadable file: DOC.07" "$tmp/out" "^$d/secret.yaml: error: DOC.07 unreadable: cannot open the file: Permission denied"
  contains "unreadable file: the good one still checked" "$tmp/out" "^$d/a-good.yaml:[0-9]+:[0-9]+: error: REG.01"
  mkdir "$d/locked" && cp "$good" "$d/locked/x.yaml" && chmod 000 "$d/locked"
  expect "unreadable directory" 2 "${as_user[@]}" "$bin" check "${A[@]}" -q "$d/locked" "$d/a-good.yaml"
  contains "unreadable directory: DOC.07" "$tmp/out" "^$d/locked: error: DOC.07 unreadable: cannot read the directory: Permission denied"
  chmod 755 "$d/locked"
fi
rm -f "$d/secret.yaml"

# Each file alone: its time (wall and CPU), under a generous ceiling.
python3 - "$bin" "$d" >"$tmp/times" 2>&1 <<'PY'
import os, resource, subprocess, sys, time
bin, d = sys.argv[1], sys.argv[2]
slow = []
for name in sorted(os.listdir(d)):
    path = os.path.join(d, name)
    if not name.endswith(".yaml"):
        continue
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    try:
        subprocess.run([bin, "check", "--no-config", "--as-of", "2026-11-22", "-q", "-j", "1", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
    except subprocess.TimeoutExpired:
        slow.append(name)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(f"  {name:28} {wall * 1000:7.0f} ms wall {cpu * 1000:7.0f} ms CPU")
print("hung: " + ", ".join(slow) if slow else "none hung")
sys.exit(1 if slow else 0)
PY
if [[ $? == 0 ]]; then pass; else fail "a hostile file hung the check" "$tmp/times"; fi
cat "$tmp/times"
finish
