"""The short digest ("điểm báo", Settings.kind = "brief"), worded once for every format.

Per item: its number, the headline, the paper and date in brackets ("(Nhân Dân, 07/01)"), a
summary of two to four sentences (assemble/summaries.py), and the link when known; items under
upper-case, Roman-numbered headings ("I. XÂY DỰNG ĐẢNG") when the report is grouped.
"""

from __future__ import annotations

from typing import NamedTuple

from tgreport.assemble.summaries import summary
from tgreport.assemble.titles import display_title, source_text
from tgreport.model import Article, Report
from tgreport.present import outline

LINK_LABEL = "Nguồn: "  # before the article's address


class BriefItem(NamedTuple):  # a tuple: made for every item of every render, at a tuple's cost
    number: int
    anchor: str  # "a1", as in the full kind, so links agree across formats
    article_id: str
    headline: str
    source_date: str | None  # "(Nhân Dân, 07/01)"
    summary: str
    url: str | None


class BriefSection(NamedTuple):
    heading: str  # "I. XÂY DỰNG ĐẢNG"; "" when the report is not grouped
    anchor: str
    items: tuple[BriefItem, ...]


def brief(report: Report) -> tuple[BriefSection, ...]:
    """The report as the brief's sections of items, numbered across the report."""
    sections = []
    for section in outline(report):
        heading = f"{roman(section.number)}. {section.heading.upper()}" if section.section else ""
        items = tuple(
            BriefItem(item.number, item.anchor, item.article.id, display_title(item.article),
                      source_date(item.article, report.issued.year), summary(item.article), item.article.url)
            for item in section.articles
        )
        sections.append(BriefSection(heading, section.anchor, items))
    return tuple(sections)


def source_date(article: Article, year: int | None = None) -> str | None:
    """ "(Nhân Dân, 07/01)": the paper and the day; the year too when it is not `year` (the
    issue's). None when neither is known."""
    day = None
    if article.date is not None:
        d = article.date  # formatted by hand: strftime is most of an item's cost
        day = f"{d.day:02}/{d.month:02}" if d.year == year else f"{d.day:02}/{d.month:02}/{d.year:04}"
    parts = [p for p in (source_text(article), day) if p]
    return f"({', '.join(parts)})" if parts else None


def roman(number: int) -> str:
    """Upper-case Roman numeral, as Vietnamese documents number their parts: I, II, … XIV."""
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
              (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in values:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
