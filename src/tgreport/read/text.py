"""Plain page text, as copied or scraped from a news site, read by the page reader."""

from __future__ import annotations

from pathlib import Path

from tgreport.model import Article
from tgreport.read.base import ReaderOptions, read_bytes
from tgreport.read.page import read_page
from tgreport.vn import decode_bytes


def read_text(path: Path, options: ReaderOptions) -> Article:
    text, encoding = decode_bytes(read_bytes(path, options), str(path))
    return article_from_text(text, path, options, encoding=encoding)


def article_from_text(
    text: str,
    path: Path,
    options: ReaderOptions,
    encoding: str = "utf-8",
    *,
    title_hint: str | None = None,
) -> Article:
    """The article in `text` (already decoded); the HTML reader calls this with the page's text
    and, as `title_hint`, the text of its <h1>."""
    return read_page(text, path, options, encoding, title_hint=title_hint)
