"""export/docx/metrics: the advance widths layout.py lays lines out with, read without fontTools."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from tgreport.export.docx.metrics import advances
from tgreport.support.fonts import FAMILIES, STYLES


def fonttools_advances(path: Path) -> tuple[dict[int, int], int]:
    with TTFont(str(path), lazy=True) as font:
        hmtx = font["hmtx"]
        return {cp: hmtx[name][0] for cp, name in font.getBestCmap().items()}, font["head"].unitsPerEm


@pytest.mark.parametrize("path", [f.path(style) for f in FAMILIES.values() for style in STYLES], ids=str)
def test_every_shipped_font_reads_as_fonttools_reads_it(path: Path) -> None:
    widths, units = advances(str(path))
    assert (widths, units) == fonttools_advances(path)
    assert {"ệ", "Đ", "ư", "—", "…"} <= {chr(cp) for cp in widths}  # the Vietnamese the layout measures
