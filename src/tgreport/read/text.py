"""Plain page text, as copied or scraped from a news site, read by the page reader."""

from __future__ import annotations

from pathlib import Path

from tgreport.model import Article
from tgreport.read.files import decode, read_bytes
from tgreport.read.page import read_page
from tgreport.settings import Settings


def read_text(path: Path, settings: Settings) -> list[Article]:
    text, encoding = decode(read_bytes(path, settings), path)
    return [read_page(text, path, settings, encoding)]
