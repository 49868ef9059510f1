"""Articles given as data: tgreport's own JSON (a report or one article) or JSON Lines."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from tgreport.contract import article_from_dict
from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read.files import article_id, read_bytes
from tgreport.read.notes import note
from tgreport.read.scraper_shapes import UnknownShape, to_contract
from tgreport.read.text import decode
from tgreport.settings import Settings
from tgreport.vn import clean_text


def read_json(path: Path, settings: Settings) -> list[Article]:
    text, _ = decode(read_bytes(path, settings), path)
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
    ignored: set[str] = set()
    for index, (line, record) in enumerate(records):
        if not isinstance(record, dict):
            raise InputError("each article must be a JSON object", path, line)
        default_id = article_id(path) if len(records) == 1 else f"{article_id(path)}-{index + 1}"
        articles.append(_article(record, path, default_id, line, ignored))
    if ignored:  # once per file, not once per record: a scraper writes the same keys each time
        note(logging.WARNING, f"{path}: keys ignored: {', '.join(sorted(ignored))}")
    return articles


def _article(data: dict[str, Any], path: Path, default_id: str, line: int | None,
             ignored: set[str] | None = None) -> Article:
    try:
        mapped, extra = to_contract(data)
    except UnknownShape as exc:
        raise InputError(str(exc), path, line) from exc
    if ignored is not None:
        ignored |= extra
    try:
        # The article's source is the file it was read from, whatever the record says.
        record = {**_cleaned(mapped), "source": str(path)}
        return article_from_dict(record, source=str(path), default_id=default_id)
    except ValueError as exc:
        raise InputError(str(exc), path, line) from exc
    except (TypeError, AttributeError) as exc:
        # A field of the wrong type ("views": "nhiều", "blocks": 5): name the file, not a bug.
        raise InputError(f"a field has the wrong type: {exc}", path, line) from exc


def _cleaned(value: Any) -> Any:
    """`value` with every string in it cleaned as the readers clean text (NFC, no controls)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {key: _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return value
