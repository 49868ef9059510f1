"""The official header in the HTML and the EPUB, read back with lxml and epubcheck: the same lines,
columns and rules as the PDFs (present.header)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from html_helpers import epub_files, epubcheck, parse_html, text_of

from factories import make_article
from tgreport.assemble import build_report
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings

ORG = ["ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "BAN TUYÊN GIÁO"]


def official(kind: str) -> tuple[Report, Settings]:
    settings = Settings(header=kind, organisation=ORG, number="25-BT/BTGĐUK",  # type: ignore[arg-type]
                        issue="Số 25", internal=True, issued=dt.date(2021, 1, 7))
    articles = [make_article(4, date=dt.date(2021, 1, 4)), make_article(9, date=dt.date(2021, 1, 9))]
    return build_report(articles, settings.replace(dedup=False)), settings


def columns(doc: Any) -> list[list[tuple[str, str, str]]]:
    """(text, classes of the line, class of its rule span) of each column's lines."""
    (table,) = doc.xpath('//*[@id="cover"]//table[@class="letterhead"]')
    return [
        [(text_of(p), p.get("class"), p.find("span").get("class") or "") for p in cell.xpath(".//p")]
        for cell in table.xpath(".//td")
    ]


def test_party_header_in_html() -> None:
    report, settings = official("party")
    left, right = columns(parse_html(render(report, "html", settings)))
    assert left == [("ĐẢNG ỦY KHỐI CÁC CƠ QUAN TRUNG ƯƠNG", "lh", ""), ("BAN TUYÊN GIÁO", "lh lh-bold", ""),
                    ("*", "lh", ""), ("Số 25-BT/BTGĐUK", "lh", "")]
    assert right == [("ĐẢNG CỘNG SẢN VIỆT NAM", "lh lh-bold", "rule-full"),
                     ("Hà Nội, ngày 07 tháng 01 năm 2021", "lh lh-italic", "")]


def test_state_header_in_html_and_its_css() -> None:
    report, settings = official("state")
    data = render(report, "html", settings)
    doc = parse_html(data)
    left, right = columns(doc)
    assert ("BAN TUYÊN GIÁO", "lh lh-bold", "rule-short") in left and left[-1][0] == "Số: 25-BT/BTGĐUK"
    assert [line[0] for line in right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 07 tháng 01 năm 2021",
    ]
    assert right[1][2] == "rule-full"
    # The short rule leaves 30 % of the line on each side: 40 % of it, within Decree 30's 1/3–1/2.
    assert "left: 30.0%; right: 30.0%" in data.decode("utf-8")
    cover = doc.get_element_by_id("cover")
    assert [text_of(p) for p in cover.xpath('.//p[contains(@class, "issue") or @class="internal"]')] == [
        "Số 25, tuần từ ngày 04 đến ngày 09 tháng 01 năm 2021", "Lưu hành nội bộ"]
    assert not cover.xpath('.//p[@class="place-date"]')  # the date line is in the header, top right


@pytest.mark.slow
def test_epub_with_an_official_header_is_valid(tmp_path: Path) -> None:
    report, settings = official("state")
    data = render(report, "epub", settings)
    done = epubcheck(data, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    cover = epub_files(data)["OEBPS/cover.xhtml"].decode("utf-8")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cover and 'class="rule-short"' in cover
