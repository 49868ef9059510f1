"""The short digest ("điểm báo", Settings.kind = "brief"), worded once for every format.

Per item: its number, the headline, the paper and date in brackets ("(Nhân Dân, 07/01)"), a
summary of two to four sentences, and the link when known; items under upper-case, Roman-numbered
headings ("I. XÂY DỰNG ĐẢNG") when the report is grouped. The summary is the article's lead (sapo)
when it has one, else its first sentences: extractive, bounded, and the same on every run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tgreport.assemble.titles import display_title, source_text
from tgreport.model import Article, Report
from tgreport.present import outline

SUMMARY_SENTENCES = 4  # at most, from the article's first paragraphs
SUMMARY_CHARS = 480  # a summary never grows past this (about four printed lines of A4): a sentence
# that would take it past is left out, and a first sentence longer than this is cut with "…"
LINK_LABEL = "Nguồn: "  # before the article's address

# A sentence ends at . ! ? … (and any closing quote or bracket) before a space and a capital or an
# opening quote. Not after an abbreviation of a title or place ("TP. Hồ Chí Minh", "PGS. TS.").
_BOUNDARY = re.compile(r"(?<=[.!?…])(?P<close>[”\"’)\]]*)\s+(?=[“\"‘(\[]?[^\W\d_])")
_ABBREVIATIONS = frozenset({"TP", "Tp", "TS", "ThS", "PGS", "GS", "BS", "KS", "NXB", "Q", "P", "St"})


@dataclass(frozen=True)
class BriefItem:
    number: int
    anchor: str  # "a1", as in the full kind, so links agree across formats
    headline: str
    source_date: str | None  # "(Nhân Dân, 07/01)"
    summary: str
    url: str | None


@dataclass(frozen=True)
class BriefSection:
    heading: str  # "I. XÂY DỰNG ĐẢNG"; "" when the report is not grouped
    anchor: str
    items: tuple[BriefItem, ...]


def brief(report: Report) -> tuple[BriefSection, ...]:
    """The report as the brief's sections of items, numbered across the report."""
    sections = []
    for section in outline(report):
        heading = f"{roman(section.number)}. {section.heading.upper()}" if section.section else ""
        items = tuple(
            BriefItem(item.number, item.anchor, display_title(item.article),
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
        day = f"{article.date:%d/%m}" if article.date.year == year else f"{article.date:%d/%m/%Y}"
    parts = [p for p in (source_text(article), day) if p]
    return f"({', '.join(parts)})" if parts else None


def summary(article: Article) -> str:
    """The summary the office or the input gave (Article.summary) as it is; else the lead when
    the article has one, else its first sentences (SUMMARY_* bound these two)."""
    if article.summary and article.summary.strip():
        return article.summary.strip()
    if article.lead and article.lead.strip():
        return _bounded(article.lead.strip())
    text = _opening(article).lstrip("–—- ")  # a dateline dash ("– Sáng 16/7, …") is no part of it
    chosen: list[str] = []
    length = 0
    for sentence in itertools.islice(sentences(text), SUMMARY_SENTENCES):
        if chosen and length + 1 + len(sentence) > SUMMARY_CHARS:
            break
        length += len(sentence) + (1 if chosen else 0)
        chosen.append(sentence)
    return _bounded(" ".join(chosen))


def _opening(article: Article) -> str:
    """The article's paragraphs joined, as far as a summary can reach: chosen sentences end
    within SUMMARY_CHARS, so twice that settles every choice (a sentence cut here would not have
    fitted either) without splitting a long article's whole text."""
    texts: list[str] = []
    length = 0
    for b in article.blocks:
        if b.type == "paragraph" and b.text.strip():
            texts.append(b.text.strip())
            length += len(texts[-1]) + 1
            if length > 2 * SUMMARY_CHARS:
                break
    return " ".join(texts)


def sentences(text: str) -> Iterator[str]:
    """`text` cut into sentences (see _BOUNDARY), abbreviations kept inside their sentence;
    lazily, since a summary needs the first few only."""
    start = 0
    for match in _BOUNDARY.finditer(text):
        before = text[start:match.start()].rstrip("”\"’)]")
        last_word = before.rsplit(maxsplit=1)[-1] if before.strip() else ""
        if last_word.rstrip(".") in _ABBREVIATIONS:
            continue
        piece = text[start:match.end("close")].strip()
        if piece:
            yield piece
        start = match.end()
    rest = text[start:].strip()
    if rest:
        yield rest


def _bounded(text: str) -> str:
    if len(text) <= SUMMARY_CHARS:
        return text
    cut = text[:SUMMARY_CHARS].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def roman(number: int) -> str:
    """Upper-case Roman numeral, as Vietnamese documents number their parts: I, II, … XIV."""
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
              (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in values:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)
