"""Articles given as data: tgreport's own JSON (a report or one article) or JSON Lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tgreport.errors import InputError
from tgreport.model import Article, Block, Caption, Heading, Image, ListBlock, Paragraph, Quote, Related
from tgreport.read.base import ReaderOptions, article_id, read_bytes
from tgreport.vn import clean_text, decode_bytes

_SIMPLE_BLOCKS: dict[str, type[Paragraph | Heading | Quote | Related | Image]] = {
    "paragraph": Paragraph,
    "heading": Heading,
    "quote": Quote,
    "related": Related,
    "image": Image,
}


def read_json(path: Path, options: ReaderOptions) -> list[Article]:
    text, _ = decode_bytes(read_bytes(path, options), str(path))
    records: list[tuple[int | None, Any]]
    try:
        if path.suffix.lower() == ".jsonl":
            records = [
                (n, json.loads(line)) for n, line in enumerate(text.split("\n"), 1) if line.strip()
            ]
        else:
            data = json.loads(text)
            items = data.get("articles", [data]) if isinstance(data, dict) else data
            if not isinstance(items, list):
                raise InputError("expected an article object, a list of them, or a report", path)
            records = [(None, item) for item in items]
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", path, exc.lineno) from exc
    except RecursionError as exc:
        raise InputError("JSON nested too deeply to be an article", path) from exc
    articles = []
    for index, (line, record) in enumerate(records):
        if not isinstance(record, dict):
            raise InputError("each article must be a JSON object", path, line)
        default_id = article_id(path) if len(records) == 1 else f"{article_id(path)}-{index + 1}"
        try:
            articles.append(_article(record, path, default_id, line))
        except (TypeError, ValueError, AttributeError) as exc:
            # A field of the wrong type ("views": "nhiều", "blocks": 5): name the file, not a bug.
            raise InputError(f"a field has the wrong type: {exc}", path, line) from exc
    return articles


def _article(data: dict[str, Any], path: Path, default_id: str, line: int | None) -> Article:
    def text(key: str) -> str | None:
        value = data.get(key)
        return clean_text(str(value)).strip() or None if value is not None else None

    try:
        published = _parse_stamp(data.get("published"))
        event_date = _parse_day(data.get("event_date"))
        date = _parse_day(data.get("date"))
    except ValueError as exc:
        raise InputError(f"bad date: {exc}", path, line) from exc
    if date is None:
        date = published.date() if isinstance(published, dt.datetime) else published or event_date
    title = text("title")
    return Article(
        id=str(data.get("id") or default_id),
        source=str(path),
        title=title,
        title_derived=bool(data.get("title_derived", title is None)),
        date=date,
        published=published,
        event_date=event_date,
        authors=tuple(clean_text(str(a)) for a in data.get("authors") or ()),
        publisher=text("publisher"),
        category=text("category"),
        views=int(data["views"]) if data.get("views") is not None else None,
        lead=text("lead"),
        blocks=tuple(_block(b, path, line) for b in data.get("blocks") or ()),
        removed=tuple(str(r) for r in data.get("removed") or ()),
        warnings=tuple(str(w) for w in data.get("warnings") or ()),
    )


def _block(data: Any, path: Path, line: int | None) -> Block:
    if isinstance(data, str):
        return Paragraph(clean_text(data))
    if not isinstance(data, dict) or "text" not in data:
        raise InputError("a block must be a string or an object with 'text'", path, line)
    kind = data.get("type", "paragraph")
    body = clean_text(str(data["text"]))
    if kind == "caption":
        credit = data.get("credit")
        return Caption(body, clean_text(str(credit)) if credit else None)
    if kind == "list":
        return ListBlock(tuple(body.split("\n")), ordered=bool(data.get("ordered", False)))
    if kind not in _SIMPLE_BLOCKS:
        raise InputError(f"unknown block type {kind!r}", path, line)
    return _SIMPLE_BLOCKS[kind](body)


def _parse_day(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    return dt.date.fromisoformat(str(value)[:10])


def _parse_stamp(value: Any) -> dt.datetime | dt.date | None:
    if value in (None, ""):
        return None
    text = str(value)
    if len(text) <= 10:
        return dt.date.fromisoformat(text)
    return dt.datetime.fromisoformat(text)
