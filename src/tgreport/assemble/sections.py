"""Grouping articles into sections (TOC level-1 entries): by category, publisher or month."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from tgreport import vn
from tgreport.assemble.topics import topic_sections
from tgreport.errors import UsageError
from tgreport.model import Article, Section
from tgreport.settings import GROUPS, Topic

UNKNOWN_SOURCE = "Không rõ nguồn"
UNKNOWN_CATEGORY = "Không rõ chuyên mục"
UNDATED_SECTION = "Không rõ ngày"


def month_title(day: dt.date) -> str:
    """ "Tháng 01 năm 2021": the month part of the official date line, so the zero-padding rule
    (months 1 and 2 only, Decree 30/2020) lives in one place."""
    text = vn.format_date(day.replace(day=1)).split(" ", 2)[2]  # drop "ngày 01 "
    return text[0].upper() + text[1:]


def _label(article: Article, group: str) -> tuple[str | None, Any]:
    """(section title or None when unknown, sort key of the section)."""
    if group == "category":
        return article.category, vn.sort_key(article.category or "")
    if group == "publisher":
        return article.publisher, vn.sort_key(article.publisher or "")
    if article.date is None:
        return None, None
    return month_title(article.date), (article.date.year, article.date.month)


_UNKNOWN: dict[str, str] = {
    "category": UNKNOWN_CATEGORY,
    "publisher": UNKNOWN_SOURCE,
    "month": UNDATED_SECTION,
}


def group_articles(
    articles: Sequence[Article], group: str, newest_first: bool = False, topics: Sequence[Topic] = ()
) -> tuple[Section, ...]:
    """Sections of `articles` (already in report order, which each section keeps).

    Categories and publishers are in Vietnamese alphabetical order, months in time order (the
    latest first if `newest_first`); the articles whose category, publisher or date is unknown
    form the last section. "topic" follows `topics` (assemble.topics).
    """
    if group == "none":
        return ()
    if group == "topic":
        return topic_sections(articles, topics)
    if group not in GROUPS:
        raise UsageError(f"unknown grouping {group!r}; choose one of {', '.join(GROUPS)}")
    buckets: dict[str | None, list[Article]] = {}
    keys: dict[str | None, Any] = {}
    for article in articles:
        title, key = _label(article, group)
        buckets.setdefault(title, []).append(article)
        keys[title] = key
    known = sorted((t for t in buckets if t is not None), key=lambda t: keys[t],
                   reverse=newest_first and group == "month")
    sections = [Section(t, tuple(buckets[t])) for t in known]
    if None in buckets:
        sections.append(Section(_UNKNOWN[group], tuple(buckets[None])))
    return tuple(sections)

