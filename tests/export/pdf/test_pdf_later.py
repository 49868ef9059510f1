"""The articles' flowables made as the layout reaches them (layout.Later) lay out as one list does."""

from __future__ import annotations

import pytest
from pdf_helpers import make_report
from reportlab.platypus import Flowable

from tgreport.export.pdf import PdfExporter, layout
from tgreport.model import Report
from tgreport.settings import Settings


def _all_at_once(units: list[layout.Unit], report: Report, *args: object, width: float = 0.0,
                 run_on: bool = False) -> list[Flowable]:
    return [f for i, unit in enumerate(units)
            for f in layout.unit_flow(unit, report, *args, width=width, run_on=run_on and i > 0)]  # type: ignore[arg-type]


@pytest.mark.parametrize("article_break", ["page", "run"])
def test_same_pdf_as_one_list(article_break: str, monkeypatch: pytest.MonkeyPatch) -> None:
    report = make_report(12)
    settings = Settings(article_break=article_break)
    later = PdfExporter().render(report, settings)
    monkeypatch.setattr(layout, "units_flow", _all_at_once)
    assert PdfExporter().render(report, settings) == later


def test_one_flowable_stands_for_the_articles_and_splits_into_one_at_a_time() -> None:
    parts = iter([[Flowable()], [Flowable()]])
    later = layout.Later(next(parts), parts)
    first = later.split(400, 10)
    assert len(first) == 3 and first[-1] is later  # a no-op action first: not a page break
    last = later.split(400, 10)
    assert len(last) == 2 and later not in last


def test_a_flowable_kept_with_the_next_is_not_parted_from_it() -> None:
    photo = Flowable()  # a photo keeps with its caption
    photo.keepWithNext = True
    following = Flowable()
    parts = iter([[following]])
    pieces = layout.Later([photo], parts).split(400, 10)
    assert pieces[1:] == [photo, following]
