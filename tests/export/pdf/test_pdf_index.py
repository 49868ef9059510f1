"""The appendix lists each cited document and person with article numbers and true pages."""

from __future__ import annotations

import re
from pathlib import Path

from pdf_helpers import read_back, render, squash

from tgreport import present
from tgreport.model import Report


def test_index_pages_point_at_the_articles(sample_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sample_report), tmp_path)
    last = back.page(len(back.pages))
    assert last.startswith(present.INDEX_TITLE)
    headings = {na.article.id: na for s in present.outline(sample_report) for na in s.articles}
    # Documents come before people.
    assert last.index("Chỉ thị số 05-CT/TW") < last.index("Nguyễn Minh Chung")
    for entry in sample_report.index:
        # The references run to the next entry's name, or the page's end.
        match = re.search(re.escape(squash(entry.name)) + r"[^:]*: ((?:\w+ \d+, [\w.]+ \d+;? ?)+)", last)
        assert match, entry.name
        reference = rf"{present.ARTICLE_LABEL} (\d+), {re.escape(present.PAGE_LABEL)} (\d+)"
        refs = re.findall(reference, match.group(1))
        assert [int(n) for n, _ in refs] == [headings[i].number for i in entry.article_ids]
        for (number, page), article_id in zip(refs, entry.article_ids, strict=True):
            assert back.page(int(page)).startswith(squash(headings[article_id].heading)), (number, page)
    assert "Nguyễn Minh Chung (Trưởng Ban Tuyên giáo)" in last


def test_no_index_no_appendix(sectioned_report: Report, tmp_path: Path) -> None:
    back = read_back(render(sectioned_report), tmp_path)
    assert present.INDEX_TITLE not in back.body()
