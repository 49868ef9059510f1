"""The brief's wording (present.brief): summaries, the paper-and-date brackets, headings, numbering."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factories import build_sample_report, make_article
from tgreport.assemble import build_report
from tgreport.model import Report, Section
from tgreport.present import brief
from tgreport.settings import Settings


@pytest.mark.parametrize(
    "fields, year, expected",
    [
        ({"publisher": "Nhân Dân", "date": dt.date(2021, 1, 7)}, 2021, "(Nhân Dân, 07/01)"),
        ({"publisher": "Nhân Dân", "date": dt.date(2020, 12, 30)}, 2021, "(Nhân Dân, 30/12/2020)"),
        ({"publisher": None, "category": None, "date": dt.date(2021, 1, 7)}, 2021, "(07/01)"),
        ({"publisher": "Nhân Dân", "date": None}, 2021, "(Nhân Dân)"),
        ({"publisher": None, "category": None, "date": None}, 2021, None),
    ],
)
def test_source_and_date_in_brackets(fields: dict[str, object], year: int, expected: str | None) -> None:
    assert brief.source_date(make_article(1, **fields), year) == expected


def test_grouped_brief_has_roman_upper_case_headings_and_numbers_across_sections() -> None:
    sample = build_sample_report()
    grouped = dataclasses.replace(sample, articles=(), sections=(
        Section("Xây dựng Đảng", sample.articles[:2]), Section("Kinh tế - xã hội", sample.articles[2:])))
    sections = brief.brief(grouped)
    assert [s.heading for s in sections] == ["I. XÂY DỰNG ĐẢNG", "II. KINH TẾ - XÃ HỘI"]
    assert [i.number for s in sections for i in s.items] == [1, 2, 3, 4, 5]
    assert sections[1].items[0].headline.startswith("Tiêu đề có <b>thẻ</b>")  # plain text; formats escape
    flat = brief.brief(build_report(sample.articles, Settings(dedup=False)))
    assert [s.heading for s in flat] == [""]


def test_roman_numerals() -> None:
    numbers = (1, 4, 9, 14, 40, 90, 1999)
    assert [brief.roman(n) for n in numbers] == ["I", "IV", "IX", "XIV", "XL", "XC", "MCMXCIX"]


def test_item_carries_the_url_when_known() -> None:
    report = Report("Điểm báo", dt.date(2021, 1, 7), articles=(make_article(1, url="https://nhandan.vn/a"),))
    (section,) = brief.brief(report)
    assert section.items[0].url == "https://nhandan.vn/a" and section.items[0].anchor == "a1"


def test_the_brief_builds_no_index_and_its_html_holds_no_article_text() -> None:
    """The brief prints no appendix and no article body: neither is made for it (the index is
    built for the full kind only; the HTML's article views hold headings, not text)."""
    from lxml import html as lxml_html

    from tgreport import read, render

    articles = read(["seeds"], Settings(cache=False)).articles
    full = build_report(articles, Settings())
    short = build_report(articles, Settings(kind="brief"))
    assert full.index and not short.index
    page = lxml_html.fromstring(render(short, "html", Settings(kind="brief")))
    shown = " ".join(page.text_content().split())
    # The last long paragraph: never part of a summary, which takes the opening sentences.
    body = [b.text for b in full.all_articles()[0].blocks if b.type == "paragraph" and len(b.text) > 300][-1]
    assert len(page.xpath('//article[@class="brief-item"]')) == len(articles)
    assert body[:120] not in shown  # a long paragraph's opening: in the full HTML, not the brief
    whole = lxml_html.fromstring(render(full, "html", Settings())).text_content()
    assert body[:120] in " ".join(whole.split())
