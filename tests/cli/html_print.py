"""Where a printed HTML page (Chromium's --print-to-pdf) puts its words, read
with `pdftotext -bbox`. Prints one `key=value` per line for html_fit_test.sh:

  python3 html_print.py PDF WORD...

  page_size=WxH   the first page's size in points, rounded
  pages=N
  row=yes|no      some line of some page holds every WORD, each wholly inside
                  the page (a table's heading row, all its columns on paper)
  missing=...     when row=no: the WORDs the fullest such line lacks

Words on one line share their top (within 1.5 pt); a heading that wraps
keeps its first word on the top line, so pass each heading's first word.
"""
import html
import re
import subprocess
import sys
from collections import defaultdict

PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>')


def lines_of(bbox):
    """Each page's size and its lines: {rounded top: {word: inside the page}}."""
    pages = []
    for chunk in bbox.split("<page ")[1:]:
        size = PAGE.match("<page " + chunk)
        width, height = float(size.group(1)), float(size.group(2))
        lines = defaultdict(dict)
        for x0, y0, x1, text in WORD.findall(chunk):
            top = round(float(y0) / 1.5)
            inside = float(x0) >= 0 and float(x1) <= width
            word = html.unescape(text)
            lines[top][word] = lines[top].get(word, False) or inside
        pages.append(((width, height), lines))
    return pages


def main():
    bbox = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], check=True,
                          capture_output=True, text=True).stdout
    wanted = sys.argv[2:]
    pages = lines_of(bbox)
    (width, height), _ = pages[0]
    print(f"page_size={round(width)}x{round(height)}")
    print(f"pages={len(pages)}")
    best = set(wanted)
    for _, lines in pages:
        for words in lines.values():
            lacking = {w for w in wanted if not words.get(w, False)}
            if len(lacking) < len(best):
                best = lacking
    print("row=" + ("yes" if not best else "no"))
    if best:
        print("missing=" + ",".join(w for w in wanted if w in best))


if __name__ == "__main__":
    main()
