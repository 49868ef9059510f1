"""Pages that hold only the last few lines of an article, read back from a PDF.

Where each article starts comes from the PDF's named destinations (pypdf: page and top), where
each line of text sits from `pdftotext -bbox-layout`: so any engine's PDF (ReportLab, WeasyPrint)
is measured the same way. An article's lines run from its destination to the next article's,
section's or the appendix's; the page-number line in the top margin is not counted.

    python tests/tail_pages.py digest.pdf   # prints the short tails found
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_LINE = re.compile(r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>', re.S)
_WORD = re.compile(r"<word[^>]*>(.*?)</word>", re.S)


@dataclass(frozen=True)
class Tail:
    article: str  # its anchor, "a12"
    page: int  # 1-based
    lines: int  # lines of the article on that page
    alone: bool  # nothing else starts on that page: the rest of it is blank


def _lines(pdf: Path, top_margin_pt: float) -> list[list[tuple[float, str]]]:
    """For each page, (top of the line from the page's top, text) of each body line."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    pages = []
    for _width, _height, body in _PAGE.findall(out):
        lines = []
        for y_min, y_max, inner in _LINE.findall(body):
            if float(y_max) <= top_margin_pt:  # the page number (and header text) in the top margin
                continue
            lines.append((float(y_min), " ".join(_WORD.findall(inner))))
        pages.append(lines)
    return pages


def _marks(pdf: Path) -> list[tuple[int, float, str]]:
    """(page index, distance from the page's top, anchor) of every article, section and appendix."""
    reader = PdfReader(pdf)
    marks = []
    for key, dest in reader.named_destinations.items():
        name = key.lstrip("/")  # LibreOffice writes its names as PDF names: "/a12"
        if re.fullmatch(r"a\d+|s\d+|index", name):
            index = reader.get_destination_page_number(dest)
            height = float(reader.pages[index].mediabox.height)
            marks.append((index, height - float(dest.get("/Top", height)), name))
    return sorted(marks)


def short_tails(pdf: Path, fewer_than: int = 4, top_margin_pt: float = 45.0) -> list[Tail]:
    """Each page an article spills onto with fewer than `fewer_than` of its lines."""
    pages = _lines(pdf, top_margin_pt)
    marks = _marks(pdf)
    found = []
    for n, (page, top, name) in enumerate(marks):
        if not name.startswith("a"):
            continue
        end_page, end_top = marks[n + 1][:2] if n + 1 < len(marks) else (len(pages) - 1, 1e9)
        counts: dict[int, int] = {}
        for p in range(page, end_page + 1):
            counts[p] = sum(1 for y, _ in pages[p]
                            if (p > page or y >= top - 2) and (p < end_page or y < end_top - 2))
        last = max((p for p, c in counts.items() if c), default=page)
        if last > page and counts[last] < fewer_than:
            found.append(Tail(name, last + 1, counts[last], alone=end_page != last))
    return found


if __name__ == "__main__":
    for tail in short_tails(Path(sys.argv[1])):
        print(tail)
