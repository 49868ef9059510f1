"""Articles given as data: tgreport's own JSON (a report or one article) or JSON Lines."""

from __future__ import annotations

import codecs
import itertools
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from tgreport.contract import article_from_dict
from tgreport.errors import InputError
from tgreport.model import Article
from tgreport.read.files import article_id, decode, open_input, read_bytes, refuse_binary, too_large
from tgreport.read.notes import note
from tgreport.read.scraper_shapes import UnknownShape, to_contract
from tgreport.settings import Settings
from tgreport.vn import clean_text, guess_encoding, repair_mojibake


def read_json(path: Path, settings: Settings) -> list[Article]:
    if path.suffix.lower() == ".jsonl":
        return _read_jsonl(path, settings)
    text, _ = decode(read_bytes(path, settings), path)
    records: list[tuple[int | None, Any]]
    try:  # one JSON document: a report, an article, or a list of articles
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
    clean = _clean_throughout(text)
    for index, (line, record) in enumerate(records):
        if not isinstance(record, dict):
            raise InputError("each article must be a JSON object", path, line)
        default_id = article_id(path) if len(records) == 1 else f"{article_id(path)}-{index + 1}"
        articles.append(_article(record, path, default_id, line, ignored, clean=clean))
    _say_ignored(path, ignored)
    return articles


def _say_ignored(path: Path, ignored: set[str]) -> None:
    if ignored:  # once per file, not once per record: a scraper writes the same keys each time
        note(logging.WARNING, f"{path}: keys ignored: {', '.join(sorted(ignored))}")


MAX_NAMED_LINES = 10  # line numbers named in the one warning about a file's bad lines


def _read_jsonl(path: Path, settings: Settings) -> list[Article]:
    ignored: set[str] = set()
    try:
        articles = _read_lines(_streamed_lines(path, settings), path, ignored)
    except _NotStreamed:
        ignored = set()
        text, _ = decode(read_bytes(path, settings), path)
        articles = _read_lines(_lines(text), path, ignored)
    _say_ignored(path, ignored)
    return articles


def _read_lines(lines: Iterator[tuple[int, str]], path: Path, ignored: set[str]) -> list[Article]:
    """JSON Lines: every good record is kept; the bad lines (a scraper killed mid-write leaves a
    cut last line) are named in one warning, or, when no line is good, in the error."""
    articles: list[Article] = []
    bad: list[tuple[int, str]] = []  # (line number, why)
    stem = article_id(path)
    ahead = list(itertools.islice(lines, 2))
    only_one = len(ahead) == 1  # a one-record file's article takes the file's id
    for count, (number, line) in enumerate(itertools.chain(ahead, lines), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            bad.append((number, f"invalid JSON: {exc.msg}"))
            continue
        except RecursionError:
            bad.append((number, "JSON nested too deeply to be an article"))
            continue
        if not isinstance(record, dict):
            bad.append((number, "each article must be a JSON object"))
            continue
        try:
            articles.append(_article(record, path, stem if only_one else f"{stem}-{count}", number, ignored))
        except InputError as exc:
            bad.append((number, exc.message))
    if bad and not articles:
        more = f" (and {len(bad) - 1} more bad lines)" if len(bad) > 1 else ""
        raise InputError(bad[0][1] + more, path, bad[0][0])
    if bad:
        named = ", ".join(f"{n} ({why})" for n, why in bad[:MAX_NAMED_LINES])
        more = f" and {len(bad) - MAX_NAMED_LINES} more" if len(bad) > MAX_NAMED_LINES else ""
        note(logging.WARNING, f"{path}: {len(bad)} of {len(bad) + len(articles)} records unreadable, "
                              f"left out: line {named}{more}; the other {len(articles)} kept")
    return articles


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every line that is not blank, without a list of every line: a
    file of a million records is read in little more than its own size."""
    start, number = 0, 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        number += 1
        if text[start:end].strip():
            yield number, text[start:end]
        start = end + 1


class _NotStreamed(Exception):
    """The file is not plain UTF-8 throughout: it is read whole, as read/text.decode reads it."""


# A file read a line at a time is first judged by its head, which must hold more than the
# 50,000 characters vn.guess_encoding judges a whole file's encoding by, so both judge alike.
_HEAD_BYTES = 256 * 1024
_HEAD_CHARS = 64 * 1024


def _streamed_lines(path: Path, settings: Settings) -> Iterator[tuple[int, str]]:
    """What _lines(decode(read_bytes(path))) gives, the file read a piece at a time, so a file of
    a million records never has its whole text in memory beside its articles. Only for a file
    that is plain UTF-8 (no BOM, nothing to repair): _NotStreamed, before or while the lines
    come, for any other, or for a small one (read whole, it costs little)."""
    try:
        with open_input(path, settings) as handle:
            head = handle.read(_HEAD_BYTES)
            if len(head) < _HEAD_BYTES or head.startswith(codecs.BOM_UTF8):
                raise _NotStreamed
            refuse_binary(head, path)
            try:
                judged = guess_encoding(head[: head.rfind(b"\n") + 1])
            except UnicodeDecodeError:
                raise _NotStreamed from None
            if judged.encoding != "utf-8" or judged.repaired or len(judged.text) < _HEAD_CHARS:
                raise _NotStreamed
            handle.seek(0)
            number, found = 0, False
            for piece in _pieces(handle, path, settings.max_input_bytes):
                lines = _cleaned_text(piece).split("\n")
                if piece.endswith(b"\n"):
                    lines.pop()  # the empty "line" after the last line end
                for line in lines:
                    number += 1
                    if line.strip():
                        found = True
                        yield number, line
            if not found:  # an empty file: the whole-file reading says so
                raise _NotStreamed
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from exc


_PIECE_BYTES = 1024 * 1024


def _pieces(handle: BinaryIO, path: Path, limit: int) -> Iterator[bytes]:
    """The file's bytes in pieces of whole lines (each but the last ends in b"\\n")."""
    rest: list[bytes] = []  # a line begun, not ended yet (a list: one line may be megabytes)
    read = 0
    while block := handle.read(_PIECE_BYTES):
        read += len(block)
        if read > limit:  # the file grew past the limit since it was opened
            raise too_large(path, limit)
        end = block.rfind(b"\n") + 1
        if not end:
            rest.append(block)
            continue
        yield b"".join([*rest, block[:end]])
        rest = [block[end:]]
    if any(rest):
        yield b"".join(rest)


def _cleaned_text(piece: bytes) -> str:
    """Whole lines as decode leaves them: cleaning works line by line, so a piece of the file
    comes out as it does within the whole text, unless it needs what only the whole-file
    reading does (a repair, a cut character): then _NotStreamed."""
    try:
        text = piece.decode("utf-8")
    except UnicodeDecodeError:
        raise _NotStreamed from None
    if repair_mojibake(text)[1] is not None:
        raise _NotStreamed
    return clean_text(text)


def _clean_throughout(text: str) -> bool:
    """Whether every string in the JSON document `text`, as decode left it, is clean already
    (clean_text would leave it as it is), so the per-string cleaning can be skipped: a tgreport
    export usually is, and cleaning its tens of thousands of strings one by one is a third of
    the work of reading it.

    decode gives text that clean_text leaves as it is (tests/vn). Without a backslash there is no
    escape, so each string is the text between two quotes; clean_text's replacements work
    character by character, and a quote composes with nothing, so the strings of an NFC text are
    NFC too. An escape may stand for anything ("\\u00a0", "\\r"): then each string is cleaned."""
    return "\\" not in text


_ABSENT = object()  # no value of a record is this one


def _article(data: dict[str, Any], path: Path, default_id: str, line: int | None,
             ignored: set[str] | None = None, *, clean: bool = False) -> Article:
    try:
        mapped, extra = to_contract(data)
    except UnknownShape as exc:
        raise InputError(str(exc), path, line) from exc
    if ignored is not None:
        ignored |= extra
    try:
        # The article's source is the file it was read from, whatever the record says.
        # Clean strings stay clean when to_contract only picked them (tgreport's own shape); a
        # scraper's record is mapped, and its names may come from the configuration.
        picked = clean and all(data.get(key, _ABSENT) is value for key, value in mapped.items())
        record = {**(mapped if picked else _cleaned(mapped)), "source": str(path)}
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
