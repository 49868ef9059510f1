"""Where the ink falls: A4, the theme's margins, page numbers centred in the top margin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from pdf_helpers import make_report, poppler, render

from tgreport.theme import THEMES

MM = 72 / 25.4


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float


def pages(data: bytes, tmp_path: Path) -> list[tuple[float, float, list[Word]]]:
    """(width, height, words) of each page, from pdftotext's word boxes."""
    root = etree.fromstring(poppler("pdftotext", data, tmp_path, "-bbox").encode())
    ns = {"h": "http://www.w3.org/1999/xhtml"}
    result = []
    for page in root.iterfind(".//h:page", ns):
        words = [
            Word(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iterfind("h:word", ns)
        ]
        result.append((float(page.get("width")), float(page.get("height")), words))
    return result


@pytest.mark.parametrize("theme_name", ["official", "modern"])
def test_margins_and_page_numbers(theme_name: str, tmp_path: Path) -> None:
    theme = THEMES[theme_name]
    left, right = theme.margin_left_mm * MM, theme.margin_right_mm * MM
    top, bottom = theme.margin_top_mm * MM, theme.margin_bottom_mm * MM
    laid_out = pages(render(make_report(12), theme_name), tmp_path)
    width, height, _ = laid_out[0]
    assert (round(width / MM), round(height / MM)) == (210, 297)  # A4
    for number, (_, _, words) in enumerate(laid_out, start=1):
        in_margin = [w for w in words if w.y1 <= top]
        body = [w for w in words if w.y1 > top]
        if number == 1:
            assert in_margin == []  # no number on the cover
        else:
            assert [w.text for w in in_margin] == [str(number)]
            centre = (in_margin[0].x0 + in_margin[0].x1) / 2
            assert centre == pytest.approx(left + (width - left - right) / 2, abs=1)
        assert min(w.x0 for w in body) >= left - 0.5
        assert max(w.x1 for w in body) <= width - right + 0.5
        assert max(w.y1 for w in body) <= height - bottom + 0.5
    # Body lines start exactly at the left margin; justified ones end exactly at the right one.
    article = laid_out[4][2]
    assert min(w.x0 for w in article) == pytest.approx(left, abs=0.5)
    if theme.justify:
        assert max(w.x1 for w in article) == pytest.approx(width - right, abs=0.5)
