#!/usr/bin/env python3
"""`s75check schema` in an editor: the real yaml-language-server (the server
behind VS Code's YAML extension), spoken to over stdio as an editor does.

Usage: editor_schema_test.py S75CHECK NPM_DIR   (run from the repository root)

The schema is written next to agreements that start with the README's line
`# yaml-language-server: $schema=./s75check.schema.json`; the server is
started from NPM_DIR/node_modules (scripts/setup installs it there from
tests/npm). Checks:
- `s75check init`'s model, with its empty values, gets no diagnostic, in
  both versions of the format (one schema: `if` format 1 `then` its keys
  `else` format 2's), and neither does a format 2 agreement with every kind
  of section (tests/fixtures/format2/bcf-two-funds.yaml);
- a key of the other version (`host` in format 2, `funds` in format 1) gets
  the loader's words for it, and completing a top-level key offers the keys
  of the file's own version only;
- a date that is not a real day (2023-02-29), a financial year that is not
  two consecutive years (2024/26) and a value of the wrong type each get the
  loader's words ("Not a date: write YYYY-MM-DD naming a real day."), never
  the schema's regular expression, and `s75check check` says the same;
- a word outside a vocabulary is still named as such, with the choices;
- completing any empty value of the model never offers `null`, and
  completing `status:` offers exactly its vocabulary.
Exit 0 when all hold, 1 with one line per fault, 77 (skip) when node or the
language server is not installed.
"""
import json
import os
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time

from faults import Faults

MODELINE = "# yaml-language-server: $schema=./s75check.schema.json\n"
AS_OF = "--as-of=2026-11-22"


class Server:
    """A language server on stdio: JSON-RPC with Content-Length headers."""

    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.buffer = b""
        self.last_id = 0
        self.notes = []

    def send(self, message):
        body = json.dumps(dict(message, jsonrpc="2.0")).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.proc.stdin.flush()

    def receive(self, deadline):
        while True:
            head, sep, rest = self.buffer.partition(b"\r\n\r\n")
            if sep:
                length = int(re.search(rb"Content-Length: *(\d+)", head, re.I).group(1))
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                raise TimeoutError("the language server did not answer in time")
            chunk = os.read(self.proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise EOFError("the language server exited")
            self.buffer += chunk

    def next_message(self, deadline):
        """The next message that is not a request from the server (answered:
        no settings of the client's own, null to anything else)."""
        while True:
            m = self.receive(deadline)
            if "method" not in m or "id" not in m:
                return m
            asked = m.get("params", {}).get("items", [])
            self.send({"id": m["id"],
                       "result": [None] * len(asked) if asked else None})

    def request(self, method, params, timeout=120):
        self.last_id += 1
        self.send({"id": self.last_id, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            m = self.next_message(deadline)
            if m.get("id") == self.last_id:
                return m.get("result")
            self.notes.append(m)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def diagnostics(self, uri, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            for m in self.notes:
                if m.get("method") == "textDocument/publishDiagnostics" and \
                        m["params"]["uri"] == uri:
                    self.notes.remove(m)
                    return m["params"]["diagnostics"]
            self.notes.append(self.next_message(deadline))

    def stop(self):
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except (TimeoutError, EOFError, subprocess.TimeoutExpired, BrokenPipeError):
            self.proc.kill()
            self.proc.wait()


class Editor:
    """Agreements opened in the server, as files in one directory."""

    def __init__(self, server, folder):
        self.server = server
        self.folder = folder
        self.version = 0

    def open(self, name, text):
        path = os.path.join(self.folder, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        uri = "file://" + path
        self.version += 1
        self.server.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": self.version, "text": text}})
        return uri, self.server.diagnostics(uri)

    def complete(self, uri, line, column):
        result = self.server.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": {"line": line, "character": column}})
        items = result.get("items", []) if isinstance(result, dict) else result or []
        return [item["label"] for item in items]


class Checker(Faults):
    def __init__(self, binary):
        super().__init__()
        self.binary = os.path.abspath(binary)

    def s75check(self, *args):
        return subprocess.run([self.binary, *args], capture_output=True, text=True)


def start_server(npm_dir):
    script = os.path.join(npm_dir, "node_modules", "yaml-language-server", "bin",
                          "yaml-language-server")
    node = shutil.which("node")
    if not node or not os.path.exists(script):
        return None
    server = Server([node, script, "--stdio"])
    server.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {
        "textDocument": {"completion": {"completionItem": {"snippetSupport": True}},
                         "publishDiagnostics": {}},
        "workspace": {"configuration": True}}})
    server.notify("initialized", {})
    server.notify("workspace/didChangeConfiguration", {"settings": {"yaml": {
        "validate": True, "completion": True, "hover": True,
        "schemaStore": {"enable": False}}}})
    return server


def check_model(c, editor, model, name="model.yaml"):
    _, diagnostics = editor.open(name, model)
    c.expect(not diagnostics, f"{name}, empty values and all, gets diagnostics: "
             f"{[d['message'] for d in diagnostics][:5]}")


def check_versions(c, editor, model_2, model_1):
    """Each version's keys in its own files; the other's refused in the loader's words."""
    check_model(c, editor, model_1, "model-1.yaml")
    fixture = open("tests/fixtures/format2/bcf-two-funds.yaml", encoding="utf-8").read()
    check_model(c, editor, MODELINE + fixture, "bcf-two-funds.yaml")
    for name, text, key, words in (
            ("host-in-2.yaml", model_2 + "host: {partner: nhs-body}\n", "host",
             "`host` is a format 1 key: format 2 keeps it in each fund, as "
             "`funds[].host and funds[].host_support`."),
            ("funds-in-1.yaml", model_1 + "funds: []\n", "funds",
             "`funds` is a key of format 2, and this file is `format: s75check/1`: move the "
             "agreement to format 2 (`s75check migrate FILE`) to use it.")):
        _, diagnostics = editor.open(name, text)
        line = text.count("\n") - 1
        here = [d["message"] for d in diagnostics if d["range"]["start"]["line"] == line]
        c.expect(here == [words], f"`{key}` of the other version: the editor says {here}")
        others = [d["message"] for d in diagnostics if d["range"]["start"]["line"] != line]
        c.expect(not others, f"`{key}` of the other version: diagnostics elsewhere: {others}")
    for version, offered, not_offered in (("2", "funds", "host"), ("1", "host", "funds")):
        uri, _ = editor.open(f"keys-{version}.yaml",
                             MODELINE + f"format: s75check/{version}\n\n")
        keys = editor.complete(uri, 2, 0)
        c.expect(offered in keys and not_offered not in keys,
                 f"completing a key of format {version} offers {keys}")


# Wrong values in the model: (the section, its empty key, the value written
# there, the loader's words for it).
MISTAKES = [
    ("  consultation:\n", "    completed_on:", "2023-02-29", "not a date: write YYYY-MM-DD"),
    ("\nterm:\n", "  commencement:", "2024", "not a date: write YYYY-MM-DD"),  # a number
    ("\naims:\n", "  year:", "2024/26", "not a financial year: write YYYY/YY"),
]


def fill(model, section, key, value):
    """The model with `value` after the first `key` in `section`, and its line."""
    at = model.index(key + "\n", model.index(section))
    return model[:at] + key + " " + value + model[at + len(key):], model[:at].count("\n")


def check_messages(c, editor, model, tmp):
    """Each mistake: the editor shows the loader's words, not a pattern."""
    for n, (section, key, value, words) in enumerate(MISTAKES):
        text, line = fill(model, section, key, value)
        what = f"{key.strip()} {value}"
        name = f"mistake-{n}.yaml"
        _, diagnostics = editor.open(name, text)
        here = [d["message"] for d in diagnostics if d["range"]["start"]["line"] == line]
        c.expect(len(here) == 1 and here[0].lower().startswith(words.lower()),
                 f"{what}: the editor says {here}, wanted the loader's {words!r}...")
        c.expect(all("^" not in d["message"] and len(d["message"]) < 150 for d in diagnostics),
                 f"{what}: a diagnostic quotes a pattern: {[d['message'] for d in diagnostics]}")
        loader = c.s75check("check", "--format", "json", AS_OF, "--fail-on", "never",
                            os.path.join(tmp, name))
        messages = [f["message"] for f in json.loads(loader.stdout)["files"][0]["findings"]]
        c.expect(here and any(here[0].rstrip(".")[1:] in m for m in messages),
                 f"{what}: s75check check words it otherwise: "
                 f"{[m for m in messages if 'YYYY' in m]}")
    _, diagnostics = editor.open("word.yaml", model.replace("  status: draft\n",
                                                            "  status: active\n", 1))
    c.expect([d["message"] for d in diagnostics] ==
             ['Value is not accepted. Valid values: "draft", "signed", "in_force", "expired", '
              '"terminated".'], f"a word outside the vocabulary: {diagnostics}")


def check_completion(c, editor, model):
    """No empty value is offered null; an enum offers exactly its words."""
    lines = model.split("\n")
    empty = [i for i, line in enumerate(lines)
             if re.fullmatch(r" *(- )?[a-z_]+:", line)]
    for i in empty:
        lines[i] += " "
    status = lines.index("  status: draft")
    lines[status] = "  status: "
    uri, _ = editor.open("complete.yaml", "\n".join(lines))
    offered_null = [lines[i].strip() for i in empty
                    if "null" in editor.complete(uri, i, len(lines[i]))]
    c.expect(len(empty) > 40, f"only {len(empty)} empty values in the model")
    c.expect(not offered_null, f"completion offers null for {offered_null}")
    words = editor.complete(uri, status, len(lines[status]))
    c.expect(words == ["draft", "signed", "in_force", "expired", "terminated"],
             f"completion of status: offers {words}")


def main():
    binary, npm_dir = sys.argv[1], sys.argv[2]
    server = start_server(npm_dir)
    if server is None:
        print(f"skipped: no node, or no yaml-language-server in {npm_dir}/node_modules "
              "(scripts/setup installs it from tests/npm)")
        return 77
    c = Checker(binary)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            schema = c.s75check("schema", "-o", os.path.join(tmp, "s75check.schema.json"))
            c.expect(schema.returncode == 0, f"schema exited {schema.returncode}")
            model = MODELINE + c.s75check("init").stdout
            model_1 = MODELINE + c.s75check("init", "--format-version=1").stdout
            editor = Editor(server, tmp)
            check_model(c, editor, model)
            check_versions(c, editor, model, model_1)
            check_messages(c, editor, model, tmp)
            check_completion(c, editor, model)
    finally:
        server.stop()
    return c.report("yaml-language-server")


if __name__ == "__main__":
    sys.exit(main())
