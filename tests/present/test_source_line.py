"""Every format prints each article's source line ("Nguồn: …, ngày …") with its link, read back
with an independent tool; the summary names no "Không rõ nguồn" when the articles say where
they came from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from consistency_helpers import RENDERINGS, has_line, lines_of

from factories import make_article
from tgreport import present
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings

URL = "https://nhandan.vn/chinh-tri/hoi-nghi-post1.html?a=1&b=2"
URL2 = "https://www.qdnd.vn/chinh-tri/tin-tuc/hoi-nghi-2"
FETCHED = "Nguồn: Báo Quân đội nhân dân, ngày 09 tháng 01 năm 2021, truy cập ngày 09 tháng 01 năm 2021"


def _report() -> Report:
    return Report(
        title="Điểm báo",
        issued=dt.date(2021, 1, 8),
        articles=(
            make_article(7, site="Báo Nhân Dân", url=URL, publisher=None),
            make_article(8, site=None, url=None, publisher="TTXVN"),
            # Fetched at 23:30 UTC on 8 January: 9 January in Vietnam.
            make_article(9, site="Báo Quân đội nhân dân", url=URL2, publisher=None,
                         fetched=dt.datetime(2021, 1, 8, 23, 30, tzinfo=dt.UTC)),
        ),
    )


def test_the_line_is_worded_once() -> None:
    a, b, fetched = _report().articles
    assert present.source_line(fetched) == FETCHED
    assert present.source_line_with_link(fetched) == f"{FETCHED} ({URL2})"
    assert present.source_line(a) == "Nguồn: Báo Nhân Dân, ngày 07 tháng 01 năm 2021"
    assert present.source_line_with_link(a) == f"Nguồn: Báo Nhân Dân, ngày 07 tháng 01 năm 2021 ({URL})"
    assert present.source_line(b) == "Nguồn: TTXVN, ngày 08 tháng 01 năm 2021"
    nothing = make_article(9, site=None, url=None, publisher=None)
    assert present.source_line(nothing) is None
    only_link = make_article(9, site=None, publisher=None, url=URL, date=None)
    assert present.source_line_with_link(only_link) == f"Nguồn: {URL}"


@pytest.mark.parametrize("rendering", sorted(RENDERINGS))
def test_every_format_prints_the_source_line(rendering: str, tmp_path: Path) -> None:
    fmt, engine = RENDERINGS[rendering]
    data = render(_report(), fmt, Settings(engine=engine))
    lines = lines_of(rendering, data, tmp_path)
    line = "Nguồn: Báo Nhân Dân, ngày 07 tháng 01 năm 2021"
    # A PDF may break the address over two lines wherever it likes: compare without the breaks.
    printed = "".join("".join(lines).split())
    assert "".join(f"{line} ({URL})".split()) in printed, [x for x in lines if "Nguồn" in x]
    assert any(x.startswith(line) for x in lines)
    assert has_line(lines, "Nguồn: TTXVN, ngày 08 tháng 01 năm 2021")
    # A fetched page says when it was read ("truy cập ngày …"), in the day of Vietnam.
    assert "".join(FETCHED.split()) in printed, [x for x in lines if "truy cập" in x]


@pytest.mark.parametrize("fmt", ["html", "epub"])
def test_html_links_to_the_page(fmt: str) -> None:
    import io
    import zipfile

    import lxml.html

    data = render(_report(), fmt, Settings())
    if fmt == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            pages = [book.read(n) for n in book.namelist() if n.endswith(".xhtml")]
        data = next(p for p in pages if URL.replace("&", "&amp;").encode() in p)
    hrefs = {a.get("href") for a in lxml.html.fromstring(data).iter("a")}
    assert URL in hrefs


def test_the_summary_names_the_outlets() -> None:
    summary = present.summary(_report())
    assert dict(summary.by_source) == {"Báo Nhân Dân": 1, "TTXVN": 1, "Báo Quân đội nhân dân": 1}
    assert present.UNKNOWN_SOURCE not in dict(summary.by_source)
    only_category = Report(title="x", issued=dt.date(2021, 1, 8),
                           articles=(make_article(3, site=None, publisher=None, category="Tin Tức huyện"),))
    assert dict(present.summary(only_category).by_source) == {"Tin Tức huyện": 1}
