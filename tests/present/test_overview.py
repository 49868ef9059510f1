"""The overview page ("TỔNG QUAN") counts by source, category, section (topics) and day, the same
in every format: present.summary, and the PDF, DOCX and HTML read back."""

from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import zipfile
from pathlib import Path

import lxml.html

from factories import make_article
from tgreport import present
from tgreport.assemble import build_report
from tgreport.model import Report
from tgreport.pipeline import render
from tgreport.settings import Settings, Topic

DAYS = (dt.date(2021, 1, 7), dt.date(2021, 1, 7), dt.date(2021, 1, 9))


def by_topic() -> tuple[Report, Settings]:
    settings = Settings(group="topic", topics=(Topic("Y tế", ("bệnh viện",)),), dedup=False, index=False)
    articles = [make_article(1, date=DAYS[0], title="Bệnh viện mới"), make_article(2, date=DAYS[1]),
                make_article(3, date=DAYS[2]), make_article(4, date=None, published=None)]
    return build_report(articles, settings), settings


def test_counts_by_section_and_day() -> None:
    summary = present.summary(by_topic()[0])
    assert summary.by_section == (("Y tế", 1), ("Tin khác", 3))
    assert summary.by_day == (("07/01/2021", 2), ("09/01/2021", 1))  # the undated one is counted apart
    assert summary.undated == 1
    labels = [label for label, _ in summary.tables]
    assert labels == ["Theo nguồn", "Theo chuyên mục", "Theo phần", "Theo ngày"]


def test_a_section_table_that_repeats_the_papers_is_left_out() -> None:
    report = build_report([make_article(1), make_article(2, publisher="Nhân Dân")],
                          Settings(group="publisher", dedup=False))
    assert present.summary(report).by_section == ()


def test_every_format_shows_the_day_counts(tmp_path: Path) -> None:
    report, settings = by_topic()
    pdf = tmp_path / "d.pdf"
    pdf.write_bytes(render(report, "pdf", settings))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    overview = text.split("\f")[2]  # cover, TOC, then the overview
    assert "TỔNG QUAN" in overview and re.search(r"Theo ngày\s+07/01/2021\s+2\s+09/01/2021\s+1", overview)
    assert re.search(r"Theo phần\s+Y tế\s+1\s+Tin khác\s+3", overview)
    docx = zipfile.ZipFile(io.BytesIO(render(report, "docx", settings))).read("word/document.xml").decode()
    words = re.sub(r"<[^>]+>", " ", docx)
    assert re.search(r"Theo ngày\s+07/01/2021\s+2\s+09/01/2021\s+1", words)
    html = lxml.html.document_fromstring(render(report, "html", settings).decode("utf-8"))
    tables = {
        t.xpath("string(caption)"): [[c.text_content() for c in r.xpath("td")] for r in t.xpath(".//tr")]
        for t in html.xpath('//section[@id="summary"]//table')
    }
    assert tables["Theo ngày"] == [["07/01/2021", "2"], ["09/01/2021", "1"]]
