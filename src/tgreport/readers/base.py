"""The reader contract and the reader for each input suffix."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Article

log = logging.getLogger(__name__)

DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class ReaderOptions:
    """What readers may be told: extra chrome phrases from the config file, the size limit."""

    extra_chrome: tuple[str, ...] = ()
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES
    tone_style: str | None = None
    extra: dict[str, object] = field(default_factory=dict)


def read_bytes(path: Path, options: ReaderOptions) -> bytes:
    """The file's bytes, refusing files above the size limit before reading them."""
    try:
        size = path.stat().st_size
        if size > options.max_input_bytes:
            limit_mb = options.max_input_bytes / 1024 / 1024
            raise InputError(f"larger than the {limit_mb:g} MB input limit; skipped", path)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from exc


def article_id(path: Path) -> str:
    return path.stem


def read_path(path: Path, options: ReaderOptions | None = None) -> list[Article]:
    """The articles in one file (a .jsonl file may hold many)."""
    options = options or ReaderOptions()
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        from .json_reader import read_json

        return read_json(path, options)
    if suffix in (".html", ".htm"):
        from .html_reader import read_html

        return [read_html(path, options)]
    from .text_reader import read_text

    return [read_text(path, options)]
