"""The model as JSON data: the one shape the JSON export writes, the JSON reader reads and the
read cache keeps. Decoding is the exact inverse of encoding, so an article that goes through
it comes back equal; nothing in it can run code when read."""

from __future__ import annotations

import datetime as dt
import functools
import sys
from typing import Any

from tgreport.model import Article, Block, Caption, Heading, Image, ListBlock, Paragraph, Quote, Related

_SIMPLE_BLOCKS: dict[str, type[Paragraph | Heading | Quote | Related]] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "quote": Quote,
    "related": Related,
}


def date_text(value: dt.date | None) -> str | None:
    """ISO 8601; a time of day to the minute unless the page gave seconds or a zone."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        if value.second or value.microsecond or value.tzinfo is not None:
            return value.isoformat()
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.isoformat()


def block_to_dict(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"type": block.type, "text": block.text}
    if isinstance(block, Caption) and block.credit:
        data["credit"] = block.credit
    if isinstance(block, ListBlock) and block.ordered:
        data["ordered"] = True
    if isinstance(block, Image) and block.src:
        data["src"] = block.src
    return data


def article_to_dict(article: Article, texts: bool = True) -> dict[str, Any]:
    """`texts=False` leaves "blocks" empty (the brief's records: its summaries stand for them)."""
    data = _article_fields(article, texts)
    if article.summary is not None:  # only when given: records without one keep their shape
        data["summary"] = article.summary
    return data


def _article_fields(article: Article, texts: bool) -> dict[str, Any]:
    return {
        "id": article.id,
        "source": article.source,
        "title": article.title,
        "title_derived": article.title_derived,
        "date": date_text(article.date),
        "published": date_text(article.published),
        "event_date": date_text(article.event_date),
        "authors": list(article.authors),
        "site": article.site,
        "url": article.url,
        "fetched": date_text(article.fetched),
        "publisher": article.publisher,
        "category": article.category,
        "views": article.views,
        "lead": article.lead,
        "blocks": [block_to_dict(b) for b in article.blocks] if texts else [],
        "removed": list(article.removed),
        "warnings": list(article.warnings),
    }


def article_from_dict(data: dict[str, Any], *, source: str, default_id: str) -> Article:
    """The Article `data` describes. Raises ValueError (or TypeError) naming what is wrong.

    `source` and `default_id` stand in where `data` has no "source" or "id". Missing fields
    take the model's defaults; a missing "date" is the published day, else the event's.
    """
    published = parse_stamp(data.get("published"))
    event_date = parse_day(data.get("event_date"))
    date = parse_day(data.get("date"))
    if date is None:
        date = published.date() if isinstance(published, dt.datetime) else published or event_date
    title = _text(data, "title")
    views = data.get("views")
    if views is not None and (isinstance(views, bool) or not isinstance(views, int | str)):
        raise TypeError(f"'views' must be a whole number, not {views!r}")
    return Article(
        id=str(data.get("id") or default_id),
        source=sys.intern(str(data.get("source") or source)),  # one string for a file's records
        title=title,
        title_derived=bool(data.get("title_derived", title is None)),
        date=date,
        published=published,
        event_date=event_date,
        authors=tuple(str(a) for a in _list(data, "authors")),
        site=_text(data, "site"),
        url=_text(data, "url"),
        fetched=parse_moment(data.get("fetched")),
        publisher=_text(data, "publisher"),
        category=_text(data, "category"),
        views=int(views) if views is not None else None,
        lead=_text(data, "lead"),
        blocks=tuple(block_from_dict(b) for b in _list(data, "blocks")),
        removed=tuple(str(r) for r in _list(data, "removed")),
        warnings=tuple(str(w) for w in _list(data, "warnings")),
        summary=_text(data, "summary"),
    )


def block_from_dict(data: Any) -> Block:
    if isinstance(data, str):
        return Paragraph(data)
    if not isinstance(data, dict) or "text" not in data:
        raise ValueError("a block must be a string or an object with 'text'")
    kind = data.get("type", "paragraph")
    body = str(data["text"])
    if kind == "caption":
        credit = data.get("credit")
        return Caption(body, str(credit) if credit else None)
    if kind == "list":
        return ListBlock(tuple(body.split("\n")), ordered=bool(data.get("ordered", False)))
    if kind == "image":
        src = data.get("src")
        return Image(body, str(src) if src else None)
    if kind not in _SIMPLE_BLOCKS:
        raise ValueError(f"unknown block type {kind!r}")
    return _SIMPLE_BLOCKS[kind](body)


def parse_day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return _day(str(value)[:10])


@functools.lru_cache(maxsize=8192)
def _day(text: str) -> dt.date:
    # One date object per day, shared: a million records over one year need 365, not a million.
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"bad date {text!r}: use YYYY-MM-DD") from None


def parse_stamp(value: Any) -> dt.datetime | dt.date | None:
    if value in (None, ""):
        return None
    text = str(value)
    try:
        return dt.date.fromisoformat(text) if len(text) <= 10 else dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"bad date {value!r}: use YYYY-MM-DD or YYYY-MM-DDTHH:MM") from None


def parse_moment(value: Any) -> dt.datetime | None:
    """A date and time of day (ISO 8601, with its zone when it has one), such as a fetch time."""
    if value in (None, ""):
        return None
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"bad time {value!r}: use YYYY-MM-DDTHH:MM:SS+00:00") from None


def _text(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    return str(value).strip() or None if value is not None else None


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"{key!r} must be a list, not {type(value).__name__}")
    return value
