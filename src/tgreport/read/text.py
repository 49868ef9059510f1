"""Plain page text, as copied or scraped from a news site, read by the page reader."""

from __future__ import annotations

import logging
from pathlib import Path

from tgreport.model import Article
from tgreport.read.files import read_bytes
from tgreport.read.notes import note
from tgreport.read.page import read_page
from tgreport.settings import Settings
from tgreport.vn import decode_bytes


def read_text(path: Path, settings: Settings) -> list[Article]:
    text, encoding = decode(read_bytes(path, settings), path)
    return [read_page(text, path, settings, encoding)]


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """vn.decode_bytes, with what it says of the encoding kept as the file's notes."""
    said: list[str] = []
    decoded = decode_bytes(data, str(path), said)
    for message in said:
        note(logging.WARNING, message)
    return decoded
