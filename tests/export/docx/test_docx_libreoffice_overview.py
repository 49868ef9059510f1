"""The DOCX with the overview's charts (tables of exact rows), the TOC's summaries and the
signature block, as LibreOffice lays it out: the stored TOC pages are still right."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from docx_helpers import make_report, render, toc_entries
from test_docx_libreoffice import convert, heading_page

from tgreport.model import Masthead

pytestmark = pytest.mark.slow


def test_stored_toc_pages_match_libreoffice_with_charts_summaries_and_signature(tmp_path: Path) -> None:
    bulk = make_report(40)
    # No leads: each TOC summary is the article's first sentences, two or three lines long.
    report = dataclasses.replace(
        # 22 papers and 28 days: the overview runs onto a third page with the charts and would
        # end on its second without them, so the charts' heights decide where the articles start.
        bulk, articles=tuple(dataclasses.replace(a, lead=None, publisher=f"Báo số {n % 22 + 1}")
                             for n, a in enumerate(bulk.articles)),
        masthead=Masthead(signer=("TRƯỞNG BAN",), signer_name="Nguyễn Văn A",
                          recipients=("Như trên", "Lưu VP")))
    data = render(report, toc_summaries=True)
    pages = convert({"overview": data}, tmp_path)["overview"]
    entries = toc_entries(data)
    assert len(entries) == 40
    wrong = {}
    for anchor, (entry, stored) in entries.items():
        found = heading_page(pages, entry.replace("\t", " "))
        if found != stored:
            wrong[anchor] = (stored, found)
    assert not wrong
    overview = next(p for p in pages if "TỔNG QUAN" in p and "....." not in p)
    assert "Số bài theo ngày" in overview and "Số bài theo nguồn" in overview
    assert "Nơi nhận:" in pages[-1] and "Nguyễn Văn A" in pages[-1]
