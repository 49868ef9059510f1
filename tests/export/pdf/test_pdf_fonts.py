"""Every font is the shipped one, embedded, subset, with a Unicode map: no Base-14 anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import poppler, render

from tgreport.model import Report

BASE14 = {
    "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
    "Times-BoldItalic", "Symbol", "ZapfDingbats",
}


def font_rows(data: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """pdffonts' table, one dict per font (name, emb, sub, uni)."""
    lines = poppler("pdffonts", data, tmp_path).splitlines()[2:]
    rows = []
    for line in lines:
        cells = line.split()
        # name type… encoding emb sub uni object-id gen: the last five columns are fixed.
        rows.append({"name": cells[0], "emb": cells[-5], "sub": cells[-4], "uni": cells[-3]})
    return rows


THEMES = [("official", "LiberationSerif"), ("modern", "LiberationSans")]


@pytest.mark.parametrize(("theme_name", "family"), THEMES)
def test_fonts_embedded_subset_unicode(
    sectioned_report: Report, sample_report: Report, tmp_path: Path, theme_name: str, family: str
) -> None:
    for report in (sample_report, sectioned_report):
        rows = font_rows(render(report, theme_name), tmp_path)
        assert len(rows) >= 3  # regular, bold, italic at least
        for row in rows:
            base = row["name"].split("+", 1)[-1]
            assert base not in BASE14, row
            assert base.startswith(family), row
            assert "+" in row["name"] and (row["emb"], row["sub"], row["uni"]) == ("yes", "yes", "yes"), row
