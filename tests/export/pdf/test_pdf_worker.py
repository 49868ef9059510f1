"""A large digest's last articles are laid out by a forked worker and their pages drawn again
here (exporters/pdf/pages.py): the file must be the one this process makes alone, byte for byte,
and read like the digest made without a split; any trouble in the worker costs only time."""

from __future__ import annotations

import datetime as dt
import gc
import io
import logging
import os
import weakref
from pathlib import Path
from typing import Any

import pytest
from pdf_helpers import poppler
from pypdf import PdfReader
from reportlab.pdfbase.pdfdoc import PDFDocument

from factories import make_article
from tgreport.export.pdf import document, pages
from tgreport.model import IndexEntry, Paragraph, Report, Section
from tgreport.theme import THEMES

PARENT = os.getpid()


def grouped_report() -> Report:
    """Sections of articles of very different lengths, an empty section, and an index."""
    articles = []
    for n in range(1, 15):
        # From one to about six pages: the split falls inside the run of articles, not at an end.
        body = tuple(Paragraph(f"Đoạn {k} của bài {n}: " + "Hội nghị tổng kết công tác năm 2021. " * 40)
                     for k in range(1 + (n * 7) % 13))
        articles.append(make_article(n, id=f"{n:03d}_w", blocks=body + make_article(n).blocks))
    return Report(
        title="Bản tin tổng hợp",
        issued=dt.date(2021, 1, 7),
        organisation="Ban Tuyên giáo",
        sections=(
            Section("Thời sự", tuple(articles[:5])),
            Section("Mục chưa có bài", ()),
            Section("Xây dựng Đảng", tuple(articles[5:])),
        ),
        index=(
            IndexEntry("document", "Chỉ thị số 05-CT/TW", ("001_w", "013_w")),
            IndexEntry("person", "Nguyễn Minh Chung", ("014_w",), "Trưởng Ban"),
        ),
    )


def render(report: Report) -> tuple[bytes, dict[str, int]]:
    return document.render(report, THEMES["official"])


def without_worker(monkeypatch: pytest.MonkeyPatch, report: Report) -> tuple[bytes, dict[str, int]]:
    with monkeypatch.context() as m:
        m.setattr(document, "fork_call", lambda func: None)  # as on a machine that cannot fork
        return render(report)


@pytest.fixture(autouse=True)
def split_small_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1609459200")
    monkeypatch.setattr(document, "SPLIT_FROM", 1)


def test_worker_pages_are_the_bytes_this_process_makes(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    report = grouped_report()
    caplog.set_level(logging.DEBUG, logger="tgreport")
    data, anchors = render(report)
    taken = [r.getMessage() for r in caplog.records if "laid out by a worker" in r.getMessage()]
    assert len(taken) == 1, caplog.text  # the worker really did its share
    start = document._worker_start(report, document.layout.article_units(report))
    assert 0 < start < 15  # a real split: some articles here, some in the worker
    assert (data, anchors) == without_worker(monkeypatch, report)


def test_a_split_digest_reads_like_an_unsplit_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    report = grouped_report()
    split, split_anchors = render(report)
    monkeypatch.setattr(document, "SPLIT_FROM", 10**9)
    whole, whole_anchors = render(report)
    assert split_anchors == whole_anchors  # every article, section, TOC and index on the same page
    # Same text on the same pages: TOC numbers, page numbers, articles, index references.
    text = poppler("pdftotext", split, tmp_path, "-layout")
    assert text == poppler("pdftotext", whole, tmp_path, "-layout")

    def read(data: bytes) -> tuple[Any, dict[str, int]]:
        reader = PdfReader(io.BytesIO(data))
        outline = [[(i.title, reader.get_destination_page_number(i)) for i in item] if isinstance(item, list)
                   else (item.title, reader.get_destination_page_number(item)) for item in reader.outline]
        named = {k: reader.get_destination_page_number(v) for k, v in reader.named_destinations.items()}
        return outline, named

    assert read(split) == read(whole)
    assert len(read(split)[1]) == 14 + 3 + 3  # articles, sections, TOC + summary + index
    fonts = poppler("pdffonts", split, tmp_path).splitlines()[2:]
    assert fonts and all(line.split()[-5:-3] == ["yes", "yes"] for line in fonts)  # embedded, subset


def test_a_character_the_worker_was_not_given_sends_its_articles_back_here(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(pages, "characters", lambda *texts: "")  # nothing reserved: it must assign codes
    report = grouped_report()
    caplog.set_level(logging.DEBUG, logger="tgreport")
    data = render(report)
    assert "need font codes the document does not have" in caplog.text
    assert "laid out by a worker" not in caplog.text
    assert data == without_worker(monkeypatch, report)


def dies(*args: Any) -> Any:
    os._exit(9)


def fails(*args: Any) -> Any:
    raise RuntimeError("worker bug")


@pytest.mark.parametrize("trouble", [dies, fails])
def test_a_worker_that_dies_or_fails_costs_only_time(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, trouble: Any
) -> None:
    report = grouped_report()
    expected = without_worker(monkeypatch, report)
    monkeypatch.setattr(document, "_lay_out", trouble)
    caplog.set_level(logging.DEBUG, logger="tgreport")
    assert render(report) == expected
    assert "laid out by a worker" not in caplog.text
    assert ("worker process stopped" if trouble is dies else "worker bug") in caplog.text


def test_reserved_characters_cover_what_articles_draw() -> None:
    # Labels, dates, bullets and every Vietnamese letter in both cases, whatever the articles hold.
    chars = pages.characters([make_article(1, title="x", lead=None, blocks=())])
    for ch in "ĐẶỸ·•–“”…₫0123456789" + "ngày tháng năm":
        assert ch in chars
    assert chars == "".join(sorted(set(chars)))  # a fixed order: the codes do not depend on the run
    article = make_article(2, blocks=(Paragraph("Ωμέγα ∑ Straße ﬁnal"),), title="Tie\u0302\u0301u đe\u0300")
    chars = pages.characters([article])
    assert {"Ω", "ω", "∑", "ß", "ﬁ", "F", "I", "ế", "Ế", "è"} <= set(chars)  # NFC, as drawn
    assert len(chars) == len(set(chars))
    assert "Ж" in pages.characters([], ["Мục ж"])  # a section heading, drawn in capitals


def test_small_digests_are_not_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "SPLIT_FROM", 100)
    report = grouped_report()
    units = document.layout.article_units(report)
    assert len(units) == 15  # 14 articles and the empty section
    assert document._worker_start(report, units) == 15


def test_the_worker_frees_each_page_of_flowables_once_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    # A copy of the story kept while laying out held every paragraph of the worker's share to
    # the end (480 MB at 5,000 articles). Run in this process: the worker's own function.
    report = grouped_report()
    units = document.layout.article_units(report)
    styles = document.build(THEMES["official"])
    source = PDFDocument()
    pages.reserve(source, document._faces(styles), pages.characters(a for a in report.all_articles()))
    made: list[weakref.ref[Any]] = []
    real_unit_flow = document.layout.unit_flow

    def unit_flow(*args: Any, **kwargs: Any) -> Any:
        flow = real_unit_flow(*args, **kwargs)
        made.extend(weakref.ref(f) for f in flow)
        return flow

    alive_after_build: list[int] = []
    real_build = document._Digest.build

    def build(self: Any, flowables: Any) -> None:
        real_build(self, flowables)
        gc.collect()
        alive_after_build.append(sum(ref() is not None for ref in made))

    monkeypatch.setattr(document.layout, "unit_flow", unit_flow)
    monkeypatch.setattr(document._Digest, "build", build)
    recorded = document._lay_out(report, units, THEMES["official"], styles, "official", source)
    assert len(recorded) > 20 and len(made) > 200
    assert alive_after_build == [0]
