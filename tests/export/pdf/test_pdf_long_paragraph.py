"""A huge paragraph is laid out in pieces (linear time) that still read as one paragraph."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pdf_helpers import make_article, read_back, render

from tgreport.export.pdf.layout import LONG_PARAGRAPH, long_paragraph
from tgreport.model import Paragraph, Report


def test_long_text_comes_out_whole_and_in_order(tmp_path: Path) -> None:
    words = [f"từ{i}" for i in range(6000)]  # about 40,000 characters, several pages
    text = " ".join(words)
    assert len(text) > 5 * LONG_PARAGRAPH
    report = Report(
        title="Bản tin", issued=dt.date(2021, 1, 7), articles=(make_article(1, blocks=(Paragraph(text),)),)
    )
    found = [w for w in read_back(render(report), tmp_path).body().split() if w.startswith("từ")]
    assert found == words


def test_pieces_read_as_one_paragraph() -> None:
    from tgreport.export.pdf.styles import build
    from tgreport.theme import theme

    body = build(theme("official")).body
    assert len(long_paragraph("ngắn gọn", body)) == 1
    pieces = long_paragraph(" ".join(["Đảng"] * 3000), body)
    assert len(pieces) > 2
    assert pieces[0].style.firstLineIndent == body.firstLineIndent and pieces[0].style.spaceAfter == 0
    for piece in pieces[1:]:
        assert piece.style.firstLineIndent == 0 and piece.style.spaceBefore == 0
    assert pieces[-1].style.spaceAfter == body.spaceAfter
