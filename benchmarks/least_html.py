"""The least an HTML digest maker in Python does, as a floor for what tgreport could reach.

Reads and decodes every file, splits it into lines, takes the first as the title and the rest as
paragraphs, escapes them and writes one HTML file with a linked list of titles: no chrome
removal, encodings, bylines, dates, duplicate search, index or layout. Time it whole, as the
benchmark times tgreport:

    /usr/bin/time -f %e python benchmarks/least_html.py benchmarks/out/corpus-1000/pages /tmp/least.html
"""

from __future__ import annotations

import html
import sys
from collections.abc import Iterator
from pathlib import Path


def raw_articles(folder: Path) -> Iterator[tuple[str, list[str]]]:
    """Each file's first non-blank line as its title and the others as paragraphs, in name order:
    the whole of the floor programs' reading."""
    for path in sorted(folder.iterdir()):
        lines = [line.strip() for line in path.read_bytes().decode("utf-8").split("\n") if line.strip()]
        yield lines[0], lines[1:]


def main(folder: Path, out: Path) -> int:
    toc: list[str] = []
    body: list[str] = []
    for n, (raw_title, paragraphs) in enumerate(raw_articles(folder)):
        title = html.escape(raw_title)
        toc.append(f'<li><a href="#a{n}">{title}</a></li>')
        text = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        body.append(f'<section id="a{n}"><h2>{title}</h2>{text}</section>')
    page = f"<!DOCTYPE html><html><body><ol>{''.join(toc)}</ol>{''.join(body)}</body></html>"
    out.write_text(page, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
