"""The order of articles in a report: by date (either way), by title or by source; always stable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, Literal

from tgreport import vn
from tgreport.assemble.titles import display_title, source_text
from tgreport.errors import UsageError
from tgreport.model import Article
from tgreport.settings import ORDERS

Order = Literal["date", "date-desc", "title", "source"]


def _date_key(article: Article) -> tuple[bool, dt.date]:
    # Undated articles go last whichever way dates run: a reader looks for them at the end.
    return (article.date is None, article.date or dt.date.min)


def _date_desc_key(article: Article) -> tuple[bool, int]:
    return (article.date is None, -(article.date.toordinal() if article.date else 0))


def _title_key(article: Article) -> Any:
    return vn.sort_key(display_title(article))


def _source_key(article: Article) -> tuple[bool, Any, tuple[bool, dt.date]]:
    # Within one source, oldest first: the order a reader follows a site's coverage in.
    source = source_text(article)
    return (source is None, vn.sort_key(source or ""), _date_key(article))


KEYS: dict[str, Callable[[Article], Any]] = {
    "date": _date_key,
    "date-desc": _date_desc_key,
    "title": _title_key,
    "source": _source_key,
}


def order_articles(articles: Sequence[Article], order: str = "date") -> list[Article]:
    """`articles` sorted by `order`; Python's sort is stable, so equal keys keep input order."""
    try:
        key = KEYS[order]
    except KeyError:
        raise UsageError(f"unknown order {order!r}; choose one of {', '.join(ORDERS)}") from None
    if order in ("date", "date-desc"):
        # What sorting by _date_key or _date_desc_key gives (a reversed sort is stable too),
        # without a key tuple per article: 70 MB for a million articles.
        dated = sorted((a for a in articles if a.date is not None), key=_date_of,
                       reverse=order == "date-desc")
        return dated + [a for a in articles if a.date is None]
    return sorted(articles, key=key)


def _date_of(article: Article) -> dt.date:
    return article.date or dt.date.min
