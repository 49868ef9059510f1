"""python-docx's plain API for the same content: add_heading and add_paragraph, then save.

    python -m baselines.docx_plain CORPUS OUT.docx
"""

from __future__ import annotations

import sys
from pathlib import Path

from corpus import load_manifest
from docx import Document
from docx.shared import Pt

from tgreport.support.fonts import family
from tgreport.theme import theme

THEME = theme("official")


def build(corpus: Path, out: Path) -> None:
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = family(THEME.font_family).office_name
    normal.font.size = Pt(THEME.body_size)
    doc.add_heading("Bản tin tổng hợp", level=0)
    for article in load_manifest(corpus):
        doc.add_heading(str(article["title"]), level=1)
        facts = [article["date"], article["category"], article["publisher"], article["author"]]
        doc.add_paragraph().add_run(" · ".join(str(f) for f in facts if f)).italic = True
        for text in article["paragraphs"]:  # type: ignore[attr-defined]
            doc.add_paragraph(text)
    doc.save(str(out))


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(sys.argv[2]))
