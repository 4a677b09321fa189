"""What an HTML report shows, read from the DOM that Chromium dumped after the
page's script ran (chromium --dump-dom). Prints one `key=value` per line for
html_render_test.sh to check:

  python3 html_dom.py DOM_FILE [FILTER]

FILTER, when given, is a text the findings filter was set to: `matching` counts
the findings rows whose text holds it (case-insensitive), as the page's filter
should.
"""
import sys
from collections import Counter
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
INJECTED = {"img", "b", "iframe", "object", "embed", "link", "svg"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # open elements: (tag, attributes)
        self.facts = Counter()
        self.bar_counts = Counter()
        self.matrix_cells = []  # cells per row of the matrix's body
        self.matrix_titles = []  # each row's heading text
        self.rows = []  # findings rows: {hidden, line, text}
        self.shown = ""
        self.sorted_by = ""

    def inside(self, tag, cls=None, id_=None):
        for t, a in self.stack:
            if t == tag and (cls is None or cls in a.get("class", "").split()) and (
                    id_ is None or a.get("id") == id_):
                return True
        return False

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        self.count_element(tag, a)
        if tag == "tr" and self.inside("tbody") and self.inside("table", cls="matrix"):
            self.matrix_cells.append(0)
            self.matrix_titles.append("")
        if tag == "tr" and self.inside("table", id_="findings") and self.inside("tbody"):
            self.rows.append({"hidden": "hidden" in a, "line": None, "text": ""})
        if tag == "td" and "data-sort" in a and self.inside("table", id_="findings") and \
                self.rows and self.rows[-1]["line"] is None:
            self.rows[-1]["line"] = int(a["data-sort"])
        if tag == "td" and "cell" in a.get("class", "").split() and self.matrix_cells:
            self.matrix_cells[-1] += 1
            self.facts["cells_" + a.get("data-state", "")] += 1
        if tag == "th" and "aria-sort" in a:
            self.sorted_by = a.get("data-key", "") + ":" + a["aria-sort"]
        if tag == "g" and "bar" in a.get("class", "").split():
            self.facts["bars"] += 1
        if tag == "title" and self.stack and self.stack[-1][0] == "g":
            self.facts["bars_titled"] += 1
        if tag == "rect" and "data-severity" in a:
            self.bar_counts[a["data-severity"]] += int(a["data-count"])
        if tag not in VOID:
            self.stack.append((tag, a))

    def count_element(self, tag, a):
        self.facts["scripts"] += tag == "script"
        self.facts["styles"] += tag == "style"
        self.facts["injected"] += tag in INJECTED and "chart" not in a.get("class", "").split()
        self.facts["event_attributes"] += sum(1 for k in a if k.startswith("on"))
        self.facts["fetches"] += sum(
            1 for k in ("src", "href", "xlink:href", "action", "poster")
            if k in a and not a[k].startswith("#"))
        self.facts["element_columns"] += tag == "th" and "element" in a.get("class", "").split()
        if tag == "div" and a.get("id") == "controls":
            self.facts["controls_shown"] = int("hidden" not in a)

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if self.inside("table", id_="findings") and self.inside("tbody") and self.rows:
            self.rows[-1]["text"] += data
        if self.inside("th") and self.inside("table", cls="matrix") and self.inside("tbody"):
            self.matrix_titles[-1] += data
        if self.inside("output"):
            self.shown += data
        if self.stack and "data-summary" in self.stack[-1][1]:
            self.facts["summary_" + self.stack[-1][1]["data-summary"]] = int(data)


def order(lines):
    if lines == sorted(lines):
        return "ascending"
    return "descending" if lines == sorted(lines, reverse=True) else "unsorted"


def main():
    page = Page()
    with open(sys.argv[1], encoding="utf-8") as f:
        page.feed(f.read())
    needle = sys.argv[2].lower() if len(sys.argv) > 2 else None
    visible = [r for r in page.rows if not r["hidden"]]
    out = dict(page.facts)
    out.update({"bar_" + k: v for k, v in page.bar_counts.items()})
    out["matrix_rows"] = len(page.matrix_cells)
    out["matrix_cells_per_row"] = ",".join(sorted({str(n) for n in page.matrix_cells}))
    out["findings_rows"] = len(page.rows)
    out["findings_visible"] = len(visible)
    out["visible_line_order"] = order([r["line"] for r in visible])
    out["sorted_by"] = page.sorted_by
    out["shown"] = page.shown
    if needle is not None:
        out["matching"] = sum(1 for r in page.rows if needle in r["text"].lower())
    for key in sorted(out):
        print(f"{key}={out[key]}")
    for title in page.matrix_titles:
        print(f"matrix_row={title}")


if __name__ == "__main__":
    main()
