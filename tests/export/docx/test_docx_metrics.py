"""export/docx/metrics: the advance widths layout.py lays lines out with, read without fontTools."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

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


def test_a_font_whose_unicode_table_is_not_format_4_is_refused(tmp_path: Path) -> None:
    # Only format 4 is read (every shipped font has it); another is an error, never wrong widths.
    path = FAMILIES["Liberation Serif"].path("regular")
    with TTFont(str(path)) as font:
        wide = CmapSubtable.newSubtable(12)  # the same mapping as a full-Unicode table, preferred
        wide.platformID, wide.platEncID, wide.language = 3, 10, 0
        wide.cmap = dict(font.getBestCmap())
        font["cmap"].tables.append(wide)
        font.save(str(tmp_path / "f12.ttf"))
    with pytest.raises(ValueError, match="format 12"):
        advances(str(tmp_path / "f12.ttf"))
