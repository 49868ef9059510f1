"""Plain page text: first non-empty line is the title, other lines are paragraphs."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..model import Article, Paragraph
from ..vn import decode_bytes
from .base import ReaderOptions, article_id, read_bytes


def read_text(path: Path, options: ReaderOptions) -> Article:
    text, encoding = decode_bytes(read_bytes(path, options), str(path))
    return article_from_text(text, path, options, encoding=encoding)


def article_from_text(
    text: str, path: Path, options: ReaderOptions, encoding: str = "utf-8"
) -> Article:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        raise InputError("no text in this file", path)
    warnings = () if encoding == "utf-8" else (f"{path}: decoded as {encoding}",)
    return Article(
        id=article_id(path),
        source=str(path),
        title=lines[0],
        blocks=tuple(Paragraph(line) for line in lines[1:]),
        warnings=warnings,
    )
