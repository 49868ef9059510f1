"""Report assembly: order, filter and frame the articles into a Report."""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from .model import Article, Period, Report

log = logging.getLogger(__name__)

DEFAULT_TITLE = "Bản tin tổng hợp"
DEFAULT_PLACE = "Hà Nội"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def default_issue_date() -> dt.date:
    """`SOURCE_DATE_EPOCH` (reproducible builds) if set, else today in Vietnam."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().lstrip("-").isdigit():
        return dt.datetime.fromtimestamp(int(epoch), VIETNAM).date()
    return dt.datetime.now(VIETNAM).date()


def build_report(
    articles: Iterable[Article],
    *,
    title: str = DEFAULT_TITLE,
    organisation: str | None = None,
    place: str | None = DEFAULT_PLACE,
    issued: dt.date | None = None,
    period: Period | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
) -> Report:
    """A Report of `articles`, oldest first (undated last), kept within `date_from`–`date_to`."""
    kept = []
    warnings = []
    for article in articles:
        if article.date is not None and (
            (date_from and article.date < date_from) or (date_to and article.date > date_to)
        ):
            continue
        kept.append(article)
    kept.sort(key=lambda a: (a.date is None, a.date or dt.date.min))
    undated = [a.id for a in kept if a.date is None]
    if undated:
        warnings.append(f"{len(undated)} article(s) without a date, listed last: {', '.join(undated)}")
        log.warning(warnings[-1])
    if period is None:
        period = _period_of(kept, date_from, date_to)
    return Report(
        title=title,
        issued=issued or default_issue_date(),
        organisation=organisation,
        place=place,
        period=period,
        articles=tuple(kept),
        warnings=tuple(warnings),
    )


def _period_of(
    articles: list[Article], date_from: dt.date | None, date_to: dt.date | None
) -> Period | None:
    dates = [a.date for a in articles if a.date is not None]
    start = date_from or (min(dates) if dates else None)
    end = date_to or (max(dates) if dates else None)
    if start is None or end is None:
        return None
    return Period(start, end)
